package pdf

import (
	"io"
	"path/filepath"
	"strconv"

	"github.com/cipro-ine/mpp/esmx"
	"github.com/cipro-ine/mpp/manuals"
	"github.com/cipro-ine/mpp/manuals/rules"
	"github.com/cipro-ine/mpp/render/blocks"
	"github.com/cipro-ine/mpp/render/report"
)

// Report writes the validation report of an expediente: its findings by
// file, with line, rule, severity and message, and the acuerdo's notes.
func Report(w io.Writer, e *manuals.Expediente, res report.Result, opt Options) error {
	type file struct{ Nombre, Filas string }
	var files []file
	errs, warns, infos := res.Counts()
	for _, f := range res.Hallazgos {
		name := filepath.Base(f.File)
		if len(files) == 0 || files[len(files)-1].Nombre != name {
			files = append(files, file{Nombre: name})
		}
		line := ""
		if f.Line > 0 {
			line = strconv.Itoa(f.Line)
		}
		files[len(files)-1].Filas += rows([][]string{{line, f.Rule, f.Severity.String(), f.Message}})
	}
	title, code := "Expediente", ""
	switch {
	case e.Manual != nil:
		code = string(e.Manual.DatosGenerales.Codigo)
		title = "Manual de Proceso y Procedimientos " + code + " " + e.Manual.DatosGenerales.Nombre
	case e.Acuerdo != nil:
		code = e.Acuerdo.Codigo
		title = "Acuerdo " + code
	}
	data := map[string]any{
		"Titulo": title, "Expediente": filepath.ToSlash(e.Dir), "Regimen": res.Regimen, "Archivos": files, "Notas": res.Notas,
		"Resumen": esmx.Count(errs, "error", "errores") + ", " + esmx.Count(warns, "advertencia", "advertencias") + ", " + esmx.Count(infos, "informativo", "informativos"), "Reglas": len(rules.All()),
	}
	bs, err := blocks.FromTemplate(opt.Templates, data, "reporte.pdf.tmpl")
	if err != nil {
		return err
	}
	d, err := newDoc(Meta{Title: "Informe de validación: " + title, Subject: "Validación contra los Lineamientos (mpp validate)",
		Author: "mpp", Keywords: code + "; validación; Lineamientos", Date: rules.SessionDate(e), Sources: e}, opt)
	if err != nil {
		return err
	}
	d.furniture()
	d.running = "Informe de validación · " + title
	d.f.AddPage()
	if err := d.blocks(bs); err != nil {
		return err
	}
	return d.output(w)
}
