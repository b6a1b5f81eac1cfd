package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/cipro-ine/mpp/esmx"
	"github.com/cipro-ine/mpp/manuals"
	"github.com/cipro-ine/mpp/manuals/bpmn"
	"github.com/cipro-ine/mpp/manuals/yamldoc"
	"github.com/cipro-ine/mpp/outfile"
)

// maxBPMN bounds a BPMN file read whole: a modeler's largest are a few MB.
const maxBPMN = 50 << 20

// importBPMN reads a BPMN file into a new manual, or into one procedure of
// the expediente's manual with --procedimiento.
func importBPMN(o *importOptions) error {
	if o.outDir == "" {
		return usageError("falta la carpeta del expediente: -o EXPEDIENTE/")
	}
	var code manuals.Code
	if o.procedure != "" {
		if err := code.DecodeScalar(o.procedure); err != nil || code.Level() != manuals.LevelProcedimiento {
			return usageError("--procedimiento %s: se espera el código de un procedimiento, como H.4.05.1.01", o.procedure)
		}
	}
	target := filepath.Join(o.outDir, manuals.FileManual)
	wopt := outfile.Options{Overwrite: o.force, Inputs: []string{o.input}, Root: o.outDir}
	if err := checkOutputs([]string{target}, wopt); err != nil {
		return err
	}
	var into *manuals.Manual
	if code != "" {
		if _, err := os.Stat(target); err == nil {
			e, err := manuals.LoadExpediente(o.outDir)
			if err != nil {
				return err
			}
			if e.Manual == nil {
				return fmt.Errorf("%s: no se pudo leer", target)
			}
			into = e.Manual
		}
	}
	data, err := readInput(o.input, o.g.inputLimit(maxBPMN))
	if err != nil {
		return err
	}
	res, err := bpmn.Read(o.input, data, bpmn.Options{Code: code})
	if err != nil {
		if errors.Is(err, bpmn.ErrNotBPMN) {
			return usageError("%v; no se escribió nada", err)
		}
		return fmt.Errorf("%w; no se escribió nada", err)
	}
	source := filepath.Base(o.input)
	var m *manuals.Manual
	if into != nil {
		if err := res.Into(into, code, source); err != nil {
			return usageError("%s: %v; no se escribió nada", o.input, err)
		}
		m = into
	} else {
		m = res.Manual(source)
	}
	for _, n := range res.Notes {
		fmt.Fprintf(o.io.ErrOut, "aviso: %s:%s\n", o.input, noteText(n))
	}
	out, err := yamldoc.Encode(m, "Importado por «mpp importar bpmn» desde "+source+".")
	if err != nil {
		return err
	}
	if err := outfile.WriteAll([]outfile.File{{Path: target, Data: out}}, wopt); err != nil {
		return fmt.Errorf("%w; no se escribió nada", err)
	}
	acts := 0
	for _, p := range res.Procedures {
		acts += len(p.Actividades)
	}
	o.io.info("escrito: %s (%s, %s, %s de importación)", target,
		esmx.Count(len(res.Procedures), "procedimiento", "procedimientos"), esmx.Count(acts, "actividad", "actividades"),
		esmx.Count(len(res.Notes), "nota", "notas"))
	return nil
}

func noteText(n bpmn.Note) string {
	if n.Line > 0 {
		return fmt.Sprintf("%d: %s", n.Line, n.Text)
	}
	return " " + n.Text
}
