package rules

import (
	"strings"

	"github.com/cipro-ine/mpp/manuals"
)

var _ = register(&Rule{
	ID: "ACU-022", Title: "Votantes y ausentes son la Junta completa", Severity: Error,
	Basis: map[string]string{"*": "LGIPE, art. 47; RIINE, art. 39, párrafos 1 y 2 (integración de la Junta General Ejecutiva)"},
	Doc: `Quienes votan y quienes se registran como ausentes son, juntos, los integrantes de la Junta
General Ejecutiva a la fecha de la sesión, cada cargo una sola vez, con el nombre de su titular
según el perfil. Si el perfil no tiene la integración de esa fecha, lo informa PER-001.`,
	Check: func(p *Pass) {
		a := p.Exp.Acuerdo
		if a == nil || a.Sesion.Fecha.IsZero() {
			return
		}
		v := a.Votacion
		if len(v.AFavor)+len(v.EnContra)+len(v.Ausentes) == 0 {
			return
		}
		comp := p.Profile.CompositionAt(a.Sesion.Fecha)
		if comp == nil {
			return
		}
		holder := map[string]string{}
		for _, m := range comp.Miembros {
			holder[m.Cargo] = m.Nombre
		}
		seen := map[string]bool{}
		check := func(vt manuals.Voter) {
			if _, ok := holder[vt.Cargo]; !ok {
				p.Report(manuals.FileAcuerdo, vt.Pos, "«%s» no es un cargo de la Junta General Ejecutiva en el perfil", vt.Cargo)
				return
			}
			if seen[vt.Cargo] {
				p.Report(manuals.FileAcuerdo, vt.Pos, "el cargo %s aparece dos veces en la votación", vt.Cargo)
				return
			}
			seen[vt.Cargo] = true
			if want := holder[vt.Cargo]; vt.Nombre != "" && want != "" && !manuals.SameName(vt.Nombre, want) {
				p.Report(manuals.FileAcuerdo, vt.Pos, "el titular de %s el %s es %s según el perfil, no %s", vt.Cargo, a.Sesion.Fecha.Long(), want, vt.Nombre)
			}
		}
		for _, x := range v.AFavor {
			check(x)
		}
		for _, x := range v.EnContra {
			check(x)
		}
		for _, x := range v.Ausentes {
			check(x.Voter)
		}
		var missing []string
		for _, m := range comp.Miembros {
			if !seen[m.Cargo] {
				missing = append(missing, m.Cargo)
			}
		}
		if len(missing) > 0 {
			p.Report(manuals.FileAcuerdo, a.Pos.Key("votacion"), "la votación no da cuenta de %s: cada integrante de la Junta vota o se registra como ausente", strings.Join(missing, ", "))
		}
		if v.Tipo == "unanime" && len(v.EnContra) > 0 {
			p.Report(manuals.FileAcuerdo, a.Pos.Key("votacion"), "la votación se declara unánime pero registra %d votos en contra", len(v.EnContra))
		}
	},
})
