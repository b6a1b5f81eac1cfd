package ocr_test

import (
	"strings"
	"testing"

	"github.com/cipro-ine/mpp/ocr"
	"github.com/cipro-ine/mpp/ocr/scan"
)

// seedText is the start of a seed acuerdo: the known text the synthetic
// scans draw.
func seedText(t *testing.T, n int) string {
	t.Helper()
	s, err := scan.SeedText("../testdata/seeds/INE-JGE248-2022-gestion-portal-institucional.txt", n)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func recognise(t *testing.T, pages []scan.Page, o ocr.Options) (truth, got string, words []ocr.Word) {
	t.Helper()
	e, err := ocr.NewEngine(o)
	if err != nil {
		t.Fatal(err)
	}
	defer e.Close()
	for i, p := range pages {
		r, err := e.Page(p.Image, i+1)
		if err != nil {
			t.Fatal(err)
		}
		truth += p.Text + "\n"
		got += r.Text + "\n"
		words = append(words, r.Words...)
	}
	return truth, got, words
}

func TestCleanPage300dpi(t *testing.T) {
	skipHeavyOCR(t)
	pages, err := scan.Pages(seedText(t, 380), scan.Options{DPI: 300})
	if err != nil {
		t.Fatal(err)
	}
	truth, got, words := recognise(t, pages[:1], ocr.Options{})
	cer := ocr.CER(truth, got)
	t.Logf("clean 300 dpi: CER %.3f %%, %d words", 100*cer, len(words))
	if cer > 0.005 {
		t.Errorf("CER %.2f %% > 0.5 %%\n--- read\n%s", 100*cer, got)
	}
	// Every word knows its page, line, box and confidence.
	for _, w := range words {
		if w.Page != 1 || w.Line < 1 || w.Box.Empty() || w.Conf <= 0 || w.Conf > 100 {
			t.Fatalf("word without its place: %+v", w)
		}
	}
	if n := strings.Count(truth, "\n"); words[len(words)-1].Line < n-2 {
		t.Errorf("lines: last word on line %d of %d drawn", words[len(words)-1].Line, n)
	}
}

func TestDegradedPage300dpi(t *testing.T) {
	skipHeavyOCR(t)
	pages, err := scan.Pages(seedText(t, 380), scan.Options{DPI: 300, Rotate: 1.5, Speckle: 0.00005, Blur: 1, Noise: 10, JPEGQuality: 50, Seed: 7})
	if err != nil {
		t.Fatal(err)
	}
	truth, got, _ := recognise(t, pages[:1], ocr.Options{})
	cer := ocr.CER(truth, got)
	t.Logf("degraded 300 dpi (1.5°, specks, blur, noise, JPEG q50): CER %.3f %%", 100*cer)
	if cer > 0.03 {
		t.Errorf("CER %.2f %% > 3 %%\n--- read\n%s", 100*cer, got)
	}
}

// A degraded scan at 200 dpi (the resolution of many office scanners),
// read at the resolution it declares.
func TestDegradedPage200dpi(t *testing.T) {
	skipHeavyOCR(t)
	pages, err := scan.Pages(seedText(t, 380), scan.Options{DPI: 200, Rotate: 1.5, Speckle: 0.00005, Blur: 1, Noise: 10, JPEGQuality: 50, Seed: 7})
	if err != nil {
		t.Fatal(err)
	}
	truth, got, _ := recognise(t, pages[:1], ocr.Options{DPI: 200})
	cer := ocr.CER(truth, got)
	t.Logf("degraded 200 dpi (1.5°, specks, blur, noise, JPEG q50): CER %.3f %%", 100*cer)
	if cer > 0.03 {
		t.Errorf("CER %.2f %% > 3 %%\n--- read\n%s", 100*cer, got)
	}
}

// The skew a page was scanned at is found and straightened before
// recognition.
func TestDeskewBeforeRecognition(t *testing.T) {
	skipHeavyOCR(t)
	pages, err := scan.Pages(seedText(t, 200), scan.Options{DPI: 300, Rotate: -3.5, Seed: 3})
	if err != nil {
		t.Fatal(err)
	}
	e, err := ocr.NewEngine(ocr.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer e.Close()
	p, err := e.Page(pages[0].Image, 1)
	if err != nil {
		t.Fatal(err)
	}
	cer := ocr.CER(pages[0].Text, p.Text)
	t.Logf("3.5° skew: found %.2f°, CER %.3f %%", p.Skew, 100*cer)
	if p.Skew > -3.4 || p.Skew < -3.6 {
		t.Errorf("skew found %.2f°, drawn at -3.5°", p.Skew)
	}
	if cer > 0.01 {
		t.Errorf("CER %.2f %% > 1 %% after straightening\n%s", 100*cer, p.Text)
	}
}

func TestMissingLanguage(t *testing.T) {
	_, err := ocr.NewEngine(ocr.Options{Lang: "xyz"})
	if err == nil || !strings.Contains(err.Error(), "sudo apt-get install tesseract-ocr tesseract-ocr-xyz") {
		t.Errorf("missing language: %v", err)
	}
}
