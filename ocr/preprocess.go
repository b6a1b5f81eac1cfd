package ocr

import (
	"image"
	"math"
)

// despeckle whitens the dark specks a scanner leaves: connected dark
// regions (8-neighbours, grey below 128) of at most maxArea pixels. A full
// stop at 11 pt is some 16 pixels at 300 dpi, so maxArea scales with the
// resolution and stays well below it. It works in place and reports how
// many specks it removed.
func despeckle(g *image.Gray, maxArea int) int {
	w, h := g.Rect.Dx(), g.Rect.Dy()
	seen := make([]bool, w*h)
	var stack, comp []int
	removed := 0
	for start := range w * h {
		if seen[start] || g.Pix[start/w*g.Stride+start%w] >= 128 {
			continue
		}
		seen[start] = true
		stack = append(stack[:0], start)
		comp = comp[:0]
		big := false
		for len(stack) > 0 {
			p := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			if !big {
				comp = append(comp, p)
				if len(comp) > maxArea {
					big = true // keep walking to mark it seen, stop collecting
				}
			}
			x, y := p%w, p/w
			for dy := -1; dy <= 1; dy++ {
				for dx := -1; dx <= 1; dx++ {
					nx, ny := x+dx, y+dy
					if nx < 0 || ny < 0 || nx >= w || ny >= h {
						continue
					}
					q := ny*w + nx
					if !seen[q] && g.Pix[ny*g.Stride+nx] < 128 {
						seen[q] = true
						stack = append(stack, q)
					}
				}
			}
		}
		if !big {
			for _, p := range comp {
				g.Pix[p/w*g.Stride+p%w] = 255
			}
			removed++
		}
	}
	return removed
}

// specksArea is the largest speck removed at a resolution.
func specksArea(dpi int) int { return max(2, 6*dpi*dpi/(300*300)) }

// prepare readies a page for recognition, in place: without specks,
// straightened, and black and white if asked. It returns the skew it
// corrected, in degrees.
func prepare(g *image.Gray, dpi int, o Options) float64 {
	if !o.KeepSpecks {
		despeckle(g, specksArea(dpi))
	}
	skew := 0.0
	if !o.KeepSkew {
		// Below a tenth of a degree the interpolation costs more than the
		// skew.
		if a := skewAngle(g, dpi); math.Abs(a) >= 0.1 {
			copy(g.Pix, Rotate(g, -a).Pix)
			skew = a
		}
	}
	if o.Binarize {
		binarize(g)
	}
	return skew
}
