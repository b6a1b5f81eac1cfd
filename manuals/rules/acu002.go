package rules

import (
	"github.com/cipro-ine/mpp/manuals"
)

var _ = register(&Rule{
	ID: "ACU-002", Title: "Nombre del proceso idéntico en todo el acuerdo", Severity: Error,
	Basis: map[string]string{"*": "Certeza jurídica del acuerdo: el manual aprobado, su vigencia y su interpretación deben nombrar el mismo proceso"},
	Doc: `El nombre del proceso es el mismo en el título, en el considerando del proceso, en los puntos
de aprobación (PRIMERO) y de entrada en vigor (SEGUNDO) y en el punto de interpretación. En el
título (en mayúsculas) no cuentan mayúsculas ni acentos; en los demás lugares debe ser idéntico.`,
	Check: func(p *Pass) {
		a := p.Exp.Acuerdo
		if a == nil {
			return
		}
		ref, refWhere := a.Proceso.Nombre, "el considerando del proceso"
		titleNames := manuals.QuotedNames(a.Titulo)
		if ref == "" {
			if len(titleNames) == 0 {
				return
			}
			ref, refWhere = titleNames[0], "el título"
		}
		if a.Titulo != "" {
			switch {
			case len(titleNames) == 0:
				p.Report(manuals.FileAcuerdo, a.Pos.Key("titulo"), "el título no nombra el proceso entre comillas; se esperaba «%s»", ref)
			case !manuals.SameName(titleNames[0], ref):
				p.Report(manuals.FileAcuerdo, a.Pos.Key("titulo"), "el título nombra «%s», pero %s dice «%s»", titleNames[0], refWhere, ref)
			}
		}
		for _, k := range []manuals.PuntoKind{manuals.PuntoAprobacion, manuals.PuntoVigencia, manuals.PuntoInterpretacion} {
			pt := a.PuntoOfKind(k)
			if pt == nil {
				continue
			}
			names := manuals.QuotedNames(pt.Texto)
			switch {
			case len(names) == 0:
				p.Report(manuals.FileAcuerdo, pt.Pos, "el punto %s no nombra el proceso entre comillas; se esperaba “%s”", pt.Ordinal, ref)
			case names[0] != ref:
				p.Report(manuals.FileAcuerdo, pt.Pos, "el punto %s nombra “%s”, pero %s dice “%s”", pt.Ordinal, names[0], refWhere, ref)
			}
		}
	},
})
