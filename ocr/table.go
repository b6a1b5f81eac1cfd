package ocr

import (
	"image"
	"math/bits"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"
)

// Ruled tables. Tesseract reads a page in one uniform block (psm 6): over a
// bordered table it takes the rules for letters («|», «_») and the cells of
// a row for one line of text, so that a cell's wrapped text interleaves
// with its neighbour's («Publicación Administración de Contenidos…»). The
// table is found first, from its rules — long thin runs of dark pixels,
// horizontal and vertical, that meet — and each cell is recognised alone,
// rules whitened; the rest of the page is recognised without the table.
// Leptonica's morphology would find the rules too, but gosseract reaches
// none of it, and runs along rows and columns are all this needs.

// segment is a rule: the pixels from (x0, y0) to (x1, y1), inclusive.
type segment struct{ x0, y0, x1, y1 int }

func (s segment) rect() image.Rectangle { return image.Rect(s.x0, s.y0, s.x1+1, s.y1+1) }

// table is a ruled table on a page: its box, its rules, and its rows of
// cells (the space inside the rules), top to bottom and left to right.
type table struct {
	box   image.Rectangle
	rules []segment
	rows  [][]image.Rectangle
}

// ruleFill is the share of a rule's length that must be dark: a rule
// drawn, blurred or broken by the scan, not a line of text.
const ruleFill = 0.85

// findTables finds the ruled tables of a prepared (straightened) page.
// Rules are runs of dark pixels at least an inch long across and a third
// of an inch down (longer than any letter), at most a twenty-fifth of an
// inch thick; a table is a set of at least two horizontal and two vertical
// rules that meet. Text, however bold, never makes a vertical run that
// long, so a heading's baseline is never taken for a table.
func findTables(g *image.Gray, dpi int) []table {
	w, h := g.Rect.Dx(), g.Rect.Dy()
	if w < 8 || h < 8 {
		return nil
	}
	t := ruleThreshold(g)
	dark := make([]bool, w*h)
	for y := range h {
		row := g.Pix[y*g.Stride : y*g.Stride+w]
		for x, v := range row {
			dark[y*w+x] = v <= t
		}
	}
	gap := max(2, dpi/100)
	thick := max(4, dpi/25)
	hs := groupRuns(horizontalRuns(dark, w, h, dpi, gap), thick, true)
	if len(hs) < 2 {
		// Most pages: the search down the columns, the dearer (some
		// 15 ms of 45 at 300 dpi), is spared.
		return nil
	}
	vs := groupRuns(verticalRuns(dark, w, h, max(20, dpi/3), gap), thick, false)
	if len(vs) < 2 {
		return nil
	}
	return assemble(hs, vs, max(3, dpi/30))
}

// ruleThreshold is the grey level at or below which a pixel counts as a
// rule's. A thin rule that the scan blurred or that lies between two rows
// of pixels prints light grey on both (levels of 170–200 where the text's
// strokes are black): Otsu's threshold, which splits ink from paper, drops
// it and finds every other rule of a table. Halfway between that threshold
// and the paper (the median of the pixels lighter than it) keeps them; the
// paper's grain does not make runs an inch long at 85 % fill.
func ruleThreshold(g *image.Gray) uint8 {
	t := min(otsu(g), 160)
	var hist [256]int
	w, h := g.Rect.Dx(), g.Rect.Dy()
	for y := 0; y < h; y += 4 {
		for _, v := range g.Pix[y*g.Stride : y*g.Stride+w] {
			hist[v]++
		}
	}
	above := 0
	for v := int(t) + 1; v < 256; v++ {
		above += hist[v]
	}
	paper, seen := 255, 0
	for v := int(t) + 1; v < 256; v++ {
		if seen += hist[v]; 2*seen >= above {
			paper = v
			break
		}
	}
	return uint8((int(t) + paper) / 2)
}

// horizontalRuns finds the runs of each row, a pixel counting as dark when
// it or the one above or below is (a rule a pixel off level stays one run),
// gaps of up to gap pixels bridged, at least an inch long. A row with fewer
// dark pixels than such a run needs is not looked at further.
func horizontalRuns(dark []bool, w, h, dpi, gap int) []segment {
	minLen := max(20, dpi)
	need := int(ruleFill * float64(minLen))
	at := make([]bool, w)
	var out []segment
	for y := range h {
		copy(at, dark[y*w:(y+1)*w])
		if y > 0 {
			orInto(at, dark[(y-1)*w:y*w])
		}
		if y+1 < h {
			orInto(at, dark[(y+1)*w:(y+2)*w])
		}
		if countTrue(at) < need {
			continue
		}
		start, last, n := -1, -1, 0
		flush := func() {
			if start >= 0 && last-start+1 >= minLen && float64(n) >= ruleFill*float64(last-start+1) {
				out = append(out, segment{start, y, last, y})
			}
		}
		for x, d := range at {
			if !d {
				continue
			}
			if start < 0 || x-last > gap+1 {
				flush()
				start, n = x, 0
			}
			last = x
			n++
		}
		flush()
	}
	return out
}

// orInto sets dst[i] where src[i] is set, eight at a time: a Go bool is a
// byte holding 0 or 1, so the bitwise or of two is a bool too (a branch per
// pixel cost a third of the table search, mispredicted on the page's ink).
func orInto(dst, src []bool) {
	n := min(len(dst), len(src))
	k := n / 8
	if k > 0 {
		d := unsafe.Slice((*uint64)(unsafe.Pointer(&dst[0])), k)
		s := unsafe.Slice((*uint64)(unsafe.Pointer(&src[0])), k)
		for i := range d {
			d[i] |= s[i]
		}
	}
	for i := 8 * k; i < n; i++ {
		dst[i] = dst[i] || src[i]
	}
}

// countTrue counts the set bools, eight at a time (each a byte of 0 or 1:
// one bit each).
func countTrue(b []bool) int {
	k := len(b) / 8
	n := 0
	if k > 0 {
		for _, v := range unsafe.Slice((*uint64)(unsafe.Pointer(&b[0])), k) {
			n += bits.OnesCount64(v)
		}
	}
	for _, v := range b[8*k:] {
		if v {
			n++
		}
	}
	return n
}

// verticalRuns is horizontalRuns down the columns, in one pass over the
// rows (the page is stored by rows), at least minLen pixels long.
func verticalRuns(dark []bool, w, h, minLen, gap int) []segment {
	start := make([]int, w)
	last := make([]int, w)
	n := make([]int, w)
	for x := range w {
		start[x] = -1
	}
	var out []segment
	flush := func(x int) {
		if start[x] >= 0 && last[x]-start[x]+1 >= minLen && float64(n[x]) >= ruleFill*float64(last[x]-start[x]+1) {
			out = append(out, segment{x, start[x], x, last[x]})
		}
	}
	at := make([]bool, w)
	for y := range h {
		row := dark[y*w : (y+1)*w]
		// A pixel is dark when it or a neighbour in the row is.
		copy(at, row)
		orInto(at[1:], row[:w-1])
		orInto(at[:w-1], row[1:])
		for x, d := range at {
			if !d {
				continue
			}
			if start[x] < 0 || y-last[x] > gap+1 {
				flush(x)
				start[x], n[x] = y, 0
			}
			last[x] = y
			n[x]++
		}
	}
	for x := range w {
		flush(x)
	}
	return out
}

// groupRuns joins the runs of neighbouring rows (horizontal) or columns
// (vertical) that overlap along their length into rules, and keeps those
// no thicker than thick.
func groupRuns(runs []segment, thick int, horizontal bool) []segment {
	// across is the run's position across the rule; along its extent.
	across := func(s segment) int {
		if horizontal {
			return s.y0
		}
		return s.x0
	}
	along := func(s segment) (int, int) {
		if horizontal {
			return s.x0, s.x1
		}
		return s.y0, s.y1
	}
	slices.SortFunc(runs, func(a, b segment) int {
		if d := across(a) - across(b); d != 0 {
			return d
		}
		a0, _ := along(a)
		b0, _ := along(b)
		return a0 - b0
	})
	type group struct {
		seg  segment
		last int // the position across of its last run
		lo   int // its extent along, of the last run
		hi   int
	}
	var gs []group
	for _, r := range runs {
		lo, hi := along(r)
		c := across(r)
		joined := false
		for i := len(gs) - 1; i >= 0; i-- {
			g := &gs[i]
			if g.last < c-1 {
				continue
			}
			if ov := min(hi, g.hi) - max(lo, g.lo); g.last == c-1 && 2*ov >= min(hi-lo, g.hi-g.lo) {
				g.seg = segment{min(g.seg.x0, r.x0), min(g.seg.y0, r.y0), max(g.seg.x1, r.x1), max(g.seg.y1, r.y1)}
				g.last, g.lo, g.hi = c, lo, hi
				joined = true
				break
			}
		}
		if !joined {
			gs = append(gs, group{seg: r, last: c, lo: lo, hi: hi})
		}
	}
	var out []segment
	for _, g := range gs {
		s := g.seg
		if horizontal && s.y1-s.y0+1 <= thick || !horizontal && s.x1-s.x0+1 <= thick {
			out = append(out, s)
		}
	}
	return out
}

// assemble makes tables of the rules that meet (within tol pixels): rows
// between consecutive horizontal rules, cells between the vertical rules
// that cross the row (a cell spanning columns has none between), the
// table's outer edges standing for missing outer rules.
func assemble(hs, vs []segment, tol int) []table {
	n := len(hs) + len(vs)
	parent := make([]int, n)
	for i := range parent {
		parent[i] = i
	}
	var find func(int) int
	find = func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	for i, hr := range hs {
		for j, vr := range vs {
			if vr.x0 >= hr.x0-tol && vr.x1 <= hr.x1+tol && hr.y0 >= vr.y0-tol && hr.y1 <= vr.y1+tol {
				parent[find(i)] = find(len(hs) + j)
			}
		}
	}
	groups := map[int][]int{}
	var roots []int
	for i := range n {
		r := find(i)
		if _, ok := groups[r]; !ok {
			roots = append(roots, r)
		}
		groups[r] = append(groups[r], i)
	}
	var out []table
	for _, r := range roots {
		var th, tv []segment
		for _, i := range groups[r] {
			if i < len(hs) {
				th = append(th, hs[i])
			} else {
				tv = append(tv, vs[i-len(hs)])
			}
		}
		if len(th) < 2 || len(tv) < 2 {
			continue
		}
		if t, ok := gridOf(th, tv, tol); ok {
			out = append(out, t)
		}
	}
	slices.SortFunc(out, func(a, b table) int { return a.box.Min.Y - b.box.Min.Y })
	return out
}

// gridOf lays out the cells of one table's rules.
func gridOf(th, tv []segment, tol int) (table, bool) {
	t := table{rules: append(slices.Clone(th), tv...)}
	for _, s := range t.rules {
		t.box = t.box.Union(s.rect())
	}
	// The rows' edges: the horizontal rules by height, those within tol of
	// each other one edge (a rule broken where a cell spans).
	slices.SortFunc(th, func(a, b segment) int { return a.y0 - b.y0 })
	type edge struct{ top, bottom int }
	var edges []edge
	for _, s := range th {
		if k := len(edges); k > 0 && s.y0-edges[k-1].bottom <= tol {
			edges[k-1].bottom = max(edges[k-1].bottom, s.y1)
			continue
		}
		edges = append(edges, edge{s.y0, s.y1})
	}
	slices.SortFunc(tv, func(a, b segment) int { return a.x0 - b.x0 })
	for i := 1; i < len(edges); i++ {
		top, bottom := edges[i-1].bottom+1, edges[i].top-1
		if bottom-top < 2*tol {
			continue
		}
		mid := (top + bottom) / 2
		// The separators that cross this row, and the table's sides.
		seps := []edge{{t.box.Min.X, t.box.Min.X}}
		for _, s := range tv {
			if s.y0 <= mid && s.y1 >= mid {
				if k := len(seps); s.x0-seps[k-1].bottom <= tol {
					seps[k-1].bottom = max(seps[k-1].bottom, s.x1)
				} else {
					seps = append(seps, edge{s.x0, s.x1})
				}
			}
		}
		if k := len(seps); t.box.Max.X-1-seps[k-1].bottom > tol {
			seps = append(seps, edge{t.box.Max.X - 1, t.box.Max.X - 1})
		}
		var cells []image.Rectangle
		for j := 1; j < len(seps); j++ {
			left, right := seps[j-1].bottom+1, seps[j].top-1
			if right-left < 2*tol {
				continue
			}
			cells = append(cells, image.Rect(left, top, right+1, bottom+1))
		}
		if len(cells) > 0 {
			t.rows = append(t.rows, cells)
		}
	}
	return t, len(t.rows) > 0
}

// whiten paints the rectangle white, grown by pad pixels each way and cut
// to the image.
func whiten(g *image.Gray, r image.Rectangle, pad int) {
	r = image.Rect(r.Min.X-pad, r.Min.Y-pad, r.Max.X+pad, r.Max.Y+pad).Intersect(g.Rect)
	for y := r.Min.Y; y < r.Max.Y; y++ {
		row := g.Pix[y*g.Stride+r.Min.X : y*g.Stride+r.Max.X]
		for i := range row {
			row[i] = 255
		}
	}
}

// cellImage copies a cell of the page, with a white margin around it
// (Tesseract misses letters that touch the image's edge); it returns nil
// for an empty cell.
func cellImage(g *image.Gray, r image.Rectangle, margin int) *image.Gray {
	r = r.Intersect(g.Rect)
	inked := 0
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for _, v := range g.Pix[y*g.Stride+r.Min.X : y*g.Stride+r.Max.X] {
			if v < 128 {
				inked++
			}
		}
	}
	if inked < 10 {
		return nil
	}
	c := image.NewGray(image.Rect(0, 0, r.Dx()+2*margin, r.Dy()+2*margin))
	fill(c.Pix, 255)
	for y := r.Min.Y; y < r.Max.Y; y++ {
		copy(c.Pix[(y-r.Min.Y+margin)*c.Stride+margin:], g.Pix[y*g.Stride+r.Min.X:y*g.Stride+r.Max.X])
	}
	return c
}

// tables finds the page's ruled tables (outside its dark bands) and reads
// them cell by cell; it whitens them on the page, which is then read
// without them. Each row comes back as one line with its cells' texts,
// and their lines as printed.
func (e *Engine) tables(g *image.Gray, dpi int, sh shade) ([]textLine, error) {
	ts := findTables(sh.unshaded(g), dpi)
	var rows []textLine
	margin := max(8, dpi/30)
	for _, t := range ts {
		for _, s := range t.rules {
			whiten(g, s.rect(), 2)
		}
		first := len(rows)
		for _, cells := range t.rows {
			row := textLine{row: true, top: cells[0].Min.Y, bottom: cells[0].Max.Y}
			texts := make([]string, len(cells))
			row.cellLines, row.cellX = make([][]string, len(cells)), make([]int, len(cells))
			for i, c := range cells {
				row.cellX[i] = c.Min.X
				cell := cellImage(g, c, margin)
				if cell == nil {
					continue
				}
				if err := e.setImage(cell); err != nil {
					return nil, err
				}
				boxes, err := e.c.GetBoundingBoxesVerbose()
				if err != nil {
					return nil, err
				}
				lines := linesOf(boxes, c.Min.Sub(image.Pt(margin, margin)))
				var parts []string
				for _, l := range lines {
					var printed []string
					for wi, w := range l.words {
						parts = joinWord(parts, w.Text, wi == 0)
						printed = append(printed, w.Text)
					}
					row.cellLines[i] = append(row.cellLines[i], strings.Join(printed, " "))
					row.words = append(row.words, l.words...)
					row.height = max(row.height, l.height)
				}
				texts[i] = strings.Join(parts, " ")
			}
			if strings.TrimSpace(strings.Join(texts, "")) == "" {
				continue
			}
			if len(row.words) > 0 {
				row.top, row.bottom = row.words[0].Box.Min.Y, row.words[0].Box.Max.Y
				for _, w := range row.words {
					row.top, row.bottom = min(row.top, w.Box.Min.Y), max(row.bottom, w.Box.Max.Y)
				}
			}
			row.cells = texts
			rows = append(rows, row)
		}
		// One character width for the whole table, so that its columns
		// line up from row to row: its words' ink over their letters.
		ink, letters := 0, 0
		for _, r := range rows[first:] {
			for _, w := range r.words {
				ink += w.Box.Dx()
				letters += utf8.RuneCountInString(w.Text)
			}
		}
		for i := first; i < len(rows) && letters > 0; i++ {
			rows[i].charW = max(1, ink/letters)
		}
		// Only what was read as cells goes: a part of the box that no two
		// rules found bound (a rule the scan broke) stays on the page, to
		// be read with its text rather than lost.
		for _, cells := range t.rows {
			for _, c := range cells {
				whiten(g, c, 2)
			}
		}
	}
	return rows, nil
}

// joinWord adds a word to a cell's words; the first word of a line joins
// the last one of the line before when that ends in a hyphen between
// lower-case letters (the typesetter's, a word broken at the cell's edge).
func joinWord(parts []string, w string, lineStart bool) []string {
	if n := len(parts); lineStart && n > 0 {
		last := []rune(parts[n-1])
		first, _ := utf8.DecodeRuneInString(w)
		if k := len(last); k >= 2 && last[k-1] == '-' && unicode.IsLower(last[k-2]) && unicode.IsLower(first) {
			parts[n-1] = string(last[:k-1]) + w
			return parts
		}
	}
	return append(parts, w)
}
