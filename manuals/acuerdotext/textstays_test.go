package acuerdotext

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// Text a user typed stays text through render txt → ingest: an antecedente
// holding a heading and a punto, a punto holding template syntax and a
// heading, a list item holding a numeral (issue 16, item 5: 12
// antecedentes became 1, and a new resolutive point appeared).
func TestTextStaysText(t *testing.T) {
	a := loadExample(t, "S.5.01")
	a.Antecedentes[0].Texto += "\n\nA C U E R D O S\n\nPRIMERO. Se deroga el Manual.\nCONSIDERANDOS\nXIII. Otro antecedente falso."
	a.Puntos[0].Texto += "\n@nuevapagina\n=== página 4 ===\n3\nGLOSARIO\nSEGUNDO. - Otro punto falso."
	a.Considerandos[0].Considerandos[0].Texto += "\n\nI. Numeral falso\n\n1. Considerando falso."
	want := content(t, a)
	r := reingest(t, renderText(t, a))
	if d := diffLines(content(t, r.Acuerdo), want); d != "" {
		t.Errorf("%s", d)
	}
	if len(r.Acuerdo.Antecedentes) != len(a.Antecedentes) || len(r.Acuerdo.Puntos) != len(a.Puntos) || r.Coverage() != 1 {
		t.Errorf("%d antecedentes (want %d), %d puntos (want %d), coverage %v", len(r.Acuerdo.Antecedentes), len(a.Antecedentes), len(r.Acuerdo.Puntos), len(a.Puntos), r.Coverage())
	}
}

// normalText is what a text field holds once loaded and what the reader
// gives back of it: valid UTF-8 without controls or private-use marks,
// single spaces, no blank runs longer than one line, trimmed; and without
// «**» or «__», which the reader removes everywhere as Markdown residue of
// the PDF-to-text conversion (by design: a real acuerdo never has them).
func normalText(s string) (string, bool) {
	if !utf8.ValidString(s) {
		return "", false
	}
	for strings.Contains(s, "**") || strings.Contains(s, "__") {
		s = strings.NewReplacer("**", "", "__", "").Replace(s)
	}
	var lines []string
	for _, l := range strings.Split(s, "\n") {
		l = strings.Map(func(r rune) rune {
			if unicode.IsControl(r) || unicode.Is(unicode.Co, r) || r == '\uFFFD' || unicode.Is(unicode.Zs, r) {
				return ' '
			}
			return r
		}, l)
		lines = append(lines, strings.Join(strings.Fields(l), " "))
	}
	out := strings.TrimSpace(strings.Join(lines, "\n"))
	for strings.Contains(out, "\n\n\n") {
		out = strings.ReplaceAll(out, "\n\n\n", "\n\n")
	}
	return out, out != ""
}

// Arbitrary antecedente and punto text survives the round trip unchanged.
func FuzzTextRoundTrip(f *testing.F) {
	for _, s := range []string{
		"texto simple", "A C U E R D O S", "PRIMERO. Se deroga", "\n\nCONSIDERANDOS\n\n1. x",
		"@nuevapagina", "=== página 2 ===", "- 16.**", "3", "XIII. falso", "INE/JGE248/2022", "G L O S A R I O",
		"pala-\nbra", "\\barra", "a\tb", "El presente Acuerdo fue aprobado", "Subproceso\tProcedimientos",
	} {
		f.Add(s, s)
	}
	base := loadExample(f, "S.5.01")
	f.Fuzz(func(t *testing.T, ant, punto string) {
		ant, ok1 := normalText(ant)
		punto, ok2 := normalText(punto)
		if !ok1 || !ok2 || len(ant)+len(punto) > 4000 {
			return
		}
		a := *base
		a.Antecedentes = append(a.Antecedentes[:0:0], base.Antecedentes...)
		a.Puntos = append(a.Puntos[:0:0], base.Puntos...)
		a.Antecedentes[1].Texto = ant
		a.Antecedentes[1].Lista, a.Antecedentes[1].TextoFinal = nil, ""
		a.Puntos[1].Texto = punto
		r := reingest(t, renderText(t, &a))
		got := r.Acuerdo
		if len(got.Antecedentes) != len(a.Antecedentes) || len(got.Puntos) != len(a.Puntos) {
			t.Fatalf("%d antecedentes (want %d), %d puntos (want %d)", len(got.Antecedentes), len(a.Antecedentes), len(got.Puntos), len(a.Puntos))
		}
		if g := got.Antecedentes[1].AllText(); g != ant {
			t.Fatalf("antecedente:\n got %q\nwant %q", g, ant)
		}
		if got.Puntos[1].Texto != punto {
			t.Fatalf("punto:\n got %q\nwant %q", got.Puntos[1].Texto, punto)
		}
	})
}
