package rules

import (
	"github.com/cipro-ine/mpp/manuals"
)

var _ = register(&Rule{
	ID: "ACU-016", Title: "El dictamen es anterior a la sesión", Severity: Error,
	Basis: map[string]string{
		"2020": "Lineamientos 2020, art. 11, apartado 11.3: la DEA presenta a la SE el dictamen técnico con el proyecto de acuerdo",
		"2022": "Lineamientos 2022, art. 8, numeral 2: la DEA presenta a la SE el dictamen técnico con el proyecto de acuerdo",
	},
	Doc: `La fecha del dictamen técnico que cita el acuerdo es igual o anterior a la fecha de la sesión
en que se aprueba.`,
	Check: func(p *Pass) {
		a := p.Exp.Acuerdo
		if a == nil || a.Dictamen.Fecha.IsZero() || a.Sesion.Fecha.IsZero() {
			return
		}
		if a.Dictamen.Fecha.After(a.Sesion.Fecha) {
			p.Report(manuals.FileAcuerdo, a.Dictamen.Pos.Key("fecha"), "el dictamen citado es del %s, posterior a la sesión del %s", a.Dictamen.Fecha.Long(), a.Sesion.Fecha.Long())
		}
	},
})
