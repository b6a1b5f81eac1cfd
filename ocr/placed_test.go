package ocr

import (
	"image"
	"math"
	"testing"
)

// TestPlaceUndoesTurnAndSkew: a mark on a page, turned upright by turn and
// straightened as PageAt does (straighten), is taken back by Place to where it
// was on the page as it came, for every quarter turn and a skew.
func TestPlaceUndoesTurnAndSkew(t *testing.T) {
	const w, h = 300, 420
	mark := image.Pt(70, 330)
	for _, q := range []int{0, 1, 2, 3} {
		for _, skew := range []float64{0, 1.4, -3} {
			g := image.NewGray(image.Rect(0, 0, w, h))
			fill(g.Pix, 255)
			for dy := -2; dy <= 2; dy++ {
				for dx := -2; dx <= 2; dx++ {
					g.Pix[(mark.Y+dy)*g.Stride+mark.X+dx] = 0
				}
			}
			s := turn(g, q)
			straighten(s, -skew)
			// Where the mark went: the centroid of its ink.
			var sx, sy, n float64
			for y := range s.Rect.Dy() {
				for x := range s.Rect.Dx() {
					if v := s.Pix[y*s.Stride+x]; v < 128 {
						sx, sy, n = sx+float64(x), sy+float64(y), n+1
					}
				}
			}
			if n == 0 {
				t.Fatalf("turn %d, skew %.1f: the mark is gone", q, skew)
			}
			at := image.Pt(int(math.Round(sx/n)), int(math.Round(sy/n)))
			p := Page{Width: w, Height: h, Turned: 90 * q, Skew: skew}
			got := p.Place(Word{Box: image.Rect(at.X, at.Y-1, at.X+1, at.Y)})
			if d := math.Hypot(got.X-float64(mark.X), got.Y-float64(mark.Y)); d > 2 {
				t.Errorf("turn %d°, skew %.1f°: placed at (%.1f, %.1f), the mark is at %v", 90*q, skew, got.X, got.Y, mark)
			}
		}
	}
}
