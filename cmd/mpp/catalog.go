package main

import (
	"bytes"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/cipro-ine/mpp/manuals/rules"
	"github.com/cipro-ine/mpp/outfile"
	"github.com/cipro-ine/mpp/render/xlsx"
)

type catalogOptions struct {
	io    *ioStreams
	g     *globals
	paths []string
	out   string
	force bool
}

func newCatalogCmd(ios *ioStreams, g *globals) *cobra.Command {
	o := &catalogOptions{io: ios, g: g}
	c := &cobra.Command{
		Use:   "catalogo CARPETA... -o catalogo.xlsx",
		Short: "Escribe el catálogo de procesos de todos los expedientes en un libro de Excel",
		Long: `Busca todos los expedientes bajo las carpetas, los valida y escribe un libro de Excel con una
fila por proceso y todas sus actividades, roles, controles, riesgos y hallazgos, para filtrar,
ordenar y compartir.

Código de salida: 0 escrito; 4 escrito, pero algún expediente no se pudo leer (se nombra en la
salida de errores); 2 nada escrito.`,
		Example: `  mpp catalogo examples/ -o catalogo.xlsx`,
		Args:    minArgs(1, "al menos una carpeta"),
		RunE: func(c *cobra.Command, args []string) error {
			o.paths = args
			return catalogRun(o)
		},
	}
	c.Flags().StringVarP(&o.out, "salida", "o", "", "libro de Excel a escribir (obligatorio)")
	c.Flags().BoolVar(&o.force, "forzar", false, "reemplaza el libro si ya existe")
	return c
}

func catalogRun(o *catalogOptions) error {
	if o.out == "" {
		return usageError("falta el libro de salida: -o catalogo.xlsx")
	}
	prof, err := o.g.profile()
	if err != nil {
		return err
	}
	exps, bad, err := loadExpedientes(o.io, o.paths)
	if err != nil {
		return err
	}
	var ins []xlsx.Input
	var inputs []string
	for _, exp := range exps {
		inputs = append(inputs, inputsOf(exp)...)
		ins = append(ins, xlsx.Input{Exp: exp, Findings: rules.Run(exp, prof)})
	}
	if len(ins) == 0 {
		return usageError("ningún expediente se pudo leer; no se escribió nada")
	}
	var b bytes.Buffer
	if err := xlsx.Catalog(&b, ins); err != nil {
		return err
	}
	if err := outfile.WriteAll([]outfile.File{{Path: o.out, Data: b.Bytes()}}, outfile.Options{Overwrite: o.force, Inputs: inputs}); err != nil {
		return &exitError{exitUsage, fmt.Errorf("%w; no se escribió nada", err)}
	}
	fmt.Fprintf(o.io.Out, "escrito: %s (%s)\n", o.out, countOf(len(ins), "expediente", "expedientes"))
	if bad > 0 {
		return &exitError{exitPartial, fmt.Errorf("%d expediente(s) no se pudieron leer y no están en el catálogo", bad)}
	}
	return nil
}

func countOf(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}
