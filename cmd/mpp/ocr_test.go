package main

import (
	"encoding/json"
	"fmt"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/cipro-ine/mpp/manuals"
	"github.com/cipro-ine/mpp/ocr"
	"github.com/cipro-ine/mpp/ocr/scan"
)

// seedScan draws the start of a seed acuerdo on pages and returns them.
func seedScan(t *testing.T, words int, o scan.Options) []scan.Page {
	t.Helper()
	text, err := scan.SeedText("../../testdata/seeds/INE-JGE248-2022-gestion-portal-institucional.txt", words)
	if err != nil {
		t.Fatal(err)
	}
	pages, err := scan.Pages(text, o)
	if err != nil {
		t.Fatal(err)
	}
	return pages
}

func TestOCRScannedPDF(t *testing.T) {
	skipHeavyOCR(t)
	dir := t.TempDir()
	pages := seedScan(t, 700, scan.Options{DPI: 300})
	if len(pages) < 2 {
		t.Fatalf("%d pages", len(pages))
	}
	pages = pages[:2]
	pdf, err := scan.PDF(pages)
	if err != nil {
		t.Fatal(err)
	}
	in := filepath.Join(dir, "escaneo.pdf")
	writeFile(t, in, string(pdf))
	out, words := filepath.Join(dir, "acuerdo.txt"), filepath.Join(dir, "palabras.json")
	code, stdout, errOut := mpp(t, "ocr", in, "-o", out, "--palabras", words, "-j", "2")
	if code != 0 {
		t.Fatalf("ocr: %d %s %s", code, stdout, errOut)
	}
	b, _ := os.ReadFile(out)
	txt := string(b)
	if !strings.HasPrefix(txt, "=== página 1 ===\n") || !strings.Contains(txt, "\n=== página 2 ===\n") {
		t.Errorf("page marks missing:\n%.300s", txt)
	}
	// In order, and close to what was drawn. Page 2 holds the quoted
	// articles with their lone «...» lines, which Tesseract drops, and the
	// «III.» it reads «111.»: 1.9 % there (see the closing note of the OCR
	// work), so the bound is looser than the clean-page test's.
	i := strings.Index(txt, "=== página 2 ===")
	if cer := ocr.CER(pages[0].Text, txt[len("=== página 1 ==="):i]); cer > 0.01 {
		t.Errorf("page 1 CER %.2f %%", 100*cer)
	}
	if cer := ocr.CER(pages[1].Text, txt[i+len("=== página 2 ==="):]); cer > 0.025 {
		t.Errorf("page 2 CER %.2f %%", 100*cer)
	}
	var w struct {
		Paginas  int        `json:"paginas"`
		Palabras []ocr.Word `json:"palabras"`
	}
	jb, _ := os.ReadFile(words)
	if err := json.Unmarshal(jb, &w); err != nil || w.Paginas != 2 || len(w.Palabras) < 500 || w.Palabras[len(w.Palabras)-1].Page != 2 {
		t.Errorf("words: %v, %d pages, %d words", err, w.Paginas, len(w.Palabras))
	}
	if !strings.HasPrefix(stdout, "Página") && !strings.HasPrefix(stdout, "Sin palabras dudosas") {
		t.Errorf("review list: %.200s", stdout)
	}
}

func TestOCRBadInputs(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "t.txt")
	empty := filepath.Join(dir, "vacio.pdf")
	writeFile(t, empty, "")
	garbage := filepath.Join(dir, "basura.png")
	writeFile(t, garbage, "esto no es una imagen")
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{filepath.Join(dir, "no-existe.pdf")}, "no-existe.pdf: no existe"},
		{[]string{empty}, "vacio.pdf: el archivo está vacío"},
		{[]string{garbage}, "basura.png: formato no admitido"},
	} {
		code, _, errOut := mpp(t, append([]string{"ocr", "-o", out}, c.args...)...)
		if code != exitUsage || !strings.Contains(errOut, c.want) {
			t.Errorf("%v: %d %s", c.args, code, errOut)
		}
		if _, err := os.Stat(out); err == nil {
			t.Errorf("%v: output written", c.args)
		}
	}
}

// A page that cannot be read does not stop the others: they come out, in
// order, the bad one is named, and the exit code says "partial".
func TestOCRPartial(t *testing.T) {
	skipHeavyOCR(t)
	dir := t.TempDir()
	pages := seedScan(t, 120, scan.Options{DPI: 150})
	good := filepath.Join(dir, "hoja1.pdf")
	pdf, err := scan.PDF(pages[:1])
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, good, string(pdf))
	bad := filepath.Join(dir, "hoja2.png")
	writeFile(t, bad, "\x89PNG\r\n\x1a\ntruncado")
	out := filepath.Join(dir, "t.txt")
	code, _, errOut := mpp(t, "ocr", good, bad, good, "-o", out, "--dpi", "150")
	if code != exitPartial || !strings.Contains(errOut, "página 2 (") || !strings.Contains(errOut, "hoja2.png") {
		t.Errorf("partial: %d %s", code, errOut)
	}
	b, _ := os.ReadFile(out)
	txt := string(b)
	if !strings.Contains(txt, "=== página 1 ===\nINE/") || !strings.Contains(txt, "=== página 2 ===\n\n=== página 3 ===\nINE/") {
		t.Errorf("pages in order, the bad one empty:\n%.400s", txt)
	}
}

// The scanned seeds ingest to the same structure as the text drawn on
// them, and every considerando and punto knows its page.
func TestIngestScannedSeeds(t *testing.T) {
	skipHeavyOCR(t)
	for code, seed := range seedFiles {
		t.Run(code, func(t *testing.T) {
			text, err := scan.SeedText(seed, 1<<30)
			if err != nil {
				t.Fatal(err)
			}
			pages, err := scan.Pages(text, scan.Options{DPI: 300})
			if err != nil {
				t.Fatal(err)
			}
			pdf, err := scan.PDF(pages)
			if err != nil {
				t.Fatal(err)
			}
			dir := t.TempDir()
			in := filepath.Join(dir, "escaneo.pdf")
			writeFile(t, in, string(pdf))
			txt := filepath.Join(dir, "texto.txt")
			writeFile(t, txt, text)
			fromText, fromScan := filepath.Join(dir, "texto"), filepath.Join(dir, "escaneo")
			if code, out, errOut := mpp(t, "ingest", txt, "-o", fromText); code != exitOK {
				t.Fatalf("ingest text: %d %s %s", code, out, errOut)
			}
			if code, out, errOut := mpp(t, "ingest", in, "-o", fromScan); code != exitOK {
				t.Fatalf("ingest scan: %d %s %s", code, out, errOut)
			}
			// What a scan gives loads in a YAML 1.1 reader too (PyYAML's
			// safe_load), OCR review words such as «=» included.
			for _, f := range []string{"acuerdo.yaml", "manual.yaml"} {
				py := exec.Command("python3", "-c", "import sys, yaml; yaml.safe_load(open(sys.argv[1], encoding='utf-8'))", filepath.Join(fromScan, f))
				if out, err := py.CombinedOutput(); err != nil {
					t.Errorf("PyYAML safe_load of %s: %v\n%s", f, err, out)
				}
			}
			a, b := loadAcuerdo(t, fromText), loadAcuerdo(t, fromScan)
			structure := func(a *manuals.Acuerdo) string {
				var s []string
				s = append(s, a.Codigo, string(a.Proceso.Codigo), a.Proceso.Nombre, a.Sesion.Fecha.String(), fmt.Sprint(len(a.Glosario), len(a.Antecedentes), len(a.AllConsiderandos()), len(a.Votacion.AFavor)))
				for _, c := range a.AllConsiderandos() {
					s = append(s, strconv.Itoa(c.Numero))
				}
				for _, p := range a.Puntos {
					s = append(s, p.Ordinal)
				}
				return strings.Join(s, " | ")
			}
			if structure(a) != structure(b) {
				t.Errorf("structure differs:\n text: %s\n scan: %s", structure(a), structure(b))
			}
			for _, c := range b.AllConsiderandos() {
				if c.Origen == nil || c.Origen.Pagina < 1 || c.Origen.Pagina > len(pages) {
					t.Errorf("considerando %d without its page: %+v", c.Numero, c.Origen)
				}
			}
			last := b.Puntos[len(b.Puntos)-1]
			if last.Origen == nil || last.Origen.Pagina < len(pages)-2 {
				t.Errorf("last punto on page %+v of %d", last.Origen, len(pages))
			}
			checkReviewSheet(t, b, fromScan, len(pages))
		})
	}
}

// checkReviewSheet: the doubtful words of the scan are in acuerdo.yaml and,
// one row each, in the workbook's «Revisión OCR» sheet, not yet reviewed.
func checkReviewSheet(t *testing.T, a *manuals.Acuerdo, dir string, pages int) {
	t.Helper()
	if len(a.RevisionOCR) == 0 {
		t.Fatal("no revision_ocr in the scanned acuerdo")
	}
	for _, d := range a.RevisionOCR {
		if d.Pagina < 1 || d.Pagina > pages || d.Renglon < 1 || d.Palabra == "" || d.Confianza < 0 || d.Confianza > 100 ||
			d.Confianza >= ocr.DefaultMinConfidence && d.Sugerencia == "" {
			t.Errorf("review entry not a doubt: %+v", d)
		}
	}
	book := filepath.Join(t.TempDir(), "libro.xlsx")
	if code, _, errOut := mpp(t, "render", "xlsx", dir, "-o", book); code != exitOK {
		t.Fatalf("render xlsx: %d %s", code, errOut)
	}
	f, err := excelize.OpenFile(book)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows("Revisión OCR")
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != len(a.RevisionOCR)+1 || strings.Join(rows[0], "|") != "Acuerdo|Página|Renglón|Palabra|Confianza|Sugerencia|Revisada|Corrección" {
		t.Fatalf("sheet: %d rows for %d words; header %v", len(rows), len(a.RevisionOCR), rows[0])
	}
	for i, d := range a.RevisionOCR {
		r := rows[i+1]
		want := []string{a.Codigo, strconv.Itoa(d.Pagina), strconv.Itoa(d.Renglon), d.Palabra, strconv.FormatFloat(d.Confianza, 'f', -1, 64)}
		if strings.Join(r[:5], "|") != strings.Join(want, "|") || r[6] != "No" || len(r) > 5 && r[5] != d.Sugerencia {
			t.Errorf("row %d: %v, want %v … %q No", i+2, r, want, d.Sugerencia)
		}
	}
	dv, err := f.GetDataValidations("Revisión OCR")
	if err != nil || len(dv) == 0 || !strings.Contains(dv[0].Sqref, "G2") {
		t.Errorf("no Sí/No validation on Revisada: %v %+v", err, dv)
	}
}

func loadAcuerdo(t *testing.T, dir string) *manuals.Acuerdo {
	t.Helper()
	e, err := manuals.LoadExpediente(dir)
	if err != nil {
		t.Fatal(err)
	}
	return e.Acuerdo
}

// A page scanned upside down: «mpp ocr» reads it upright and says so.
func TestOCRUpsideDownPage(t *testing.T) {
	skipHeavyOCR(t)
	pages, err := scan.Pages("ACUERDO DE LA JUNTA GENERAL EJECUTIVA DEL INSTITUTO NACIONAL ELECTORAL\n\nEl presente Acuerdo fue aprobado en sesión ordinaria de la Junta General Ejecutiva celebrada el 24 de noviembre de 2022.", scan.Options{DPI: 300})
	if err != nil {
		t.Fatal(err)
	}
	g := pages[0].Image
	b := g.Bounds()
	flipped := image.NewGray(b)
	for y := 0; y < b.Dy(); y++ {
		for x := 0; x < b.Dx(); x++ {
			flipped.SetGray(b.Dx()-1-x, b.Dy()-1-y, g.GrayAt(b.Min.X+x, b.Min.Y+y))
		}
	}
	dir := t.TempDir()
	in := filepath.Join(dir, "de-cabeza.png")
	f, err := os.Create(in)
	if err != nil {
		t.Fatal(err)
	}
	if err := png.Encode(f, flipped); err != nil {
		t.Fatal(err)
	}
	f.Close()
	out := filepath.Join(dir, "texto.txt")
	code, _, errOut := mpp(t, "ocr", in, "-o", out)
	if code != exitOK || !strings.Contains(errOut, "página 1: estaba de cabeza; se leyó derecha") {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	text, _ := os.ReadFile(out)
	if !strings.Contains(strings.Join(strings.Fields(string(text)), " "), "celebrada el 24 de noviembre de 2022") {
		t.Errorf("not read upright:\n%s", text)
	}
}
