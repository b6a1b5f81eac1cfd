package ocr

import (
	"image"
	"testing"
)

func TestDespeckle(t *testing.T) {
	g := image.NewGray(image.Rect(0, 0, 60, 40))
	for i := range g.Pix {
		g.Pix[i] = 255
	}
	fill := func(x0, y0, x1, y1 int) {
		for y := y0; y < y1; y++ {
			for x := x0; x < x1; x++ {
				g.Pix[y*g.Stride+x] = 0
			}
		}
	}
	fill(5, 5, 6, 6)     // a 1-pixel speck
	fill(10, 10, 12, 12) // a 2 × 2 speck
	fill(20, 20, 24, 24) // a full stop: 16 pixels
	fill(30, 5, 33, 35)  // a stroke
	if n := despeckle(g, 6); n != 2 {
		t.Errorf("removed %d specks, want 2", n)
	}
	at := func(x, y int) uint8 { return g.Pix[y*g.Stride+x] }
	if at(5, 5) != 255 || at(11, 11) != 255 {
		t.Error("a speck is still there")
	}
	if at(21, 21) != 0 || at(31, 20) != 0 {
		t.Error("the full stop or the stroke went")
	}
}
