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
//
// The regions are found over runs, not pixels: each row's runs of dark
// pixels, joined (union-find) with the runs of the row above that touch
// them, corners included; a page of text has a few hundred thousand runs
// where it has millions of pixels.
func despeckle(g *image.Gray, maxArea int) int {
	w, h := g.Rect.Dx(), g.Rect.Dy()
	type run struct{ y, x0, x1 int32 } // x1 exclusive
	var runs []run
	var parent, area []int32 // by run: its region's parent, a root's area
	find := func(i int32) int32 {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	prev, prevEnd := 0, 0 // the row above's runs: runs[prev:prevEnd]
	for y := range h {
		row := g.Pix[y*g.Stride : y*g.Stride+w]
		start := len(runs)
		j := prev
		for x := 0; x < w; {
			if row[x] >= 128 {
				x++
				continue
			}
			x0 := x
			for x < w && row[x] < 128 {
				x++
			}
			id := int32(len(runs))
			runs = append(runs, run{int32(y), int32(x0), int32(x)})
			parent = append(parent, id)
			area = append(area, int32(x-x0))
			// The runs above that touch [x0, x), corners included: from
			// the first that ends at x0-1 or later to the last that starts
			// at x or earlier.
			for j < prevEnd && int(runs[j].x1) < x0 {
				j++
			}
			for k := j; k < prevEnd && int(runs[k].x0) <= x; k++ {
				a, b := find(int32(k)), find(id)
				if a != b {
					if a > b {
						a, b = b, a
					}
					parent[b] = a
					area[a] += area[b]
				}
			}
		}
		prev, prevEnd = start, len(runs)
	}
	removed := 0
	for i := range runs {
		r := find(int32(i))
		if int(area[r]) > maxArea {
			continue
		}
		if int32(i) == r {
			removed++
		}
		ru := runs[i]
		whiten(g, image.Rect(int(ru.x0), int(ru.y), int(ru.x1), int(ru.y)+1), 0)
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
		if noisyPaper(g) {
			median3(g)
		}
		despeckle(g, specksArea(dpi))
	}
	skew := 0.0
	if !o.KeepSkew {
		// Below a tenth of a degree the interpolation costs more than the
		// skew.
		if a := skewAngle(g, dpi); math.Abs(a) >= 0.1 {
			straighten(g, -a)
			skew = a
		}
	}
	if o.Binarize {
		binarize(g)
	}
	return skew
}

// noisyPaper says whether the paper itself is noise: on a page of text,
// ink is a few percent of the pixels (5 % to 15 % on the corpus's pages)
// and Otsu's threshold splits ink from paper; on a grey page with heavy
// scanner noise it splits the paper's grain, and half the page is «ink».
// Tesseract reads that grain as letters (4 057 characters of garbage on a
// page that prints 43), specks too many and too big to remove one by one.
func noisyPaper(g *image.Gray) bool {
	t := otsu(g)
	w, h := g.Rect.Dx(), g.Rect.Dy()
	dark := 0
	for y := 0; y < h; y += 2 {
		for _, v := range g.Pix[y*g.Stride : y*g.Stride+w] {
			if v <= t {
				dark++
			}
		}
	}
	return float64(dark) > 0.3*float64(w*((h+1)/2))
}

// median3 replaces each pixel by the median of its 3 × 3 neighbourhood, in
// place: the paper's grain goes, strokes two or more pixels wide stay.
func median3(g *image.Gray) {
	w, h := g.Rect.Dx(), g.Rect.Dy()
	if w < 3 || h < 3 {
		return
	}
	src := make([]uint8, len(g.Pix))
	copy(src, g.Pix)
	var v [9]uint8
	for y := 1; y < h-1; y++ {
		for x := 1; x < w-1; x++ {
			k := 0
			for dy := -1; dy <= 1; dy++ {
				row := src[(y+dy)*g.Stride+x-1:]
				v[k], v[k+1], v[k+2] = row[0], row[1], row[2]
				k += 3
			}
			// The fifth smallest, by selection.
			for i := 0; i <= 4; i++ {
				m := i
				for j := i + 1; j < 9; j++ {
					if v[j] < v[m] {
						m = j
					}
				}
				v[i], v[m] = v[m], v[i]
			}
			g.Pix[y*g.Stride+x] = v[4]
		}
	}
}
