package pdf

import (
	"bytes"
	"fmt"
	"io"
	"path/filepath"
	"strconv"
	"text/template"

	"github.com/cipro-ine/mpp/manuals"
	"github.com/cipro-ine/mpp/manuals/rules"
	"github.com/cipro-ine/mpp/templates"
)

// Report writes the validation report of an expediente: its findings by
// file, with line, rule, severity and message, and the acuerdo's notes.
func Report(w io.Writer, e *manuals.Expediente, regime string, findings []rules.Finding, notes []string, opt Options) error {
	type file struct{ Nombre, Filas string }
	var files []file
	var errs, warns, infos int
	for _, f := range findings {
		switch f.Severity {
		case rules.Error:
			errs++
		case rules.Warning:
			warns++
		default:
			infos++
		}
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
		"Titulo": title, "Expediente": filepath.ToSlash(e.Dir), "Regimen": regime, "Archivos": files, "Notas": notes,
		"Resumen": fmt.Sprintf("%d errores, %d advertencias, %d informativos", errs, warns, infos), "Reglas": len(rules.All()),
	}
	tpl := opt.Templates
	if tpl == nil {
		tpl = templates.FS
	}
	t, err := template.New("reporte.pdf.tmpl").Funcs(funcs).ParseFS(tpl, "reporte.pdf.tmpl")
	if err != nil {
		return fmt.Errorf("plantilla reporte.pdf.tmpl: %w", err)
	}
	var src bytes.Buffer
	if err := t.Execute(&src, data); err != nil {
		return fmt.Errorf("plantilla reporte.pdf.tmpl: %w", err)
	}
	bs, err := parseBlocks(src.String())
	if err != nil {
		return fmt.Errorf("plantilla reporte.pdf.tmpl: %w", err)
	}
	d, err := newDoc(Meta{Title: "Informe de validación: " + title, Subject: "Validación contra los Lineamientos (mpp validate)",
		Author: "mpp", Keywords: code + "; validación; Lineamientos", Date: rules.SessionDate(e)}, opt)
	if err != nil {
		return err
	}
	d.furniture()
	d.running = "Informe de validación · " + title
	d.f.AddPage()
	if err := d.blocks(bs); err != nil {
		return err
	}
	return d.f.Output(w)
}
