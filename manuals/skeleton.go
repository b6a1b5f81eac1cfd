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
		for _, g := range a.Glosario {
			for _, t := range g.Terms() {
				if t == pr.UR {
					m.Glosario = append(m.Glosario, GlossaryEntry{Sigla: g.Sigla, Definicion: g.Definicion})
				}
			}
		}
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
