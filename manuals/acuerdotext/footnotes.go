package acuerdotext

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/cipro-ine/mpp/manuals"
)

// Footnotes, as the producers of acuerdos set them and pdftotext (or OCR)
// gives them back: at the foot of a page (or, from a browser, at the end
// of the document), each note's number alone on a line or glued to its
// text («1Publicado…», «1 Publicado…»), its call a number glued to the
// word or punctuation it follows («discriminación.1»).
var (
	// noteMark is a line opened by what OCR reads a raised digit as.
	noteMark  = regexp.MustCompile(`^\s*([>*'’‘?°^~¢º])\s*([A-ZÁÉÍÓÚÑ¿¡«“"].*)$`)
	noteAlone = regexp.MustCompile(`^\s*([1-9]\d?)\s*$`)
	noteText  = regexp.MustCompile(`^\s*([1-9]\d?)\s*([A-ZÁÉÍÓÚÑ¿¡«“"].*)$`)
)

// noteCall finds the call of note n in a line: n right after a lower-case
// letter (optionally with its punctuation) or a closing quote, and before
// a space or the line's end — «H.4.05.1» and «INE/CG32/2019» are no calls.
func noteCall(n int) *regexp.Regexp {
	if n < len(noteCalls) {
		return noteCalls[n]
	}
	return regexp.MustCompile(`(\p{Ll}[.,;:]?|[”»)"])` + strconv.Itoa(n) + `(\s|$)`)
}

// noteCalls are the calls of notes 0 to 99, compiled once.
var noteCalls = func() []*regexp.Regexp {
	out := make([]*regexp.Regexp, 100)
	for n := range out {
		out[n] = regexp.MustCompile(`(\p{Ll}[.,;:]?|[”»)"])` + strconv.Itoa(n) + `(\s|$)`)
	}
	return out
}()

// footnotes takes the footnotes out of lines: a run of notes at the foot of
// a page, numbered on from the last note found, each with its call in the
// text before it. The call is taken out of the line that makes it; the
// note's lines are kept in c.Footnotes and count as placed.
func (c *Cleaned) footnotes(lines []line) []line {
	byPage := map[int][]int{}
	var pages []int
	for i, l := range lines {
		if _, ok := byPage[l.page]; !ok {
			pages = append(pages, l.page)
		}
		byPage[l.page] = append(byPage[l.page], i)
	}
	drop := map[int]bool{}
	next := 1 // the number the next note must have
	for _, pg := range pages {
		idx := byPage[pg]
		end := len(idx)
		// The page's last line may be its number.
		if end > 0 && pageNumber.MatchString(stripMarkdown(lines[idx[end-1]].text)) && !noteText.MatchString(lines[idx[end-1]].text) {
			end--
		}
		// The notes' block: from the first line that opens note «next»
		// (whose call is in the text before it) to the page's end, every
		// line either opening the following note or continuing one.
		start := -1
		for k := 0; k < end; k++ {
			if n, ok := opensNote(lines[idx[k]].text); ok && n == next && c.callBefore(lines, idx[k], n) >= 0 {
				start = k
				break
			}
		}
		// OCR may read a note's raised number as a mark («>El dictamen…»
		// for «3El dictamen…»): near the page's foot, with the note's call
		// in the text before it, the mark is the number.
		if start < 0 {
			for k := max(0, end-4); k < end; k++ {
				if m := noteMark.FindStringSubmatch(lines[idx[k]].text); m != nil && c.callBefore(lines, idx[k], next) >= 0 {
					fixed := strconv.Itoa(next) + m[2]
					c.Corrections = append(c.Corrections, manuals.Correction{Original: m[1], Corregido: strconv.Itoa(next),
						Ubicacion: "nota al pie " + strconv.Itoa(next), Motivo: "error de OCR (número de la nota)",
						Origen: &manuals.Source{Desde: lines[idx[k]].num, Hasta: lines[idx[k]].num, Pagina: pg}})
					lines[idx[k]].text = fixed
					start = k
					break
				}
			}
		}
		if start < 0 {
			continue
		}
		var notes []manuals.Footnote
		var noteLines [][]int
		ok := true
		want := next
		for k := start; k < end; k++ {
			l := lines[idx[k]]
			if n, isNote := opensNote(l.text); isNote && n == want {
				notes = append(notes, manuals.Footnote{Numero: n, Pagina: pg, Texto: noteBody(l.text)})
				noteLines = append(noteLines, []int{idx[k]})
				want++
				continue
			}
			if len(notes) == 0 || len(strings.TrimSpace(l.text)) == 0 {
				ok = false
				break
			}
			last := &notes[len(notes)-1]
			last.Texto = strings.TrimSpace(last.Texto + " " + strings.TrimSpace(l.text))
			noteLines[len(noteLines)-1] = append(noteLines[len(noteLines)-1], idx[k])
		}
		if !ok {
			continue
		}
		for _, n := range notes {
			ok = ok && strings.TrimSpace(n.Texto) != ""
		}
		if !ok {
			continue
		}
		for k := range notes {
			n := &notes[k]
			at := c.callBefore(lines, noteLines[k][0], n.Numero)
			if at < 0 {
				continue
			}
			re := noteCall(n.Numero)
			if loc := re.FindAllStringIndex(lines[at].text, -1); loc != nil && loc[len(loc)-1][1] == len(lines[at].text) {
				lines[at].callAtEnd = true
			}
			lines[at].text = re.ReplaceAllString(lines[at].text, "$1$2")
			first, last := lines[noteLines[k][0]].num, lines[noteLines[k][len(noteLines[k])-1]].num
			n.Origen = &manuals.Source{Desde: first, Hasta: last, Pagina: pg}
			for _, i := range noteLines[k] {
				drop[i] = true
				c.FootnoteLines = append(c.FootnoteLines, lines[i].num)
			}
			c.Footnotes = append(c.Footnotes, *n)
		}
		next = want
	}
	if len(drop) == 0 {
		return lines
	}
	return withoutLines(lines, func(i int, _ line) bool { return drop[i] })
}

// opensNote says whether a line opens a note, and its number.
func opensNote(s string) (int, bool) {
	if m := noteAlone.FindStringSubmatch(s); m != nil {
		n, _ := strconv.Atoi(m[1])
		return n, true
	}
	if m := noteText.FindStringSubmatch(s); m != nil {
		n, _ := strconv.Atoi(m[1])
		return n, true
	}
	return 0, false
}

func noteBody(s string) string {
	if m := noteText.FindStringSubmatch(s); m != nil {
		return strings.TrimSpace(m[2])
	}
	return ""
}

// callBefore is the index of the last line before i that calls note n, or
// -1.
func (c *Cleaned) callBefore(lines []line, i, n int) int {
	re := noteCall(n)
	for k := i - 1; k >= 0; k-- {
		if re.MatchString(lines[k].text) {
			return k
		}
	}
	return -1
}
