package rules

import (
	"strings"

	"github.com/cipro-ine/mpp/manuals"
)

var _ = register(&Rule{
	ID: "ACU-006", Title: "Sigla usada sin definir en el glosario", Severity: Warning,
	Basis: map[string]string{"*": "Claridad del acuerdo: toda sigla que se usa se define en el glosario"},
	Doc: `Toda palabra que se lee como sigla (dos o más mayúsculas: SE, JGE, UTTyPDP) y aparece en
antecedentes, considerandos o puntos de acuerdo está definida en el glosario. No cuentan los
números romanos, los ordinales ni los identificadores (INE/JGE91/2020, G160910). Una variante
de mayúsculas de una sigla definida la señala ACU-008, no esta regla.`,
	Check: func(p *Pass) {
		a := p.Exp.Acuerdo
		if a == nil {
			return
		}
		checkUndefinedSiglas(p, manuals.FileAcuerdo, a.Glosario, acuerdoBody(a))
	},
})

// checkUndefinedSiglas reports, once per sigla, siglas used in body that the
// glosario does not define (ACU-006 and MAN-011 share it).
func checkUndefinedSiglas(p *Pass, file string, glosario []manuals.GlossaryEntry, body []passage) {
	defined := map[string]bool{}
	for _, g := range glosario {
		for _, t := range g.Terms() {
			defined[manuals.Fold(t)] = true
		}
	}
	type use struct {
		first  *passage
		count  int
		places []string
	}
	uses := map[string]*use{}
	var order []string
	for _, o := range siglaUses(body) {
		if defined[manuals.Fold(o.Word)] || p.Profile.IsProperName(o.Word) {
			continue
		}
		u := uses[o.Word]
		if u == nil {
			u = &use{first: o.Passage}
			uses[o.Word] = u
			order = append(order, o.Word)
		}
		u.count++
		if n := len(u.places); n == 0 || u.places[n-1] != o.Passage.Label {
			u.places = append(u.places, o.Passage.Label)
		}
	}
	for _, w := range order {
		u := uses[w]
		places := u.places
		more := ""
		if len(places) > 3 {
			more = " y otros"
			places = places[:3]
		}
		p.Report(file, u.first.Pos, "la sigla «%s» se usa %s (%s%s) y no está en el glosario", w, veces(u.count), strings.Join(places, ", "), more)
	}
}
