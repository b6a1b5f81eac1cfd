package main

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/cipro-ine/mpp/editdist"
	"github.com/cipro-ine/mpp/esmx"
	"github.com/cipro-ine/mpp/manuals/yamldoc"
	"github.com/cipro-ine/mpp/outfile"
	"github.com/cipro-ine/mpp/render/bpmn"
)

type exportOptions struct {
	cmd     *cobra.Command
	io      *ioStreams
	kind    string
	paths   []string
	out     string
	oneFile bool
	force   bool
}

func newExportCmd(ios *ioStreams) *cobra.Command {
	o := &exportOptions{io: ios}
	c := &cobra.Command{
		Use:     "exportar bpmn EXPEDIENTE... -o CARPETA/",
		Aliases: []string{"export"},
		Short:   "Escribe los procedimientos como BPMN 2.0 para abrirlos en un modelador",
		Long: `Escribe cada procedimiento del manual como un archivo BPMN 2.0 (CODIGO.bpmn), que abren
Bizagi Modeler, Camunda Modeler, bpmn.io o Signavio: un contenedor (pool) por procedimiento,
un carril por rol, una tarea por actividad, una compuerta exclusiva por decisión con sus
condiciones en los flujos, eventos de inicio y fin, objetos de datos para insumos y salidas, y
el diagrama (BPMN DI) con la misma disposición que el diagrama del manual en PDF.

Lo que BPMN no tiene dónde poner —el número de actividad, el código del procedimiento, el
sistema, reglas, controles, riesgos e indicadores— va en atributos y elementos del espacio de
nombres de mpp (urn:cipro-ine:mpp:bpmn:1), que los modeladores conservan: «mpp importar bpmn»
devuelve el mismo procedimiento.

Con --un-archivo, un archivo por proceso (CODIGO_DEL_PROCESO.bpmn) con un contenedor por
procedimiento. Todo o nada, como «build»: un archivo que ya existe se reemplaza sólo con --forzar.`,
		Example: `  mpp exportar bpmn examples/H.4.05 -o bpmn/
  mpp exportar bpmn examples/ -o bpmn/ --un-archivo`,
		Args: minArgs(2, "«bpmn» y al menos una carpeta de expediente"),
		ValidArgsFunction: func(c *cobra.Command, args []string, _ string) ([]string, cobra.ShellCompDirective) {
			if len(args) == 0 {
				return []string{"bpmn\tBPMN 2.0 XML"}, cobra.ShellCompDirectiveNoFileComp
			}
			return nil, cobra.ShellCompDirectiveFilterDirs
		},
		RunE: func(c *cobra.Command, args []string) error {
			o.cmd, o.kind, o.paths = c, args[0], args[1:]
			return exportRun(o)
		},
	}
	c.Flags().StringVarP(&o.out, "salida", "o", "", "carpeta donde escribir los archivos .bpmn (obligatoria)")
	c.Flags().BoolVar(&o.oneFile, "un-archivo", false, "un archivo por proceso, con un contenedor por procedimiento")
	c.Flags().BoolVar(&o.force, "forzar", false, "reemplaza los archivos que ya existan")
	return c
}

// checkBPMNKind refuses any exchange format but BPMN, suggesting it for a
// near miss.
func checkBPMNKind(kind, command string) error {
	if strings.EqualFold(kind, "bpmn") {
		return nil
	}
	hint := ""
	if editdist.Closest(kind, []string{"bpmn", "bpm"}, yamldoc.Fold) != "" {
		hint = "; ¿quiso decir «bpmn»?"
	}
	return usageError("formato desconocido «%s»%s: «mpp %s bpmn …»", kind, hint, command)
}

func exportRun(o *exportOptions) error {
	if err := checkBPMNKind(o.kind, "exportar"); err != nil {
		return err
	}
	if o.out == "" {
		return usageError("falta la carpeta de salida: -o CARPETA/")
	}
	if f, known := formatOfExt[strings.ToLower(filepath.Ext(o.out))]; known {
		return usageError("-o %s: «mpp exportar bpmn» escribe una carpeta de archivos .bpmn, no un archivo %s; dé una carpeta (p. ej. -o bpmn/)", o.out, f)
	}
	exps, bad, err := loadExpedientes(o.io, o.paths)
	if err != nil {
		return err
	}
	bo := bpmn.Options{ExporterVersion: versionNumber()}
	var files []outfile.File
	var inputs []string
	where := map[string]string{}
	procs := 0
	add := func(name, from string, render func(*bytes.Buffer) error) error {
		path := filepath.Join(o.out, name+".bpmn")
		if prev, dup := where[path]; dup {
			return usageError("%s y %s darían el mismo archivo %s; expórtelos a carpetas distintas", prev, from, path)
		}
		where[path] = from
		var b bytes.Buffer
		if err := render(&b); err != nil {
			return fmt.Errorf("%s: %w", from, err)
		}
		files = append(files, outfile.File{Path: path, Data: b.Bytes()})
		return nil
	}
	for _, e := range exps {
		if err := o.cmd.Context().Err(); err != nil {
			return err
		}
		m := e.Manual
		if m == nil || len(m.Procedures()) == 0 {
			o.io.info("%s: sin manual.yaml o sin procedimientos; nada que exportar", e.Dir)
			continue
		}
		inputs = append(inputs, inputsOf(e)...)
		procs += len(m.Procedures())
		if o.oneFile {
			if err := add(string(m.DatosGenerales.Codigo), e.Dir, func(b *bytes.Buffer) error { return bpmn.Process(b, m, bo) }); err != nil {
				return err
			}
			continue
		}
		for _, p := range m.Procedures() {
			if err := add(string(p.Codigo), e.Dir+" ("+string(p.Codigo)+")", func(b *bytes.Buffer) error { return bpmn.Procedure(b, m, p, bo) }); err != nil {
				return err
			}
		}
	}
	if len(files) == 0 && len(bad) == 0 {
		return usageError("ningún expediente tiene procedimientos que exportar; no se escribió nada")
	}
	if err := outfile.WriteAll(files, outfile.Options{Overwrite: o.force, Inputs: inputs, Root: o.out, Context: o.cmd.Context()}); err != nil {
		return fmt.Errorf("%w; no se escribió nada", err)
	}
	o.io.info("%s BPMN (%s) en %s", esmx.Count(len(files), "archivo", "archivos"), esmx.Count(procs, "procedimiento", "procedimientos"), o.out)
	if len(bad) > 0 {
		return partial(fmt.Errorf("%s no se %s leer", esmx.Count(len(bad), "expediente", "expedientes"), esmx.Word(len(bad), "pudo", "pudieron")))
	}
	return nil
}
