package rules

import (
	"github.com/cipro-ine/mpp/manuals"
)

var _ = register(&Rule{
	ID: "PER-001", Title: "El perfil no cubre la fecha de la sesión", Severity: Info,
	Basis: map[string]string{"*": "Perfil institucional de mpp (--perfil)"},
	Doc: `El perfil institucional no tiene la integración de la Junta General Ejecutiva para la fecha de
la sesión, así que ACU-022 no pudo comprobar la votación. Añada el periodo al perfil
(mpp perfil > perfil.yaml; mpp validate --perfil perfil.yaml …).`,
	Check: func(p *Pass) {
		a := p.Exp.Acuerdo
		if a == nil || a.Sesion.Fecha.IsZero() {
			return
		}
		if p.Profile.CompositionAt(a.Sesion.Fecha) == nil {
			p.Report(manuals.FileAcuerdo, a.Sesion.Pos.Key("fecha"), "el perfil no tiene la integración de la Junta al %s; no se comprobó la votación (ACU-022)", a.Sesion.Fecha.Long())
		}
	},
})
