package pdf

import (
	"math"
	"strings"

	"github.com/cipro-ine/mpp/hyphen"
	"github.com/cipro-ine/mpp/render/blocks"
)

// mpp sets its own running text instead of fpdf's MultiCell, which
// justifies without hyphenation (wide gaps) and breaks a word too long for
// its box between any two letters without a hyphen («Observacion/es»).
// wrap breaks text into lines of at most width in the current font:
// greedily, hyphenating by the Spanish patterns (package hyphen) the word
// that does not fit, and a word longer than the whole line at its hyphen
// points or, failing those, between letters with a hyphen too. A vertical
// tab in the text is a forced line break (one procedure per line in a
// cell).

// textLine is one line of set text.
type textLine struct {
	words []string
	// last: the last line of a paragraph (or before a forced break),
	// never justified.
	last bool
}

func (l textLine) String() string { return strings.Join(l.words, " ") }

func (d *doc) wrap(text string, width float64) []textLine {
	f := d.f
	space := f.GetStringWidth(" ")
	var out []textLine
	for _, segment := range strings.Split(text, blocks.LineBreak) {
		var cur []string
		curW := 0.0
		flush := func(last bool) {
			out = append(out, textLine{words: cur, last: last})
			cur, curW = nil, 0
		}
		words := strings.Fields(segment)
		for i := 0; i < len(words); i++ {
			w := words[i]
			ww := f.GetStringWidth(w)
			room := width - curW
			if len(cur) > 0 {
				room -= space
			}
			if ww <= room {
				if len(cur) > 0 {
					curW += space
				}
				cur = append(cur, w)
				curW += ww
				continue
			}
			// Hyphenate the word into what room is left, if a piece fits.
			if head, tail, ok := d.splitWord(w, room, len(cur) == 0); ok {
				if len(cur) > 0 {
					curW += space
				}
				cur = append(cur, head)
				flush(false)
				words[i] = tail
				i--
				continue
			}
			if len(cur) == 0 {
				// Nothing fits on an empty line (a box narrower than one
				// letter): place the word anyway rather than loop.
				cur = append(cur, w)
				flush(false)
				continue
			}
			flush(false)
			i--
		}
		flush(true)
	}
	return out
}

// splitWord cuts w so that its head, with a hyphen, fits in room: at the
// latest hyphenation point that fits or, when force is set (the word is
// alone on its line and wider than it), between the letters that fit.
// After an existing hyphen or slash the word breaks without adding one.
func (d *doc) splitWord(w string, room float64, force bool) (head, tail string, ok bool) {
	f := d.f
	rs := []rune(w)
	// The latest hyphenation point, and the latest break after an existing
	// hyphen or slash, that fit.
	soft, hard := 0, 0
	for _, p := range hyphen.Spanish().Points(w) {
		if f.GetStringWidth(string(rs[:p])+"-") <= room {
			soft = p
		}
	}
	for i := 1; i < len(rs)-1; i++ {
		if (rs[i-1] == '-' || rs[i-1] == '/') && f.GetStringWidth(string(rs[:i])) <= room {
			hard = i
		}
	}
	switch {
	case hard > soft:
		return string(rs[:hard]), string(rs[hard:]), true
	case soft > 0:
		return string(rs[:soft]) + softHyphen, string(rs[soft:]), true
	case !force:
		return "", "", false
	}
	for i := len(rs) - 1; i >= 1; i-- {
		if f.GetStringWidth(string(rs[:i])+"-") <= room {
			return string(rs[:i]) + "-", string(rs[i:]), true
		}
	}
	return "", "", false
}

// paragraph sets text justified (or aligned "L") at the left margin, line
// height h, with no widow or orphan: a paragraph of two lines or more never
// leaves its first line alone at the foot of a page nor its last line alone
// at the head of the next.
func (d *doc) paragraph(text string, h float64, align string) {
	f := d.f
	left, _, right, _ := f.GetMargins()
	pageW, pageH := f.GetPageSize()
	_, bottom := f.GetAutoPageBreak()
	width := pageW - left - right
	// Text sits inside fpdf's cell margin, as MultiCell set it.
	lines := d.wrap(text, width-2*f.GetCellMargin())
	for len(lines) > 0 {
		fit := int(math.Floor((pageH - bottom - f.GetY() + 1e-6) / h))
		n := len(lines)
		switch {
		case n <= fit:
			fit = n
		case len(lines) >= 2 && fit < 2:
			fit = 0 // an orphan: start on the next page
		case n-fit < 2:
			fit = n - 2 // a widow: take one more line over
		}
		if fit <= 0 {
			if f.GetY() <= 30 {
				fit = max(1, min(n, int(math.Floor((pageH-bottom-f.GetY())/h)))) // a page of its own cannot do better
			} else {
				f.AddPage()
				continue
			}
		}
		for _, l := range lines[:fit] {
			d.setLine(l, left, width, h, align)
		}
		lines = lines[fit:]
		if len(lines) > 0 {
			f.AddPage()
		}
	}
}

// setLine draws one line at the current y: justified by spreading its
// words, unless it ends its paragraph.
func (d *doc) setLine(l textLine, x, width, h float64, align string) {
	f := d.f
	y := f.GetY()
	if align != "J" || l.last || len(l.words) < 2 {
		if align == "J" {
			align = "L" // the last line of a justified paragraph
		}
		f.SetXY(x, y)
		f.CellFormat(width, h, l.String(), "", 1, align, false, 0, "")
		f.SetX(x)
		return
	}
	total := 0.0
	ws := make([]float64, len(l.words))
	for i, w := range l.words {
		ws[i] = f.GetStringWidth(w)
		total += ws[i]
	}
	cm := f.GetCellMargin()
	gap := (width - 2*cm - total) / float64(len(l.words)-1)
	cx := x + cm // where the text of the word starts
	for i, w := range l.words {
		f.SetXY(cx-cm, y)
		f.CellFormat(ws[i]+2*cm, h, w, "", 0, "L", false, 0, "")
		cx += ws[i] + gap
	}
	f.SetXY(x, y+h)
}

// softHyphen ends a line broken at a hyphenation point: U+00AD, which the
// face draws as a hyphen and text extraction (pdftotext, copy and paste)
// knows to drop, so a hyphenated word still reads and searches as one.
const softHyphen = "\u00ad"
