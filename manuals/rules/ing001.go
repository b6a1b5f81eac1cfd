package rules

import (
	"fmt"
	"strings"

	"github.com/cipro-ine/mpp/manuals"
)

var _ = register(&Rule{
	ID: "ING-001", Title: "Texto del acuerdo sin clasificar", Severity: Warning,
	Basis: map[string]string{"*": "Integridad de la ingesta: todo el texto del acuerdo debe quedar en su estructura"},
	Doc: `La ingesta no pudo ubicar un fragmento del texto fuente en la estructura del acuerdo y lo dejó en
«sin_clasificar», con sus líneas. Revíselo y muévalo a su lugar (o bórrelo si es ruido).`,
	Check: func(p *Pass) {
		a := p.Exp.Acuerdo
		if a == nil {
			return
		}
		for _, f := range a.SinClasificar {
			where := ""
			if f.Origen != nil {
				where = fmt.Sprintf(" (líneas %d–%d del texto fuente)", f.Origen.Desde, f.Origen.Hasta)
			}
			text := []rune(strings.Join(strings.Fields(f.Texto), " "))
			if len(text) > 60 {
				text = append(text[:60], '…')
			}
			p.Report(manuals.FileAcuerdo, f.Pos, "texto sin clasificar%s: «%s»", where, string(text))
		}
	},
})
