package ocr

import (
	"image"
	"slices"
)

// Tesseract reads again, inverted, every line it is unsure of, in case it
// prints light on dark: on a degraded page, many lines, each read twice.
// An acuerdo's running text never prints that way, so the engine turns that
// second reading off (tessedit_do_invert=0, 2–3 % of the time on the
// corpus) and turns it back on for a page only where the page shows the
// evidence: a shaded band, as a table's header row filled dark or a
// heading set white on a dark bar.

// shadeBlock is the side of the blocks shadedBands looks at: a tenth of an
// inch, so that a band of one line of text holds a whole row of them.
func shadeBlock(dpi int) int { return max(8, dpi/10) }

// shade is where a page is shaded: the blocks, shadeBlock pixels square,
// of its dark bands, by row of blocks.
type shade struct {
	block, cols int
	band        []bool // block row*cols + column: in a dark band; nil when none
}

// any says whether the page has a dark band.
func (s shade) any() bool { return s.band != nil }

// shadedBands finds the page's dark bands: an inch or more of blocks side
// by side, each at least half dark. A line of black text, even bold, inks
// under half of such a row (its letters' counters, the spaces between
// them; some 25–45 %), a line of white text on dark leaves more than half
// of it dark; a rule is a fraction of a block high. It looks at every
// fourth pixel of every fourth row: some 1 ms at 300 dpi.
func shadedBands(g *image.Gray, dpi int) shade {
	b := shadeBlock(dpi)
	w, h := g.Rect.Dx(), g.Rect.Dy()
	cols := w / b
	need := max(2, dpi/b) // blocks in an inch
	s := shade{block: b, cols: cols}
	if cols < need {
		return s
	}
	const step = 4
	// A block's samples: as many as fall in it (a block's side need not
	// be a multiple of the step).
	per := make([]int, cols)
	for x := 0; x < cols*b; x += step {
		per[x/b] += (b + step - 1) / step
	}
	dark := make([]int, cols)
	for by := 0; by+b <= h; by += b {
		clear(dark)
		for y := by; y < by+b; y += step {
			row := g.Pix[y*g.Stride : y*g.Stride+cols*b]
			for x := 0; x < len(row); x += step {
				if row[x] < 128 {
					dark[x/b]++
				}
			}
		}
		run := 0
		for i, d := range dark {
			if 2*d < per[i] {
				run = 0
				continue
			}
			run++
			// The run is a band from its need-th block on.
			if run < need {
				continue
			}
			if s.band == nil {
				s.band = make([]bool, cols*(h/b))
			}
			from := i
			if run == need {
				from = i - need + 1
			}
			for j := from; j <= i; j++ {
				s.band[(by/b)*cols+j] = true
			}
		}
	}
	return s
}

// unshaded is the page with its dark bands painted white, for the table
// search: the strips of a band between its lines of light text are long
// and thin like rules, the dark between its words runs down like a
// column's, and the band was read as a table of garbage cells. The page
// itself when it has none.
func (s shade) unshaded(g *image.Gray) *image.Gray {
	if !s.any() {
		return g
	}
	c := &image.Gray{Pix: slices.Clone(g.Pix), Stride: g.Stride, Rect: g.Rect}
	for i, in := range s.band {
		if in {
			x, y := (i%s.cols)*s.block, (i/s.cols)*s.block
			whiten(c, image.Rect(x, y, x+s.block, y+s.block).Add(g.Rect.Min), 0)
		}
	}
	return c
}

// invertWhere turns Tesseract's inverted second reading on for a page that
// is shaded, off for one that is not; the variable is set only when it
// changes.
func (e *Engine) invertWhere(s shade) error {
	want := s.any()
	if want == e.invert {
		return nil
	}
	v := "0"
	if want {
		v = "1"
	}
	if err := e.c.SetVariable("tessedit_do_invert", v); err != nil {
		return err
	}
	e.invert = want
	return nil
}
