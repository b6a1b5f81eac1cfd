package main

import (
	"bytes"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/cipro-ine/mpp/manuals"
	"github.com/cipro-ine/mpp/manuals/rules"
	"github.com/cipro-ine/mpp/outfile"
	"github.com/cipro-ine/mpp/render/pdf"
	"github.com/cipro-ine/mpp/render/report"
	"github.com/cipro-ine/mpp/render/text"
	"github.com/cipro-ine/mpp/render/xlsx"
	"github.com/cipro-ine/mpp/templates"
)

type renderOptions struct {
	io     *ioStreams
	g      *globals
	doc    string
	dir    string
	format string
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
		Example: `  mpp render acuerdo examples/H.4.05 --formato txt
  mpp render acuerdo examples/H.4.05 --formato txt -o acuerdo.txt
  mpp render xlsx examples/H.4.05 -o H.4.05.xlsx
  mpp render dof examples/H.4.05 -o extracto.pdf --fecha-dof 2022-12-08 --liga https://…/anexo.pdf`,
		ValidArgs: []string{"acuerdo", "xlsx", "dof", "manual", "dictamen", "gaceta", "reporte"},
		Args:      exactArgs(2, "un documento y una carpeta de expediente"),
		RunE: func(c *cobra.Command, args []string) error {
			o.doc, o.dir = args[0], args[1]
			return renderRun(o)
		},
	}
	c.Flags().StringVar(&o.format, "formato", "txt", "formato del acuerdo: txt o pdf")
	c.Flags().StringVarP(&o.out, "salida", "o", "", "archivo de salida (por omisión, la salida estándar)")
	c.Flags().BoolVar(&o.force, "forzar", false, "reemplaza el archivo de salida si ya existe")
	o.docFlags.add(c)
	c.Flags().StringVar(&o.dofDate, "fecha-dof", "", "extracto: fecha de publicación en el DOF (o publicacion.fecha_dof)")
	c.Flags().StringVar(&o.section, "seccion", "", "extracto: sección del DOF (por omisión, «Primera Sección»)")
	c.Flags().StringArrayVar(&o.links, "liga", nil, "extracto: liga electrónica del anexo (repetible; o publicacion.ligas)")
	c.Flags().IntSliceVar(&o.cons, "considerando", nil, "extracto: considerando que se conserva (repetible; por omisión, el del proceso)")
	c.Flags().BoolVar(&o.draft, "borrador", false, "dictamen: generarlo aunque la validación tenga errores, con la marca BORRADOR")
	return c
}

func renderRun(o *renderOptions) error {
	documentGC()
	switch {
	case o.doc == "xlsx" || o.doc == "dof" || o.doc == "manual" || o.doc == "dictamen" || o.doc == "gaceta" || o.doc == "reporte" || o.doc == "acuerdo" && o.format == "pdf":
		if o.out == "" {
			return usageError("«%s» necesita un archivo de salida: -o ARCHIVO", o.doc)
		}
	case o.doc != "acuerdo" || o.format != "txt":
		return usageError("«%s» en formato «%s» no se puede generar; disponible: acuerdo (txt o pdf), manual, dictamen, dof, gaceta, reporte, xlsx", o.doc, o.format)
	}
	exp, err := manuals.LoadExpediente(o.dir)
	if err != nil {
		return &exitError{exitUsage, err}
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
	} else if o.doc == "acuerdo" && o.format == "pdf" {
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
		if err := pdf.DOF(&b, exp.Acuerdo, dopt, popt); err != nil {
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
	if o.out == "" {
		_, err := o.io.Out.Write(b.Bytes())
		return err
	}
	if err := outfile.WriteAll([]outfile.File{{Path: o.out, Data: b.Bytes()}}, outfile.Options{Overwrite: o.force, Inputs: inputsOf(exp)}); err != nil {
		return &exitError{exitUsage, fmt.Errorf("%w; no se escribió nada", err)}
	}
	fmt.Fprintf(o.io.ErrOut, "escrito: %s\n", o.out)
	return nil
}
