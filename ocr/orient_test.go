package ocr_test

import (
	"image"
	"testing"

	"github.com/cipro-ine/mpp/ocr"
	"github.com/cipro-ine/mpp/ocr/scan"
)

// turned rotates g by quarter turns clockwise.
func turned(g *image.Gray, quarters int) *image.Gray {
	out := g
	for k := 0; k < quarters; k++ {
		b := out.Bounds()
		n := image.NewGray(image.Rect(0, 0, b.Dy(), b.Dx()))
		for y := 0; y < b.Dy(); y++ {
			for x := 0; x < b.Dx(); x++ {
				n.SetGray(b.Dy()-1-y, x, out.GrayAt(b.Min.X+x, b.Min.Y+y))
			}
		}
		out = n
	}
	return out
}

// A page scanned on its side or upside down comes out upright: the same
// text as the upright page, within a CER of 1 %, and the page says how far
// it was turned.
func TestUpright(t *testing.T) {
	skipHeavyOCR(t)
	for _, o := range []scan.Options{{DPI: 300}, {DPI: 300, Rotate: 0.8, Speckle: 0.0004, Blur: 1, Noise: 12, JPEGQuality: 55, Seed: 3}} {
		pages, err := scan.Pages(seedText(t, 300), o)
		if err != nil {
			t.Fatal(err)
		}
		e, err := ocr.NewEngine(ocr.Options{})
		if err != nil {
			t.Fatal(err)
		}
		defer e.Close()
		g := pages[0].Image
		up, err := e.Page(g, 1)
		if err != nil {
			t.Fatal(err)
		}
		for q := 1; q <= 3; q++ {
			p, err := e.Page(turned(g, q), 1)
			if err != nil {
				t.Fatal(err)
			}
			cer := ocr.CER(up.Text, p.Text)
			t.Logf("ruido %.0f, girada %d°: vuelta %d°, CER frente a la derecha %.2f %%", o.Noise, 90*q, p.Turned, 100*cer)
			if want := (360 - 90*q) % 360; p.Turned != want || cer > 0.01 {
				t.Errorf("turned %d°: read turned back %d° (want %d°), CER %.2f %%", 90*q, p.Turned, want, 100*cer)
			}
		}
		if up.Turned != 0 {
			t.Errorf("an upright page turned %d°", up.Turned)
		}
	}
}
