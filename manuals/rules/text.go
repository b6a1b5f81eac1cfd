package rules

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/cipro-ine/mpp/manuals"
)

// passage is a piece of running text of a document and where it lies.
type passage struct {
	Text  string
	Pos   manuals.Pos
	Label string // how a reader names the place: "considerando 12"
}

// acuerdoBody lists the acuerdo's running text after the glosario, in order:
// antecedentes, considerandos (the process considerando's structured parts
// included), the closing formula and the puntos.
func acuerdoBody(a *manuals.Acuerdo) []passage {
	var out []passage
	for _, an := range a.Antecedentes {
		out = append(out, passage{an.AllText(), an.Pos, "antecedente " + an.Romano})
	}
	for _, g := range a.Considerandos {
		for _, c := range g.Considerandos {
			label := fmt.Sprintf("considerando %d", c.Numero)
			out = append(out, passage{c.AllText(), c.Pos, label})
			if c.Numero == a.Proceso.Considerando && a.Proceso.Considerando != 0 {
				out = append(out, processPassages(a, label)...)
			}
		}
	}
	if a.Formula != "" {
		out = append(out, passage{a.Formula, a.Pos.Key("formula"), "la fórmula de cierre"})
	}
	for _, p := range a.Puntos {
		out = append(out, passage{p.Texto, p.Pos, "punto " + p.Ordinal})
	}
	return out
}

func processPassages(a *manuals.Acuerdo, label string) []passage {
	pr := a.Proceso
	out := []passage{{pr.Objetivo, pr.Pos.Key("objetivo"), label}}
	for _, o := range pr.Objetivos {
		out = append(out, passage{o.Nombre + " " + o.Objetivo, o.Pos, label})
	}
	for _, s := range pr.Subprocesos {
		out = append(out, passage{s.Nombre, s.Pos, label})
		for _, p := range s.Procedimientos {
			out = append(out, passage{p.Nombre, p.Pos, label})
		}
	}
	return out
}

// occurrence is one use of a word in a passage.
type occurrence struct {
	Word    string
	Passage *passage
}

// siglaUses returns every word that reads as a sigla, in text order.
func siglaUses(ps []passage) []occurrence {
	var out []occurrence
	for i := range ps {
		for _, w := range manuals.Words(ps[i].Text) {
			if manuals.LooksLikeSigla(w.Text) {
				out = append(out, occurrence{w.Text, &ps[i]})
			}
		}
	}
	return out
}

// containsTerm reports whether term occurs in text as whole words
// (case-sensitive: "Modelo" the defined term, not "modelo" the noun).
func containsTerm(text, term string) bool {
	for from := 0; from <= len(text); {
		i := strings.Index(text[from:], term)
		if i < 0 {
			return false
		}
		i += from
		before, _ := utf8.DecodeLastRuneInString(text[:i])
		after, _ := utf8.DecodeRuneInString(text[i+len(term):])
		if !unicode.IsLetter(before) && !unicode.IsLetter(after) {
			return true
		}
		from = i + 1
	}
	return false
}

// veces returns "1 vez" / "3 veces".
func veces(n int) string {
	if n == 1 {
		return "1 vez"
	}
	return fmt.Sprintf("%d veces", n)
}

// eachProcedure calls fn for every procedure of the manual.
func eachProcedure(m *manuals.Manual, fn func(p *manuals.Procedure)) {
	for si := range m.Subprocesos {
		for pi := range m.Subprocesos[si].Procedimientos {
			fn(&m.Subprocesos[si].Procedimientos[pi])
		}
	}
}
