package main

import (
	"bytes"
	"errors"
	"fmt"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/cipro-ine/mpp/editdist"
	"github.com/cipro-ine/mpp/esmx"
	"github.com/cipro-ine/mpp/manuals"
	"github.com/cipro-ine/mpp/manuals/workbook"
	"github.com/cipro-ine/mpp/manuals/yamldoc"
	"github.com/cipro-ine/mpp/outfile"
)

// maxWorkbook bounds the workbook read back; the largest expediente's is
// well under 1 MB.
const maxWorkbook = 100 << 20

type importOptions struct {
	io        *ioStreams
	g         *globals
	kind      string
	input     string
	outDir    string
	force     bool
	procedure string
}

func newImportCmd(ios *ioStreams, g *globals) *cobra.Command {
	o := &importOptions{io: ios, g: g}
	c := &cobra.Command{
		Use:     "importar xlsx|bpmn ARCHIVO -o EXPEDIENTE/",
		Aliases: []string{"import"},
		Short:   "Trae a manual.yaml un libro de Excel editado o un diagrama BPMN 2.0",
		Long: `xlsx: lee el libro de Excel de un expediente (el que escribe «mpp render xlsx»), quizá editado
por el personal —actividades, roles, controles, riesgos— y escribe manual.yaml en la carpeta del
expediente. Las columnas se leen por su encabezado. Las filas que no encajan (un rol que no está
en la hoja Roles, un código mal formado, una celda obligatoria vacía) se informan con hoja, fila
y columna, y no se escribe nada (código de salida 2).

bpmn: lee un archivo BPMN 2.0 (de Bizagi, Camunda Modeler, bpmn.io, Signavio o «mpp exportar
bpmn»): carriles → roles, tareas → actividades numeradas en el orden del flujo, compuertas →
decisiones, flujos → «siguiente». Sin --procedimiento escribe un manual nuevo con esos
procedimientos; con --procedimiento CODIGO pone el flujo del archivo en ese procedimiento del
manual.yaml que ya está en la carpeta (con --forzar). Lo que mpp no modela (temporizadores,
flujos de mensaje, subprocesos, extensiones de otros fabricantes) se informa con su id y queda
en «notas» del manual; nunca se pierde en silencio.`,
		Example: `  mpp importar xlsx H.4.05.xlsx -o expedientes/H.4.05/ --forzar
  mpp importar bpmn bpmn/H.4.05.1.01.bpmn -o expedientes/nuevo/
  mpp importar bpmn diagrama.bpmn -o expedientes/H.4.05/ --procedimiento H.4.05.1.01 --forzar`,
		Args: exactArgs(2, "«xlsx» o «bpmn» y el archivo"),
		ValidArgsFunction: func(c *cobra.Command, args []string, _ string) ([]string, cobra.ShellCompDirective) {
			if len(args) == 0 {
				return []string{"xlsx\tun libro de Excel de mpp", "bpmn\tun diagrama BPMN 2.0"}, cobra.ShellCompDirectiveNoFileComp
			}
			if args[0] == "bpmn" {
				return []string{"bpmn", "xml"}, cobra.ShellCompDirectiveFilterFileExt
			}
			return []string{"xlsx"}, cobra.ShellCompDirectiveFilterFileExt
		},
		RunE: func(c *cobra.Command, args []string) error {
			o.kind, o.input = args[0], args[1]
			return importRun(o)
		},
	}
	c.Flags().StringVarP(&o.outDir, "salida", "o", "", "carpeta del expediente donde escribir manual.yaml (obligatoria)")
	c.Flags().BoolVar(&o.force, "forzar", false, "reemplaza manual.yaml si ya existe")
	c.Flags().StringVar(&o.procedure, "procedimiento", "", "bpmn: el procedimiento (código) del manual existente que recibe el flujo; o el código de un diagrama que no lo lleva")
	return c
}

func importRun(o *importOptions) error {
	if o.kind == "bpmn" {
		return importBPMN(o)
	}
	if o.procedure != "" {
		return usageError("--procedimiento es de «mpp importar bpmn»")
	}
	if o.kind != "xlsx" {
		hint := ""
		switch {
		case editdist.Closest(o.kind, []string{"xlsx", "excel"}, yamldoc.Fold) != "":
			hint = "; ¿quiso decir «xlsx»?"
		case editdist.Closest(o.kind, []string{"bpmn", "bpm"}, yamldoc.Fold) != "":
			hint = "; ¿quiso decir «bpmn»?"
		}
		return usageError("formato desconocido «%s»%s: «mpp importar xlsx LIBRO.xlsx» o «mpp importar bpmn ARCHIVO.bpmn»", o.kind, hint)
	}
	if o.outDir == "" {
		return usageError("falta la carpeta del expediente: -o EXPEDIENTE/")
	}
	target := filepath.Join(o.outDir, manuals.FileManual)
	wopt := outfile.Options{Overwrite: o.force, Inputs: []string{o.input}, Root: o.outDir}
	if err := checkOutputs([]string{target}, wopt); err != nil {
		return err
	}
	data, err := readInput(o.input, o.g.inputLimit(maxWorkbook))
	if err != nil {
		return err
	}
	m, err := workbook.Read(bytes.NewReader(data))
	var cells workbook.Errors
	switch {
	case errors.As(err, &cells):
		for _, e := range cells {
			fmt.Fprintf(o.io.ErrOut, "%s: %s\n", o.input, e)
		}
		return fmt.Errorf("%s: %s no %s; no se escribió nada", o.input, esmx.Count(len(cells), "fila", "filas"), esmx.Word(len(cells), "encaja", "encajan"))
	case errors.Is(err, workbook.ErrNotWorkbook), errors.Is(err, workbook.ErrTooLarge):
		return usageError("%s: %v; no se escribió nada", o.input, err)
	case err != nil:
		return fmt.Errorf("%s: %w", o.input, err)
	}
	out, err := yamldoc.Encode(m, "Importado por «mpp importar» desde "+filepath.Base(o.input)+".")
	if err != nil {
		return err
	}
	if err := outfile.WriteAll([]outfile.File{{Path: target, Data: out}}, wopt); err != nil {
		return fmt.Errorf("%w; no se escribió nada", err)
	}
	acts := 0
	for _, p := range m.Procedures() {
		acts += len(p.Actividades)
	}
	fmt.Fprintf(o.io.Out, "escrito: %s (%d procedimientos, %d actividades, %d roles)\n", target, len(m.Procedures()), acts, len(m.Roles))
	return nil
}
