package manuals

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// ManualFromAcuerdo is the skeleton of the manual an acuerdo approves: the
// identification, objectives and process structure the acuerdo gives. The
// rest (roles, rules, activities, risks) is for the UR to write.
func ManualFromAcuerdo(a *Acuerdo) *Manual {
	pr := a.Proceso
	m := &Manual{
		DatosGenerales: GeneralData{Nombre: pr.Nombre, Codigo: pr.Codigo, URDuena: pr.UR, Fecha: a.Sesion.Fecha},
		Objetivo:       pr.Objetivo,
	}
	if pr.UR != "" {
		m.DatosGenerales.URsParticipantes = []string{pr.UR}
	}
	objectives := map[Code]string{}
	for _, o := range pr.Objetivos {
		objectives[o.Codigo] = capitalize(o.Objetivo)
	}
	for _, ls := range pr.Subprocesos {
		s := Subprocess{Codigo: ls.Codigo, Nombre: ls.Nombre}
		for _, lp := range ls.Procedimientos {
			s.Procedimientos = append(s.Procedimientos, Procedure{Codigo: lp.Codigo, Nombre: lp.Nombre, Objetivo: objectives[lp.Codigo]})
		}
		m.Subprocesos = append(m.Subprocesos, s)
	}
	m.Glosario = glossaryFor(a.Glosario, pr.UR+" "+m.Objetivo+" "+skeletonText(m))
	if a.Codigo != "" && !a.Sesion.Fecha.IsZero() {
		m.ControlCambios = []Change{{Version: "1.0", Fecha: a.Sesion.Fecha,
			Descripcion: "Emisión del manual, aprobado por la " + strings.TrimSpace(orDefault(a.Organo, "Junta General Ejecutiva")) + " mediante acuerdo " + a.Codigo + ".",
			Responsable: pr.UR}}
	}
	return m
}

func capitalize(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

func orDefault(s, d string) string {
	if s == "" {
		return d
	}
	return s
}

// skeletonText is the running text of a skeleton manual.
func skeletonText(m *Manual) string {
	var b strings.Builder
	for _, s := range m.Subprocesos {
		b.WriteString(s.Nombre + "\n")
		for _, p := range s.Procedimientos {
			b.WriteString(p.Nombre + "\n" + p.Objetivo + "\n")
		}
	}
	return b.String()
}

// glossaryFor keeps the entries of the acuerdo's glosario whose siglas the
// text uses, in the acuerdo's order.
func glossaryFor(glosario []GlossaryEntry, text string) []GlossaryEntry {
	used := map[string]bool{}
	for _, w := range Words(text) {
		used[w.Text] = true
	}
	var out []GlossaryEntry
	for _, g := range glosario {
		for _, t := range g.Terms() {
			if used[t] && LooksLikeSigla(t) {
				out = append(out, GlossaryEntry{Sigla: g.Sigla, Definicion: g.Definicion})
				break
			}
		}
	}
	return out
}
