package rules

import (
	"github.com/cipro-ine/mpp/manuals"
)

var _ = register(&Rule{
	ID: "ACU-009", Title: "Antecedentes en orden cronológico", Severity: Warning,
	Basis: map[string]string{"*": "Estructura de los acuerdos: los antecedentes narran los hechos en orden cronológico"},
	Doc:   `Cada antecedente con fecha es del mismo día o posterior al antecedente anterior con fecha.`,
	Check: func(p *Pass) {
		a := p.Exp.Acuerdo
		if a == nil {
			return
		}
		var prev *manuals.Antecedente
		for i := range a.Antecedentes {
			an := &a.Antecedentes[i]
			if an.EventDate().IsZero() {
				continue
			}
			if prev != nil && an.EventDate().Before(prev.EventDate()) {
				p.Report(manuals.FileAcuerdo, an.Pos,
					"el antecedente %s (%s) es anterior al antecedente %s (%s)", an.Romano, an.EventDate().Long(), prev.Romano, prev.EventDate().Long())
			}
			prev = an
		}
	},
})
