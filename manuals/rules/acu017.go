package rules

import (
	"github.com/cipro-ine/mpp/manuals"
)

var _ = register(&Rule{
	ID: "ACU-017", Title: "Puntos de acuerdo obligatorios y ordinales consecutivos", Severity: Error,
	Basis: map[string]string{"*": "Estructura de los acuerdos de aprobación de manuales de la Junta General Ejecutiva"},
	Doc: `El acuerdo contiene los puntos de aprobación del manual («Se aprueba…»), entrada en vigor al
día siguiente («entrará en vigor al día siguiente…»), derogación («quedarán sin efecto…»),
instrucción a la DEA («Se instruye a la Dirección Ejecutiva de Administración…»), interpretación
(«La interpretación…») y publicación («Publíquese…»). Los ordinales son consecutivos desde
PRIMERO (…, DÉCIMO, DÉCIMO PRIMERO, …).`,
	Check: func(p *Pass) {
		a := p.Exp.Acuerdo
		if a == nil {
			return
		}
		for i, pt := range a.Puntos {
			v := manuals.OrdinalValue(pt.Ordinal)
			if v == 0 {
				p.Report(manuals.FileAcuerdo, pt.Pos, "«%s» no es un ordinal (PRIMERO, SEGUNDO, …)", pt.Ordinal)
				break
			}
			if v != i+1 {
				p.Report(manuals.FileAcuerdo, pt.Pos, "el punto %d tiene el ordinal «%s»; se esperaba «%s»", i+1, pt.Ordinal, manuals.OrdinalName(i+1))
				break
			}
		}
		if len(a.Puntos) == 0 {
			p.Report(manuals.FileAcuerdo, a.Pos, "el acuerdo no tiene puntos de acuerdo")
			return
		}
		at := a.Puntos[len(a.Puntos)-1].Pos
		for _, k := range manuals.PuntoKinds {
			if a.PuntoOfKind(k.Kind) == nil {
				p.Report(manuals.FileAcuerdo, at, "falta el punto de acuerdo de %s", k.Label)
			}
		}
		if pt := a.PuntoOfKind(manuals.PuntoVigencia); pt != nil && !containsFold(pt.Texto, "al dia siguiente") {
			p.Report(manuals.FileAcuerdo, pt.Pos, "el punto %s no establece la entrada en vigor «al día siguiente de su aprobación»", pt.Ordinal)
		}
	},
})
