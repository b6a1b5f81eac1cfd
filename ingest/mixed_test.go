package ingest

import (
	"context"
	"image"
	"image/draw"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cipro-ine/mpp/manuals/profile"
	"github.com/cipro-ine/mpp/ocr"
	"github.com/cipro-ine/mpp/ocr/scan"
)

// TestMain lets the test binary serve as the OCR worker ocr.Batch starts.
func TestMain(m *testing.M) {
	ocr.ServeWorker()
	os.Exit(m.Run())
}

// A mixed PDF (born digital, one page replaced by its scan: what a UR
// sends when a signed page was scanned in) is read page by page: the
// scanned page alone by OCR, the others from their text layer, and the
// note says which.
func TestMixedPDFPageByPage(t *testing.T) {
	if testing.Short() {
		t.Skip("OCR of a page")
	}
	for _, tool := range []string{"pdftoppm", "qpdf", "tesseract"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Fatalf("%s is needed (scripts/deps.sh installs it)", tool)
		}
	}
	dir := t.TempDir()
	src := "../testdata/acuerdos/groff/INE-JGE115-2023.pdf"
	run := func(name string, args ...string) {
		t.Helper()
		if out, err := exec.Command(name, args...).CombinedOutput(); err != nil {
			t.Fatalf("%s: %v\n%s", name, err, out)
		}
	}
	// Page 3 (the Subproceso | Procedimientos table) as a 300 dpi scan.
	run("pdftoppm", "-r", "300", "-gray", "-png", "-f", "3", "-l", "3", "-singlefile", src, filepath.Join(dir, "p3"))
	f, err := os.Open(filepath.Join(dir, "p3.png"))
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(f)
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	// (pdftoppm's gray PNG may come with an alpha channel: drawn to gray.)
	g := image.NewGray(img.Bounds())
	draw.Draw(g, g.Bounds(), img, img.Bounds().Min, draw.Src)
	scanned, err := scan.PDF([]scan.Page{{Image: g}})
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "p3.pdf"), scanned, 0o644); err != nil {
		t.Fatal(err)
	}
	mixed := filepath.Join(dir, "mixto.pdf")
	run("qpdf", "--empty", "--pages", src, "1-2", filepath.Join(dir, "p3.pdf"), "1", src, "4-z", "--", mixed)

	ctx := context.Background()
	plan, err := Choose(ctx, mixed, false)
	if err != nil {
		t.Fatal(err)
	}
	if !plan.Mixed() || !strings.Contains(plan.Note, "3 páginas de 4") || !strings.Contains(plan.Note, "(3) se reconoció con OCR") {
		t.Fatalf("route %v, mixed %v, note %q", plan.Route, plan.Mixed(), plan.Note)
	}
	rd, err := plan.Read(ctx, profile.Default(), Options{Sources: ocr.SourceOptions{DPI: 300}})
	if err != nil {
		t.Fatal(err)
	}
	if len(rd.Recognised) != 1 || rd.Recognised[0].Number != 3 || len(rd.Pages) != 4 {
		t.Fatalf("recognised %d pages (first number %d) of %d", len(rd.Recognised), rd.Recognised[0].Number, len(rd.Pages))
	}
	a := rd.Acuerdo
	var codes []string
	for _, s := range a.Proceso.Subprocesos {
		codes = append(codes, string(s.Codigo))
		for _, p := range s.Procedimientos {
			codes = append(codes, string(p.Codigo))
		}
	}
	want := "H.3.01.1 H.3.01.1.01 H.3.01.1.02 H.3.01.2 H.3.01.2.01 H.3.01.2.02 H.3.01.2.03 H.3.01.3 H.3.01.3.01 H.3.01.3.02"
	if strings.Join(codes, " ") != want {
		t.Errorf("the scanned page's table: %v", codes)
	}
	if a.Codigo != "INE/JGE115/2023" || len(a.Glosario) != 14 || len(a.Antecedentes) != 6 || len(a.Puntos) != 5 {
		t.Errorf("código %q, glosario %d, antecedentes %d, puntos %d", a.Codigo, len(a.Glosario), len(a.Antecedentes), len(a.Puntos))
	}
	if len(a.Notas) == 0 || a.Notas[0] != plan.Note {
		t.Errorf("notes %q", a.Notas)
	}
	if a.Proceso.Origen == nil || a.Proceso.Origen.Pagina == 0 {
		t.Errorf("the process has no page: %+v", a.Proceso.Origen)
	}
}
