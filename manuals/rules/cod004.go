package rules

import (
	"strings"
)

var _ = register(&Rule{
	ID: "COD-004", Title: "Letra de familia conocida", Severity: Warning,
	Basis: map[string]string{"*": "Mapa de procesos del Instituto (familias del perfil)"},
	Doc: `La letra inicial de un código de proceso es una familia del mapa de procesos que el perfil
conoce. El perfil incorporado lista solo las familias que constan en acuerdos aprobados; complete
la lista con --perfil.`,
	Check: func(p *Pass) {
		refs, _ := expedienteCodes(p.Exp)
		for _, r := range refs {
			if r.Level != 3 || r.Code == "" {
				continue
			}
			if !p.Profile.HasFamily(r.Code.Family()) {
				var known []string
				for _, f := range p.Profile.Familias {
					known = append(known, f.Letra)
				}
				p.Report(r.File, r.Pos, "la familia «%s» del código %s no está en el perfil (conocidas: %s)", r.Code.Family(), r.Code, strings.Join(known, ", "))
			}
		}
	},
})
