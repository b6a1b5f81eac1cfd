package rules

import (
	"github.com/cipro-ine/mpp/manuals"
)

var _ = register(&Rule{
	ID: "ACU-014", Title: "Un párrafo de objetivo por procedimiento", Severity: Error,
	Basis: map[string]string{"*": "Congruencia interna del considerando del proceso"},
	Doc: `Cada procedimiento de la tabla tiene exactamente un párrafo «El procedimiento <código> <nombre>,
tiene como objetivo …», con el mismo nombre que en la tabla (sin contar mayúsculas, acentos ni el
punto final); y no hay párrafos de objetivo de procedimientos que la tabla no lista.`,
	Check: func(p *Pass) {
		a := p.Exp.Acuerdo
		if a == nil {
			return
		}
		pr := a.Proceso
		byCode := map[manuals.Code][]int{}
		for i, o := range pr.Objetivos {
			byCode[o.Codigo] = append(byCode[o.Codigo], i)
		}
		listed := map[manuals.Code]bool{}
		for _, s := range pr.Subprocesos {
			for _, lp := range s.Procedimientos {
				listed[lp.Codigo] = true
				objs := byCode[lp.Codigo]
				switch {
				case len(objs) == 0:
					p.Report(manuals.FileAcuerdo, lp.Pos, "el procedimiento %s %s no tiene párrafo de objetivo", lp.Codigo, lp.Nombre)
				case len(objs) > 1:
					second := pr.Objetivos[objs[1]]
					p.Report(manuals.FileAcuerdo, second.Pos, "el procedimiento %s tiene %d párrafos de objetivo; debe tener uno", lp.Codigo, len(objs))
				default:
					o := pr.Objetivos[objs[0]]
					if !manuals.SameName(o.Nombre, lp.Nombre) {
						p.Report(manuals.FileAcuerdo, o.Pos, "el párrafo de objetivo de %s lo llama «%s», pero la tabla lo llama «%s»", lp.Codigo, o.Nombre, lp.Nombre)
					}
					if o.Objetivo == "" {
						p.Report(manuals.FileAcuerdo, o.Pos, "el párrafo de objetivo de %s no dice el objetivo", lp.Codigo)
					}
				}
			}
		}
		for _, o := range pr.Objetivos {
			if !listed[o.Codigo] {
				p.Report(manuals.FileAcuerdo, o.Pos, "hay párrafo de objetivo para %s %s, pero la tabla no lista ese procedimiento", o.Codigo, o.Nombre)
			}
		}
	},
})
