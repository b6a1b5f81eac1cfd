package rules

import (
	"github.com/cipro-ine/mpp/manuals"
)

var _ = register(&Rule{
	ID: "MAN-005", Title: "Reglas de operación por procedimiento", Severity: Error,
	Basis: map[string]string{
		"2020": "Lineamientos 2020 (contenido del manual: reglas de operación de cada procedimiento)",
		"2022": "Lineamientos 2022, art. 5, numeral 10, inciso d) (reglas de operación)",
	},
	Doc: `Cada procedimiento tiene al menos una regla de operación.`,
	Check: func(p *Pass) {
		m := p.Exp.Manual
		if m == nil {
			return
		}
		eachProcedure(m, func(pr *manuals.Procedure) {
			if len(pr.ReglasOperacion) == 0 {
				p.Report(manuals.FileManual, pr.Pos, "el procedimiento %s %s no tiene reglas de operación", pr.Codigo, pr.Nombre)
			}
		})
	},
})
