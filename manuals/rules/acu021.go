package rules

import (
	"github.com/cipro-ine/mpp/manuals"
)

var _ = register(&Rule{
	ID: "ACU-021", Title: "La votación es de la fecha y tipo de la sesión", Severity: Error,
	Basis: map[string]string{"*": "Certeza del acuerdo: el párrafo de votación da fe de la sesión en que se aprobó"},
	Doc: `El párrafo de votación («El presente Acuerdo fue aprobado en sesión ordinaria … celebrada el
…») da la misma fecha y el mismo tipo de sesión (ordinaria/extraordinaria) que la sesión.`,
	Check: func(p *Pass) {
		a := p.Exp.Acuerdo
		if a == nil {
			return
		}
		v := a.Votacion
		if !v.Fecha.IsZero() && !a.Sesion.Fecha.IsZero() && v.Fecha.Compare(a.Sesion.Fecha) != 0 {
			p.Report(manuals.FileAcuerdo, v.Pos.Key("fecha"), "el párrafo de votación es del %s, pero la sesión es del %s", v.Fecha.Long(), a.Sesion.Fecha.Long())
		}
		if v.TipoSesion != "" && a.Sesion.Tipo != "" && v.TipoSesion != a.Sesion.Tipo {
			p.Report(manuals.FileAcuerdo, v.Pos.Key("tipo_sesion"), "el párrafo de votación habla de sesión %s, pero la sesión es %s", v.TipoSesion, a.Sesion.Tipo)
		}
	},
})
