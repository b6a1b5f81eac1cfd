package main

import (
	"bytes"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/cipro-ine/mpp/esmx"
	"github.com/cipro-ine/mpp/manuals/rules"
	"github.com/cipro-ine/mpp/outfile"
	"github.com/cipro-ine/mpp/render/xlsx"
)

type catalogOptions struct {
	cmd   *cobra.Command
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
			o.cmd, o.paths = c, args
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
	if err := fixedOutput(o.cmd, o.out, fmtXLSX); err != nil {
		return err
	}
	if err := checkOutputs([]string{o.out}, outfile.Options{Overwrite: o.force, Inputs: o.paths}); err != nil {
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
	if err := writeOutputs(o.io, []outfile.File{{Path: o.out, Data: b.Bytes()}}, outfile.Options{Overwrite: o.force, Inputs: inputs, Context: o.cmd.Context()}); err != nil {
		return err
	}
	o.io.info("el catálogo trae %s", esmx.Count(len(ins), "expediente", "expedientes"))
	if len(bad) > 0 {
		return partial(fmt.Errorf("%s no se %s leer y no %s en el catálogo", esmx.Count(len(bad), "expediente", "expedientes"),
			esmx.Word(len(bad), "pudo", "pudieron"), esmx.Word(len(bad), "está", "están")))
	}
	return nil
}
