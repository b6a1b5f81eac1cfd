package main

import (
	"bytes"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/cipro-ine/mpp/editdist"
	"github.com/cipro-ine/mpp/manuals"
	"github.com/cipro-ine/mpp/manuals/rules"
	"github.com/cipro-ine/mpp/manuals/yamldoc"
	"github.com/cipro-ine/mpp/outfile"
	"github.com/cipro-ine/mpp/render/docx"
	"github.com/cipro-ine/mpp/render/dof"
	"github.com/cipro-ine/mpp/render/pdf"
	"github.com/cipro-ine/mpp/render/report"
	"github.com/cipro-ine/mpp/render/text"
	"github.com/cipro-ine/mpp/render/xlsx"
	"github.com/cipro-ine/mpp/templates"
)

type renderOptions struct {
	cmd    *cobra.Command
	io     *ioStreams
	g      *globals
	doc    string
	dir    string
	format *formatFlag
	out    string
	force  bool
	docFlags
	dofDate string
	section string
	links   []string
	cons    []int
	draft   bool
}

func newRenderCmd(ios *ioStreams, g *globals) *cobra.Command {
	o := &renderOptions{io: ios, g: g}
	c := &cobra.Command{
		Use:     "render DOCUMENTO EXPEDIENTE",
		Aliases: []string{"generar"},
		Short:   "Genera un documento del expediente",
		Long: `Genera un documento del expediente:

  acuerdo   el acuerdo como texto limpio (--formato txt), que «mpp ingest» vuelve a leer igual, o
            en PDF con el formato del Instituto (--formato pdf)
  dictamen  el dictamen técnico (PDF): datos del manual, rondas de observaciones, fundamento y
            conclusión según el régimen, revisión de criterios (de «mpp validate») y firmas. Un
            dictamen favorable se rechaza si la validación tiene errores, salvo con --borrador
  gaceta    la edición de la Gaceta Electoral (PDF): el acuerdo y el manual como su anexo
  reporte   el informe de validación (PDF): los hallazgos por archivo, con línea, regla y mensaje
  xlsx      el libro de Excel del expediente: procesos, subprocesos, procedimientos, actividades,
            roles (matriz de responsabilidades), controles, riesgos (mapa de calor), indicadores,
            glosario, control de cambios, firmas, rondas de observaciones y hallazgos
  dof       el extracto del acuerdo para el Diario Oficial de la Federación (PDF): sello, título,
            secciones omitidas con [...], el considerando del proceso con su número, los puntos,
            la votación, las firmas y la liga del anexo, también en código QR

  manual    el manual (PDF): portada, hoja de firmas, índice, secciones, mapa del proceso y, por
            procedimiento, reglas, tabla de actividades, diagrama de flujo por carriles, controles,
            riesgos con su matriz, indicadores y formatos; control de cambios. Lleva la marca
            BORRADOR mientras el expediente no registre la aprobación.

`,
		Example: `  mpp render acuerdo examples/H.4.05
  mpp render acuerdo examples/H.4.05 -o acuerdo.pdf          # el formato sale de la extensión
  mpp render manual examples/H.4.05 -o manual.pdf
  mpp render xlsx examples/H.4.05 -o H.4.05.xlsx
  mpp render dof examples/H.4.05 -o extracto.pdf --fecha-dof 2022-12-08 --liga https://…/anexo.pdf`,
		ValidArgsFunction: func(c *cobra.Command, args []string, _ string) ([]string, cobra.ShellCompDirective) {
			if len(args) == 0 {
				return documentCompletions(), cobra.ShellCompDirectiveNoFileComp
			}
			return nil, cobra.ShellCompDirectiveFilterDirs
		},
		Args: exactArgs(2, "un documento y una carpeta de expediente"),
		RunE: func(c *cobra.Command, args []string) error {
			o.cmd, o.doc, o.dir = c, args[0], args[1]
			return renderRun(o)
		},
	}
	o.format = addFormatFlag(c, fmtText, fmtText, fmtPDF, fmtXLSX, fmtDOCX)
	c.Flags().StringVarP(&o.out, "salida", "o", "", "archivo de salida (por omisión, o con «-», la salida estándar si el formato es texto)")
	c.Flags().BoolVar(&o.force, "forzar", false, "reemplaza el archivo de salida si ya existe")
	o.docFlags.add(c)
	c.Flags().StringVar(&o.dofDate, "fecha-dof", "", "extracto: fecha de publicación en el DOF (o publicacion.fecha_dof)")
	c.Flags().StringVar(&o.section, "seccion", "", "extracto: sección del DOF (por omisión, «Primera Sección»)")
	c.Flags().StringArrayVar(&o.links, "liga", nil, "extracto: liga electrónica del anexo (repetible; o publicacion.ligas)")
	c.Flags().IntSliceVar(&o.cons, "considerando", nil, "extracto: considerando que se conserva (repetible; por omisión, el del proceso)")
	c.Flags().BoolVar(&o.draft, "borrador", false, "dictamen: generarlo aunque la validación tenga errores, con la marca BORRADOR")
	return c
}

// documents are what «render» writes, each with the formats it comes in
// (the first is its default).
var documents = []struct {
	name, what string
	formats    []format
}{
	{"acuerdo", "el acuerdo (texto limpio o PDF)", []format{fmtText, fmtPDF}},
	{"manual", "el manual (PDF)", []format{fmtPDF}},
	{"dictamen", "el dictamen técnico (PDF)", []format{fmtPDF}},
	{"gaceta", "la edición de la Gaceta Electoral (PDF)", []format{fmtPDF}},
	{"dof", "el extracto para el DOF (vista previa en PDF, o el documento de Word que recibe el DOF)", []format{fmtPDF, fmtDOCX}},
	{"reporte", "el informe de validación (PDF)", []format{fmtPDF}},
	{"xlsx", "el libro de Excel del expediente", []format{fmtXLSX}},
}

func documentCompletions() []string {
	out := make([]string, len(documents))
	for i, d := range documents {
		out[i] = d.name + "\t" + d.what
	}
	return out
}

// documentFormat resolves the document and its format from the arguments,
// --formato and -o: «render acuerdo X -o a.pdf» is the acuerdo in PDF.
func (o *renderOptions) documentFormat() (format, error) {
	var names []string
	for _, d := range documents {
		names = append(names, d.name)
		if d.name != o.doc {
			continue
		}
		ff := *o.format
		ff.def, ff.allowed = d.formats[0], d.formats
		f, err := ff.resolve(o.out)
		if err != nil {
			return "", err
		}
		if f.binary() && o.out == "" {
			return "", usageError("«%s» en %s necesita un archivo de salida: -o ARCHIVO%s", o.doc, f, f.ext())
		}
		return f, nil
	}
	msg := fmt.Sprintf("documento desconocido «%s»", o.doc)
	if s := editdist.Closest(o.doc, names, yamldoc.Fold); s != "" {
		msg += fmt.Sprintf("; ¿quiso decir «%s»?", s)
	}
	return "", usageError("%s; disponibles: %s", msg, orList(names))
}

func renderRun(o *renderOptions) error {
	documentGC()
	f, err := o.documentFormat()
	if err != nil {
		return err
	}
	if err := checkOutputs([]string{o.out}, outfile.Options{Overwrite: o.force, Inputs: inputsOf(&manuals.Expediente{Dir: o.dir})}); err != nil {
		return err
	}
	exp, err := manuals.LoadExpediente(o.dir)
	if err != nil {
		return err
	}
	var b bytes.Buffer
	popt := o.pdfOptions()
	if o.doc == "dictamen" {
		prof, err := o.g.profile()
		if err != nil {
			return err
		}
		if err := pdf.Dictamen(&b, pdf.DictamenInput{Exp: exp, Findings: rules.Run(exp, prof), Profile: prof, Draft: o.draft}, popt); err != nil {
			return usageError("%s: %v", o.dir, err)
		}
	} else if o.doc == "reporte" {
		prof, err := o.g.profile()
		if err != nil {
			return err
		}
		res := report.Result{Expediente: exp.Dir, Regimen: rules.RegimeFor(exp, prof).ID, Hallazgos: rules.Run(exp, prof), Notas: ingestNotes(exp)}
		if err := pdf.Report(&b, exp, res, popt); err != nil {
			return usageError("%s: %v", o.dir, err)
		}
	} else if o.doc == "gaceta" {
		if err := pdf.Gaceta(&b, exp, popt); err != nil {
			return usageError("%s: %v", o.dir, err)
		}
	} else if o.doc == "acuerdo" && f == fmtPDF {
		if exp.Acuerdo == nil {
			return usageError("%s: el expediente no tiene acuerdo.yaml", o.dir)
		}
		if err := pdf.Acuerdo(&b, exp.Acuerdo, popt); err != nil {
			return usageError("%s: %v", o.dir, err)
		}
	} else if o.doc == "manual" {
		if exp.Manual == nil {
			return usageError("%s: el expediente no tiene manual.yaml", o.dir)
		}
		if err := pdf.Manual(&b, exp, popt); err != nil {
			return usageError("%s: %v", o.dir, err)
		}
	} else if o.doc == "dof" {
		if exp.Acuerdo == nil {
			return usageError("%s: el expediente no tiene acuerdo.yaml", o.dir)
		}
		dopt := pdf.DOFOptions{Seccion: o.section, Ligas: o.links, Considerandos: o.cons}
		if o.dofDate != "" {
			if dopt.Fecha, err = manuals.ParseDate(o.dofDate); err != nil {
				return usageError("--fecha-dof: %v", err)
			}
		}
		if f == fmtDOCX {
			x, err := dof.Build(exp.Acuerdo, dopt, popt.Templates)
			if err != nil {
				return usageError("%s: %v", o.dir, err)
			}
			if err := docx.DOF(&b, x); err != nil {
				return err
			}
		} else if err := pdf.DOF(&b, exp.Acuerdo, dopt, popt); err != nil {
			return usageError("%s: %v", o.dir, err)
		}
	} else if o.doc == "xlsx" {
		prof, err := o.g.profile()
		if err != nil {
			return err
		}
		if exp.Manual == nil {
			return usageError("%s: el expediente no tiene manual.yaml", o.dir)
		}
		if err := xlsx.Expediente(&b, xlsx.Input{Exp: exp, Findings: rules.Run(exp, prof)}); err != nil {
			return err
		}
	} else {
		if exp.Acuerdo == nil {
			return usageError("%s: el expediente no tiene acuerdo.yaml", o.dir)
		}
		if err := text.Acuerdo(&b, exp.Acuerdo, templates.Overlay(o.templates)); err != nil {
			return err
		}
	}
	out := o.out
	if out == "" {
		out = "-"
	}
	return writeOutputs(o.io, []outfile.File{{Path: out, Data: b.Bytes()}}, outfile.Options{Overwrite: o.force, Inputs: inputsOf(exp), Context: o.cmd.Context()})
}
