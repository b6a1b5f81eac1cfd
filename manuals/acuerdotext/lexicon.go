package acuerdotext

import (
	_ "embed"
	"fmt"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/cipro-ine/mpp/manuals"
	"github.com/cipro-ine/mpp/manuals/profile"
)

//go:embed lexico.txt
var lexiconFile string

// Lexicon is the set of words an OCR slip may be corrected to.
type Lexicon struct {
	exact   map[string]bool   // as written
	lower   map[string]string // lower-case form -> as written, for words written in lower case
	longest int               // bytes of the longest word: a longer one has no correction
}

// NewLexicon joins the embedded INE lexicon, the profile's units and proper
// names, and the acuerdo's own glosario.
func NewLexicon(prof *profile.Profile, glosario []manuals.GlossaryEntry) *Lexicon {
	l := &Lexicon{exact: map[string]bool{}, lower: map[string]string{}}
	for _, w := range strings.Split(lexiconFile, "\n") {
		if w = strings.TrimSpace(w); w != "" && !strings.HasPrefix(w, "#") {
			l.add(w)
		}
	}
	if prof != nil {
		for _, u := range prof.URs {
			l.add(u.Sigla)
		}
		for _, n := range prof.NombresPropios {
			l.add(n)
		}
	}
	// The glosario's terms, but those the lexicon so far would correct: a
	// glosario read by OCR carries its slips («CAl» for CAI).
	var terms []string
	for _, g := range glosario {
		for _, t := range g.Terms() {
			if _, _, slip := l.fix(t); !strings.Contains(t, " ") && !slip {
				terms = append(terms, t)
			}
		}
	}
	for _, t := range terms {
		l.add(t)
	}
	return l
}

func (l *Lexicon) add(w string) {
	l.exact[w] = true
	l.longest = max(l.longest, len(w))
	if strings.ToLower(w) == w {
		l.lower[w] = w
	}
}

// Suggest returns the lexicon's correction of a word as OCR read it
// (punctuation around it kept out), or ok=false when it has none.
func (l *Lexicon) Suggest(w string) (string, bool) {
	core := strings.TrimFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	if core == "" {
		return "", false
	}
	fixed, _, ok := l.fix(core)
	return fixed, ok
}

// jgeSlip is an acuerdo's code with the J of JGE misread by OCR
// ("INE/IGE248/2022", "INE/IJGE248/2022").
var (
	jgeSlip     = regexp.MustCompile(`^INE/(?:[Il1|]J|J[Il1|]|[Il1|]{1,2})GE(\d+/\d{4}\W*)$`)
	jgeSlipText = regexp.MustCompile(`\bINE/(?:[Il1|]J|J[Il1|]|[Il1|]{1,2})GE(\d+/\d{4})\b`)
)

// fix returns the correction of one word and why, or ok=false.
func (l *Lexicon) fix(w string) (string, string, bool) {
	if l.exact[w] {
		return "", "", false
	}
	if m := jgeSlip.FindStringSubmatch(w); m != nil {
		return "INE/JGE" + m[1], "error de OCR (código de acuerdo de la Junta)", true
	}
	// Every other correction is a word of the lexicon, of the same length
	// give or take a rune's bytes: a longer token has none, and trying each
	// swap of a long one costs its length squared.
	if len(w) > l.longest+4 {
		return "", "", false
	}
	// Capitals inside a lower-case word ("micrositiOS"): only when the word
	// in lower case is in the lexicon, so siglas (UTTYPDP) are never touched.
	if r, _ := utf8.DecodeRuneInString(w); strings.IndexFunc(w, unicode.IsLower) >= 0 && upperTail(w) {
		low := strings.ToLower(w)
		if canon, ok := l.lower[low]; ok {
			if unicode.IsUpper(r) {
				canon = string(unicode.ToUpper(r)) + canon[utf8.RuneLen(unicode.ToLower(r)):]
			}
			if l.exact[canon] || canon != w {
				return canon, "error de OCR (mayúsculas espurias)", true
			}
		}
	}
	// Look-alike characters, one at a time; only in words with capitals or
	// digits, where OCR confuses l and I, 0 and O ("NormalNE", "ClPro").
	if !hasCapitalsOrDigits(w) {
		return "", "", false
	}
	swaps := []struct{ from, to byte }{{'l', 'I'}, {'I', 'l'}, {'0', 'O'}, {'O', '0'}, {'1', 'l'}, {'1', 'I'}, {'T', 'I'}}
	for _, s := range swaps {
		for i := 0; i < len(w); i++ {
			if w[i] != s.from {
				continue
			}
			c := w[:i] + string(s.to) + w[i+1:]
			if l.exact[c] {
				return c, fmt.Sprintf("error de OCR («%c» leída como «%c»)", s.to, s.from), true
			}
		}
	}
	return "", "", false
}

func hasCapitalsOrDigits(w string) bool {
	n := 0
	for _, r := range w {
		if unicode.IsDigit(r) {
			return true
		}
		if unicode.IsUpper(r) {
			n++
		}
	}
	return n >= 2
}

// upperTail reports whether a lower-case letter is followed, later in the
// word, by two or more capitals: the shape OCR gives "micrositiOS".
func upperTail(w string) bool {
	seenLower, caps := false, 0
	for _, r := range w {
		switch {
		case unicode.IsLower(r):
			if caps > 0 {
				return false
			}
			seenLower = true
		case unicode.IsUpper(r) && seenLower:
			caps++
		}
	}
	return caps >= 2
}

// Correct fixes OCR slips in every text of the acuerdo and returns one
// record per correction, with where it was.
func Correct(a *manuals.Acuerdo, l *Lexicon) []manuals.Correction {
	var out []manuals.Correction
	fix := func(s *string, where string, origen *manuals.Source) {
		*s = correctText(*s, l, func(orig, fixed, why string) {
			out = append(out, manuals.Correction{Original: orig, Corregido: fixed, Ubicacion: where, Motivo: why, Origen: origen})
		})
	}
	fix(&a.Codigo, "código del acuerdo", nil)
	fix(&a.Titulo, "título", nil)
	for i := range a.Glosario {
		g := &a.Glosario[i]
		fix(&g.Sigla, "glosario ("+g.Sigla+")", g.Origen)
		fix(&g.Definicion, "glosario ("+g.Sigla+"), definición", g.Origen)
	}
	for i := range a.Antecedentes {
		an := &a.Antecedentes[i]
		fixParagraphs(&an.Paragraphs, "antecedente "+an.Romano, an.Origen, fix)
	}
	for gi := range a.Considerandos {
		for ci := range a.Considerandos[gi].Considerandos {
			c := &a.Considerandos[gi].Considerandos[ci]
			fixParagraphs(&c.Paragraphs, fmt.Sprintf("considerando %d", c.Numero), c.Origen, fix)
		}
	}
	pr := &a.Proceso
	where := fmt.Sprintf("considerando %d", pr.Considerando)
	fix(&pr.Nombre, where+", nombre del proceso", nil)
	fix(&pr.Objetivo, where+", objetivo del proceso", nil)
	fix(&pr.UR, where+", unidad responsable", nil)
	for i := range pr.Subprocesos {
		s := &pr.Subprocesos[i]
		fix(&s.Nombre, where+", tabla ("+string(s.Codigo)+")", nil)
		for j := range s.Procedimientos {
			fix(&s.Procedimientos[j].Nombre, where+", tabla ("+string(s.Procedimientos[j].Codigo)+")", nil)
		}
	}
	for i := range pr.Objetivos {
		o := &pr.Objetivos[i]
		fix(&o.Nombre, where+", párrafo de objetivo de "+string(o.Codigo)+" (nombre)", nil)
		fix(&o.Objetivo, where+", objetivo de "+string(o.Codigo), nil)
	}
	fix(&a.Formula, "fórmula de cierre", nil)
	for i := range a.Puntos {
		pt := &a.Puntos[i]
		fix(&pt.Texto, "punto "+pt.Ordinal, pt.Origen)
	}
	fix(&a.Votacion.Texto, "párrafo de votación", a.Votacion.Origen)
	return out
}

func fixParagraphs(p *manuals.Paragraphs, where string, origen *manuals.Source, fix func(*string, string, *manuals.Source)) {
	fix(&p.Texto, where, origen)
	for i := range p.Lista {
		fix(&p.Lista[i].Texto, where+", inciso "+p.Lista[i].Etiqueta, origen)
	}
	fix(&p.TextoFinal, where, origen)
}

// correctText rewrites the words of s that the lexicon corrects.
func correctText(s string, l *Lexicon, record func(orig, fixed, why string)) string {
	if s == "" {
		return s
	}
	// Acuerdo codes span several words; they are fixed whole, first.
	s = jgeSlipText.ReplaceAllStringFunc(s, func(m string) string {
		fixed := "INE/JGE" + jgeSlipText.FindStringSubmatch(m)[1]
		record(m, fixed, "error de OCR (código de acuerdo de la Junta)")
		return fixed
	})
	var b strings.Builder
	start := -1
	flush := func(end int) {
		w := s[start:end]
		if fixed, why, ok := l.fix(w); ok {
			record(w, fixed, why)
			w = fixed
		}
		b.WriteString(w)
		start = -1
	}
	for i, r := range s {
		inWord := unicode.IsLetter(r) || unicode.IsDigit(r)
		if inWord && start < 0 {
			start = i
		}
		if !inWord {
			if start >= 0 {
				flush(i)
			}
			b.WriteRune(r)
		}
	}
	if start >= 0 {
		flush(len(s))
	}
	return b.String()
}
