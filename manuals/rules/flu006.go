package rules

import (
	"github.com/cipro-ine/mpp/manuals"
	"github.com/cipro-ine/mpp/manuals/canon"
)

var _ = register(&Rule{
	ID: "FLU-006", Title: "Lo certificado no cambió después de certificarse", Severity: Error,
	Basis: map[string]string{
		"2020": "Lineamientos 2020, art. 11, apartado 11.3: se somete a la Junta el proyecto de acuerdo que certificó la Dirección Jurídica",
		"2022": "Lineamientos 2022, art. 8, numerales 1 y 2: se someten a la Junta el proyecto de acuerdo y el proyecto de Manual que certificó la Dirección Jurídica",
	},
	Doc: `Si la certificación registra huellas, el acuerdo y el manual actuales tienen esas mismas huellas:
nada de lo que un lector ve cambió después de certificarse. «mpp verificar» dice qué campos
cambiaron.`,
	Check: func(p *Pass) {
		c := p.Exp.Certificacion
		if c == nil {
			return
		}
		for _, h := range c.Huellas {
			form, err := canon.Form(p.Exp, h.Documento)
			if err != nil || form == nil {
				continue
			}
			if now := canon.Fingerprint(form); now != h.SHA256 {
				p.Report(manuals.FileCertificacion, h.Pos,
					"el %s cambió después de certificarse (huella certificada %.19s…, actual %.19s…); «mpp verificar» dice qué cambió", h.Documento, h.SHA256, now)
			}
		}
	},
})
