package ocr

import (
	"image"
	"math"
)

// Placed is where a word lies on the page image as it came (before it was
// turned upright and straightened): the corner its text starts from (the
// lower left of its box as the text reads), its box's width and height,
// and the angle its line runs at, in degrees counter-clockwise as seen on
// the image. All in the image's pixels, y going down.
type Placed struct {
	X, Y, W, H, Angle float64
}

// Placements are the page's words placed as Place places them, each word
// as tall as its line and standing on the line's foot: the words of a line
// share its height and its baseline, as a reader of the text layer
// (pdftotext, a viewer's selection) needs them to keep them on one line.
func (p Page) Placements() []Placed {
	// A line is the words of a Line that stand level with each other (a
	// table's row is one Line, its cells' lines several).
	byLine := map[int][]int{}
	for i, w := range p.Words {
		byLine[w.Line] = append(byLine[w.Line], i)
	}
	out := make([]Placed, len(p.Words))
	type key struct {
		line int
		r    image.Rectangle
	}
	level := map[key][]int{}
	for i, w := range p.Words {
		l := w.Box
		mid := (w.Box.Min.Y + w.Box.Max.Y) / 2
		for _, k := range byLine[w.Line] {
			o := p.Words[k].Box
			if om := (o.Min.Y + o.Max.Y) / 2; om >= w.Box.Min.Y && om <= w.Box.Max.Y || mid >= o.Min.Y && mid <= o.Max.Y {
				l = l.Union(o)
			}
		}
		out[i] = p.Place(Word{Box: image.Rect(w.Box.Min.X, l.Min.Y, w.Box.Max.X, l.Max.Y)})
		k := key{w.Line, image.Rect(0, l.Min.Y, 0, l.Max.Y)}
		level[k] = append(level[k], i)
	}
	// A line's words stand on one level baseline, its mean, unturned: a
	// text extractor (pdftotext) keeps a level line whole, where it cuts
	// a line a scan left at 1° into pieces, mid-word, as its baseline
	// drifts. The cost is a word at the end of a long line of a crooked
	// scan standing off its image by up to half the drift (±1.8 mm at 1.2°
	// across a letter page).
	for _, idx := range level {
		y := 0.0
		for _, i := range idx {
			y += out[i].Y
		}
		y /= float64(len(idx))
		for _, i := range idx {
			out[i].Y, out[i].Angle = y, 0
		}
	}
	return out
}

// Place takes a word's box back to the page image as it came.
func (p Page) Place(w Word) Placed {
	// The straightened page is the turned one rotated about its centre
	// by -Skew (Rotate's sense): a point q of it is R(-Skew)(q - c) + c of
	// the turned page.
	tw, th := float64(p.Width), float64(p.Height)
	if p.Turned == 90 || p.Turned == 270 {
		tw, th = th, tw
	}
	cx, cy := tw/2, th/2
	sin, cos := math.Sincos(-p.Skew * math.Pi / 180)
	unskew := func(x, y float64) (float64, float64) {
		dx, dy := x-cx, y-cy
		return cos*dx - sin*dy + cx, sin*dx + cos*dy + cy
	}
	// The turn undone: turn(…, q) sends (x, y) of the page as it came to
	// (h-1-y, x) for a quarter turn clockwise.
	h, wd := float64(p.Height), float64(p.Width)
	unturn := func(x, y float64) (float64, float64) {
		switch p.Turned {
		case 90:
			return y, h - 1 - x
		case 180:
			return wd - 1 - x, h - 1 - y
		case 270:
			return wd - 1 - y, x
		}
		return x, y
	}
	back := func(x, y float64) (float64, float64) { return unturn(unskew(x, y)) }
	b := w.Box
	x0, y0 := back(float64(b.Min.X), float64(b.Max.Y)) // lower left as read
	x1, y1 := back(float64(b.Max.X), float64(b.Max.Y)) // lower right
	return Placed{X: x0, Y: y0, W: float64(b.Dx()), H: float64(b.Dy()),
		Angle: -math.Atan2(y1-y0, x1-x0) * 180 / math.Pi}
}
