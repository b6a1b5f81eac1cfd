package acuerdotext

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/cipro-ine/mpp/manuals"
)

// section is a part of an acuerdo, in the order every acuerdo has them.
type section int

const (
	secPreamble section = iota // code, title, what precedes the glosario
	secGlosario
	secAntecedentes
	secConsiderandos
	secClosing // closing formula, puntos, vote, signatures
	nSections
)

var sectionNames = [nSections]string{"", "GLOSARIO", "ANTECEDENTES", "CONSIDERANDOS", "ACUERDOS"}

var sectionOfHeading = map[string]section{"GLOSARIO": secGlosario, "ANTECEDENTES": secAntecedentes, "CONSIDERANDOS": secConsiderandos, "ACUERDOS": secClosing}

// The scores of the labelling (labelSections). Entering a section where
// nothing opens it (its heading; for the closing, the formula) costs
// enterCost, so that only the evidence of several paragraphs moves the
// reading on without a heading; a heading of another section than the
// paragraph's costs misplacedCost; the evidence of a paragraph for a
// section is worth from 1 to 3.
const (
	enterCost     = 8
	misplacedCost = 4
)

// labelSections labels every paragraph with its section at once: the
// labelling that best agrees with the evidence (headings; the numbering of
// the antecedentes and the considerandos; glosario entries; considerando
// groups; puntos, the vote, the signers) while keeping the acuerdo's order
// (a section never comes back), found by dynamic programming over the
// paragraphs (Viterbi). One bad paragraph cannot swallow a section: a
// heading lost to OCR is outweighed by the numbering that follows it, and
// a heading out of order («ANTECEDENTES» inside a considerando) does not
// send the reading back. opened says, for each paragraph, that a section
// begins there without anything opening it (what was inferred).
func labelSections(ps []Para) (labels []section, opened []bool) {
	n := len(ps)
	labels, opened = make([]section, n), make([]bool, n)
	if n == 0 {
		return labels, opened
	}
	ev := sectionEvidence(ps)
	opens := make([]section, n)  // the section a paragraph opens, or -1
	isHeading := make([]bool, n) // a heading, of whatever section
	for i, x := range ps {
		opens[i] = -1
		h := headingKey(x.Text)
		isHeading[i] = h != ""
		if s, ok := sectionOfHeading[h]; ok {
			opens[i] = s
		} else if isFormula(x.Text) {
			opens[i] = secClosing
		}
	}
	score := func(i int, s section) int {
		v := ev[i][s]
		switch {
		case opens[i] == s:
			// What opens a section belongs to it: of two, the first
			// opens it (the formula, then «ACUERDOS»).
			v++
		case isHeading[i]:
			v -= misplacedCost
		}
		return v
	}
	// best[i][s]: the best score of paragraphs 0..i with paragraph i in s;
	// from[i][s]: the section of paragraph i-1 on that path.
	best := make([][nSections]int, n)
	from := make([][nSections]section, n)
	for s := range nSections {
		enter := 0
		if s != secPreamble && opens[0] != s {
			enter = enterCost
		}
		best[0][s] = score(0, s) - enter
	}
	for i := 1; i < n; i++ {
		for s := range nSections {
			// Entering is preferred on a tie: a section begins as late as
			// its evidence allows.
			b, arg := best[i-1][s], s
			for t := section(0); t < s; t++ {
				v := best[i-1][t]
				if opens[i] != s {
					v -= enterCost
				}
				if v >= b {
					b, arg = v, t
				}
			}
			best[i][s], from[i][s] = b+score(i, s), arg
		}
	}
	last := secPreamble
	for s := range nSections {
		if best[n-1][s] > best[n-1][last] {
			last = s
		}
	}
	for i := n - 1; i >= 0; i-- {
		labels[i] = last
		if i > 0 {
			last = from[i][last]
		}
	}
	for i := range labels {
		prev := secPreamble
		if i > 0 {
			prev = labels[i-1]
		}
		opened[i] = labels[i] != prev && opens[i] != labels[i]
	}
	return labels, opened
}

// sectionEvidence scores each paragraph for each section: what in its
// text belongs to one (heading aside).
func sectionEvidence(ps []Para) [][nSections]int {
	ev := make([][nSections]int, len(ps))
	// The antecedentes are numbered I, II, III…, the considerandos 1, 2,
	// 3…: only the longest such run is evidence, so that a list quoted
	// inside a considerando or an antecedente, which starts again at 1,
	// is not.
	for _, i := range longestRun(ps, romanNumber) {
		ev[i][secAntecedentes] += 2
	}
	for _, i := range longestRun(ps, arabicNumber) {
		ev[i][secConsiderandos] += 2
	}
	for i, x := range ps {
		// Every sign is at a paragraph's head: the patterns read the
		// head alone, so that the time stays linear in the text.
		t := head(x.Text, 120)
		switch {
		case voteStart.MatchString(t):
			ev[i][secClosing] += 3
		case signerName.MatchString(t):
			ev[i][secClosing]++
		case strings.IndexByte(t, '\t') > 0 && glossTab.MatchString(t):
			ev[i][secGlosario]++
		}
		if !startsUpper(t) {
			continue
		}
		if m := ordinalHead.FindStringSubmatch(t); m != nil && manuals.OrdinalValue(m[1]) > 0 && strings.TrimSpace(m[2]) != "" && !strings.HasPrefix(t, m[1]+" ") {
			// «PRIMERO. Competencia.» heads a group of considerandos;
			// «PRIMERO. Se aprueba el Manual…» is a punto.
			if len(m[2]) < 60 {
				ev[i][secConsiderandos]++
			} else {
				ev[i][secClosing]++
			}
		}
	}
	return ev
}

// head is s cut to at most n bytes, at a rune's start.
func head(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

func startsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

func romanNumber(t string) int {
	if !strings.ContainsAny(head(t, 1), "IVXLCD") {
		return 0
	}
	if m := romanItem.FindStringSubmatch(head(t, 12)); m != nil && manuals.IsRoman(m[1]) {
		return manuals.RomanValue(m[1])
	}
	return 0
}

func arabicNumber(t string) int {
	if t == "" || t[0] < '0' || t[0] > '9' {
		return 0
	}
	if m := numItem.FindStringSubmatch(head(t, 12)); m != nil {
		n, _ := strconv.Atoi(m[1])
		return n
	}
	return 0
}

// longestRun finds the longest run of paragraphs numbered 1, 2, 3… in
// order (others may come between), by number: the indexes of its
// paragraphs. Of two runs as long, the one whose items lie closer
// together. Linear in the paragraphs.
func longestRun(ps []Para, number func(string) int) []int {
	type end struct{ length, at int }
	endsAt := map[int]end{} // number → the best run ending in it so far
	prev := make([]int, len(ps))
	bestLen, bestAt := 0, -1
	for i, x := range ps {
		prev[i] = -1
		v := number(x.Text)
		if v <= 0 {
			continue
		}
		cur := end{1, i}
		if v > 1 {
			e, ok := endsAt[v-1]
			if !ok {
				continue
			}
			cur.length = e.length + 1
			prev[i] = e.at
		}
		// The latest run is kept on a tie: its items lie closer.
		if e, ok := endsAt[v]; !ok || cur.length >= e.length {
			endsAt[v] = cur
		}
		if cur.length >= bestLen {
			bestLen, bestAt = cur.length, i
		}
	}
	var out []int
	for i := bestAt; i >= 0; i = prev[i] {
		out = append(out, i)
	}
	return out
}

// String is a section's heading.
func (s section) String() string { return sectionNames[s] }

// inferredNote says that a section was found by its content, without what
// opens it.
func inferredNote(s section) string {
	switch s {
	case secClosing:
		return "No se encontró la fórmula de cierre ni el encabezado «ACUERDOS»: los puntos de acuerdo se reconocieron por su forma."
	case secGlosario:
		return "No se encontró el encabezado «GLOSARIO»: el glosario se reconoció por sus entradas."
	}
	return "No se encontró el encabezado «" + s.String() + "»: la sección se reconoció por su numeración."
}
