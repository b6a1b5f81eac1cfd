package rules

import (
	"strings"

	"github.com/cipro-ine/mpp/manuals"
)

var _ = register(&Rule{
	ID: "MAN-011", Title: "Siglas del manual definidas en su glosario", Severity: Warning,
	Basis: map[string]string{"*": "Claridad del manual: toda sigla que se usa se define en el glosario"},
	Doc: `Toda sigla que se usa en el manual (objetivos, alcance, marco normativo, roles, reglas,
actividades, controles, riesgos, indicadores) está definida en el glosario del manual.`,
	Check: func(p *Pass) {
		m := p.Exp.Manual
		if m == nil {
			return
		}
		checkUndefinedSiglas(p, manuals.FileManual, m.Glosario, manualBody(m))
	},
})

// manualBody lists the manual's running text, in order.
func manualBody(m *manuals.Manual) []passage {
	dg := m.DatosGenerales
	out := []passage{
		{dg.Nombre + "\n" + dg.URDuena + "\n" + strings.Join(dg.URsParticipantes, "\n") + "\n" + dg.Macroproceso, dg.Pos, "los datos generales"},
		{m.Objetivo + "\n" + m.Alcance + "\n" + strings.Join(m.MarcoNormativo, "\n"), m.Pos.Key("objetivo"), "objetivo, alcance y marco normativo"},
	}
	for _, r := range m.Roles {
		out = append(out, passage{r.Nombre + "\n" + r.Puesto + "\n" + r.UR + "\n" + r.Descripcion, r.Pos, "el rol " + r.Nombre})
	}
	for _, s := range m.Subprocesos {
		out = append(out, passage{s.Nombre + "\n" + s.Objetivo, s.Pos, "el subproceso " + string(s.Codigo)})
		for _, pr := range s.Procedimientos {
			label := "el procedimiento " + string(pr.Codigo)
			out = append(out, passage{pr.Nombre + "\n" + pr.Objetivo + "\n" + pr.Alcance + "\n" + strings.Join(pr.ReglasOperacion, "\n"), pr.Pos, label})
			for _, a := range pr.Actividades {
				t := []string{a.Descripcion, a.Sistema, strings.Join(a.Insumos, "\n"), strings.Join(a.Salidas, "\n"), strings.Join(a.Formatos, "\n")}
				if a.Decision != nil {
					t = append(t, a.Decision.Pregunta)
				}
				out = append(out, passage{strings.Join(t, "\n"), a.Pos, label})
			}
			for _, c := range pr.Controles {
				out = append(out, passage{c.Descripcion, c.Pos, label})
			}
			for _, r := range pr.Riesgos {
				out = append(out, passage{r.Descripcion, r.Pos, label})
			}
			for _, x := range pr.Indicadores {
				out = append(out, passage{x.Nombre + "\n" + x.Formula, x.Pos, label})
			}
		}
	}
	return out
}
