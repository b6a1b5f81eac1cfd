package ocr

import (
	"image"
	"math"
)

// Orientation. A page scanned on its side or upside down is turned upright
// before recognition: its text lines run across the rows of an upright (or
// upside-down) page and down its columns when it lies on its side, which
// the spread of dark pixels per row against per column tells; which of the
// two ways up is the right one, recognition itself tells (Tesseract is far
// less sure of text read upside down). Debian's Tesseract ships OSD data,
// but gosseract does not expose its orientation detection.

// linesRunDown says the page's text lines run down its columns (the page
// lies on its side).
func linesRunDown(g *image.Gray) bool {
	b := g.Bounds()
	const step = 4
	rows := make([]float64, 0, b.Dy()/step+1)
	cols := make([]float64, b.Dx()/step+1)
	for y := b.Min.Y; y < b.Max.Y; y += step {
		n := 0.0
		for x, k := b.Min.X, 0; x < b.Max.X; x, k = x+step, k+1 {
			if g.GrayAt(x, y).Y < 128 {
				n++
				cols[k]++
			}
		}
		rows = append(rows, n)
	}
	return spread(cols) > 1.25*spread(rows)
}

// spread is the mean absolute difference between neighbours, over the
// mean: text lines and the gaps between them make it large across them.
func spread(v []float64) float64 {
	if len(v) < 2 {
		return 0
	}
	sum, diff := 0.0, 0.0
	for i, x := range v {
		sum += x
		if i > 0 {
			diff += math.Abs(x - v[i-1])
		}
	}
	if sum == 0 {
		return 0
	}
	return diff / float64(len(v)-1) / (sum / float64(len(v)))
}

// turn rotates g by quarter turns clockwise (1, 2 or 3), exactly.
func turn(g *image.Gray, quarters int) *image.Gray {
	b := g.Bounds()
	w, h := b.Dx(), b.Dy()
	var out *image.Gray
	switch quarters % 4 {
	case 1, 3:
		out = image.NewGray(image.Rect(0, 0, h, w))
	case 2:
		out = image.NewGray(image.Rect(0, 0, w, h))
	default:
		return g
	}
	for y := 0; y < h; y++ {
		row := g.Pix[(y)*g.Stride : y*g.Stride+w]
		for x, v := range row {
			switch quarters % 4 {
			case 1: // clockwise: (x, y) → (h-1-y, x)
				out.Pix[x*out.Stride+(h-1-y)] = v
			case 2:
				out.Pix[(h-1-y)*out.Stride+(w-1-x)] = v
			case 3: // counter-clockwise: (x, y) → (y, w-1-x)
				out.Pix[(w-1-x)*out.Stride+y] = v
			}
		}
	}
	return out
}

// meanConf is the mean confidence of a page's words of two letters or
// more, weighted by their length, and how many there are.
func meanConf(p Page) (float64, int) {
	sum, n, words := 0.0, 0.0, 0
	for _, w := range p.Words {
		if l := len([]rune(w.Text)); l >= 2 {
			sum += w.Conf * float64(l)
			n += float64(l)
			words++
		}
	}
	if n == 0 {
		return 0, 0
	}
	return sum / n, words
}
