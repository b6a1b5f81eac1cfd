package scan

import (
	"strings"
	"testing"
)

func darkShare(p Page) float64 {
	dark := 0
	for _, v := range p.Image.Pix {
		if v < 128 {
			dark++
		}
	}
	return float64(dark) / float64(len(p.Image.Pix))
}

func TestPages(t *testing.T) {
	text := strings.Repeat("Considerando que la Junta General Ejecutiva del Instituto Nacional Electoral aprueba el manual.\n\n", 40)
	pages, err := Pages(text, Options{DPI: 200})
	if err != nil {
		t.Fatal(err)
	}
	if len(pages) < 2 {
		t.Fatalf("%d pages for 80 lines and more", len(pages))
	}
	if b := pages[0].Image.Bounds(); b.Dx() != 1700 || b.Dy() != 2200 {
		t.Errorf("a letter page at 200 dpi is 1700 × 2200, not %v", b)
	}
	all := ""
	for _, p := range pages {
		all += p.Text + "\n"
		if s := darkShare(p); s < 0.005 || s > 0.2 {
			t.Errorf("dark share %.4f: nothing drawn, or everything", s)
		}
	}
	if strings.Join(strings.Fields(all), " ") != strings.Join(strings.Fields(text), " ") {
		t.Error("the ground truth is not the text drawn")
	}
	// Degradation changes pixels, deterministically.
	d1, _ := Pages(text[:200], Options{DPI: 150, Rotate: 1.5, Speckle: 0.0005, Blur: 1, Noise: 12, JPEGQuality: 50, Seed: 1})
	d2, _ := Pages(text[:200], Options{DPI: 150, Rotate: 1.5, Speckle: 0.0005, Blur: 1, Noise: 12, JPEGQuality: 50, Seed: 1})
	c, _ := Pages(text[:200], Options{DPI: 150})
	if string(d1[0].Image.Pix) != string(d2[0].Image.Pix) {
		t.Error("the same seed gives different pages")
	}
	if string(d1[0].Image.Pix) == string(c[0].Image.Pix) {
		t.Error("degradation changed nothing")
	}
}
