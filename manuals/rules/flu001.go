package rules

import (
	"github.com/cipro-ine/mpp/manuals"
)

var _ = register(&Rule{
	ID: "FLU-001", Title: "Orden de las etapas", Severity: Error,
	Basis: map[string]string{
		"2020": "Lineamientos 2020, art. 11, apartados 11.2 (dictaminación) y 11.3 (aprobación)",
		"2022": "Lineamientos 2022, arts. 7 (dictaminación) y 8 (certificación y aprobación)",
	},
	Doc: `Las etapas ocurren en orden: se atienden las observaciones de la CIPro, después se emite el
dictamen técnico, después la Dirección Jurídica certifica y después sesiona la Junta. Cada fecha
es igual o posterior a la de la etapa anterior.`,
	Check: func(p *Pass) {
		e := p.Exp
		type stage struct {
			name string
			date manuals.Date
			file string
			pos  manuals.Pos
		}
		var st []stage
		if d := e.Dictamen; d != nil {
			for _, r := range d.Rondas {
				last := r.Fecha
				if !r.FechaAtencion.IsZero() {
					last = r.FechaAtencion
				}
				if !last.IsZero() {
					st = append(st, stage{"la atención de la ronda de observaciones " + itoa(r.Numero), last, manuals.FileDictamen, r.Pos})
				}
			}
			st = append(st, stage{"el dictamen técnico", d.Fecha, manuals.FileDictamen, d.Pos.Key("fecha")})
		}
		if c := e.Certificacion; c != nil {
			st = append(st, stage{"la certificación de la DJ", c.Fecha, manuals.FileCertificacion, c.Pos.Key("fecha")})
		}
		if a := e.Acuerdo; a != nil && !a.Sesion.Fecha.IsZero() {
			st = append(st, stage{"la sesión de la Junta", a.Sesion.Fecha, manuals.FileAcuerdo, a.Sesion.Pos.Key("fecha")})
		}
		for i := 1; i < len(st); i++ {
			prev, cur := st[i-1], st[i]
			if cur.date.IsZero() || prev.date.IsZero() {
				continue
			}
			if cur.date.Before(prev.date) {
				// The later stage's date is usually the fixed one (a session
				// held), so the earlier stage is the one out of place.
				p.Report(prev.file, prev.pos, "%s (%s) es posterior a %s (%s)", prev.name, prev.date.Long(), cur.name, cur.date.Long())
			}
		}
	},
})
