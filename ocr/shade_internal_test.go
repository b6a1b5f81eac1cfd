package ocr

import (
	"image"
	"testing"
)

// paint sets the rectangle of g to v.
func paint(g *image.Gray, r image.Rectangle, v uint8) {
	r = r.Intersect(g.Rect)
	for y := r.Min.Y; y < r.Max.Y; y++ {
		fill(g.Pix[y*g.Stride+r.Min.X:y*g.Stride+r.Max.X], v)
	}
}

// shadedBands on drawn pages at 300 dpi: text-like dashes, a table's rules a
// twenty-fifth of an inch thick, a dark scanner border down the left edge
// are not a shaded band; a bar a fifth of an inch high with white dashes
// in it, a third of its length (a line of light text on dark), is, from
// an inch wide.
func TestShadedDrawn(t *testing.T) {
	const dpi = 300
	if shadedBands(dashedPage(dpi), dpi).any() {
		t.Error("guiones como texto: sombreada")
	}
	// (On white: the dashes ink three fifths of their lines, more than
	// letters do; real pages with rules and text are in
	// TestShadedOnlyWhereDark.)
	rules := image.NewGray(image.Rect(0, 0, 2550, 3300))
	fill(rules.Pix, 255)
	for i := range 6 {
		y := 300 + 200*i
		paint(rules, image.Rect(300, y, 2200, y+12), 0)
		x := 300 + 380*i
		paint(rules, image.Rect(x, 300, x+12, 1312), 0)
	}
	if shadedBands(rules, dpi).any() {
		t.Error("reglas de tabla: sombreada")
	}
	border := dashedPage(dpi)
	paint(border, image.Rect(0, 0, 120, border.Rect.Dy()), 20)
	if shadedBands(border, dpi).any() {
		t.Error("borde oscuro a la izquierda: sombreada")
	}
	for _, w := range []int{2000, 300} {
		bar := dashedPage(dpi)
		paint(bar, image.Rect(300, 1000, 300+w, 1060), 10)
		for x := 320; x+30 < 300+w; x += 40 {
			paint(bar, image.Rect(x, 1015, x+14, 1045), 250)
		}
		if !shadedBands(bar, dpi).any() {
			t.Errorf("barra oscura de %d px con letras claras: no sombreada", w)
		}
	}
}

func BenchmarkShaded(b *testing.B) {
	g := dashedPage(300)
	for b.Loop() {
		shadedBands(g, 300).any()
	}
}
