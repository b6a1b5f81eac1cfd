package rules

import (
	"github.com/cipro-ine/mpp/manuals"
)

var _ = register(&Rule{
	ID: "ACU-005", Title: "Numeración continua de antecedentes y considerandos", Severity: Error,
	Basis: map[string]string{"*": "Estructura de los acuerdos: antecedentes con números romanos consecutivos; considerandos numerados de forma corrida a través de los grupos"},
	Doc: `Los antecedentes van numerados I, II, III… sin saltos ni repeticiones. Los considerandos van
numerados 1, 2, 3… de forma continua a través de los grupos PRIMERO, SEGUNDO y TERCERO. Las
listas citadas dentro de un considerando (1., 2.; a., b.) no son considerandos y no cuentan.`,
	Check: func(p *Pass) {
		a := p.Exp.Acuerdo
		if a == nil {
			return
		}
		for i, an := range a.Antecedentes {
			v := manuals.RomanValue(an.Romano)
			if v == 0 {
				p.Report(manuals.FileAcuerdo, an.Pos, "«%s» no es un número romano", an.Romano)
				return
			}
			if v != i+1 {
				p.Report(manuals.FileAcuerdo, an.Pos, "el antecedente %d está numerado «%s»; se esperaba «%s»", i+1, an.Romano, manuals.RomanNumeral(i+1))
				return
			}
		}
		want := 1
		for _, g := range a.Considerandos {
			for _, c := range g.Considerandos {
				if c.Numero != want {
					p.Report(manuals.FileAcuerdo, c.Pos,
						"el considerando está numerado %d; se esperaba %d (la numeración es corrida entre grupos)", c.Numero, want)
					return
				}
				want++
			}
		}
	},
})
