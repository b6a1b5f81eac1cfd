package ocr

import (
	"image"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/otiai10/gosseract/v2"
)

// Footnote calls. A call is a small number raised above the line
// («Junta.¹»); Tesseract, reading the line as a whole, gives it back as
// «'», «*», «?» or nothing, and the note it calls is lost to the reader.
// The page's pixels say what the text does not: the last glyph of a word
// whose ink ends well above the line's baseline and stands at least half
// as tall as the line's capitals is a call (a closing quote or an
// apostrophe is raised too, but not half as tall). It is read again alone,
// enlarged, as digits only, and written as digits after the word; a note's
// own number, raised at the start of its line, likewise before it.

// lineMetrics are a line's baseline and the heights above it, from the
// ink of its words' boxes row by row: the baseline is the lowest row with
// a third of the busiest row's ink (descenders have far less), the x-height
// the highest such row, the capitals' top the highest row with any ink to
// speak of.
type lineMetrics struct {
	baseline, xTop, capTop int
}

func metricsOf(g *image.Gray, l textLine) (lineMetrics, bool) {
	if len(l.words) == 0 || l.bottom-l.top < 4 {
		return lineMetrics{}, false
	}
	ink := make([]int, l.bottom-l.top+1)
	for _, w := range l.words {
		r := w.Box.Intersect(g.Rect)
		for y := r.Min.Y; y < r.Max.Y; y++ {
			for _, v := range g.Pix[y*g.Stride+r.Min.X : y*g.Stride+r.Max.X] {
				if v < 128 {
					ink[y-l.top]++
				}
			}
		}
	}
	busiest := 0
	for _, n := range ink {
		busiest = max(busiest, n)
	}
	if busiest == 0 {
		return lineMetrics{}, false
	}
	m := lineMetrics{baseline: -1, xTop: -1, capTop: -1}
	for i, n := range ink {
		if n*3 >= busiest {
			if m.xTop < 0 {
				m.xTop = l.top + i
			}
			m.baseline = l.top + i
		}
		if m.capTop < 0 && n*20 >= busiest {
			m.capTop = l.top + i
		}
	}
	if m.baseline-m.capTop < 6 {
		return lineMetrics{}, false
	}
	return m, true
}

// glyphSpan is a run of inked columns inside a word's box and the rows its
// ink spans.
type glyphSpan struct{ x0, x1, top, bottom int }

// edgeGlyphs are the word's column runs, scanning from its right end
// (right) or its left, at most n of them.
func edgeGlyphs(g *image.Gray, box image.Rectangle, right bool, n int) []glyphSpan {
	r := box.Intersect(g.Rect)
	inked := func(x int) (top, bottom int, ok bool) {
		top, bottom = -1, -1
		for y := r.Min.Y; y < r.Max.Y; y++ {
			if g.Pix[y*g.Stride+x] < 128 {
				if top < 0 {
					top = y
				}
				bottom = y
			}
		}
		return top, bottom, top >= 0
	}
	var out []glyphSpan
	x, step, end := r.Max.X-1, -1, r.Min.X-1
	if !right {
		x, step, end = r.Min.X, 1, r.Max.X
	}
	var cur *glyphSpan
	for ; x != end && len(out) <= n; x += step {
		top, bottom, ok := inked(x)
		if !ok {
			cur = nil
			continue
		}
		if cur == nil {
			out = append(out, glyphSpan{x0: x, x1: x, top: top, bottom: bottom})
			cur = &out[len(out)-1]
			continue
		}
		cur.x0, cur.x1 = min(cur.x0, x), max(cur.x1, x)
		cur.top, cur.bottom = min(cur.top, top), max(cur.bottom, bottom)
	}
	// A speck inside the word's box (a few pixels) is no glyph.
	return slices.DeleteFunc(out, func(s glyphSpan) bool { return s.x1-s.x0 < 3 && s.bottom-s.top < 3 })
}

// raised says whether a glyph stands as a call does above the line.
func (m lineMetrics) raised(s glyphSpan) bool {
	cap := m.baseline - m.capTop
	xh := max(1, m.baseline-m.xTop)
	h := s.bottom - s.top + 1
	return s.bottom < m.baseline-xh/3 && 2*h >= cap && h <= cap && s.x1-s.x0 < 2*cap
}

// callDigits reads raised glyphs (the call's digits) alone: enlarged
// twice, then three and four times, smoothed or not, until one is read
// surely, as one line of digits only. Measured on the corpus's calls: no one size reads them all
// (a faint «2» read at twice its size and not at three times, a thin «1»
// the other way).
func (e *Engine) callDigits(g *image.Gray, m lineMetrics, spans []glyphSpan) (string, bool) {
	r := image.Rectangle{}
	for _, s := range spans {
		r = r.Union(image.Rect(s.x0, s.top, s.x1+1, s.bottom+1))
	}
	// The glyph's faint edges (a serif lighter than the stem) are outside
	// its darkest columns; nothing of the line's letters is as high.
	pad := max(2, r.Dy()/4)
	r = image.Rect(r.Min.X-pad, r.Min.Y-2, r.Max.X+pad, min(r.Max.Y+2, m.baseline-(m.baseline-m.xTop)/3)).Intersect(g.Rect)
	if r.Empty() {
		return "", false
	}
	// As many digits as glyphs, or two in one glyph as wide as it is tall
	// (two digits run together): a «³» read «33» is no call of note 33.
	digits := len(spans)
	if s := spans[0]; len(spans) == 1 && 10*(s.x1-s.x0+1) >= 9*(s.bottom-s.top+1) {
		digits = 2
	}
	set := func(k, v string) error { return e.c.SetVariable(gosseract.SettableVariable(k), v) }
	if set("tessedit_char_whitelist", "0123456789") != nil {
		return "", false
	}
	defer func() {
		set("tessedit_char_whitelist", "")
		set("tessedit_pageseg_mode", strconv.Itoa(e.opt.PSM))
	}()
	for _, try := range []struct {
		k, margin int
		smooth    bool
	}{{2, 20, true}, {3, 12, false}, {3, 20, true}, {4, 20, false}, {4, 20, true}} {
		img := enlarged(g, r, try.k, try.margin, try.smooth)
		// As a line, then as a word (a thin «1» is read only so).
		for _, psm := range []string{"7", "8"} {
			if set("tessedit_pageseg_mode", psm) != nil {
				return "", false
			}
			if d, ok := e.readDigits(img); ok && len(d) <= digits {
				return d, true
			}
		}
	}
	return "", false
}

// readDigits recognises an image of one or two digits, read surely.
func (e *Engine) readDigits(img *image.Gray) (string, bool) {
	if e.setImage(img) != nil {
		return "", false
	}
	boxes, err := e.c.GetBoundingBoxesVerbose()
	if err != nil {
		return "", false
	}
	var b strings.Builder
	for _, x := range boxes {
		if x.Confidence < 50 {
			return "", false
		}
		b.WriteString(strings.TrimSpace(x.Word))
	}
	d := b.String()
	if d == "" || len(d) > 2 || strings.Trim(d, "0123456789") != "" || d[0] == '0' {
		return "", false
	}
	return d, true
}

// enlarged copies a part of the page k times larger (bilinear if smooth,
// else each pixel a k × k square), with a white margin.
func enlarged(g *image.Gray, r image.Rectangle, k, margin int, smooth bool) *image.Gray {
	w, h := r.Dx(), r.Dy()
	c := image.NewGray(image.Rect(0, 0, w*k+2*margin, h*k+2*margin))
	fill(c.Pix, 255)
	at := func(x, y int) float64 {
		x, y = max(0, min(w-1, x)), max(0, min(h-1, y))
		return float64(g.Pix[(r.Min.Y+y)*g.Stride+r.Min.X+x])
	}
	for y := range h * k {
		fy := (float64(y)+0.5)/float64(k) - 0.5
		y0 := int(math.Floor(fy))
		ay := fy - float64(y0)
		for x := range w * k {
			fx := (float64(x)+0.5)/float64(k) - 0.5
			x0 := int(math.Floor(fx))
			ax := fx - float64(x0)
			v := at(x0, y0)*(1-ax)*(1-ay) + at(x0+1, y0)*ax*(1-ay) + at(x0, y0+1)*(1-ax)*ay + at(x0+1, y0+1)*ax*ay
			if !smooth {
				v = at(x/k, y/k)
			}
			c.Pix[(y+margin)*c.Stride+x+margin] = uint8(v + 0.5)
		}
	}
	return c
}

// callJunk is what Tesseract makes of a raised number read with its line.
const callJunk = "'’‘*?!°º^`\"¹²³|"

// markCalls finds the footnote calls of the lines (and the raised numbers
// that open notes) and writes them as digits.
func (e *Engine) markCalls(g *image.Gray, lines []textLine) {
	for li := range lines {
		l := &lines[li]
		if l.row {
			continue
		}
		m, ok := metricsOf(g, *l)
		if !ok {
			continue
		}
		for wi := range l.words {
			w := &l.words[wi]
			spans, whole := raisedEnd(g, m, w.Box, true)
			if len(spans) == 0 {
				continue
			}
			d, ok := e.callDigits(g, m, spans)
			if !ok {
				continue
			}
			switch {
			case whole && wi == 0:
				w.Text = d // a note's number, read apart («l Publicado»)
			case whole:
				// A call read as a word of its own: it goes with the word
				// it follows.
				prev := &l.words[wi-1]
				prev.Text = withCall(prev.Text, d)
				w.Text = ""
			default:
				w.Text = withCall(w.Text, d)
			}
		}
		if len(l.words) > 0 {
			w := &l.words[0]
			if spans, whole := raisedEnd(g, m, w.Box, false); len(spans) > 0 && !whole {
				if d, ok := e.callDigits(g, m, spans); ok {
					w.Text = withNoteNumber(w.Text, d)
				}
			}
		}
		l.words = slices.DeleteFunc(l.words, func(w Word) bool { return w.Text == "" })
	}
}

// raisedEnd are the raised glyphs at one end of a word (up to two: a call
// of two digits), or none; whole says they are all the word has.
func raisedEnd(g *image.Gray, m lineMetrics, box image.Rectangle, right bool) (raised []glyphSpan, whole bool) {
	spans := edgeGlyphs(g, box, right, 3)
	for _, s := range spans {
		if !m.raised(s) {
			break
		}
		raised = append(raised, s)
		if len(raised) == 2 {
			break
		}
	}
	return raised, len(raised) == len(spans)
}

// withCall writes the call d after the word, instead of what Tesseract
// read of it.
func withCall(word, d string) string {
	w := strings.TrimRight(word, callJunk)
	if strings.HasSuffix(w, d) {
		if rest := strings.TrimSuffix(w, d); rest == "" || !endsInDigit(rest) {
			return w // read right already
		}
	}
	if w == "" {
		return word
	}
	return w + d
}

// withNoteNumber writes a note's number before the word that opens it.
func withNoteNumber(word, d string) string {
	w := strings.TrimPrefix(strings.TrimLeft(word, callJunk), d)
	if w == "" {
		return d
	}
	return d + " " + w
}

func endsInDigit(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return unicode.IsDigit(r)
}
