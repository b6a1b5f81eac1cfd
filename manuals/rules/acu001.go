package rules

import (
	"regexp"
	"strconv"

	"github.com/cipro-ine/mpp/manuals"
)

var acuerdoCode = regexp.MustCompile(`^INE/JGE(\d+)/(\d{4})$`)

var _ = register(&Rule{
	ID: "ACU-001", Title: "Identificador del acuerdo", Severity: Error,
	Basis: map[string]string{"*": "Práctica de numeración de los acuerdos de la Junta General Ejecutiva (INE/JGE<número>/<año>)"},
	Doc: `El identificador del acuerdo tiene la forma INE/JGE<número>/<año>, p. ej. INE/JGE248/2022,
y el año es el de la sesión en que se aprueba.`,
	Check: func(p *Pass) {
		a := p.Exp.Acuerdo
		if a == nil {
			return
		}
		m := acuerdoCode.FindStringSubmatch(a.Codigo)
		if m == nil {
			p.Report(manuals.FileAcuerdo, a.Pos.Key("codigo"), "el identificador «%s» no tiene la forma INE/JGE<número>/<año> (p. ej. INE/JGE248/2022)", a.Codigo)
			return
		}
		year, _ := strconv.Atoi(m[2])
		if !a.Sesion.Fecha.IsZero() && year != a.Sesion.Fecha.Year {
			p.Report(manuals.FileAcuerdo, a.Pos.Key("codigo"), "el identificador «%s» es de %d, pero la sesión es del %s", a.Codigo, year, a.Sesion.Fecha.Long())
		}
	},
})
