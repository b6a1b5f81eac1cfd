package rules

import (
	"github.com/cipro-ine/mpp/manuals"
)

var _ = register(&Rule{
	ID: "FLU-002", Title: "Sin dictamen con observaciones abiertas", Severity: Error,
	Basis: map[string]string{
		"2020": "Lineamientos 2020, art. 11, apartado 11.2, numerales 2 y 3: si no se tienen observaciones, la CIPro emite el dictamen",
		"2022": "Lineamientos 2022, art. 7, numerales 2 y 3: la CIPro dictamina los manuales que cumplen, una vez atendidas las observaciones",
	},
	Doc: `No hay dictamen técnico favorable mientras alguna ronda de observaciones de la CIPro siga
abierta (estado: abierta).`,
	Check: func(p *Pass) {
		d := p.Exp.Dictamen
		if d == nil || !d.Favorable() {
			return
		}
		for _, r := range d.Rondas {
			if r.Estado == "abierta" {
				p.Report(manuals.FileDictamen, r.Pos, "el dictamen es favorable pero la ronda de observaciones %d sigue abierta", r.Numero)
			}
		}
	},
})
