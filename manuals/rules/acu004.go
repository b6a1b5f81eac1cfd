package rules

import (
	"github.com/cipro-ine/mpp/manuals"
)

var _ = register(&Rule{
	ID: "ACU-004", Title: "Grupos de considerandos", Severity: Error,
	Basis: map[string]string{"*": "Estructura de los acuerdos de aprobación de manuales: PRIMERO. Competencia; SEGUNDO. Disposiciones normativas que sustentan la determinación; TERCERO. Exposición de motivos que sustentan la determinación"},
	Doc: `Los considerandos se agrupan como indica el perfil (por omisión: PRIMERO. Competencia.;
SEGUNDO. Disposiciones normativas que sustentan la determinación.; TERCERO. Exposición de
motivos que sustentan la determinación.), en ese orden. Mayúsculas, acentos y el punto final
del título no cuentan.`,
	Check: func(p *Pass) {
		a := p.Exp.Acuerdo
		if a == nil || len(a.Considerandos) == 0 {
			return
		}
		want := p.Profile.GruposConsiderandos
		for i, g := range a.Considerandos {
			if i >= len(want) {
				p.Report(manuals.FileAcuerdo, g.Pos, "grupo de considerandos «%s» de más: se esperan %d grupos", g.Ordinal, len(want))
				continue
			}
			w := want[i]
			if !manuals.SameName(g.Ordinal, w.Ordinal) {
				p.Report(manuals.FileAcuerdo, g.Pos, "el grupo %d de considerandos es «%s»; se esperaba «%s. %s»", i+1, g.Ordinal, w.Ordinal, w.Titulo)
			} else if !manuals.SameName(g.Titulo, w.Titulo) {
				p.Report(manuals.FileAcuerdo, g.Pos, "el grupo %s se titula «%s»; se esperaba «%s»", g.Ordinal, g.Titulo, w.Titulo)
			}
		}
		for i := len(a.Considerandos); i < len(want); i++ {
			last := a.Considerandos[len(a.Considerandos)-1]
			p.Report(manuals.FileAcuerdo, last.Pos, "falta el grupo de considerandos «%s. %s»", want[i].Ordinal, want[i].Titulo)
		}
	},
})
