package ocr_test

import (
	"fmt"
	"html"
	"image"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"

	"github.com/cipro-ine/mpp/manuals/acuerdotext"
	"github.com/cipro-ine/mpp/manuals/profile"
	"github.com/cipro-ine/mpp/ocr"
)

// bboxLine is a line of pdftotext -bbox-layout: where it lies (points,
// from the top) and its words.
type bboxLine struct {
	yMin, yMax float64
	words      []string
}

var (
	bboxLineRe = regexp.MustCompile(`(?s)<line xMin="[^"]*" yMin="([^"]*)" xMax="[^"]*" yMax="([^"]*)">(.*?)</line>`)
	bboxWordRe = regexp.MustCompile(`<word [^>]*>([^<]*)</word>`)
)

func bboxLines(t *testing.T, pdf string, page int) []bboxLine {
	t.Helper()
	n := fmt.Sprint(page)
	out, err := exec.Command("pdftotext", "-bbox-layout", "-f", n, "-l", n, pdf, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	var lines []bboxLine
	for _, m := range bboxLineRe.FindAllStringSubmatch(string(out), -1) {
		y0, _ := strconv.ParseFloat(m[1], 64)
		y1, _ := strconv.ParseFloat(m[2], 64)
		l := bboxLine{yMin: y0, yMax: y1}
		for _, w := range bboxWordRe.FindAllStringSubmatch(m[3], -1) {
			l.words = append(l.words, html.UnescapeString(w[1]))
		}
		lines = append(lines, l)
	}
	return lines
}

// negatedBand scans page 2 of LibreOffice's INE/JGE248/2022 with lines
// first..last printed white on a black band, and returns the scan and
// those lines' words.
func negatedBand(t *testing.T, first, last int) (image.Image, []string) {
	t.Helper()
	pdf := filepath.Join("..", "testdata", "acuerdos", "libreoffice", "INE-JGE248-2022.pdf")
	lines := bboxLines(t, pdf, 2)
	if first < 1 || len(lines) <= last+1 {
		t.Fatalf("página 2: %d líneas", len(lines))
	}
	// The band's edges halfway between lines.
	top := (lines[first-1].yMax + lines[first].yMin) / 2
	bottom := (lines[last].yMax + lines[last+1].yMin) / 2
	px := func(pt float64) int { return int(pt * 300 / 72) }
	band := fmt.Sprintf("%dx%d+0+%d", px(612), px(bottom)-px(top), px(top))
	img := scanPageWith(t, pdf, 2, "-region", band, "-negate", "+region", "-blur", "0x0.5", "-quality", "75")
	var words []string
	for _, l := range lines[first : last+1] {
		words = append(words, l.words...)
	}
	return img, words
}

// TestShadedOnlyWhereDark: the pages of the corpus that print black on
// white — bold headings, ruled tables, a degraded scan — are not shaded
// (Tesseract reads them once); a page with a band of white-on-black lines,
// even a single line, is.
func TestShadedOnlyWhereDark(t *testing.T) {
	skipHeavyOCR(t) // no recognition, but eight pages rasterised and degraded
	for i, tp := range tablePages {
		pdf := filepath.Join("..", "testdata", "acuerdos", tp.producer, "INE-JGE248-2022.pdf")
		img := scanPage(t, pdf, tp.page, []float64{1.2, -0.8, 0.5}[i%3], 55)
		if ocr.PreparedShaded(img, 300) {
			t.Errorf("%s p%d (negro sobre blanco): sombreada", tp.producer, tp.page)
		}
	}
	for _, lines := range [][2]int{{3, 6}, {4, 4}} {
		img, _ := negatedBand(t, lines[0], lines[1])
		if !ocr.PreparedShaded(img, 300) {
			t.Errorf("líneas %d–%d en blanco sobre negro: no sombreada", lines[0], lines[1])
		}
	}
}

// TestShadedBandIsRead: four lines of running text printed white on a
// black band (ImageMagick negates the band of a page pdftoppm rendered
// from LibreOffice's PDF, its edges in the gaps between lines) come back
// like the rest of the page. Tesseract's inverted second reading is off by
// default (it costs 2–3 % on pages that need none); without turning it back
// on for a shaded page, the band's words are lost.
func TestShadedBandIsRead(t *testing.T) {
	e := pageEngine(t)
	lex := acuerdotext.NewLexicon(profile.Default(), nil)
	img, truth := negatedBand(t, 3, 6)
	p, err := e.Page(img, 2)
	if err != nil {
		t.Fatal(err)
	}
	got, _ := readWords(p, lex)
	r := recovered(truth, got)
	t.Logf("banda: %.2f %% de sus caracteres recuperados; perdidas: %q", 100*r, lostWords(truth, got))
	if r < 0.95 {
		t.Errorf("banda oscura: %.2f %% de sus caracteres recuperados (< 95 %%)\n--- leído\n%s", 100*r, p.Text)
	}
	pdf := filepath.Join("..", "testdata", "acuerdos", "libreoffice", "INE-JGE248-2022.pdf")
	all := pageWords(layerText(t, pdf, 2))
	if r := recovered(all, got); r < 0.97 {
		t.Errorf("página: %.2f %% de los caracteres recuperados (< 97 %%)", 100*r)
	}
}
