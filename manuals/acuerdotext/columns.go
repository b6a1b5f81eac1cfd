package acuerdotext

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A table of two columns set side by side, as pdftotext -layout (and a PDF's
// text layer read that way) gives the Subproceso | Procedimientos table: a
// cell's text wraps inside its column, so that a line holds the end of one
// cell's text beside another's. Read line by line, the columns' words
// interleave («Publi- del Portal Institucional cación…»). The column's
// position, from the header «Subproceso   Procedimientos» or, without
// one, from the first procedure code after a subprocess code, splits every
// line of the table; the table comes out as one tab-separated line per row.

var (
	layoutHeader = regexp.MustCompile(`^(\s*)Subprocesos?\s{2,}(Procedimientos?)\s*$`)
	rowStart     = regexp.MustCompile(`^[A-Z]\.\d\.\d{2}\.\d(?:\s|$)`)
	rowWithProc  = regexp.MustCompile(`^(\s*)[A-Z]\.\d\.\d{2}\.\d\s.*?\s{2,}([A-Z]\.\d\.\d{2}\.\d\.\d{2})`)
)

// sideBySide rewrites the two-column tables of lines as tab-separated rows.
func sideBySide(lines []line) []line {
	out := lines[:0:0]
	for i := 0; i < len(lines); i++ {
		col := -1
		first := i
		if m := layoutHeader.FindStringSubmatchIndex(lines[i].text); m != nil {
			col = runeIndex(lines[i].text, m[4])
			first = i + 1
		} else if m := rowWithProc.FindStringSubmatchIndex(lines[i].text); m != nil {
			col = runeIndex(lines[i].text, m[4])
		}
		if col < 8 {
			out = append(out, lines[i])
			continue
		}
		// The table: the lines whose text leaves a gap at the column (or
		// ends before it), from the first row on.
		var rows []line
		var left, right []string
		var nums []int
		flush := func() {
			if len(left) == 0 && len(right) == 0 {
				return
			}
			r := line{text: strings.Join(left, " ") + "\t" + strings.Join(right, " "), num: nums[0], page: lines[first].page, also: nums[1:]}
			rows = append(rows, r)
			left, right, nums = nil, nil, nil
		}
		k := first
		for ; k < len(lines); k++ {
			if pageNumber.MatchString(strings.TrimSpace(lines[k].text)) && len(nums) > 0 {
				// A page's number where the table crosses a page.
				nums = append(nums, lines[k].num)
				continue
			}
			l, r, ok := splitAt(lines[k].text, col)
			if !ok {
				break
			}
			if rowStart.MatchString(l) || len(rows) == 0 && len(left) == 0 {
				flush()
			}
			if l != "" {
				left = appendWrapped(left, l)
			}
			if r != "" {
				right = appendWrapped(right, r)
			}
			nums = append(nums, lines[k].num)
		}
		flush()
		if len(rows) == 0 || !rowStart.MatchString(rows[0].text) {
			out = append(out, lines[i])
			continue
		}
		if first > i {
			out = append(out, line{text: "Subproceso\tProcedimientos", num: lines[i].num, page: lines[i].page, breakBefore: lines[i].breakBefore})
		}
		out = append(out, rows...)
		i = k - 1
	}
	return out
}

// splitAt splits a line at the column col (in characters), allowing the
// column's text to start up to two characters off: ok is false when a word
// runs across the column (the line is no table row).
func splitAt(s string, col int) (string, string, bool) {
	r := []rune(s)
	if strings.TrimSpace(s) == "" {
		return "", "", false
	}
	if len(r) <= col-2 {
		return strings.TrimSpace(s), "", true
	}
	for d := 0; d <= 2; d++ {
		for _, c := range []int{col - d, col + d} {
			if c <= 1 || c >= len(r) {
				continue
			}
			if unicode.IsSpace(r[c-1]) && unicode.IsSpace(r[c-2]) && !unicode.IsSpace(r[c]) || unicode.IsSpace(r[c-1]) && strings.TrimSpace(string(r[:c])) == "" {
				return strings.TrimSpace(string(r[:c])), strings.TrimSpace(string(r[c:])), true
			}
		}
	}
	// Nothing in the right column: the line ends in spaces there.
	if strings.TrimSpace(string(r[min(len(r), col-2):])) == "" {
		return strings.TrimSpace(s), "", true
	}
	return "", "", false
}

func runeIndex(s string, byteIdx int) int { return len([]rune(s[:byteIdx])) }

// columnGlossary pairs a glosario given column by column — as pdftotext
// gives groff's bordered table: all the terms, one a line, then after a
// blank line all the definitions, a wrapped one going on in lower case or
// after a connector or a full line —
// into one «term<TAB>definition» line an entry, when the two columns
// count the same.
func columnGlossary(lines []line) []line {
	h := slices.IndexFunc(lines, func(l line) bool { return headingKey(strings.TrimSpace(l.text)) == "GLOSARIO" })
	if h < 0 {
		return lines
	}
	// run is the lines from i that follow each other without a blank line
	// and that ok takes.
	run := func(i int, ok func(string) bool) int {
		k := i
		for k < len(lines) && (k == i || lines[k].num == lines[k-1].num+1) && ok(strings.TrimSpace(lines[k].text)) {
			k++
		}
		return k
	}
	termsEnd := run(h+1, func(t string) bool { return !strings.Contains(t, "\t") && headingKey(t) == "" && glossTerm(t) })
	if termsEnd-(h+1) < 3 || termsEnd == len(lines) || lines[termsEnd].num == lines[termsEnd-1].num+1 {
		return lines
	}
	defsEnd := run(termsEnd, func(t string) bool { return !strings.Contains(t, "\t") && headingKey(t) == "" })
	type def struct {
		parts []string
		nums  []int
	}
	block := lines[termsEnd:defsEnd]
	widest := 0
	for _, l := range block {
		widest = max(widest, utf8.RuneCountInString(strings.TrimSpace(l.text)))
	}
	// A definition goes on in the next line when that starts in lower case
	// or follows a connector («… del Personal de la» / «Rama
	// Administrativa»); failing that, also when its line is full (a
	// column's wrap).
	pair := func(full bool) []def {
		var defs []def
		prevLen := 0
		for _, l := range block {
			t := strings.TrimSpace(l.text)
			n := len(defs)
			if n > 0 && (startsLower(t) || endsInConnector(defs[n-1].parts[len(defs[n-1].parts)-1]) || full && 10*prevLen >= 9*widest) {
				defs[n-1].parts = appendWrapped(defs[n-1].parts, t)
				defs[n-1].nums = append(defs[n-1].nums, l.num)
			} else {
				defs = append(defs, def{parts: []string{t}, nums: []int{l.num}})
			}
			prevLen = utf8.RuneCountInString(t)
		}
		return defs
	}
	defs := pair(false)
	if len(defs) != termsEnd-(h+1) {
		defs = pair(true)
	}
	terms := lines[h+1 : termsEnd]
	if len(defs) != len(terms) {
		return lines
	}
	out := append([]line(nil), lines[:h+1]...)
	for i, t := range terms {
		t.text = strings.TrimSpace(t.text) + "\t" + dropSoftHyphens(strings.Join(defs[i].parts, " "))
		t.also = append(t.also, defs[i].nums...)
		out = append(out, t)
	}
	return append(out, lines[defsEnd:]...)
}
