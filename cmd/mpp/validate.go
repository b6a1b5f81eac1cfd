package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/cipro-ine/mpp/esmx"
	"github.com/cipro-ine/mpp/manuals"
	"github.com/cipro-ine/mpp/manuals/rules"
	"github.com/cipro-ine/mpp/render/report"
)

type validateOptions struct {
	io         *ioStreams
	g          *globals
	paths      []string
	format     *formatFlag
	fundamento bool
	strict     bool
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

Formatos: texto (para leer, con color en la terminal), json (para otros programas, con el
sobre común de mpp), sarif (SARIF 2.1.0, para editores y anotaciones de CI) y gcc
(«archivo:línea:col: severidad: ID mensaje», una línea por hallazgo).

Código de salida: 0 sin errores (puede haber advertencias; con --estricto, tampoco
advertencias), 1 con errores, 2 si el uso es incorrecto o ningún expediente se puede leer,
4 (parcial) si unos se validaron y otros tienen archivos que no se pueden leer.`,
		Example: `  mpp validate examples/H.4.05 examples/S.5.01
  mpp validar examples/ --formato json
  mpp validate examples/ --formato sarif > mpp.sarif
  mpp validate examples/ --formato gcc --estricto`,
		Args: minArgs(1, "al menos una carpeta de expediente"),
		RunE: func(c *cobra.Command, args []string) error {
			o.paths = args
			return validateRun(c, o)
		},
	}
	o.format = addFormatFlag(c, fmtText, fmtText, fmtJSON, fmtSARIF, fmtGCC)
	c.Flags().BoolVar(&o.fundamento, "fundamento", false, "muestra el fundamento (artículo) de cada hallazgo")
	c.Flags().BoolVar(&o.strict, "estricto", false, "las advertencias también hacen fallar la validación (código 1)")
	return c
}

func validateRun(c *cobra.Command, o *validateOptions) error {
	f, err := o.format.resolve("")
	if err != nil {
		return err
	}
	prof, err := o.g.profile()
	if err != nil {
		return err
	}
	exps, bad, err := loadExpedientes(o.io, o.paths)
	if err != nil {
		return err
	}
	var results []report.Result
	failing := 0
	for _, exp := range exps {
		r := report.Result{Expediente: exp.Dir, Regimen: rules.RegimeFor(exp, prof).ID, Hallazgos: rules.Run(exp, prof), Notas: ingestNotes(exp)}
		e, w, _ := r.Counts()
		failing += e
		if o.strict {
			failing += w
		}
		results = append(results, r)
	}
	problems := problemsOf(bad)
	switch f {
	case fmtJSON:
		if results == nil {
			results = []report.Result{}
		}
		err = writeEnvelope(o.io, c, map[string]any{"resultados": report.ForJSON(results)}, outcomesOfProblems(problems))
	case fmtSARIF:
		err = report.WriteSARIF(o.io.Out, results, problems, report.SARIFOptions{Version: versionNumber()})
	case fmtGCC:
		err = report.WriteGCC(o.io.Out, results, problems)
	default:
		err = report.WriteText(o.io.Out, results, report.TextOptions{Color: o.io.colorOut, Fundamento: o.fundamento})
	}
	if err != nil {
		return err
	}
	switch {
	case len(bad) > 0 && len(exps) == 0:
		return usageError("no se validaron los expedientes con archivos que no se pueden leer; corríjalos y vuelva a intentar")
	case len(bad) > 0:
		// A batch goes on past what it cannot read: partial.
		return partial(fmt.Errorf("%s validados; %s con archivos que no se pueden leer no se %s (vea arriba)",
			esmx.Count(len(exps), "expediente", "expedientes"), esmx.Count(len(bad), "expediente", "expedientes"), esmx.Word(len(bad), "validó", "validaron")))
	case failing > 0:
		return findings(errSilent)
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
