package rules

import (
	"strconv"
	"strings"

	"github.com/cipro-ine/mpp/manuals"
)

var _ = register(&Rule{
	ID: "FLU-005", Title: "Alcance de la certificación según el régimen", Severity: Error, Document: manuals.FileCertificacion,
	Basis: map[string]string{
		"2020": "Lineamientos 2020, art. 11, apartado 11.3: certificación del contenido jurídico del proyecto de acuerdo",
		"2022": "Lineamientos 2022, art. 8, numeral 1: certificación del contenido jurídico del proyecto de acuerdo y del proyecto de Manual",
	},
	Doc: `La certificación de la Dirección Jurídica cubre lo que exige el régimen vigente en su propia
fecha, o el que nombra en «regimen» (perfil: certificacion): en 2020 el proyecto de acuerdo; desde el 24 de noviembre de 2022 el proyecto de
acuerdo y el proyecto de manual.`,
	Check: func(p *Pass) {
		c := p.Exp.Certificacion
		if c == nil {
			return
		}
		var missing []string
		for _, doc := range p.Certificacion.Certificacion {
			if !c.Covers(doc) {
				missing = append(missing, doc)
			}
		}
		if len(missing) > 0 {
			p.Report(manuals.FileCertificacion, c.Pos.Key("alcance"), "según el régimen %s, la certificación debe cubrir también: %s", p.Certificacion.ID, strings.Join(missing, ", "))
		}
	},
})

func itoa(n int) string { return strconv.Itoa(n) }
