package acuerdotext

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/cipro-ine/mpp/editdist"
	"github.com/cipro-ine/mpp/manuals"
)

// Para is a paragraph of cleaned text and where it came from.
type Para struct {
	Text string
	// afterBreak: a page break lies between this paragraph and the previous.
	afterBreak bool
	First      int   // first source line (1-based)
	Last       int   // last source line
	Page       int   // page of the first line (0 when the text has no page marks)
	Lines      []int // every non-blank source line it contains
	// wrapped are the texts of its source lines, as joined into Text.
	wrapped []string
}

// Cleaned is the output of Clean.
type Cleaned struct {
	Paras []Para
	// Noise are the non-blank source lines recognised as noise (page numbers,
	// running headers, page marks, Markdown-only lines): handled, not lost.
	Noise []int
	// NonBlank is the number of non-blank source lines.
	NonBlank int
	Notes    []string
	// Footnotes are the acuerdo's footnotes, their calls taken out of the
	// text; FootnoteLines their source lines.
	Footnotes     []manuals.Footnote
	FootnoteLines []int
	// Corrections are the OCR slips taken back while cleaning.
	Corrections []manuals.Correction
	// HeaderCode is an acuerdo code found in a running header: page
	// furniture, and evidence for the acuerdo's código when its text does
	// not give it.
	HeaderCode string
}

// codeInText finds an acuerdo code (INE/JGE248/2022) inside a line.
var codeInText = regexp.MustCompile(`\bINE/[A-Z]+\d+/\d{4}\b`)

type line struct {
	text string
	num  int
	page int
	// breakBefore: a page break lies between this line and the previous
	// non-blank one.
	breakBefore bool
	// also are the other source lines a rewritten line stands for (a
	// table row gathered from several).
	also []int
	// callAtEnd: a footnote's call was taken from the line's end. A note
	// is called where a sentence or a clause ends: what follows may open
	// an item though OCR lost the stop before the call («aprobación2»).
	callAtEnd bool
}

var (
	pageMark     = regexp.MustCompile(`(?i)^\s*[-=]{2,}\s*p[aá]gina\s+(\d+)\s*[-=]{2,}\s*$`)
	pageNumber   = regexp.MustCompile(`(?i)^\s*[-–—]?\s*(?:p[aá]gina|p[aá]g\.)?\s*\d{1,4}(?:\s*(?:de|/)\s*\d{1,4})?\s*[-–—]?\s*$`)
	letterSpaced = regexp.MustCompile(`^(?:[A-ZÁÉÍÓÚÑ] ){2,}[A-ZÁÉÍÓÚÑ]$`)
	bulletPrefix = regexp.MustCompile(`^\s*(?:[-*+•]\s+|#{1,6}\s+)`)
	listLabel    = regexp.MustCompile(`^(?:[a-z]{1,2}[.)]|\d+[.)])\s`)
	// structStart is anchored as a whole: Go tries an unanchored pattern at
	// every position of a long paragraph.
	structStart = regexp.MustCompile(`^(?:(?:[IVXLCD]+\.|\d+\.|[a-z]\.|[a-z]{1,2}\))\s|(?:PRIMER[OA]|SEGUND[OA]|TERCER[OA]|CUART[OA]|QUINT[OA]|SEXT[OA]|S[ÉE]PTIM[OA]|OCTAV[OA]|NOVEN[OA]|D[ÉE]CIM[OA]|UND[ÉE]CIM[OA]|DUOD[ÉE]CIM[OA]|VIG[ÉE]SIM[OA]|TRIG[ÉE]SIM[OA])\b|El presente [Aa]cuerdo fue aprobado|En razón de los antecedentes|En virtud de lo expuesto|El procedimiento [A-Z]\.\d|[A-Z]\.\d\.\d{2}\.\d\s|(?:DR|DRA|LIC|MTRO|MTRA|ING|C)\.\s|(?:EL|LA) [A-ZÁÉÍÓÚÑ ]{4,}$|Subproceso\s)`)
)

// Line is one line of an acuerdo as its source gives it, whatever the
// source: a text file's line, a line of a PDF's text layer, a line OCR
// read off a scanned page. Every source is read as Lines by the same
// reader (CleanLines, IngestLines).
type Line struct {
	// Text is the line's text; for a table row, its cells' (Cells).
	Text string
	// Cells are a table row's cells, left to right: the columns of a
	// bordered table, or words a wide gap set apart. Nil for running
	// text.
	Cells []string
	// Page is the page the line is on, from 1; 0 when the source has no
	// pages.
	Page int
	// Num is the line's number in its source, from 1, increasing: a gap
	// in the numbers is a blank line (a paragraph break), as in a text
	// file.
	Num int
}

// last is the last source line a line stands for: its own, or the last of
// those a rewritten line gathered (a glosario read column by column pairs
// a term with a definition further down).
func (l line) last() int {
	n := l.num
	for _, a := range l.also {
		n = max(n, a)
	}
	return n
}

// Clean turns raw acuerdo text into paragraphs: Markdown residue, page marks,
// page numbers and running headers go; letter-spaced headings close up;
// wrapped lines join (undoing end-of-line hyphenation); paragraphs cut by a
// page break join again. A form feed or a page mark («=== página 3 ===»)
// starts a page; a tab separates a table row's cells.
func Clean(text string) *Cleaned {
	c := &Cleaned{}
	raw := strings.Split(text, "\n")
	var lines []line
	page, pages := 0, 0
	if strings.Contains(text, "\f") {
		page, pages = 1, 1
	}
	pendingBreak := false
	for i, r := range raw {
		num := i + 1
		// A form feed starts a new page, wherever it falls in the line.
		for k, seg := range strings.Split(r, "\f") {
			if k > 0 {
				page++
				pages++
				pendingBreak = true
			}
			t := strings.TrimRightFunc(strings.ReplaceAll(seg, "\u00a0", " "), unicode.IsSpace)
			if strings.TrimSpace(t) == "" {
				continue
			}
			if k == 0 || !counted(lines, num) {
				c.NonBlank++
			}
			if m := pageMark.FindStringSubmatch(t); m != nil {
				page, _ = strconv.Atoi(m[1])
				pages++
				pendingBreak = true
				c.Noise = append(c.Noise, num)
				continue
			}
			lines = append(lines, line{text: t, num: num, page: page, breakBefore: pendingBreak})
			pendingBreak = false
		}
	}
	return c.clean(lines, pages)
}

// CleanLines is Clean for a source that gives its lines already apart,
// with their pages and a table row's cells (a PDF's text layer, OCR's
// pages): nothing is re-parsed out of a marked-up text.
func CleanLines(ls []Line) *Cleaned {
	c := &Cleaned{}
	lines := make([]line, 0, len(ls))
	pages := map[int]bool{}
	prevPage := -1
	for _, l := range ls {
		t := l.Text
		if l.Cells != nil {
			// Inside the reader a row is one text, its cells apart by a
			// tab: the acuerdo text format's own table rows.
			cells := make([]string, 0, len(l.Cells))
			for _, x := range l.Cells {
				if x = strings.TrimSpace(strings.ReplaceAll(x, "\t", " ")); x != "" {
					cells = append(cells, x)
				}
			}
			t = strings.Join(cells, "\t")
		}
		t = strings.TrimRightFunc(strings.ReplaceAll(t, "\u00a0", " "), unicode.IsSpace)
		if strings.TrimSpace(t) == "" {
			continue
		}
		c.NonBlank++
		pages[l.Page] = true
		lines = append(lines, line{text: t, num: l.Num, page: l.Page, breakBefore: prevPage >= 0 && l.Page != prevPage})
		prevPage = l.Page
	}
	return c.clean(lines, len(pages))
}

// clean is Clean's work on the lines of a source of so many pages.
func (c *Cleaned) clean(lines []line, pages int) *Cleaned {
	if pages > 1 {
		lines = c.dropRunningHeaders(lines)
		lines = c.dropMisreadFolios(lines)
	}
	lines = c.footnotes(lines)
	lines = sideBySide(lines)
	lines = columnGlossary(lines)
	kept := lines[:0]
	carry := false
	for _, l := range lines {
		t := stripMarkdown(l.text)
		if t == "" || pageNumber.MatchString(t) {
			c.Noise = append(c.Noise, l.num)
			carry = carry || l.breakBefore
			continue
		}
		l.breakBefore = l.breakBefore || carry
		carry = false
		if letterSpaced.MatchString(t) {
			t = strings.ReplaceAll(t, " ", "")
		}
		l.text = t
		kept = append(kept, l)
	}
	c.Paras = buildParas(kept)
	c.Paras = rejoin(c.Paras)
	return c
}

func stripMarkdown(s string) string {
	s = strings.ReplaceAll(s, "**", "")
	s = strings.ReplaceAll(s, "__", "")
	s = bulletPrefix.ReplaceAllString(s, "")
	return strings.TrimSpace(s)
}

// dropRunningHeaders removes lines that repeat on most pages within the first
// or last lines of a page (headers and footers).
func (c *Cleaned) dropRunningHeaders(lines []line) []line {
	const window = 3
	byPage := map[int][]int{} // page -> indexes into lines
	for i, l := range lines {
		byPage[l.page] = append(byPage[l.page], i)
	}
	key := func(s string) string {
		s = manuals.Fold(strings.Join(strings.Fields(stripMarkdown(s)), " "))
		return strings.Map(func(r rune) rune {
			if unicode.IsDigit(r) {
				return '#'
			}
			return r
		}, s)
	}
	pagesWith := map[string]map[int]bool{}
	for pg, idx := range byPage {
		edge := map[int]bool{}
		for k := 0; k < len(idx) && k < window; k++ {
			edge[idx[k]] = true
			edge[idx[len(idx)-1-k]] = true
		}
		for i := range edge {
			k := key(lines[i].text)
			if pagesWith[k] == nil {
				pagesWith[k] = map[int]bool{}
			}
			pagesWith[k][pg] = true
		}
	}
	need := max(2, len(byPage)/2)
	var frequent []string
	for k, pgs := range pagesWith {
		if len(pgs) >= need {
			frequent = append(frequent, k)
		}
	}
	// An OCR slip in one page's header («INE/IJGE248/2022») leaves it the
	// header it is: a line within a few letters of a repeated one.
	repeated := func(k string) bool {
		if len(pagesWith[k]) >= need {
			return true
		}
		for _, f := range frequent {
			if d := len(f) - len(k); len(f) >= 12 && d*d <= 9 && editdist.Strings(f, k) <= len(f)/12+1 {
				return true
			}
		}
		return false
	}
	removed := 0
	out := withoutLines(lines, func(i int, l line) bool {
		k := key(l.text)
		hasLetter := strings.IndexFunc(k, unicode.IsLetter) >= 0
		if !hasLetter || len(k) > 100 || !isEdge(byPage[l.page], i, window) || !repeated(k) {
			return false
		}
		if c.HeaderCode == "" {
			c.HeaderCode = codeInText.FindString(l.text)
		}
		c.Noise = append(c.Noise, l.num)
		removed++
		return true
	})
	if removed > 0 {
		c.Notes = append(c.Notes, strconv.Itoa(removed)+" líneas de encabezado o pie de página repetidas se quitaron")
	}
	return out
}

// dropMisreadFolios removes a page's last line when it can only be its
// number misread by OCR («- 2 -» read «qa», «=52», «dE», «TT.»): at most
// four characters, a letter or digit among them, no word of three letters.
// A paragraph's last line is never that short but for a word of its own
// («ios.», «INE.»), which has three letters.
func (c *Cleaned) dropMisreadFolios(lines []line) []line {
	last := map[int]int{} // page -> index of its last line
	for i, l := range lines {
		last[l.page] = i
	}
	return withoutLines(lines, func(i int, l line) bool {
		if last[l.page] != i || !misreadFolio(strings.TrimSpace(l.text)) {
			return false
		}
		c.Noise = append(c.Noise, l.num)
		return true
	})
}

func misreadFolio(s string) bool {
	n, run, longest, alnum := 0, 0, 0, false
	for _, r := range s {
		if unicode.IsSpace(r) {
			run = 0
			continue
		}
		n++
		if unicode.IsLetter(r) {
			run++
			longest = max(longest, run)
		} else {
			run = 0
		}
		alnum = alnum || unicode.IsLetter(r) || unicode.IsDigit(r)
	}
	return n > 0 && n <= 4 && alnum && longest < 3
}

// withoutLines keeps the lines drop does not take, in order; a page break
// before a line taken passes to the next line kept.
func withoutLines(lines []line, drop func(int, line) bool) []line {
	out := lines[:0:0]
	carry := false
	for i, l := range lines {
		if drop(i, l) {
			carry = carry || l.breakBefore
			continue
		}
		l.breakBefore = l.breakBefore || carry
		carry = false
		out = append(out, l)
	}
	return out
}

func isEdge(idx []int, i, window int) bool {
	for k := 0; k < len(idx) && k < window; k++ {
		if idx[k] == i || idx[len(idx)-1-k] == i {
			return true
		}
	}
	return false
}

// buildParas groups lines into paragraphs: a blank line ends one, and so does
// a line that starts a structural item (a numbered item, a heading, a punto,
// a glosario entry, a table row). Wrapped lines join with a space, or with
// nothing across an end-of-line hyphen. Text is gathered in parts and joined
// once, so that time stays linear in the input.
func buildParas(lines []line) []Para {
	var out []Para
	var parts [][]string // parts[i] builds out[i].Text
	prevNum, prevCall := -10, false
	inGlossary := false
	for _, l := range lines {
		t := strings.TrimSpace(l.text)
		// A glosario set as two columns aligned with spaces (pdftotext
		// -layout of a table): the first run of two or more spaces after
		// the sigla is its column break; an indented line continues the
		// definition.
		if inGlossary && !strings.Contains(t, "\t") && !glossaryLine.MatchString(t) {
			if m := spacedGloss.FindStringSubmatch(l.text); m != nil {
				t = m[1] + "\t" + m[2]
			}
		}
		h := headingKey(t)
		switch h {
		case "GLOSARIO":
			inGlossary = true
		case "ANTECEDENTES", "CONSIDERANDOS", "ACUERDOS":
			inGlossary = false
		}
		n := len(out)
		blankBetween := l.num != prevNum+1 || l.breakBefore
		// Within a run of lines, a wrapped line may start with what looks
		// like an item ("t) relativo a…", "5. Fortalecer…"): opensItem
		// decides.
		var tail string
		if n > 0 {
			tail = parts[n-1][len(parts[n-1])-1]
		}
		itemStart := structStart.MatchString(t) && (n == 0 || opensItem(tail, t) || prevCall && labelFollows(parts[n-1][0], t)) ||
			n > 0 && ocrCommaLabel.MatchString(t) && endsSentence(strings.TrimSpace(tail))
		starts := n == 0 || blankBetween || h != "" || itemStart || strings.Contains(t, "\t") ||
			(inGlossary && glossaryLine.MatchString(t)) ||
			// Nothing continues a heading, nor the acuerdo's code alone on
			// its line (as printed above the title).
			len(parts[n-1]) == 1 && (isHeadingPara(tail) || codeLine.MatchString(tail))
		if !starts {
			cur := &out[n-1]
			parts[n-1] = appendWrapped(parts[n-1], t)
			cur.Last = l.last()
			cur.Lines = append(append(cur.Lines, l.num), l.also...)
		} else {
			out = append(out, Para{First: l.num, Last: l.last(), Page: l.page, Lines: append([]int{l.num}, l.also...), afterBreak: l.breakBefore})
			parts = append(parts, []string{t})
		}
		prevNum, prevCall = l.num, l.callAtEnd
	}
	for i := range out {
		out[i].Text = dropSoftHyphens(strings.Join(parts[i], " "))
		out[i].wrapped = parts[i]
	}
	return out
}

// dropSoftHyphens takes out the soft hyphens inside a text, keeping one at
// its end: the word goes on after a page break (rejoin).
func dropSoftHyphens(s string) string {
	trailing := strings.HasSuffix(s, softHyphen)
	s = strings.ReplaceAll(s, softHyphen, "")
	if trailing {
		s += softHyphen
	}
	return s
}

// appendWrapped adds a wrapped line's text to the parts of a paragraph (or
// a table cell), joining a word the typesetter hyphenated at the line's
// end: with a soft hyphen (U+00AD, which pdftotext keeps), or with a
// hyphen between lower-case letters.
func appendWrapped(parts []string, s string) []string {
	if n := len(parts); n > 0 {
		tail := parts[n-1]
		switch {
		case strings.HasSuffix(tail, softHyphen):
			parts[n-1] = strings.TrimSuffix(tail, softHyphen) + s
			return parts
		case strings.HasSuffix(tail, "-") && len(tail) > 1 && isLowerLetter(lastRuneBefore(tail, 1)) && startsLower(s):
			parts[n-1] = tail[:len(tail)-1] + s
			return parts
		}
	}
	return append(parts, s)
}

// softHyphen marks where a typesetter may break a word; where it did not,
// it is invisible and goes.
const softHyphen = "\u00ad"

// spacedGloss is a glosario line whose columns are aligned with spaces: a
// sigla of at most 40 characters at the margin, two or more spaces, the
// definition.
var spacedGloss = regexp.MustCompile(`^(\S(?:[^\t]{0,38}?\S)?) {2,}(\S.*)$`)

var glossaryLine = regexp.MustCompile(`^(?:[^\s:][^:]{0,40}:\s+\S|\S[^\t]{0,40}\t)`)

func isHeadingPara(s string) bool { return headingKey(s) != "" }

// headingNames are the spellings of each section heading, folded and
// without spaces.
var headingNames = map[string]string{
	"GLOSARIO": "GLOSARIO", "GLOSARIODETERMINOS": "GLOSARIO", "GLOSARIODESIGLAS": "GLOSARIO",
	"ANTECEDENTES": "ANTECEDENTES", "ANTECEDENTE": "ANTECEDENTES",
	"CONSIDERANDOS": "CONSIDERANDOS", "CONSIDERANDO": "CONSIDERANDOS",
	"ACUERDOS": "ACUERDOS", "ACUERDO": "ACUERDOS", "PUNTOSDEACUERDO": "ACUERDOS",
}

// headingSlips are the letters OCR reads in a capital I or O of a heading,
// above all a letter-spaced one («C O N S l D E R A N D O S»).
var headingSlips = strings.NewReplacer("l", "I", "1", "I", "|", "I", "!", "I", "0", "O")

// headingKey names a section heading ("GLOSARIO", "ANTECEDENTES",
// "CONSIDERANDOS", "ACUERDOS") or returns "". It tolerates case, accents,
// letter spacing, «GLOSARIO DE TÉRMINOS», singular forms, OCR's I/l/1 and
// O/0 slips, and one more letter wrong in the two long names.
func headingKey(s string) string {
	if len(s) > 60 {
		return ""
	}
	raw := strings.TrimRight(strings.ReplaceAll(strings.ReplaceAll(strings.TrimSpace(s), " ", ""), "\t", ""), ":.")
	if raw == "" || len(raw) > 40 || strings.ContainsRune(raw, manuals.TextMark) {
		return "" // text the writer escaped is never a heading
	}
	k := strings.ToUpper(manuals.Fold(raw))
	if h, ok := headingNames[k]; ok {
		return h
	}
	// Slips count only in a heading written in capitals: «Glosario» in
	// running text is a word, «GLOSAR1O» is a heading.
	if strings.IndexFunc(raw, func(r rune) bool { return unicode.IsLower(r) && r != 'l' }) >= 0 {
		return ""
	}
	k = strings.ToUpper(manuals.Fold(headingSlips.Replace(raw)))
	if h, ok := headingNames[k]; ok {
		return h
	}
	for _, long := range []string{"CONSIDERANDOS", "ANTECEDENTES"} {
		if editdist.Strings(k, long) <= 1 {
			return long
		}
	}
	return ""
}

func isLowerLetter(r rune) bool { return unicode.IsLetter(r) && unicode.IsLower(r) }

func lastRuneBefore(s string, n int) rune {
	s = s[:len(s)-n]
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

func startsLower(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return isLowerLetter(r)
}

// rejoin joins a paragraph to the previous one when a page break (or a stray
// blank line) cut a sentence: it starts in lower case and is not a list label,
// or the previous one ends in a connector word ("de", "la", "y") with no
// closing punctuation, or a page break falls where no sentence ends.
func rejoin(ps []Para) []Para {
	var out []Para
	var parts [][]string
	for _, p := range ps {
		if n := len(out); n > 0 {
			prev := &out[n-1]
			tail := parts[n-1][len(parts[n-1])-1]
			// Nothing continues a heading, an acuerdo code or a block in
			// capitals (a title, a signature).
			prevHeading := len(parts[n-1]) == 1 && (headingKey(tail) != "" || codeLine.MatchString(tail) || isUpperBlock(tail))
			structural := structStart.MatchString(p.Text) || headingKey(p.Text) != "" || ocrCommaLabel.MatchString(p.Text) || len(p.wrapped) > 0 && headerOnly(p.wrapped[0])
			cut := startsLower(p.Text) && !listLabel.MatchString(p.Text) && !strings.HasSuffix(tail, ".") ||
				endsInConnector(tail) && startsLetter(p.Text) && !structural ||
				p.afterBreak && !endsSentence(tail) && (startsLetter(p.Text) && !structural || itemLabel.MatchString(p.Text) && !opensItem(tail, p.Text))
			if cut && !prevHeading && !strings.Contains(prev.Text, "\t") && !strings.Contains(p.Text, "\t") {
				parts[n-1] = appendWrapped(parts[n-1], p.Text)
				prev.Last = p.Last
				prev.Lines = append(prev.Lines, p.Lines...)
				prev.wrapped = append(prev.wrapped[:len(prev.wrapped):len(prev.wrapped)], p.wrapped...)
				continue
			}
		}
		out = append(out, p)
		parts = append(parts, []string{p.Text})
	}
	for i := range out {
		out[i].Text = strings.ReplaceAll(strings.Join(parts[i], " "), softHyphen, "")
	}
	return out
}

// endsSentence reports whether s ends where a paragraph may end.
func endsSentence(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(strings.TrimSpace(s))
	return strings.ContainsRune(".:;!?”»)\"", r)
}

// counted reports whether source line num already has a segment: a line cut
// by form feeds counts once.
func counted(lines []line, num int) bool {
	return len(lines) > 0 && lines[len(lines)-1].num == num
}

var (
	// ocrCommaLabel is an item label as OCR misreads it: the full stop as
	// a comma ("4, De conformidad…", "IV, El 26 de agosto…"), an I of a
	// roman numeral as l, 1, |, T («XIl. El día…», «TIT. El 8…»), its stop
	// lost («VII El 22…»); the parser takes it back only when it is the
	// number that comes next.
	ocrCommaLabel = regexp.MustCompile(`^(?:[IVXLMTil1|!\[\]]{1,5}[.,:]?|\d+,)\s+[A-ZÁÉÍÓÚÑ]`)
	itemLabel     = regexp.MustCompile(`^(?:([IVXLCD]+)\.|(\d+)\.|([a-z])\.|([a-z]{1,2})\))\s`)
	// Words after which a label is a reference ("inciso t)"), not an item.
	referenceWords = wordSet("inciso incisos fracción fracciones numeral numerales apartado párrafo artículo artículos punto")
	// Words a sentence cut by a page break tends to end on.
	connectorWords = wordSet("de del la las el los y e en a al por con para que su sus")
)

func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// lastWord is the last run of letters of s, lower-cased, if s ends in one.
func lastWord(s string) string {
	end := len(s)
	i := end
	for i > 0 {
		r, n := utf8.DecodeLastRuneInString(s[:i])
		if !unicode.IsLetter(r) {
			break
		}
		i -= n
	}
	if i == end || i > 0 && !unicode.IsSpace(rune(s[i-1])) && s[i-1] != '(' {
		return ""
	}
	return strings.ToLower(s[i:end])
}

func endsInConnector(s string) bool {
	return connectorWords[lastWord(strings.TrimRightFunc(s, unicode.IsSpace))]
}

// opensItem decides whether next, a line that starts with an item label,
// opens a new item after the text prev, or continues it (a wrapped line that
// merely starts with "5." or "t)").
func opensItem(prev, next string) bool {
	p := strings.TrimSpace(prev)
	if !itemLabel.MatchString(next) {
		return true // other structural starts: headings, puntos, signatures
	}
	switch {
	case referenceWords[lastWord(p)], strings.HasSuffix(p, ","), endsInConnector(p):
		return false
	case strings.HasSuffix(p, ";"):
		// "a. …;" then "b. …" is a list; "eficiencia; 2. Fortalecer" inside
		// a considerando is not.
		return labelFollows(p, next)
	case endsSentence(p):
		return true
	}
	// No closing punctuation: a new item when prev is itself an item, or a
	// block in capitals (a heading, a signature).
	return itemLabel.MatchString(p) || isUpperBlock(p)
}

// labelFollows reports whether next's label is the one after prev's own.
func labelFollows(prev, next string) bool {
	a, b := itemLabel.FindStringSubmatch(prev), itemLabel.FindStringSubmatch(next)
	if a == nil || b == nil {
		return false
	}
	for i := 1; i <= 4; i++ {
		if a[i] != "" && b[i] != "" {
			switch i {
			case 2:
				x, _ := strconv.Atoi(a[i])
				y, _ := strconv.Atoi(b[i])
				return y == x+1
			case 3, 4:
				return len(a[i]) == 1 && len(b[i]) == 1 && b[i][0] == a[i][0]+1
			case 1:
				return manuals.RomanValue(b[i]) == manuals.RomanValue(a[i])+1
			}
		}
	}
	return false
}

func startsLetter(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLetter(r)
}
