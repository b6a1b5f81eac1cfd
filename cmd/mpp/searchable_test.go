package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"image/color"
	"image/jpeg"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/cipro-ine/mpp/ocr"
)

// TestSearchablePDF: «mpp ocr --pdf» on a scan of an acuerdo typeset by
// LibreOffice (its pages rasterised by pdftoppm and degraded by
// ImageMagick into JPEG files, as a scanner writes them). Read back as
// their readers read them: pdfimages gives each page's JPEG byte for byte;
// pdftotext gives the OCR's text in its order; qpdf gives an outline whose
// every entry points at the page where the born-digital PDF prints that
// heading; the file claims PDF/A-3b (XMP, sRGB output intent, the font
// embedded).
func TestSearchablePDF(t *testing.T) {
	skipHeavyOCR(t)
	for _, tool := range []string{"pdftoppm", "convert", "pdfimages", "pdftotext", "qpdf"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Fatalf("falta %s (scripts/deps.sh lo instala)", tool)
		}
	}
	src := filepath.Join("..", "..", "testdata", "acuerdos", "libreoffice", "INE-JGE115-2023.pdf")
	dir := t.TempDir()
	if out, err := exec.Command("pdftoppm", "-r", "300", "-gray", "-png", src, filepath.Join(dir, "p")).CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v\n%s", err, out)
	}
	pngs, _ := filepath.Glob(filepath.Join(dir, "p-*.png"))
	if len(pngs) < 4 {
		t.Fatalf("%d páginas", len(pngs))
	}
	var jpgs []string
	for i, p := range pngs {
		j := strings.TrimSuffix(p, ".png") + ".jpg"
		angle := []string{"0.6", "-0.9", "0.3", "-0.4", "1.1"}[i%5]
		// One thread: ImageMagick's noise is the same for a seed only then.
		if out, err := exec.Command("convert", "-limit", "thread", "1", p, "-background", "white", "-rotate", angle, "-attenuate", "0.3", "+noise", "Gaussian",
			"-blur", "0x0.5", "-quality", "60", "-density", "300", "-units", "PixelsPerInch", "-seed", "3", j).CombinedOutput(); err != nil {
			t.Fatalf("convert: %v\n%s", err, out)
		}
		jpgs = append(jpgs, j)
	}
	txt, pdfOut := filepath.Join(dir, "texto.txt"), filepath.Join(dir, "buscable.pdf")
	code, _, errOut := mpp(t, append(append([]string{"ocr"}, jpgs...), "-o", txt, "--pdf", pdfOut)...)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if !strings.Contains(errOut, "se leyó el acuerdo INE/JGE115/2023") {
		t.Errorf("no dice que leyó el acuerdo: %s", errOut)
	}

	// The images, byte for byte.
	imgDir := filepath.Join(dir, "img")
	os.Mkdir(imgDir, 0o755)
	if out, err := exec.Command("pdfimages", "-all", pdfOut, filepath.Join(imgDir, "i")).CombinedOutput(); err != nil {
		t.Fatalf("pdfimages: %v\n%s", err, out)
	}
	got, _ := filepath.Glob(filepath.Join(imgDir, "i-*"))
	if len(got) != len(jpgs) {
		t.Fatalf("%d imágenes en el PDF, %d páginas", len(got), len(jpgs))
	}
	for i, j := range jpgs {
		a, _ := os.ReadFile(j)
		b, _ := os.ReadFile(got[i])
		if !bytes.Equal(a, b) || !strings.HasSuffix(got[i], ".jpg") {
			t.Errorf("página %d: la imagen del PDF (%s, %d bytes) no es el JPEG escaneado (%d bytes)", i+1, filepath.Base(got[i]), len(b), len(a))
		}
	}

	// The text, in the OCR's order: pdftotext's words against the OCR text's.
	ocrText, _ := os.ReadFile(txt)
	want := regexp.MustCompile(`(?m)^=== página \d+ ===$`).ReplaceAllString(string(ocrText), "")
	out, err := exec.Command("pdftotext", "-enc", "UTF-8", pdfOut, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	if cer := ocr.CER(want, string(out)); cer > 0.01 {
		t.Errorf("pdftotext del PDF buscable difiere del texto reconocido: CER %.2f %%\n--- pdftotext\n%.1500s", 100*cer, out)
	} else {
		t.Logf("pdftotext del PDF buscable contra el texto reconocido: CER %.3f %%", 100*cer)
	}

	// Each word over its ink: pdftotext -bbox's boxes of the text layer,
	// on the page's image, have their ink centred (the median word's ink
	// centroid within a quarter of its box's height of its middle).
	bbox, err := exec.Command("pdftotext", "-bbox", "-f", "1", "-l", "1", pdfOut, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(jpgs[0])
	if err != nil {
		t.Fatal(err)
	}
	page1, err := jpeg.Decode(f)
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	var offsets []float64
	wordRe := regexp.MustCompile(`<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">`)
	for _, m := range wordRe.FindAllStringSubmatch(string(bbox), -1) {
		var r [4]float64
		for k := range r {
			fmt.Sscan(m[k+1], &r[k])
			r[k] *= 300.0 / 72
		}
		ink, sumY := 0.0, 0.0
		for y := int(r[1]); y < int(r[3]); y++ {
			for x := int(r[0]); x < int(r[2]); x++ {
				if g := color.GrayModel.Convert(page1.At(x, y)).(color.Gray); g.Y < 128 {
					ink++
					sumY += float64(y)
				}
			}
		}
		if h := r[3] - r[1]; ink > 0 && h > 0 {
			offsets = append(offsets, math.Abs(sumY/ink-(r[1]+r[3])/2)/h)
		} else {
			offsets = append(offsets, 1)
		}
	}
	sort.Float64s(offsets)
	if len(offsets) < 50 {
		t.Fatalf("%d palabras en la capa de texto de la página 1", len(offsets))
	}
	if med := offsets[len(offsets)/2]; med > 0.25 {
		t.Errorf("las palabras no están sobre su tinta: la mediana del desvío es %.0f %% de su altura", 100*med)
	} else {
		t.Logf("desvío mediano de la tinta bajo cada palabra: %.0f %% de su altura (%d palabras)", 100*med, len(offsets))
	}

	// The outline, against the pages the born-digital PDF prints each
	// heading on.
	var pagesText []string
	for p := 1; p <= len(jpgs); p++ {
		b, err := exec.Command("pdftotext", "-f", fmt.Sprint(p), "-l", fmt.Sprint(p), "-enc", "UTF-8", src, "-").Output()
		if err != nil {
			t.Fatal(err)
		}
		pagesText = append(pagesText, string(b))
	}
	pageOf := func(re string) int {
		r := regexp.MustCompile(re)
		for i, s := range pagesText {
			if r.MatchString(s) {
				return i + 1
			}
		}
		return 0
	}
	truth := map[string]int{
		"GLOSARIO":                pageOf(`GLOSARIO`),
		"ANTECEDENTES":            pageOf(`(?m)^\s*A\s?N\s?T\s?E\s?C\s?E\s?D\s?E\s?N\s?T\s?E\s?S\s*$`),
		"CONSIDERANDOS":           pageOf(`(?m)^\s*C\s?O\s?N\s?S\s?I\s?D\s?E\s?R\s?A\s?N\s?D\s?O\s?S\s*$`),
		"PRIMERO. Competencia":    pageOf(`PRIMERO\. Competencia`),
		"TERCERO. Exposición":     pageOf(`TERCERO\. Exposición`),
		"Considerando 8: proceso": pageOf(`(?m)^8\. El proceso`),
		"ACUERDOS":                pageOf(`(?m)^\s*A\s?C\s?U\s?E\s?R\s?D\s?O\s?S\s*$`),
	}
	outline := readOutline(t, pdfOut)
	for title, page := range truth {
		if page == 0 {
			t.Fatalf("la fuente no imprime %q: el caso no prueba nada", title)
		}
		found := false
		for _, o := range outline {
			if strings.HasPrefix(o.title, title) {
				found = true
				if o.page != page {
					t.Errorf("marcador %q apunta a la página %d; la fuente lo imprime en la %d", o.title, o.page, page)
				}
			}
		}
		if !found {
			t.Errorf("sin marcador %q; el índice: %v", title, outline)
		}
	}

	// «mpp ingest --pdf» writes the same from one scan file (a TIFF of
	// the pages), with the outline of the acuerdo it read; of a text it
	// refuses, naming why.
	tif := filepath.Join(dir, "escaneo.tif")
	if out, err := exec.Command("convert", append(append([]string{}, jpgs...), "-compress", "JPEG", tif)...).CombinedOutput(); err != nil {
		t.Fatalf("convert: %v\n%s", err, out)
	}
	pdf2 := filepath.Join(dir, "buscable2.pdf")
	code, stdout, errOut := mpp(t, "ingest", tif, "-o", filepath.Join(dir, "exp"), "--pdf", pdf2)
	if code != exitOK || !strings.Contains(stdout, "escrito: "+pdf2+" (PDF buscable)") {
		t.Fatalf("ingest --pdf: exit %d\n%s%s", code, stdout, errOut)
	}
	if n := len(readOutline(t, pdf2)); n != len(outline) {
		t.Errorf("ingest --pdf: %d marcadores; ocr --pdf dio %d", n, len(outline))
	}
	code, _, errOut = mpp(t, "ingest", txt, "-o", filepath.Join(dir, "exp2"), "--pdf", filepath.Join(dir, "no.pdf"))
	if code != exitUsage || !strings.Contains(errOut, "no se lee con OCR") {
		t.Errorf("ingest --pdf de un texto: exit %d: %s", code, errOut)
	}
	if _, err := os.Stat(filepath.Join(dir, "no.pdf")); err == nil {
		t.Error("ingest --pdf de un texto escribió el PDF")
	}

	// PDF/A-3b claims, read back from the file.
	qdf, err := exec.Command("qpdf", "--qdf", "--object-streams=disable", pdfOut, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	for _, claim := range []string{"<pdfaid:part>3</pdfaid:part>", "<pdfaid:conformance>B</pdfaid:conformance>", "/OutputIntents", "/GTS_PDFA1", "/FontFile2", "/ID ["} {
		if !bytes.Contains(qdf, []byte(claim)) {
			t.Errorf("el PDF no lleva %s", claim)
		}
	}
}

type outlineEntry struct {
	title string
	page  int
}

// readOutline is the PDF's outline as qpdf reads it: each bookmark's title
// and the page its destination is on.
func readOutline(t *testing.T, path string) []outlineEntry {
	t.Helper()
	b, err := exec.Command("qpdf", "--json", "--json-key=outlines", "--json-key=pages", path).Output()
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Pages []struct {
			Object string `json:"object"`
		} `json:"pages"`
		Outlines []outlineNode `json:"outlines"`
	}
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	var out []outlineEntry
	var walk func([]outlineNode)
	walk = func(ns []outlineNode) {
		for _, n := range ns {
			page := 0
			if len(n.Dest) > 0 {
				var ref string
				_ = json.Unmarshal(n.Dest[0], &ref)
				for i, p := range doc.Pages {
					if p.Object == ref {
						page = i + 1
					}
				}
			}
			out = append(out, outlineEntry{n.Title, page})
			walk(n.Kids)
		}
	}
	walk(doc.Outlines)
	return out
}

type outlineNode struct {
	Title string            `json:"title"`
	Dest  []json.RawMessage `json:"dest"`
	Kids  []outlineNode     `json:"kids"`
}
