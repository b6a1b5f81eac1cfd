// Package synth makes synthetic manuals for scale tests and benchmarks:
// deterministic from a seed, sized like the Institute's (1–4 subprocesos,
// 2–12 procedimientos per process, 8–30 activities each, roles, controls,
// risks), and valid against the Lineamientos rules. It is test and benchmark
// code, not a user command.
package synth

import (
	"fmt"
	"math/rand/v2"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/cipro-ine/mpp/manuals"
)

var (
	families = []string{"H", "S"} // the families the built-in profile knows
	verbs    = []string{"Recibe", "Revisa", "Valida", "Integra", "Elabora", "Registra", "Turna", "Publica", "Notifica", "Archiva", "Analiza", "Concilia"}
	objects  = []string{"la solicitud", "el expediente", "el informe", "la documentación soporte", "el oficio", "la propuesta", "el registro", "la evidencia", "el reporte", "el dictamen"}
	systems  = []string{"", "", "Correo institucional", "Gestor de Contenidos", "Sistema Integral de Gestión", "Repositorio documental"}
	puestos  = []string{"Jefatura de Departamento", "Subdirección", "Dirección de Área", "Analista", "Enlace administrativo", "Coordinación"}
	tipos    = []string{"preventivo", "detectivo", "correctivo"}
)

// Code is the process code of the i-th synthetic expediente (unique for
// i < 1782).
func Code(i int) manuals.Code {
	return manuals.Code(fmt.Sprintf("%s.%d.%02d", families[i%2], 1+(i/2)%9, 1+(i/18)%99))
}

// Manual returns the i-th synthetic manual of the series seeded by seed.
func Manual(seed uint64, i int) *manuals.Manual {
	r := rand.New(rand.NewPCG(seed, uint64(i)))
	code := Code(i)
	name := fmt.Sprintf("Proceso sintético %d", i+1)
	m := &manuals.Manual{
		DatosGenerales: manuals.GeneralData{
			Nombre: name, Codigo: code, Version: fmt.Sprintf("%d.0", 1+r.IntN(3)),
			Fecha:   manuals.Date{Year: 2020 + r.IntN(3), Month: time.Month(1 + r.IntN(12)), Day: 1 + r.IntN(28)},
			URDuena: "DEA", URsParticipantes: []string{"DEA", "UTSI"},
		},
		Objetivo:       fmt.Sprintf("Gestionar %s del %s para cumplir con la normatividad aplicable.", objects[r.IntN(len(objects))], name),
		Alcance:        "Aplica a la Dirección Ejecutiva de Administración y a las áreas que participan.",
		MarcoNormativo: []string{"Ley General de Instituciones y Procedimientos Electorales.", "Reglamento Interior del Instituto Nacional Electoral."},
		Glosario: []manuals.GlossaryEntry{
			{Sigla: "DEA", Definicion: "Dirección Ejecutiva de Administración"},
			{Sigla: "UTSI", Definicion: "Unidad Técnica de Servicios de Informática"},
		},
	}
	nroles := 3 + r.IntN(6)
	for k := 0; k < nroles; k++ {
		m.Roles = append(m.Roles, manuals.Role{
			Nombre: fmt.Sprintf("Rol %d de %s", k+1, code), Puesto: puestos[r.IntN(len(puestos))],
			UR: []string{"DEA", "UTSI"}[r.IntN(2)], Descripcion: "Participa en las actividades que se le asignan.",
		})
	}
	nsub := 1 + r.IntN(4)
	nproc := max(nsub, 2+r.IntN(11))
	perSub := make([]int, nsub)
	for k := 0; k < nproc; k++ {
		perSub[k%nsub]++
	}
	for s := 0; s < nsub; s++ {
		sc := manuals.Code(fmt.Sprintf("%s.%d", code, s+1))
		sub := manuals.Subprocess{Codigo: sc, Nombre: fmt.Sprintf("Subproceso %d del %s", s+1, name), Objetivo: "Coordinar las actividades del subproceso."}
		for p := 0; p < perSub[s]; p++ {
			sub.Procedimientos = append(sub.Procedimientos, procedure(r, manuals.Code(fmt.Sprintf("%s.%02d", sc, p+1)), m.Roles))
		}
		m.Subprocesos = append(m.Subprocesos, sub)
	}
	m.ControlCambios = []manuals.Change{{Version: m.DatosGenerales.Version, Fecha: m.DatosGenerales.Fecha, Descripcion: "Emisión del manual.", Responsable: "DEA"}}
	m.Firmas = manuals.ManualSignoff{
		Elaboro: []manuals.Signer{{Nombre: "Persona que elabora", Puesto: "Subdirección", Ilustrativo: true}},
		Reviso:  []manuals.Signer{{Nombre: "Persona que revisa", Puesto: "Coordinación de Innovación y Procesos", Ilustrativo: true}},
		Valido:  []manuals.Signer{{Nombre: "Persona que valida", Puesto: "Titular de la DEA", Ilustrativo: true}},
	}
	return m
}

func procedure(r *rand.Rand, code manuals.Code, roles []manuals.Role) manuals.Procedure {
	n := 8 + r.IntN(23)
	p := manuals.Procedure{
		Codigo: code, Nombre: fmt.Sprintf("Procedimiento %s", code),
		Objetivo:        fmt.Sprintf("Atender %s conforme a la normatividad.", objects[r.IntN(len(objects))]),
		Alcance:         "Desde la recepción hasta la conclusión.",
		ReglasOperacion: []string{"Las solicitudes se atienden en orden de recepción.", "Toda actividad deja evidencia documental."},
	}
	decision := 2 + r.IntN(n-3) // an activity with a rework loop back one step
	for a := 1; a <= n; a++ {
		act := manuals.Activity{
			Numero:      a,
			Descripcion: fmt.Sprintf("%s %s.", verbs[r.IntN(len(verbs))], objects[r.IntN(len(objects))]),
			Responsable: roles[r.IntN(len(roles))].Nombre,
			Insumos:     []string{cap(objects[r.IntN(len(objects))])},
			Salidas:     []string{cap(objects[r.IntN(len(objects))]) + " atendido"},
			Sistema:     systems[r.IntN(len(systems))],
		}
		if a == decision {
			act.Decision = &manuals.Decision{Pregunta: "¿Cumple con los requisitos?", Salidas: []manuals.Exit{
				{Condicion: "Sí", Siguiente: a + 1}, {Condicion: "No", Siguiente: a - 1}}}
		}
		if a == n {
			act.Fin = true
		}
		p.Actividades = append(p.Actividades, act)
	}
	nc := 1 + r.IntN(3)
	for c := 1; c <= nc; c++ {
		p.Controles = append(p.Controles, manuals.Control{ID: fmt.Sprintf("C%d", c), Descripcion: "Verificación de la información antes de continuar.", Tipo: tipos[r.IntN(3)], Actividad: 1 + r.IntN(n)})
	}
	nr := 1 + r.IntN(2)
	for k := 1; k <= nr; k++ {
		p.Riesgos = append(p.Riesgos, manuals.Risk{ID: fmt.Sprintf("R%d", k), Descripcion: "Que la información se entregue incompleta o fuera de plazo.",
			Impacto: 1 + r.IntN(5), Probabilidad: 1 + r.IntN(5), Controles: []string{fmt.Sprintf("C%d", 1+r.IntN(nc))}})
	}
	p.Indicadores = []manuals.Indicator{{Nombre: "Porcentaje de solicitudes atendidas en plazo", Formula: "(Atendidas en plazo / recibidas) × 100", Frecuencia: "Trimestral", Meta: "≥ 90 %"}}
	return p
}

func cap(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

// ManualWithActivities returns the first manual of the series seeded by
// seed with at least n activities, trimmed to exactly n (n ≥ 8 per
// procedure kept): the fixed-size input of the benchmarks.
func ManualWithActivities(seed uint64, n int) *manuals.Manual {
	for i := 0; ; i++ {
		m := Manual(seed, i)
		total := 0
		for _, p := range m.Procedures() {
			total += len(p.Actividades)
		}
		if total < n {
			continue
		}
		// Trim the last procedures' activities down to exactly n.
		extra := total - n
		for pi := len(m.Procedures()) - 1; extra > 0 && pi >= 0; pi-- {
			p := m.Procedures()[pi]
			cut := min(extra, len(p.Actividades)-8)
			p.Actividades = p.Actividades[:len(p.Actividades)-cut]
			last := &p.Actividades[len(p.Actividades)-1]
			last.Decision, last.Siguiente, last.Fin = nil, 0, true
			for k := range p.Actividades {
				if d := p.Actividades[k].Decision; d != nil {
					for x := range d.Salidas {
						if d.Salidas[x].Siguiente > len(p.Actividades) {
							d.Salidas[x].Siguiente = len(p.Actividades)
						}
					}
				}
			}
			extra -= cut
		}
		return m
	}
}

// SetActivities gives procedure p the activities acts, in that order, as an
// author editing the manual would: numbered 1…n, with every siguiente and
// decision exit following its activity to its new number. Activities new to
// p carry Numero 0; a reference to an activity no longer there goes to the
// next one that is, or ends the procedure.
func SetActivities(p *manuals.Procedure, acts []manuals.Activity) {
	renumber := map[int]int{}
	for i, a := range acts {
		if a.Numero > 0 {
			renumber[a.Numero] = i + 1
		}
	}
	target := func(old int) (int, bool) {
		for _, a := range p.Actividades { // the old order
			if a.Numero >= old {
				if n, ok := renumber[a.Numero]; ok {
					return n, false
				}
			}
		}
		return 0, true
	}
	out := make([]manuals.Activity, len(acts))
	for i, a := range acts {
		if a.Siguiente > 0 {
			a.Siguiente, a.Fin = target(a.Siguiente)
		}
		if a.Decision != nil {
			d := *a.Decision
			d.Salidas = append([]manuals.Exit(nil), d.Salidas...)
			for k := range d.Salidas {
				if e := &d.Salidas[k]; e.Siguiente > 0 {
					e.Siguiente, e.Fin = target(e.Siguiente)
				}
			}
			a.Decision = &d
		}
		out[i] = a
	}
	for i := range out {
		out[i].Numero = i + 1
	}
	p.Actividades = out
}

// Chain gives procedure p n activities in a chain, each a copy of its first
// with the next one as siguiente and the last ending: the long procedure of
// the scale benchmarks, built directly.
func Chain(p *manuals.Procedure, n int) {
	base := p.Actividades[0]
	acts := make([]manuals.Activity, n)
	for i := range acts {
		a := base
		a.Decision, a.Numero, a.Siguiente, a.Fin = nil, i+1, i+2, false
		if i == n-1 {
			a.Siguiente, a.Fin = 0, true
		}
		acts[i] = a
	}
	p.Actividades = acts
}
