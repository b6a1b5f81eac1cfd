package main

import (
	"bytes"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/cipro-ine/mpp/manuals"
	"github.com/cipro-ine/mpp/outfile"
	"github.com/cipro-ine/mpp/render/text"
)

type renderOptions struct {
	io     *ioStreams
	g      *globals
	doc    string
	dir    string
	format string
	out    string
	force  bool
}

func newRenderCmd(ios *ioStreams, g *globals) *cobra.Command {
	o := &renderOptions{io: ios, g: g}
	c := &cobra.Command{
		Use:     "render DOCUMENTO EXPEDIENTE",
		Aliases: []string{"generar"},
		Short:   "Genera un documento del expediente",
		Long: `Genera un documento del expediente. Por ahora: el acuerdo como texto limpio
(«mpp render acuerdo EXPEDIENTE --formato txt»), que «mpp ingest» vuelve a leer igual. Los PDF
(manual, dictamen, extracto del DOF, Gaceta) y el libro de Excel llegan después.`,
		Example: `  mpp render acuerdo examples/H.4.05 --formato txt
  mpp render acuerdo examples/H.4.05 --formato txt -o acuerdo.txt`,
		ValidArgs: []string{"acuerdo"},
		Args:      exactArgs(2, "un documento y una carpeta de expediente"),
		RunE: func(c *cobra.Command, args []string) error {
			o.doc, o.dir = args[0], args[1]
			return renderRun(o)
		},
	}
	c.Flags().StringVar(&o.format, "formato", "txt", "formato: txt")
	c.Flags().StringVarP(&o.out, "salida", "o", "", "archivo de salida (por omisión, la salida estándar)")
	c.Flags().BoolVar(&o.force, "forzar", false, "reemplaza el archivo de salida si ya existe")
	return c
}

func renderRun(o *renderOptions) error {
	if o.doc != "acuerdo" || o.format != "txt" {
		return usageError("«%s» en formato «%s» aún no se puede generar; disponible: acuerdo --formato txt", o.doc, o.format)
	}
	exp, err := manuals.LoadExpediente(o.dir)
	if err != nil {
		return &exitError{exitUsage, err}
	}
	if exp.Acuerdo == nil {
		return usageError("%s: el expediente no tiene acuerdo.yaml", o.dir)
	}
	var b bytes.Buffer
	if err := text.Acuerdo(&b, exp.Acuerdo, nil); err != nil {
		return err
	}
	if o.out == "" {
		_, err := o.io.Out.Write(b.Bytes())
		return err
	}
	inputs := []string{}
	for _, f := range manuals.Files {
		inputs = append(inputs, exp.Path(f))
	}
	if err := outfile.WriteAll([]outfile.File{{Path: o.out, Data: b.Bytes()}}, outfile.Options{Overwrite: o.force, Inputs: inputs}); err != nil {
		return &exitError{exitUsage, fmt.Errorf("%w; no se escribió nada", err)}
	}
	fmt.Fprintf(o.io.ErrOut, "escrito: %s\n", o.out)
	return nil
}
