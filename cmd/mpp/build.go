package main

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/cipro-ine/mpp/esmx"
	"github.com/cipro-ine/mpp/manuals"
	"github.com/cipro-ine/mpp/manuals/profile"
	"github.com/cipro-ine/mpp/manuals/rules"
	"github.com/cipro-ine/mpp/outfile"
	"github.com/cipro-ine/mpp/render/docx"
	"github.com/cipro-ine/mpp/render/dof"
	"github.com/cipro-ine/mpp/render/pdf"
	"github.com/cipro-ine/mpp/render/report"
	"github.com/cipro-ine/mpp/render/text"
	"github.com/cipro-ine/mpp/render/xlsx"
)

type buildOptions struct {
	cmd   *cobra.Command
	io    *ioStreams
	g     *globals
	paths []string
	out   string
	force bool
	docFlags
}

func newBuildCmd(ios *ioStreams, g *globals) *cobra.Command {
	o := &buildOptions{io: ios, g: g}
	c := &cobra.Command{
		Use:     "build EXPEDIENTE... -o CARPETA/",
		Aliases: []string{"construir"},
		Short:   "Valida y genera todos los documentos de los expedientes",
		Long: `Valida cada expediente y escribe, en una carpeta por expediente, todo lo que puede producir:
el informe de validación, el manual, el dictamen técnico, el acuerdo y la edición de la Gaceta
(PDF), el libro de Excel, el acuerdo como texto y, si el acuerdo tiene sus datos de publicación,
el extracto para el DOF. Una línea por documento.

Todo o nada: cada documento se escribe primero en un temporal y sólo cuando todos los de todos
los expedientes están escritos se ponen en su lugar; un disco lleno o una interrupción no dejan
documentos a medias ni una mezcla de versiones. Un documento que ya existe se reemplaza sólo con
--forzar.

Código de salida: 0 todo escrito y sin errores de validación; 1 escrito, pero la validación
encontró errores; 4 algún expediente no se pudo leer; 2 uso incorrecto o nada escrito.`,
		Example: `  mpp build examples/ -o out/
  mpp construir examples/H.4.05 -o out/ --forzar`,
		Args: minArgs(1, "al menos una carpeta de expediente"),
		RunE: func(c *cobra.Command, args []string) error {
			o.cmd, o.paths = c, args
			return buildRun(o)
		},
	}
	c.Flags().StringVarP(&o.out, "salida", "o", "", "carpeta donde escribir (obligatoria)")
	c.Flags().BoolVar(&o.force, "forzar", false, "reemplaza los documentos que ya existan en la carpeta de salida")
	o.docFlags.add(c)
	return c
}

func buildRun(o *buildOptions) error {
	documentGC()
	if o.out == "" {
		return usageError("falta la carpeta de salida: -o CARPETA/")
	}
	if f, known := formatOfExt[strings.ToLower(filepath.Ext(o.out))]; known {
		return usageError("-o %s: «mpp build» escribe una carpeta por expediente, no un archivo %s; dé una carpeta (p. ej. -o out/)", o.out, f)
	}
	prof, err := o.g.profile()
	if err != nil {
		return err
	}
	exps, bad, err := loadExpedientes(o.io, o.paths)
	if err != nil {
		return err
	}
	popt := o.pdfOptions()
	errorsFound := 0
	var files []outfile.File
	var inputs []string
	for _, e := range exps {
		if err := o.cmd.Context().Err(); err != nil {
			return err
		}
		fs, n := buildOne(o, e, prof, popt)
		files = append(files, fs...)
		inputs = append(inputs, inputsOf(e)...)
		errorsFound += n
	}
	// One write for everything: all or nothing.
	if err := outfile.WriteAll(files, outfile.Options{Overwrite: o.force, Inputs: inputs, Root: o.out, Context: o.cmd.Context()}); err != nil {
		return fmt.Errorf("%w; no se escribió nada", err)
	}
	o.io.info("%s %s en %s", esmx.Count(len(files), "documento", "documentos"), esmx.Word(len(files), "escrito", "escritos"), o.out)
	switch {
	case len(bad) > 0:
		return partial(fmt.Errorf("%s no se %s leer", esmx.Count(len(bad), "expediente", "expedientes"), esmx.Word(len(bad), "pudo", "pudieron")))
	case errorsFound > 0:
		return findings(fmt.Errorf("la validación encontró %s; los documentos se escribieron", esmx.Count(errorsFound, "error", "errores")))
	}
	return nil
}

// buildOne renders one expediente's documents, listing each, and returns
// them with its error count; nothing is written yet.
func buildOne(o *buildOptions, e *manuals.Expediente, prof *profile.Profile, popt pdf.Options) ([]outfile.File, int) {
	findings := rules.Run(e, prof)
	res := report.Result{Expediente: e.Dir, Regimen: rules.RegimeFor(e, prof).ID, Hallazgos: findings, Notas: ingestNotes(e)}
	errs, warns, _ := res.Counts()
	// Named after the expediente's folder, resolved: «mpp build ..» from
	// inside one writes to -o/ITS-NAME, never to -o/.. .
	name := filepath.Base(filepath.Clean(e.Dir))
	if abs, err := filepath.Abs(e.Dir); err == nil {
		name = filepath.Base(abs)
	}
	dir := filepath.Join(o.out, name)
	w := o.io.Out
	fmt.Fprintf(w, "%s → %s: %s, %s\n", filepath.ToSlash(e.Dir), filepath.ToSlash(dir), esmx.Count(errs, "error", "errores"), esmx.Count(warns, "advertencia", "advertencias"))
	steps := []struct {
		name, what string
		ok         bool
		render     func(*bytes.Buffer) error
	}{
		{"validacion.txt", "informe de validación", true, func(b *bytes.Buffer) error {
			return report.WriteText(b, []report.Result{res}, report.TextOptions{Fundamento: true})
		}},
		{"validacion.pdf", "informe de validación (PDF)", true, func(b *bytes.Buffer) error {
			return pdf.Report(b, e, res, popt)
		}},
		{"manual.pdf", "manual", e.Manual != nil, func(b *bytes.Buffer) error { return pdf.Manual(b, e, popt) }},
		{"dictamen.pdf", "dictamen técnico", e.Dictamen != nil && e.Manual != nil, func(b *bytes.Buffer) error {
			return pdf.Dictamen(b, pdf.DictamenInput{Exp: e, Findings: findings, Profile: prof}, popt)
		}},
		{"acuerdo.pdf", "acuerdo", e.Acuerdo != nil, func(b *bytes.Buffer) error { return pdf.Acuerdo(b, e.Acuerdo, popt) }},
		{"gaceta.pdf", "edición de la Gaceta Electoral", e.Acuerdo != nil && e.Manual != nil, func(b *bytes.Buffer) error { return pdf.Gaceta(b, e, popt) }},
		{"libro.xlsx", "libro de Excel", e.Manual != nil, func(b *bytes.Buffer) error {
			return xlsx.Expediente(b, xlsx.Input{Exp: e, Findings: findings})
		}},
		{"acuerdo.txt", "acuerdo en texto", e.Acuerdo != nil, func(b *bytes.Buffer) error { return text.Acuerdo(b, e.Acuerdo, popt.Templates) }},
		{"extracto-dof.pdf", "extracto para el DOF (vista previa)", e.Acuerdo != nil, func(b *bytes.Buffer) error {
			return pdf.DOF(b, e.Acuerdo, pdf.DOFOptions{}, popt)
		}},
		{"extracto-dof.docx", "extracto para el DOF (Word)", e.Acuerdo != nil, func(b *bytes.Buffer) error {
			x, err := dof.Build(e.Acuerdo, dof.Options{}, popt.Templates)
			if err != nil {
				return err
			}
			return docx.DOF(b, x)
		}},
	}
	var files []outfile.File
	for _, s := range steps {
		if !s.ok {
			continue
		}
		var b bytes.Buffer
		if err := s.render(&b); err != nil {
			fmt.Fprintf(w, "  %-28s no generado: %v\n", s.name, err)
			continue
		}
		files = append(files, outfile.File{Path: filepath.Join(dir, s.name), Data: b.Bytes()})
		fmt.Fprintf(w, "  %-28s %s (%s KB)\n", s.name, s.what, esmx.Int((b.Len()+1023)/1024))
	}
	return files, errs
}
