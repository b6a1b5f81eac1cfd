package ocr

import (
	"image"
	"math"
)

// MaxSkew is the largest skew, in degrees either way, deskew looks for:
// a page fed crooked into a photocopier.
const MaxSkew = 5.0

// skewAngle estimates how far the page's text lines are turned, in
// degrees, in the sense Rotate turns (so Rotate(g, -angle) straightens
// it), within ±MaxSkew. Projection profiles: the dark pixels of a reduced
// page are projected along each candidate angle; at the right one the text
// lines fall into few rows and the profile is sharpest (the sum of squared
// differences between neighbouring rows is largest). A coarse pass in
// steps of 0.25° is refined in steps of 0.02°.
func skewAngle(g *image.Gray, dpi int) float64 {
	// Reduce to about 75 dpi: a cell is dark if any of its pixels is.
	f := max(1, dpi/75)
	w, h := g.Rect.Dx(), g.Rect.Dy()
	rw, rh := w/f, h/f
	var xs, ys []float64
	for ry := range rh {
		for rx := range rw {
			dark := false
			for y := ry * f; y < ry*f+f && !dark; y++ {
				row := g.Pix[y*g.Stride+rx*f : y*g.Stride+rx*f+f]
				for _, v := range row {
					if v < 128 {
						dark = true
						break
					}
				}
			}
			if dark {
				xs = append(xs, float64(rx)-float64(rw)/2)
				ys = append(ys, float64(ry))
			}
		}
	}
	if len(xs) < 50 {
		return 0 // an empty page
	}
	bins := make([]float64, rh+2*rw/10+8)
	off := float64(rw/10 + 4) // room for the shift at ±5°
	score := func(deg float64) float64 {
		t := math.Tan(deg * math.Pi / 180)
		clear(bins)
		for i, x := range xs {
			b := int(ys[i] + x*t + off)
			if b >= 0 && b < len(bins) {
				bins[b]++
			}
		}
		s := 0.0
		for i := 1; i < len(bins); i++ {
			d := bins[i] - bins[i-1]
			s += d * d
		}
		return s
	}
	best, bestScore := 0.0, score(0)
	for deg := -MaxSkew; deg <= MaxSkew+1e-9; deg += 0.25 {
		if s := score(deg); s > bestScore {
			best, bestScore = deg, s
		}
	}
	coarse := best
	for deg := coarse - 0.25; deg <= coarse+0.25+1e-9; deg += 0.02 {
		if s := score(deg); s > bestScore {
			best, bestScore = deg, s
		}
	}
	return best
}

// Rotate turns a page about its centre by deg degrees (bilinear), filling
// what comes in from outside with white. It walks each row in fixed point
// (32 fraction bits for the position, 16 for the weights): within a grey
// level of the exact interpolation, in half its time (a pixel whose four
// neighbours are one level is that level).
func Rotate(src *image.Gray, deg float64) *image.Gray {
	b := src.Bounds()
	w, h := b.Dx(), b.Dy()
	dst := image.NewGray(image.Rect(0, 0, w, h))
	sin, cos := math.Sincos(deg * math.Pi / 180)
	cx, cy := float64(w)/2, float64(h)/2
	sp, stride := src.Pix, src.Stride
	const one, pos = 1 << 16, 1 << 32 // the weights' unit, the positions'
	stepX, stepY := int64(math.Round(cos*pos)), int64(math.Round(sin*pos))
	for y := range h {
		dy := float64(y) - cy
		row := dst.Pix[y*dst.Stride : y*dst.Stride+w]
		// Inverse mapping: where in the source each pixel comes from,
		// from the row's first on.
		fx := int64(math.Round((-cos*cx - sin*dy + cx) * pos))
		fy := int64(math.Round((-sin*cx + cos*dy + cy) * pos))
		for x := range row {
			px, py := fx, fy
			fx, fy = fx+stepX, fy+stepY
			x0, y0 := int(px>>32), int(py>>32)
			if px < 0 || py < 0 || x0+1 >= w || y0+1 >= h {
				row[x] = 255
				continue
			}
			i := y0*stride + x0
			if p := sp[i]; p == sp[i+1] && p == sp[i+stride] && p == sp[i+stride+1] {
				row[x] = p // paper, or the inside of a stroke
				continue
			}
			ax, ay := uint64(px>>16)&0xFFFF, uint64(py>>16)&0xFFFF
			top := uint64(sp[i])*(one-ax) + uint64(sp[i+1])*ax
			bottom := uint64(sp[i+stride])*(one-ax) + uint64(sp[i+stride+1])*ax
			row[x] = uint8((top*(one-ay) + bottom*ay + 1<<31) >> 32)
		}
	}
	return dst
}

// otsu is the grey level that best splits the page into ink and paper
// (Otsu's method: the largest between-class variance).
func otsu(g *image.Gray) uint8 {
	// Four histograms, summed after, so that neighbouring pixels of one
	// level do not wait on each other's count.
	var counts [4][256]int
	w, h := g.Rect.Dx(), g.Rect.Dy()
	for y := range h {
		row := g.Pix[y*g.Stride : y*g.Stride+w]
		x := 0
		for ; x+4 <= len(row); x += 4 {
			counts[0][row[x]]++
			counts[1][row[x+1]]++
			counts[2][row[x+2]]++
			counts[3][row[x+3]]++
		}
		for ; x < len(row); x++ {
			counts[0][row[x]]++
		}
	}
	var hist [256]float64
	for v := range hist {
		hist[v] = float64(counts[0][v] + counts[1][v] + counts[2][v] + counts[3][v])
	}
	total := float64(w * h)
	sum := 0.0
	for i, n := range hist {
		sum += float64(i) * n
	}
	var best uint8
	var wB, sumB, bestVar float64
	for t := range 256 {
		wB += hist[t]
		if wB == 0 {
			continue
		}
		wF := total - wB
		if wF == 0 {
			break
		}
		sumB += float64(t) * hist[t]
		mB, mF := sumB/wB, (sum-sumB)/wF
		if v := wB * wF * (mB - mF) * (mB - mF); v > bestVar {
			best, bestVar = uint8(t), v
		}
	}
	return best
}

// binarize makes the page black and white at Otsu's threshold, in place.
func binarize(g *image.Gray) {
	t := otsu(g)
	w, h := g.Rect.Dx(), g.Rect.Dy()
	for y := range h {
		row := g.Pix[y*g.Stride : y*g.Stride+w]
		for x, v := range row {
			if v <= t {
				row[x] = 0
			} else {
				row[x] = 255
			}
		}
	}
}
