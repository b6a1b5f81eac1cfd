package rules

import (
	"github.com/cipro-ine/mpp/manuals"
)

var _ = register(&Rule{
	ID: "MAN-006", Title: "Riesgos valorados y controlados", Severity: Error,
	Basis: map[string]string{"*": "Modelo de Gestión por Procesos, art. 2, inciso d): identificación de riesgos considerando el impacto y la probabilidad de ocurrencia, y de los elementos de control interno"},
	Doc: `Cada riesgo tiene impacto y probabilidad con valores de la escala del perfil (por omisión 1 a
5) y al menos un control que lo trata; los controles que nombra existen en el procedimiento.`,
	Check: func(p *Pass) {
		m := p.Exp.Manual
		if m == nil {
			return
		}
		eachProcedure(m, func(pr *manuals.Procedure) {
			controls := map[string]bool{}
			for _, c := range pr.Controles {
				controls[c.ID] = true
			}
			for _, r := range pr.Riesgos {
				if !p.Profile.InScale(r.Impacto) {
					p.Report(manuals.FileManual, r.Pos.Key("impacto"), "el riesgo %s tiene impacto %d, fuera de la escala del perfil", r.ID, r.Impacto)
				}
				if !p.Profile.InScale(r.Probabilidad) {
					p.Report(manuals.FileManual, r.Pos.Key("probabilidad"), "el riesgo %s tiene probabilidad %d, fuera de la escala del perfil", r.ID, r.Probabilidad)
				}
				if len(r.Controles) == 0 {
					p.Report(manuals.FileManual, r.Pos, "el riesgo %s no tiene ningún control que lo trate", r.ID)
				}
				for _, c := range r.Controles {
					if !controls[c] {
						p.Report(manuals.FileManual, r.Pos.Key("controles"), "el riesgo %s nombra el control «%s», que no existe en %s", r.ID, c, pr.Codigo)
					}
				}
			}
		})
	},
})
