package acuerdotext

import (
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/cipro-ine/mpp/manuals"
)

// The sections are labelled all at once (labelSections): a heading that is
// missing is outweighed by what follows it, and a heading out of order is
// not followed. Each case changes both seeds and must give the seed's own
// reading (or, where the change removes a part, that reading without it),
// with a note saying what was inferred.
func TestSectionsByEvidence(t *testing.T) {
	drop := func(re string) func(string) string {
		r := regexp.MustCompile(`(?m)` + re)
		return func(s string) string { return r.ReplaceAllString(s, "") }
	}
	cases := []struct {
		name   string
		change func(string) string
		note   string // a note the reading must have
		// unplaced: text that must be in sin_clasificar
		unplaced string
		// formula: the closing formula was taken out
		formula bool
	}{
		{name: "sin el encabezado CONSIDERANDOS", change: drop(`^C O N S I D E R A N D O S$`), note: "«CONSIDERANDOS»: la sección se reconoció por su numeración"},
		{name: "sin el encabezado ANTECEDENTES", change: drop(`^A N T E C E D E N T E S$`), note: "«ANTECEDENTES»: la sección se reconoció por su numeración"},
		{name: "sin el encabezado GLOSARIO", change: drop(`^G L O S A R I O$`), note: "«GLOSARIO»: el glosario se reconoció por sus entradas"},
		{name: "sin fórmula ni encabezado ACUERDOS", change: drop(`^(?:En razón de los antecedentes.*|ACUERDOS)$`), note: "los puntos de acuerdo se reconocieron por su forma", formula: true},
		{name: "sin encabezados de antecedentes ni de considerandos", change: drop(`^(?:A N T E C E D E N T E S|C O N S I D E R A N D O S)$`), note: "«CONSIDERANDOS»"},
		{
			// A heading inside the considerandos (a quoted document's, or
			// OCR's): the old reading went back to the antecedentes there
			// and filed every considerando after it as antecedente text.
			name: "un encabezado ANTECEDENTES fuera de orden",
			change: func(s string) string {
				r := regexp.MustCompile(`(?m)^(- )?10\.`)
				loc := r.FindStringIndex(s)
				return s[:loc[0]] + "A N T E C E D E N T E S\n\n" + s[loc[0]:]
			},
			unplaced: "ANTECEDENTES",
		},
	}
	for name, path := range seeds {
		raw, err := os.ReadFile(path)
		if err != nil {
			missingSeed(t, err)
		}
		whole := ingestFile(t, path).Acuerdo
		for _, c := range cases {
			t.Run(name+"/"+c.name, func(t *testing.T) {
				v := c.change(string(raw))
				if v == string(raw) {
					t.Fatal("the change changed nothing")
				}
				r := reingest(t, []byte(v))
				got, want := *r.Acuerdo, *whole
				if c.formula {
					if got.Formula != "" {
						t.Errorf("formula %q", got.Formula)
					}
					want.Formula = ""
				}
				if d := diffLines(content(t, &got), content(t, &want)); d != "" {
					t.Errorf("%s", d)
				}
				if c.note != "" && !slices.ContainsFunc(got.Notas, func(n string) bool { return strings.Contains(n, c.note) }) {
					t.Errorf("no note %q: %q", c.note, got.Notas)
				}
				if c.unplaced != "" && !slices.ContainsFunc(got.SinClasificar, func(f manuals.Fragment) bool { return strings.Contains(f.Texto, c.unplaced) }) {
					t.Errorf("%q is not in sin_clasificar: %+v", c.unplaced, got.SinClasificar)
				}
				if c.unplaced == "" && len(got.SinClasificar) > 0 {
					t.Errorf("sin_clasificar: %+v", got.SinClasificar)
				}
			})
		}
	}
}

// A numbered list quoted in the last antecedente, with the considerandos'
// heading lost too: only the considerandos' own numbering (the longest run
// from 1) is evidence, so the list stays in its antecedente.
func TestSectionsQuotedListBeforeLostHeading(t *testing.T) {
	raw, err := os.ReadFile(seeds["JGE248"])
	if err != nil {
		missingSeed(t, err)
	}
	s := strings.Replace(string(raw), "C O N S I D E R A N D O S", "", 1)
	list := "\n\n1. Primera acción del programa.\n\n2. Segunda acción.\n\n3. Tercera acción.\n\n4. Cuarta acción.\n\n5. Quinta acción.\n\n6. Sexta acción.\n\n7. Séptima acción.\n"
	i := strings.Index(s, "- XII. ")
	j := i + strings.Index(s[i:], "\n")
	s = s[:j] + list + s[j:]
	a := reingest(t, []byte(s)).Acuerdo
	if n := len(a.Antecedentes); n != 12 || !strings.Contains(a.Antecedentes[11].Texto, "7. Séptima acción.") {
		t.Fatalf("antecedentes %d, the last one %+v", n, a.Antecedentes[n-1])
	}
	n := 0
	for _, g := range a.Considerandos {
		n += len(g.Considerandos)
	}
	if n != 38 || a.Considerandos[0].Considerandos[0].Numero != 1 || !strings.HasPrefix(a.Considerandos[0].Considerandos[0].Texto, "De conformidad") {
		t.Errorf("%d considerandos; first %+v", n, a.Considerandos[0].Considerandos[0])
	}
}
