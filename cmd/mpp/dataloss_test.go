package main

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// treeSums is the SHA-256 of every file under dir, by relative path.
func treeSums(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		out[rel] = fmt.Sprintf("%x", sha256.Sum256(b))
		return nil
	})
	return out
}

func sameSums(t *testing.T, what string, before, after map[string]string) {
	t.Helper()
	if fmt.Sprint(before) != fmt.Sprint(after) {
		t.Errorf("%s changed:\nbefore %v\nafter  %v", what, before, after)
	}
}

// An input reached through a symbolically linked folder is never written
// over, even with --forzar (issue 16, item 1): render, diff
// --control-de-cambios and ocr.
func TestNoOverwriteThroughLinkedFolder(t *testing.T) {
	dir := t.TempDir()
	exp := filepath.Join(dir, "H.4.05")
	copyDir(t, "../../examples/H.4.05", exp)
	link := filepath.Join(dir, "enlace")
	if err := os.Symlink(exp, link); err != nil {
		t.Fatal(err)
	}
	// A scan with no extension, so that -o's name says nothing of its
	// format and only the link check stands between it and the output.
	scanDir := filepath.Join(dir, "escaneos")
	os.MkdirAll(scanDir, 0o755)
	scan := filepath.Join(scanDir, "hoja")
	pdf, _ := os.ReadFile(smallScan(t, t.TempDir(), 1))
	writeFile(t, scan, string(pdf))
	scanLink := filepath.Join(dir, "escaneos-enlace")
	os.Symlink(scanDir, scanLink)
	before, scansBefore := treeSums(t, exp), treeSums(t, scanDir)
	for _, args := range [][]string{
		// The newer manual, through the link.
		{"diff", "../../examples/H.4.05", exp, "--control-de-cambios", "--fecha", "2022-12-01", "-o", filepath.Join(link, "manual.yaml"), "--forzar"},
		{"diff", "../../examples/H.4.05", link, "--control-de-cambios", "--fecha", "2022-12-01", "-o", filepath.Join(exp, "manual.yaml"), "--forzar"},
		// A YAML file is text: ingesting it into its own folder, by the link.
		{"ingest", filepath.Join(exp, "manual.yaml"), "-o", link, "--forzar"},
		{"ocr", scan, "-o", filepath.Join(scanLink, "hoja"), "--forzar"},
	} {
		code, _, errOut := mpp(t, args...)
		if code != exitUsage || !strings.Contains(errOut, "es uno de los archivos de entrada") {
			t.Errorf("%v: %d %q", args, code, errOut)
		}
	}
	// Where -o's name does say the format, it is refused before anything.
	if code, _, errOut := mpp(t, "render", "acuerdo", exp, "-o", filepath.Join(link, "acuerdo.yaml"), "--forzar"); code != exitUsage || !strings.Contains(errOut, "es un archivo YAML") {
		t.Errorf("render onto a YAML input: %d %q", code, errOut)
	}
	sameSums(t, "the expediente", before, treeSums(t, exp))
	sameSums(t, "the scan", scansBefore, treeSums(t, scanDir))
}

// certificar does not follow a «certificado» link out of the expediente,
// with or without --forzar (issue 16, item 2).
func TestCertifyDoesNotFollowLinks(t *testing.T) {
	dir := t.TempDir()
	exp, other := filepath.Join(dir, "H.4.05"), filepath.Join(dir, "S.5.01")
	copyDir(t, "../../examples/H.4.05", exp)
	copyDir(t, "../../examples/S.5.01", other)
	os.Remove(filepath.Join(exp, "certificacion.yaml"))
	// The other expediente's files stand where certificar writes.
	os.MkdirAll(filepath.Join(other, "certificado"), 0o755)
	writeFile(t, filepath.Join(other, "certificado", "manual.yaml"), "de otro expediente\n")
	writeFile(t, filepath.Join(other, "certificado", "acuerdo.yaml"), "de otro expediente\n")
	if err := os.Symlink(filepath.Join(other, "certificado"), filepath.Join(exp, "certificado")); err != nil {
		t.Fatal(err)
	}
	before := treeSums(t, other)
	for _, force := range []bool{false, true} {
		args := []string{"certificar", exp, "--folio", "F-1", "--fecha", "2022-11-18", "--firmante", "DJ"}
		if force {
			args = append(args, "--forzar")
		}
		code, _, errOut := mpp(t, args...)
		if code != exitUsage || !strings.Contains(errOut, "queda fuera de la carpeta de salida") {
			t.Errorf("--forzar %v: %d %q", force, code, errOut)
		}
		if _, err := os.Stat(filepath.Join(exp, "certificacion.yaml")); err == nil {
			t.Errorf("--forzar %v: certificacion.yaml written", force)
		}
	}
	sameSums(t, "the other expediente", before, treeSums(t, other))
}

// build does not replace documents without --forzar, and never writes
// over the expediente's own files (issue 16, item 3).
func TestBuildIntoTheExpedientesFolder(t *testing.T) {
	dir := t.TempDir()
	exp := filepath.Join(dir, "H.4.05")
	copyDir(t, "../../examples/H.4.05", exp)
	writeFile(t, filepath.Join(exp, "manual.pdf"), "el PDF del usuario")
	before := treeSums(t, exp)
	code, _, errOut := mpp(t, "build", exp, "-o", dir)
	if code != exitUsage || !strings.Contains(errOut, "manual.pdf: ya existe; use --forzar") {
		t.Errorf("build over the user's PDF: %d %q", code, errOut)
	}
	sameSums(t, "the expediente", before, treeSums(t, exp))
}

// A workbook whose Actividades sheet XML is cut short is refused naming
// the sheet, not read as fewer activities (issue 16, item 4).
func TestImportTruncatedSheet(t *testing.T) {
	dir := t.TempDir()
	book := filepath.Join(dir, "libro.xlsx")
	if code, _, errOut := mpp(t, "render", "xlsx", "../../examples/H.4.05", "-o", book); code != 0 {
		t.Fatalf("render xlsx: %s", errOut)
	}
	cut := filepath.Join(dir, "cortado.xlsx")
	writeFile(t, cut, string(truncatePart(t, book, "Actividades")))
	before := treeSums(t, dir)
	out := filepath.Join(dir, "exp")
	code, _, errOut := mpp(t, "importar", "xlsx", cut, "-o", out)
	if code != exitUsage || !strings.Contains(errOut, "hoja «Actividades»") || !strings.Contains(errOut, "dañada") {
		t.Errorf("truncated sheet: %d %q", code, errOut)
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("something was written")
	}
	sameSums(t, "the inputs", before, treeSums(t, dir))
}

// truncatePart rewrites a workbook with the XML of one sheet cut in half,
// the zip itself intact (as a tool that died mid-save leaves it).
func truncatePart(t *testing.T, book, sheet string) []byte {
	t.Helper()
	data, _ := os.ReadFile(book)
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	// The sheet's part, found the way a reader does: workbook.xml order.
	f, err := excelize.OpenFile(book)
	if err != nil {
		t.Fatal(err)
	}
	idx, _ := f.GetSheetIndex(sheet)
	part := fmt.Sprintf("xl/worksheets/sheet%d.xml", idx+1)
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	found := false
	for _, zf := range zr.File {
		rc, _ := zf.Open()
		b, _ := io.ReadAll(rc)
		rc.Close()
		if zf.Name == part {
			b, found = b[:len(b)/2], true
		}
		w, _ := zw.Create(zf.Name)
		w.Write(b)
	}
	zw.Close()
	if !found {
		t.Fatalf("no part %s for sheet %s", part, sheet)
	}
	return buf.Bytes()
}
