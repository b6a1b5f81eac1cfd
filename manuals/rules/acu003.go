package rules

import (
	"github.com/cipro-ine/mpp/manuals"
)

var _ = register(&Rule{
	ID: "ACU-003", Title: "Orden de las secciones del acuerdo", Severity: Warning,
	Basis: map[string]string{"*": "Estructura de los acuerdos de la Junta: glosario, antecedentes, considerandos, puntos de acuerdo, votación y firmas"},
	Doc: `Las secciones aparecen en este orden: glosario, antecedentes, considerandos, puntos de acuerdo,
párrafo de votación y firmas. Cuando el acuerdo se ingirió de un texto, cuenta el orden en el
texto fuente (origen); si no, el orden en el YAML, que transcribe el acuerdo.`,
	Check: func(p *Pass) {
		a := p.Exp.Acuerdo
		if a == nil {
			return
		}
		type section struct {
			name string
			at   int
			pos  manuals.Pos
		}
		line := func(pos manuals.Pos, src *manuals.Source) int {
			if src != nil && src.Desde > 0 {
				return src.Desde
			}
			return pos.Line
		}
		var secs []section
		if len(a.Glosario) > 0 {
			g := a.Glosario[0]
			secs = append(secs, section{"glosario", line(g.Pos, g.Origen), g.Pos})
		}
		if len(a.Antecedentes) > 0 {
			x := a.Antecedentes[0]
			secs = append(secs, section{"antecedentes", line(x.Pos, x.Origen), x.Pos})
		}
		if len(a.Considerandos) > 0 {
			x := a.Considerandos[0]
			secs = append(secs, section{"considerandos", line(x.Pos, x.Origen), x.Pos})
		}
		if len(a.Puntos) > 0 {
			x := a.Puntos[0]
			secs = append(secs, section{"puntos de acuerdo", line(x.Pos, x.Origen), x.Pos})
		}
		if a.Votacion.Pos.Line > 0 {
			secs = append(secs, section{"votación", line(a.Votacion.Pos, a.Votacion.Origen), a.Votacion.Pos})
		}
		if len(a.Firmas) > 0 {
			secs = append(secs, section{"firmas", a.Firmas[0].Pos.Line, a.Firmas[0].Pos})
		}
		for i := 1; i < len(secs); i++ {
			if secs[i].at < secs[i-1].at {
				p.Report(manuals.FileAcuerdo, secs[i].pos, "la sección «%s» aparece antes que «%s»; el orden es glosario, antecedentes, considerandos, puntos de acuerdo, votación, firmas", secs[i].name, secs[i-1].name)
				return
			}
		}
	},
})
