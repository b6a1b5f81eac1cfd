package rules

import (
	"github.com/cipro-ine/mpp/manuals"
)

var _ = register(&Rule{
	ID: "XDOC-002", Title: "Ningún documento cita lineamientos posteriores a su fecha", Severity: Error,
	Basis: map[string]string{"*": "CPEUM, art. 14 (irretroactividad): un acto se rige por las normas vigentes en su fecha; INE/JGE248/2022, considerando 19 (régimen transitorio)"},
	Doc: `El dictamen técnico y la certificación se emiten conforme al régimen de los Lineamientos vigente
en su propia fecha. Si «regimen» nombra uno, debe existir en el perfil y haber entrado en vigor a
más tardar en la fecha del documento: un dictamen del 15 de noviembre de 2022 no puede fundarse en
la modificación aprobada el 24 de noviembre de 2022.`,
	Check: func(p *Pass) {
		check := func(file, what, named string, date manuals.Date, pos manuals.Pos) {
			if named == "" {
				return
			}
			r := p.Profile.Regime(named)
			switch {
			case r == nil:
				p.Report(file, pos, "%s se emite conforme al régimen «%s», que el perfil no conoce", what, named)
			case !date.IsZero() && r.Desde.After(date):
				p.Report(file, pos, "%s, del %s, se funda en el régimen %s (%s), que rige desde el %s: cita normas posteriores a su fecha; rige el %s",
					what, date.Long(), r.ID, r.Nombre, r.Desde.Long(), p.Profile.RegimeAt(date).ID)
			}
		}
		if d := p.Exp.Dictamen; d != nil {
			check(manuals.FileDictamen, "el dictamen", d.Regimen, d.Fecha, d.Pos.Key("regimen"))
		}
		if c := p.Exp.Certificacion; c != nil {
			check(manuals.FileCertificacion, "la certificación", c.Regimen, c.Fecha, c.Pos.Key("regimen"))
		}
	},
})
