package pdf

import (
	"fmt"
	"io"
	"strings"

	"github.com/cipro-ine/mpp/esmx"
	"github.com/cipro-ine/mpp/manuals"
	"github.com/cipro-ine/mpp/manuals/profile"
	"github.com/cipro-ine/mpp/manuals/rules"
	"github.com/cipro-ine/mpp/render/blocks"
)

// DictamenInput is what the dictamen técnico is made from.
type DictamenInput struct {
	Exp      *manuals.Expediente
	Findings []rules.Finding
	Profile  *profile.Profile
	// Draft allows a favourable dictamen while validation has errors; the
	// document then carries the BORRADOR watermark.
	Draft bool
}

// ErrFavourableWithErrors refuses a favourable dictamen on a manual that
// does not pass validation.
var ErrFavourableWithErrors = fmt.Errorf("el dictamen es favorable pero la validación tiene errores; corríjalos o genere un borrador (--borrador)")

type dictamenData struct {
	D                  *manuals.Dictamen
	M                  *manuals.Manual
	Fecha, UR, Regimen string
	Estructura         string
	Criterios          []criterionData
	Firmas             string
	Favorable          bool
	Ilustrativos       string
}

// appliesTo says which documents a rule checks, to tell "no aplica" from
// "cumple" when a document is absent.
// criterionData is one criterion of the dictamen's review: its result (the
// worst of its rules') and one row per rule.
type criterionData struct {
	Numero            int
	Nombre, Resultado string
	Filas             string
}

// worse of two results, in the order a reviewer ranks them.
func worse(a, b string) string {
	rank := map[string]int{"No aplica": 0, "Cumple": 1, "Cumple con observaciones": 2, "No cumple": 3}
	if rank[b] > rank[a] {
		return b
	}
	return a
}

// Dictamen writes the dictamen técnico: data of the manual, observation
// rounds, fundamento and conclusion in the wording of the regime, the
// criteria checklist straight from validation, and the signatories.
func Dictamen(w io.Writer, in DictamenInput, opt Options) error {
	e := in.Exp
	if e.Dictamen == nil || e.Manual == nil {
		return fmt.Errorf("el dictamen técnico necesita dictamen.yaml y manual.yaml")
	}
	// The dictamen cites the regime it was issued under: the one in force
	// on its own date, or the one it names.
	reg := rules.DictamenRegime(e, in.Profile)
	errs := 0
	byRule := map[string][]rules.Finding{}
	for _, f := range in.Findings {
		byRule[f.Rule] = append(byRule[f.Rule], f)
		if f.Severity == rules.Error {
			errs++
		}
	}
	if e.Dictamen.Favorable() && errs > 0 && !in.Draft {
		return ErrFavourableWithErrors
	}
	m := e.Manual
	data := dictamenData{D: e.Dictamen, M: m, Fecha: e.Dictamen.Fecha.Long(), UR: m.DatosGenerales.URDuena, Regimen: reg.ID,
		Favorable: e.Dictamen.Favorable(), Ilustrativos: strings.Join(e.Dictamen.CamposIlustrativos, ", ")}
	acts := 0
	for _, p := range m.Procedures() {
		acts += len(p.Actividades)
	}
	data.Estructura = esmx.Count(len(m.Subprocesos), "subproceso", "subprocesos") + ", " + esmx.Count(len(m.Procedures()), "procedimiento", "procedimientos") + ", " + esmx.Count(acts, "actividad", "actividades")
	// The Lineamientos' criteria the catalog declares, each with its rules
	// and every finding under it.
	for n, c := range rules.Criteria() {
		cd := criterionData{Numero: n + 1, Nombre: c.Nombre, Resultado: "Cumple"}
		var rs [][]string
		for _, id := range c.Rules {
			r := rules.Lookup(id)
			result := "Cumple"
			fs := byRule[id]
			switch {
			case !c.Applies(e):
				result = "No aplica"
			case len(fs) > 0 && fs[0].Severity == rules.Error:
				result = "No cumple"
			case len(fs) > 0 && fs[0].Severity == rules.Warning:
				result = "Cumple con observaciones"
			}
			cd.Resultado = worse(cd.Resultado, result)
			var notes []string
			for k, f := range fs {
				if k == 3 {
					notes = append(notes, fmt.Sprintf("y %d más", len(fs)-3))
					break
				}
				notes = append(notes, f.Message)
			}
			rs = append(rs, []string{r.ID, r.Title, r.BasisFor(reg.ID), result, strings.Join(notes, "; ")})
		}
		cd.Filas = rows(rs)
		data.Criterios = append(data.Criterios, cd)
	}
	var firmas [][]string
	for _, s := range e.Dictamen.Firmantes {
		cargo := s.Puesto
		if o := in.Profile.DictamenOffice(s.Cargo); o != nil {
			cargo = o.Nombre
		}
		firmas = append(firmas, []string{marked(s.Nombre, s.Ilustrativo), cargo, ""})
	}
	data.Firmas = rows(firmas)

	bs, err := blocks.FromTemplate(opt.Templates, data, "dictamen.pdf.tmpl")
	if err != nil {
		return err
	}
	d, err := newDoc(Meta{
		Title:    "Dictamen técnico " + e.Dictamen.Folio + ": " + string(m.DatosGenerales.Codigo) + " " + m.DatosGenerales.Nombre,
		Subject:  "Dictamen técnico del Manual de Proceso y Procedimientos",
		Author:   "Coordinación de Innovación y Procesos, Dirección Ejecutiva de Administración",
		Keywords: strings.Join([]string{string(m.DatosGenerales.Codigo), "dictamen técnico", e.Dictamen.Resultado}, "; "),
		Date:     e.Dictamen.Fecha,
		Sources:  &manuals.Expediente{Manual: m},
	}, opt)
	if err != nil {
		return err
	}
	d.furniture()
	d.draft = in.Draft && errs > 0
	d.running = "Dictamen técnico · " + string(m.DatosGenerales.Codigo) + " " + m.DatosGenerales.Nombre
	d.f.AddPage()
	if err := d.blocks(bs); err != nil {
		return err
	}
	return d.output(w)
}
