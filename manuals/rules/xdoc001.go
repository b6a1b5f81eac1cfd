package rules

import (
	"github.com/cipro-ine/mpp/manuals"
)

var _ = register(&Rule{
	ID: "XDOC-001", Title: "El acuerdo y el manual coinciden", Severity: Error,
	Basis: map[string]string{"*": "El acuerdo aprueba el manual anexo: lo que describe el acuerdo es lo que contiene el manual"},
	Doc: `El manual y el considerando del proceso del acuerdo coinciden en el código, el nombre, la UR
dueña y el objetivo del proceso; en los subprocesos (código y nombre); y en los procedimientos
(código, nombre y objetivo). Mayúsculas, acentos, espacios y el punto final no cuentan.`,
	Check: func(p *Pass) {
		m, a := p.Exp.Manual, p.Exp.Acuerdo
		if m == nil || a == nil || a.Proceso.Codigo == "" {
			return
		}
		pr, dg := a.Proceso, m.DatosGenerales
		rep := func(pos manuals.Pos, format string, args ...any) {
			p.Report(manuals.FileManual, pos, format, args...)
		}
		if dg.Codigo != pr.Codigo {
			rep(dg.Pos.Key("codigo"), "el manual tiene el código %s y el acuerdo aprueba el proceso %s", dg.Codigo, pr.Codigo)
		}
		if !manuals.SameName(dg.Nombre, pr.Nombre) {
			rep(dg.Pos.Key("nombre"), "el manual se llama «%s» y el acuerdo aprueba «%s»", dg.Nombre, pr.Nombre)
		}
		if pr.UR != "" && dg.URDuena != "" && dg.URDuena != pr.UR {
			rep(dg.Pos.Key("ur_duena"), "la UR dueña del manual es %s y el acuerdo dice que el proceso lo ejecuta %s", dg.URDuena, pr.UR)
		}
		if pr.Objetivo != "" && !manuals.SameName(m.Objetivo, pr.Objetivo) {
			rep(m.Pos.Key("objetivo"), "el objetivo del proceso en el manual difiere del que da el acuerdo")
		}
		objectives := map[manuals.Code]string{}
		for _, o := range pr.Objetivos {
			objectives[o.Codigo] = o.Objetivo
		}
		manualSubs := map[manuals.Code]*manuals.Subprocess{}
		for i := range m.Subprocesos {
			manualSubs[m.Subprocesos[i].Codigo] = &m.Subprocesos[i]
		}
		listedProcs := map[manuals.Code]bool{}
		for _, ls := range pr.Subprocesos {
			ms := manualSubs[ls.Codigo]
			if ms == nil {
				rep(m.Pos.Key("subprocesos"), "el acuerdo lista el subproceso %s %s, que el manual no tiene", ls.Codigo, ls.Nombre)
				continue
			}
			if !manuals.SameName(ms.Nombre, ls.Nombre) {
				rep(ms.Pos.Key("nombre"), "el subproceso %s se llama «%s» en el manual y «%s» en el acuerdo", ls.Codigo, ms.Nombre, ls.Nombre)
			}
			procs := map[manuals.Code]*manuals.Procedure{}
			for i := range ms.Procedimientos {
				procs[ms.Procedimientos[i].Codigo] = &ms.Procedimientos[i]
			}
			for _, lp := range ls.Procedimientos {
				listedProcs[lp.Codigo] = true
				mp := procs[lp.Codigo]
				if mp == nil {
					rep(ms.Pos.Key("procedimientos"), "el acuerdo lista el procedimiento %s %s, que el manual no tiene", lp.Codigo, lp.Nombre)
					continue
				}
				if !manuals.SameName(mp.Nombre, lp.Nombre) {
					rep(mp.Pos.Key("nombre"), "el procedimiento %s se llama «%s» en el manual y «%s» en el acuerdo", lp.Codigo, mp.Nombre, lp.Nombre)
				}
				if o, ok := objectives[lp.Codigo]; ok && o != "" && !manuals.SameName(mp.Objetivo, o) {
					rep(mp.Pos.Key("objetivo"), "el objetivo del procedimiento %s en el manual difiere del que da el acuerdo", lp.Codigo)
				}
			}
		}
		listedSubs := map[manuals.Code]bool{}
		for _, ls := range pr.Subprocesos {
			listedSubs[ls.Codigo] = true
		}
		for _, ms := range m.Subprocesos {
			if !listedSubs[ms.Codigo] {
				rep(ms.Pos, "el manual tiene el subproceso %s, que el acuerdo no lista", ms.Codigo)
				continue
			}
			for _, mp := range ms.Procedimientos {
				if !listedProcs[mp.Codigo] {
					rep(mp.Pos, "el manual tiene el procedimiento %s, que el acuerdo no lista", mp.Codigo)
				}
			}
		}
	},
})
