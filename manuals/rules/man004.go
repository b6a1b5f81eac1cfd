package rules

import (
	"fmt"

	"github.com/cipro-ine/mpp/manuals"
)

var _ = register(&Rule{
	ID: "MAN-004", Title: "Responsable de cada actividad declarado en el catálogo de roles", Severity: Error,
	Basis: map[string]string{
		"2020": "Lineamientos 2020 (contenido del manual: actividades con su responsable)",
		"2022": "Acuerdo Tercero del Modelo de 24 de noviembre de 2022: los manuales consideran la integración de los puestos/roles",
	},
	Doc: `El responsable de cada actividad es un rol del catálogo de roles/puestos del manual, escrito
igual.`,
	Check: func(p *Pass) {
		m := p.Exp.Manual
		if m == nil {
			return
		}
		eachProcedure(m, func(pr *manuals.Procedure) {
			for _, a := range pr.Actividades {
				if m.Role(a.Responsable) != nil {
					continue
				}
				hint := ""
				for _, r := range m.Roles {
					if manuals.SameName(r.Nombre, a.Responsable) {
						hint = fmt.Sprintf("; ¿quiso decir «%s»?", r.Nombre)
					}
				}
				p.Report(manuals.FileManual, a.Pos, "la actividad %d de %s tiene como responsable «%s», que no está en el catálogo de roles%s", a.Numero, pr.Codigo, a.Responsable, hint)
			}
		})
	},
})
