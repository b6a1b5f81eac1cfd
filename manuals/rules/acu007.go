package rules

import (
	"strings"

	"github.com/cipro-ine/mpp/manuals"
)

var _ = register(&Rule{
	ID: "ACU-007", Title: "Entrada del glosario que no se usa", Severity: Warning,
	Basis: map[string]string{"*": "Claridad del acuerdo: el glosario define solo lo que el acuerdo usa"},
	Doc: `Cada entrada del glosario se usa al menos una vez en antecedentes, considerandos o puntos de
acuerdo. Una entrada con alternativas (INE/Instituto) se usa si se usa cualquiera de ellas. El
término se busca como palabra completa y respetando mayúsculas («Modelo», no «modelo»).`,
	Check: func(p *Pass) {
		a := p.Exp.Acuerdo
		if a == nil {
			return
		}
		checkUnusedGlossary(p, manuals.FileAcuerdo, a.Glosario, acuerdoBody(a))
	},
})

func checkUnusedGlossary(p *Pass, file string, glosario []manuals.GlossaryEntry, body []passage) {
	texts := make([]string, len(body))
	for i, ps := range body {
		texts[i] = manuals.BlankRefs(ps.Text)
	}
	for _, g := range glosario {
		used := false
		for _, t := range g.Terms() {
			for _, tx := range texts {
				if containsTerm(tx, t) {
					used = true
					break
				}
			}
			if used {
				break
			}
		}
		if !used {
			p.Report(file, g.Pos, "«%s» está en el glosario («%s») pero no se usa", g.Sigla, strings.TrimRight(g.Definicion, ". "))
		}
	}
}
