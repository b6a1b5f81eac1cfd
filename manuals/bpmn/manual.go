package bpmn

import (
	"fmt"
	"strings"

	"github.com/cipro-ine/mpp/manuals"
)

// Manual builds a new manual from what the file holds: its procedures under
// their subprocesos (as the file names them, else by the code's parent), its
// lanes as the role catalog, its notes as notas. What BPMN does not carry
// (datos generales beyond code and name, glosario, firmas) is left for the
// staff to fill, and validation says so.
func (r *Result) Manual(source string) *manuals.Manual {
	m := &manuals.Manual{Roles: append([]manuals.Role(nil), r.Roles...)}
	m.DatosGenerales.Codigo = r.Codigo
	m.DatosGenerales.Nombre = r.Nombre
	for i, p := range r.Procedures {
		sp := r.Subprocesses[i]
		if sp.Codigo == "" {
			sp.Codigo = p.Codigo.Parent()
		}
		if m.DatosGenerales.Codigo == "" {
			m.DatosGenerales.Codigo = sp.Codigo.Parent()
		}
		k := -1
		for j := range m.Subprocesos {
			if m.Subprocesos[j].Codigo == sp.Codigo {
				k = j
			}
		}
		if k < 0 {
			if sp.Nombre == "" {
				sp.Nombre = "Subproceso " + string(sp.Codigo)
				r.Notes = append(r.Notes, Note{Text: fmt.Sprintf("el archivo no nombra el subproceso %s: se llamó «%s»", sp.Codigo, sp.Nombre)})
			}
			m.Subprocesos = append(m.Subprocesos, sp)
			k = len(m.Subprocesos) - 1
		}
		m.Subprocesos[k].Procedimientos = append(m.Subprocesos[k].Procedimientos, p)
	}
	if m.DatosGenerales.Nombre == "" {
		m.DatosGenerales.Nombre = "Proceso " + string(m.DatosGenerales.Codigo)
		r.Notes = append(r.Notes, Note{Text: fmt.Sprintf("el archivo no nombra el proceso: se llamó «%s»", m.DatosGenerales.Nombre)})
	}
	m.Notas = r.notas(source)
	return m
}

// Into puts the file's procedure in place of the procedure code of m: the
// whole procedure when mpp wrote the file, else its activities only (a
// modeler carries no objective, rules, controls or risks, and those of m
// stay). Roles the lanes bring are added to the catalog; the notes are
// added to m's notas.
func (r *Result) Into(m *manuals.Manual, code manuals.Code, source string) error {
	var from *manuals.Procedure
	switch {
	case len(r.Procedures) == 1:
		from = &r.Procedures[0]
	default:
		var codes []string
		for i := range r.Procedures {
			codes = append(codes, string(r.Procedures[i].Codigo))
			if r.Procedures[i].Codigo == code {
				from = &r.Procedures[i]
			}
		}
		if from == nil {
			return fmt.Errorf("el archivo tiene %d procesos (%s) y ninguno es %s", len(codes), strings.Join(codes, ", "), code)
		}
	}
	var to *manuals.Procedure
	var have []string
	for _, p := range m.Procedures() {
		have = append(have, string(p.Codigo))
		if p.Codigo == code {
			to = p
		}
	}
	if to == nil {
		return fmt.Errorf("el manual no tiene el procedimiento %s (tiene: %s)", code, strings.Join(have, ", "))
	}
	if r.FromMpp {
		p := *from
		p.Codigo, p.Pos = code, to.Pos
		*to = p
	} else {
		to.Actividades = from.Actividades
	}
	for _, ro := range r.Roles {
		if m.Role(ro.Nombre) == nil {
			m.Roles = append(m.Roles, ro)
		}
	}
	m.Notas = append(m.Notas, r.notas(source)...)
	return nil
}

func (r *Result) notas(source string) []string {
	var out []string
	for _, n := range r.Notes {
		out = append(out, source+": "+n.String())
	}
	return out
}
