package rules

import (
	"github.com/cipro-ine/mpp/manuals"
)

var _ = register(&Rule{
	ID: "ACU-008", Title: "Sigla escrita de dos maneras", Severity: Warning,
	Basis: map[string]string{"*": "Claridad del acuerdo: una sigla se escribe siempre igual"},
	Doc: `Una misma sigla no se escribe con mayúsculas distintas (UTTyPDP y UTTYPDP). La forma del
glosario es la correcta; sin glosario, la más frecuente. Se señala la primera aparición de cada
variante.`,
	Check: func(p *Pass) {
		a := p.Exp.Acuerdo
		if a == nil {
			return
		}
		checkSiglaVariants(p, manuals.FileAcuerdo, a.Glosario, acuerdoBody(a))
	},
})

func checkSiglaVariants(p *Pass, file string, glosario []manuals.GlossaryEntry, body []passage) {
	glosarioForm := map[string]string{} // folded -> spelling
	for _, g := range glosario {
		for _, t := range g.Terms() {
			if manuals.LooksLikeSigla(t) {
				glosarioForm[manuals.Fold(t)] = t
			}
		}
	}
	uses := siglaUses(body)
	// Per folded key, each spelling in the order first seen, and its count;
	// the first seen wins ties.
	counts := map[string]map[string]int{}
	spellings := map[string][]string{}
	keys := make([]string, len(uses))
	for i, o := range uses {
		k := manuals.Fold(o.Word)
		keys[i] = k
		if counts[k] == nil {
			counts[k] = map[string]int{}
		}
		if counts[k][o.Word] == 0 {
			spellings[k] = append(spellings[k], o.Word)
		}
		counts[k][o.Word]++
	}
	reference := func(k string) (string, string) {
		if g, ok := glosarioForm[k]; ok {
			return g, "la forma del glosario"
		}
		best := ""
		for _, w := range spellings[k] {
			if best == "" || counts[k][w] > counts[k][best] {
				best = w
			}
		}
		return best, "la forma más frecuente"
	}
	reported := map[string]bool{}
	for i, o := range uses {
		ref, src := reference(keys[i])
		if o.Word == ref || reported[o.Word] {
			continue
		}
		reported[o.Word] = true
		p.Report(file, o.Passage.Pos, "en %s se escribe «%s», pero %s es «%s»", o.Passage.Label, o.Word, src, ref)
	}
}
