package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/cipro-ine/mpp/manuals"
	"github.com/cipro-ine/mpp/manuals/rules"
	"github.com/cipro-ine/mpp/render/report"
)

type validateOptions struct {
	io         *ioStreams
	g          *globals
	paths      []string
	format     string
	fundamento bool
}

func newValidateCmd(ios *ioStreams, g *globals) *cobra.Command {
	o := &validateOptions{io: ios, g: g}
	c := &cobra.Command{
		Use:     "validate EXPEDIENTE...",
		Aliases: []string{"validar"},
		Short:   "Valida expedientes contra los Lineamientos",
		Long: `Valida uno o más expedientes contra el catálogo de reglas (vea «mpp rules») y muestra los
hallazgos agrupados por archivo, con línea, regla y severidad. Si una carpeta no es un
expediente, valida todos los expedientes que contiene.

Código de salida: 0 sin errores (puede haber advertencias), 1 con errores, 2 si el uso es
incorrecto o ningún expediente se puede leer, 4 (parcial) si unos se validaron y otros tienen
archivos que no se pueden leer.`,
		Example: `  mpp validate examples/H.4.05 examples/S.5.01
  mpp validar examples/ --formato json`,
		Args: minArgs(1, "al menos una carpeta de expediente"),
		RunE: func(c *cobra.Command, args []string) error {
			o.paths = args
			return validateRun(o)
		},
	}
	c.Flags().StringVar(&o.format, "formato", "texto", "formato de salida: texto o json")
	c.Flags().BoolVar(&o.fundamento, "fundamento", false, "muestra el fundamento (artículo) de cada hallazgo")
	return c
}

func validateRun(o *validateOptions) error {
	if o.format != "texto" && o.format != "json" {
		return usageError("formato desconocido «%s»: use texto o json", o.format)
	}
	prof, err := o.g.profile()
	if err != nil {
		return err
	}
	exps, unreadable, err := loadExpedientes(o.io, o.paths)
	if err != nil {
		return err
	}
	var results []report.Result
	errors := 0
	for _, exp := range exps {
		r := report.Result{Expediente: exp.Dir, Regimen: rules.RegimeFor(exp, prof).ID, Hallazgos: rules.Run(exp, prof), Notas: ingestNotes(exp)}
		e, _, _ := r.Counts()
		errors += e
		results = append(results, r)
	}
	if o.format == "json" {
		err = report.WriteJSON(o.io.Out, results)
	} else {
		err = report.WriteText(o.io.Out, results, report.TextOptions{Color: o.io.colorOut, Fundamento: o.fundamento})
	}
	if err != nil {
		return err
	}
	switch {
	case unreadable > 0 && len(exps) == 0:
		return &exitError{exitUsage, fmt.Errorf("no se validaron los expedientes con archivos que no se pueden leer; corríjalos y vuelva a intentar")}
	case unreadable > 0:
		// A batch goes on past what it cannot read: partial.
		return &exitError{exitPartial, fmt.Errorf("%d expediente(s) validados; %d con archivos que no se pueden leer no se validaron (vea arriba)", len(exps), unreadable)}
	case errors > 0:
		return &exitError{exitFindings, errSilent}
	}
	return nil
}

// ingestNotes lists what the acuerdo records about its own text: notes and
// OCR corrections.
func ingestNotes(e *manuals.Expediente) []string {
	a := e.Acuerdo
	if a == nil {
		return nil
	}
	out := append([]string(nil), a.Notas...)
	for _, c := range a.Correcciones {
		where := ""
		if c.Ubicacion != "" {
			where = " (" + c.Ubicacion + ")"
		}
		out = append(out, fmt.Sprintf("corrección registrada: «%s» → «%s»%s", c.Original, c.Corregido, where))
	}
	return out
}
