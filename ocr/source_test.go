package ocr_test

import (
	"bytes"
	"context"
	"encoding/binary"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"codeberg.org/go-pdf/fpdf"

	"github.com/cipro-ine/mpp/ocr"
	"github.com/cipro-ine/mpp/ocr/scan"
)

func hojas(t *testing.T, n, dpi int) []scan.Page {
	t.Helper()
	pages, err := scan.Sheets(n, dpi)
	if err != nil {
		t.Fatal(err)
	}
	return pages
}

func write(t *testing.T, name string, b []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// A multi-page TIFF is read page by page, at the resolution it declares.
func TestTIFFMultiPage(t *testing.T) {
	path := write(t, "hojas.tif", scan.TIFF(hojas(t, 3, 200), 200))
	// The file is a real multi-page TIFF: Tesseract (Leptonica) reads all
	// three pages of it on its own.
	cmd := exec.Command("tesseract", path, "stdout", "-l", "spa", "--psm", "6")
	cmd.Env = append(os.Environ(), ocr.OMPLimitVar+"=1")
	out, err := cmd.Output()
	if err != nil {
		t.Fatal(err)
	}
	if i1, i3 := strings.Index(string(out), "Hoja número 1"), strings.Index(string(out), "Hoja número 3"); i1 < 0 || i3 < i1 {
		t.Fatalf("tesseract does not read the test TIFF's pages:\n%s", out)
	}
	src, err := ocr.Sources(context.Background(), []string{path}, ocr.SourceOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(src) != 3 {
		t.Fatalf("%d pages, want 3", len(src))
	}
	for i, s := range src {
		if s.Kind != "tiff" || s.Index != i+1 || s.DPI != 200 {
			t.Errorf("page %d: %+v", i+1, s)
		}
	}
	got, failed, err := ocr.Batch(context.Background(), src, ocr.Options{}, ocr.BatchOptions{Workers: 2})
	if err != nil || len(failed) > 0 {
		t.Fatal(err, failed)
	}
	checkPages(t, got, nil)
}

// A TIFF whose middle page is corrupt: the other pages come out, the bad
// one is named.
func TestTIFFCorruptPage(t *testing.T) {
	b := scan.TIFF(hojas(t, 3, 150), 150)
	// Page 2's Compression entry: make it a scheme no reader knows.
	ifd2 := firstIFDAfter(t, b, 1)
	for e := ifd2 + 2; e < ifd2+2+12*int(binary.LittleEndian.Uint16(b[ifd2:])); e += 12 {
		if binary.LittleEndian.Uint16(b[e:]) == 259 {
			binary.LittleEndian.PutUint16(b[e+8:], 99)
		}
	}
	path := write(t, "hojas.tif", b)
	src, err := ocr.Sources(context.Background(), []string{path}, ocr.SourceOptions{})
	if err != nil {
		t.Fatal(err)
	}
	got, failed, err := ocr.Batch(context.Background(), src, ocr.Options{}, ocr.BatchOptions{Workers: 2})
	if err != nil {
		t.Fatal(err)
	}
	if len(failed) != 1 || failed[0].Number != 2 || !strings.Contains(failed[0].Error(), "hojas.tif, página 2") || !strings.Contains(failed[0].Error(), "página ilegible del TIFF") {
		t.Fatalf("failed: %v", failed)
	}
	checkPages(t, got, failedNumbers(failed))
}

// firstIFDAfter follows the IFD chain n links from the first.
func firstIFDAfter(t *testing.T, b []byte, n int) int {
	off := int(binary.LittleEndian.Uint32(b[4:]))
	for range n {
		count := int(binary.LittleEndian.Uint16(b[off:]))
		off = int(binary.LittleEndian.Uint32(b[off+2+12*count:]))
	}
	return off
}

// A page that is one image is taken out at its own resolution; a page of
// text is rasterised at the requested one.
func TestPDFPagesImageOrRaster(t *testing.T) {
	scanned, err := scan.PDF(hojas(t, 2, 150))
	if err != nil {
		t.Fatal(err)
	}
	f := fpdf.New("P", "mm", "Letter", "")
	f.SetCreationDate(time.Date(2022, 11, 24, 0, 0, 0, 0, time.UTC))
	f.AddPage()
	f.SetFont("Helvetica", "", 14)
	f.Text(20, 30, "Hoja de texto, no escaneada.")
	var text bytes.Buffer
	if err := f.Output(&text); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	a, b := filepath.Join(dir, "escaneo.pdf"), filepath.Join(dir, "texto.pdf")
	_ = os.WriteFile(a, scanned, 0o644)
	_ = os.WriteFile(b, text.Bytes(), 0o644)
	src, err := ocr.Sources(context.Background(), []string{a, b}, ocr.SourceOptions{DPI: 300})
	if err != nil {
		t.Fatal(err)
	}
	want := []struct {
		kind string
		dpi  int
	}{{"pdfimage", 150}, {"pdfimage", 150}, {"pdf", 300}}
	if len(src) != len(want) {
		t.Fatalf("%d pages", len(src))
	}
	for i, w := range want {
		if src[i].Kind != w.kind || src[i].DPI != w.dpi {
			t.Errorf("page %d: %+v, want %s at %d dpi", i+1, src[i], w.kind, w.dpi)
		}
	}
	got, failed, err := ocr.Batch(context.Background(), src, ocr.Options{}, ocr.BatchOptions{Workers: 2})
	if err != nil || len(failed) > 0 {
		t.Fatal(err, failed)
	}
	checkPages(t, got[:2], nil)
	if !strings.Contains(got[2].Text, "Hoja de texto, no escaneada.") {
		t.Errorf("rasterised page: %q", got[2].Text)
	}
}

// A page over the pixel limit is refused before anything decodes it; the
// page limit refuses the whole input.
func TestLimits(t *testing.T) {
	scanned, err := scan.PDF(hojas(t, 2, 150))
	if err != nil {
		t.Fatal(err)
	}
	path := write(t, "escaneo.pdf", scanned)
	src, err := ocr.Sources(context.Background(), []string{path}, ocr.SourceOptions{})
	if err != nil {
		t.Fatal(err)
	}
	_, failed, err := ocr.Batch(context.Background(), src, ocr.Options{MaxPixels: 1_000_000}, ocr.BatchOptions{Workers: 1})
	if err != nil || len(failed) != 2 || !strings.Contains(failed[0].Error(), "la página tiene 2 millones de píxeles; el límite es 1 millones") {
		t.Errorf("pixel limit: %v %v", err, failed)
	}
	_, err = ocr.Sources(context.Background(), []string{path, path}, ocr.SourceOptions{MaxPages: 3})
	if err == nil || !strings.Contains(err.Error(), "más de 3 páginas") && !strings.Contains(err.Error(), "el límite es 1") {
		t.Errorf("page limit: %v", err)
	}
}

// Multi-page TIFFs as scanners write them, compressed by other hands than
// ours: JPEG (libtiff's tiffcp) for gray pages, CCITT Group 4 (ImageMagick)
// for bilevel ones. Every page reads.
func TestTIFFCompressedByScanners(t *testing.T) {
	plain := write(t, "hojas.tif", scan.TIFF(hojas(t, 3, 200), 200))
	dir := filepath.Dir(plain)
	jpeg := filepath.Join(dir, "jpeg.tif")
	if out, err := exec.Command("tiffcp", "-c", "jpeg:75", "-r", "16", plain, jpeg).CombinedOutput(); err != nil {
		t.Fatalf("tiffcp: %v %s", err, out)
	}
	g4 := filepath.Join(dir, "g4.tif")
	if out, err := exec.Command(imageMagick(t), plain, "-threshold", "60%", "-compress", "Group4", g4).CombinedOutput(); err != nil {
		t.Fatalf("convert: %v %s", err, out)
	}
	for _, c := range []struct{ path, compression string }{{jpeg, "JPEG"}, {g4, "CCITT Group 4"}} {
		// The file is what its name says (libtiff's own reading of it).
		info, err := exec.Command("tiffinfo", c.path).CombinedOutput()
		if err != nil || strings.Count(string(info), "Compression Scheme: "+c.compression) != 3 {
			t.Fatalf("%s: not three %s pages:\n%s", c.path, c.compression, info)
		}
		src, err := ocr.Sources(context.Background(), []string{c.path}, ocr.SourceOptions{})
		if err != nil || len(src) != 3 {
			t.Fatalf("%s: %d pages, %v", c.compression, len(src), err)
		}
		got, failed, err := ocr.Batch(context.Background(), src, ocr.Options{}, ocr.BatchOptions{Workers: 2})
		if err != nil || len(failed) > 0 {
			t.Fatalf("%s: %v %v", c.compression, err, failed)
		}
		checkPages(t, got, nil)
	}
}

// imageMagick is Debian's convert (a convert earlier in PATH may be
// something else).
func imageMagick(t *testing.T) string {
	for _, p := range []string{"/usr/bin/convert", "convert"} {
		if path, err := exec.LookPath(p); err == nil {
			return path
		}
	}
	t.Fatal("ImageMagick is not installed (scripts/deps.sh installs it)")
	return ""
}
