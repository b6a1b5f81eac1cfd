package rules

import (
	"strings"

	"github.com/cipro-ine/mpp/manuals"
)

var _ = register(&Rule{
	ID: "FLU-003", Title: "Firmantes del dictamen según el régimen", Severity: Error, Document: manuals.FileDictamen,
	Basis: map[string]string{
		"2020": "Lineamientos 2020, art. 11, apartado 11.2, numeral 3: firma electrónicamente el titular de la DEA",
		"2022": "Lineamientos 2022, art. 7, numeral 3: firman las personas titulares de la Subdirección de Procesos y Control Interno, la CIPro y la DEA, y la Subdirección de Innovación si hay mejora en el proceso",
	},
	Doc: `El dictamen técnico lo firman los cargos que exige el régimen vigente en la fecha del propio
dictamen, o el que nombra en «regimen» (perfil: firmantes_dictamen): en 2020 el titular de la DEA; desde el 24 de noviembre de 2022 la
Subdirección de Procesos y Control Interno, la CIPro y la DEA, más la Subdirección de Innovación
cuando el dictamen registra una mejora en el proceso.`,
	Check: func(p *Pass) {
		d := p.Exp.Dictamen
		if d == nil {
			return
		}
		want := append([]string(nil), p.Dictamen.FirmantesDictamen...)
		if d.Mejora && p.Dictamen.FirmanteSiMejora != "" {
			want = append(want, p.Dictamen.FirmanteSiMejora)
		}
		have := map[string]bool{}
		for _, f := range d.Firmantes {
			have[f.Cargo] = true
		}
		var missing []string
		for _, k := range want {
			if !have[k] {
				name := k
				if o := p.Profile.DictamenOffice(k); o != nil {
					name = o.Nombre + " (" + k + ")"
				}
				missing = append(missing, name)
			}
		}
		if len(missing) > 0 {
			p.Report(manuals.FileDictamen, d.Pos.Key("firmantes"), "según el régimen %s, falta la firma de: %s", p.Dictamen.ID, strings.Join(missing, "; "))
		}
	},
})
