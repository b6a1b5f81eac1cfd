package rules

import (
	"strings"

	"github.com/cipro-ine/mpp/manuals"
)

var _ = register(&Rule{
	ID: "ACU-015", Title: "La UR que ejecuta el proceso es la que lo interpreta", Severity: Error,
	Basis: map[string]string{"*": "Punto de interpretación de los acuerdos de aprobación de manuales: corresponde a la UR dueña del proceso"},
	Doc: `La unidad responsable que, según el considerando del proceso, lo ejecuta (p. ej. «es ejecutado
por la CAI») es la misma a la que el punto de interpretación atribuye la interpretación del manual
(«corresponderá a la Coordinación de Asuntos Internacionales»). La sigla se resuelve con el
glosario del acuerdo o, si no está, con el catálogo de URs del perfil.`,
	Check: func(p *Pass) {
		a := p.Exp.Acuerdo
		if a == nil || a.Proceso.UR == "" {
			return
		}
		pt := a.PuntoOfKind(manuals.PuntoInterpretacion)
		if pt == nil {
			return
		}
		ur := a.Proceso.UR
		names := []string{ur}
		for _, g := range a.Glosario {
			for _, t := range g.Terms() {
				if t == ur {
					names = append(names, g.Definicion)
				}
			}
		}
		if u := p.Profile.Unit(ur); u != nil {
			names = append(names, u.Nombre)
		}
		text := manuals.NormName(pt.Texto)
		for _, n := range names {
			if n = manuals.NormName(n); n != "" && strings.Contains(text, n) {
				return
			}
		}
		full := ur
		if len(names) > 1 {
			full = names[1] + " (" + ur + ")"
		}
		p.Report(manuals.FileAcuerdo, pt.Pos, "el proceso lo ejecuta la %s, pero el punto %s atribuye la interpretación a otra unidad", full, pt.Ordinal)
	},
})
