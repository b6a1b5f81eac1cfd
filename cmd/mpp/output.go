package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/cipro-ine/mpp/manuals/workbook"
	"github.com/cipro-ine/mpp/manuals/yamldoc"
	"github.com/cipro-ine/mpp/outfile"
)

// format is an output format, named as --formato takes it. One set of
// values for every command; each command accepts the ones it can write.
type format string

const (
	fmtText     format = "texto"
	fmtJSON     format = "json"
	fmtSARIF    format = "sarif"
	fmtGCC      format = "gcc"
	fmtMarkdown format = "markdown"
	fmtPDF      format = "pdf"
	fmtXLSX     format = "xlsx"
	fmtDOCX     format = "docx"
	fmtYAML     format = "yaml"
)

// formatNames are the other spellings --formato takes.
var formatNames = map[string]format{
	"texto": fmtText, "txt": fmtText, "text": fmtText,
	"json": fmtJSON, "sarif": fmtSARIF, "gcc": fmtGCC,
	"markdown": fmtMarkdown, "md": fmtMarkdown,
	"pdf": fmtPDF, "xlsx": fmtXLSX, "excel": fmtXLSX, "yaml": fmtYAML, "yml": fmtYAML,
	"docx": fmtDOCX, "word": fmtDOCX,
}

// formatOfExt is the format a file name ending announces.
var formatOfExt = map[string]format{
	".txt": fmtText, ".text": fmtText, ".json": fmtJSON, ".sarif": fmtSARIF, ".md": fmtMarkdown,
	".pdf": fmtPDF, ".xlsx": fmtXLSX, ".yaml": fmtYAML, ".yml": fmtYAML, ".docx": fmtDOCX,
}

// binary formats are never written to a terminal or a pipe by «-o -».
func (f format) binary() bool { return f == fmtPDF || f == fmtXLSX || f == fmtDOCX }

// kind names a file of the format as a sentence does: «un archivo PDF»,
// «un archivo de texto».
func (f format) kind() string {
	switch f {
	case fmtText, fmtGCC:
		return "de texto"
	case fmtXLSX:
		return "de Excel"
	case fmtDOCX:
		return "de Word"
	case fmtMarkdown:
		return "Markdown"
	}
	return strings.ToUpper(string(f))
}

// ext is the file ending of the format.
func (f format) ext() string {
	switch f {
	case fmtText, fmtGCC:
		return ".txt"
	case fmtMarkdown:
		return ".md"
	}
	return "." + string(f)
}

// formatFlag is a command's --formato: its value, default and the formats
// it accepts (also offered by the shell completion).
type formatFlag struct {
	value   string
	def     format
	allowed []format
	flag    *cobra.Command
}

func addFormatFlag(c *cobra.Command, def format, allowed ...format) *formatFlag {
	f := &formatFlag{def: def, allowed: allowed, flag: c}
	names := make([]string, len(allowed))
	for i, a := range allowed {
		names[i] = string(a)
	}
	c.Flags().StringVar(&f.value, "formato", "", "formato de salida: "+orList(names)+" (por omisión, "+string(def)+", o el que diga la extensión de -o)")
	_ = c.RegisterFlagCompletionFunc("formato", cobra.FixedCompletions(names, cobra.ShellCompDirectiveNoFileComp))
	return f
}

// resolve gives the format to write to out ("" or "-": standard output):
// --formato if given, else the one out's extension names, else the
// default. An out whose extension names another format is refused, as is
// a binary format on standard output.
func (f *formatFlag) resolve(out string) (format, error) {
	path := f.flag.CommandPath()
	chosen := f.def
	explicit := f.value != ""
	if explicit {
		v, ok := formatNames[strings.ToLower(f.value)]
		switch {
		case !ok:
			return "", usageError("«%s»: formato desconocido «%s»; use %s", path, f.value, orList(formatStrings(f.allowed)))
		case !slices.Contains(f.allowed, v):
			return "", usageError("«%s»: no escribe en formato %s; use %s", path, v, orList(formatStrings(f.allowed)))
		}
		chosen = v
	}
	if out == "" || out == "-" {
		if chosen.binary() && out == "-" {
			return "", usageError("«%s»: el formato %s es binario y no se escribe en la salida estándar; dé un archivo con -o", path, chosen)
		}
		return chosen, nil
	}
	byExt, known := formatOfExt[strings.ToLower(filepath.Ext(out))]
	switch {
	case !known:
		return chosen, nil
	case explicit && byExt != chosen && !(chosen == fmtGCC && byExt == fmtText):
		return "", usageError("«%s»: -o %s es un archivo %s, pero el formato pedido es %s; cambie el nombre o --formato", path, out, byExt.kind(), chosen)
	case !explicit && slices.Contains(f.allowed, byExt):
		return byExt, nil
	case !explicit && byExt != chosen:
		return "", usageError("«%s»: -o %s es un archivo %s, y este comando escribe archivos %s; use un nombre terminado en %s", path, out, byExt.kind(), orList(formatKinds(f.allowed)), chosen.ext())
	}
	return chosen, nil
}

func formatKinds(fs []format) []string {
	out := make([]string, len(fs))
	for i, f := range fs {
		out[i] = f.kind()
	}
	return out
}

func formatStrings(fs []format) []string {
	out := make([]string, len(fs))
	for i, f := range fs {
		out[i] = string(f)
	}
	return out
}

// orList writes "a, b o c".
func orList(s []string) string {
	switch len(s) {
	case 0:
		return ""
	case 1:
		return s[0]
	}
	return strings.Join(s[:len(s)-1], ", ") + " o " + s[len(s)-1]
}

// fixedOutput is for a command that writes one kind of file: -o must not
// name another, and a binary one never goes to standard output.
func fixedOutput(c *cobra.Command, out string, f format) error {
	if out == "-" && f.binary() {
		return usageError("«%s»: escribe %s, que es binario y no va a la salida estándar; dé un archivo con -o", c.CommandPath(), f)
	}
	if byExt, known := formatOfExt[strings.ToLower(filepath.Ext(out))]; known && byExt != f {
		return usageError("«%s»: -o %s es un archivo %s, pero este comando escribe archivos %s; use un nombre terminado en %s", c.CommandPath(), out, byExt.kind(), f.kind(), f.ext())
	}
	return nil
}

// writeOutputs writes a command's files all or none; a path "-" goes to
// standard output (a text format only, checked by resolve and
// fixedOutput).
func writeOutputs(ios *ioStreams, files []outfile.File, o outfile.Options) error {
	var disk []outfile.File
	var stdout [][]byte
	for _, f := range files {
		if f.Path == "-" {
			stdout = append(stdout, f.Data)
		} else {
			disk = append(disk, f)
		}
	}
	if len(disk) > 0 {
		if err := outfile.WriteAll(disk, o); err != nil {
			return fmt.Errorf("%w; no se escribió nada", err)
		}
	}
	for _, b := range stdout {
		if _, err := ios.Out.Write(b); err != nil {
			return err
		}
	}
	for _, f := range disk {
		ios.info("escrito: %s", f.Path)
	}
	return nil
}

// checkOutputs refuses, before any expensive work, outputs that could not
// be written at the end: existing ones without --forzar, inputs, folders,
// paths outside -o.
func checkOutputs(paths []string, o outfile.Options) error {
	var disk []string
	for _, p := range paths {
		if p != "" && p != "-" {
			disk = append(disk, p)
		}
	}
	if err := outfile.Check(disk, o); err != nil {
		return fmt.Errorf("%w; no se hizo nada", err)
	}
	return nil
}

// The JSON envelope every «--formato json» shares: the schema version, the
// command, its exit code and the errors met, beside the command's own keys.
const jsonSchemaVersion = 1

// outcome is one error in the envelope, with the file and position when
// known.
type outcome struct {
	File    string `json:"archivo,omitempty"`
	Line    int    `json:"linea,omitempty"`
	Column  int    `json:"columna,omitempty"`
	Sheet   string `json:"hoja,omitempty"`
	Row     int    `json:"fila,omitempty"`
	Message string `json:"mensaje"`
}

// outcomesOf splits an error into its located parts.
func outcomesOf(err error) []outcome {
	var list yamldoc.ErrorList
	var one *yamldoc.Error
	var cells workbook.Errors
	switch {
	case errors.As(err, &list):
		out := make([]outcome, len(list))
		for i, e := range list {
			out[i] = outcome{File: e.File, Line: e.Line, Column: e.Column, Message: e.Msg}
		}
		return out
	case errors.As(err, &one):
		return []outcome{{File: one.File, Line: one.Line, Column: one.Column, Message: one.Msg}}
	case errors.As(err, &cells):
		out := make([]outcome, len(cells))
		for i, e := range cells {
			out[i] = outcome{Sheet: e.Sheet, Row: e.Row, Message: e.Error()}
		}
		return out
	}
	return []outcome{{Message: err.Error()}}
}

func outcomeOf(err error) outcome {
	o := outcomesOf(err)
	if len(o) == 1 {
		return o[0]
	}
	return outcome{Message: err.Error()}
}

// jsonRequested: the command was asked for JSON.
func jsonRequested(c *cobra.Command) bool {
	f := c.Flags().Lookup("formato")
	return f != nil && formatNames[strings.ToLower(f.Value.String())] == fmtJSON
}

// writeEnvelope writes the command's JSON: payload's keys beside the
// envelope's.
func writeEnvelope(ios *ioStreams, c *cobra.Command, payload map[string]any, errs []outcome) error {
	doc := map[string]any{}
	for k, v := range payload {
		doc[k] = v
	}
	if errs == nil {
		errs = []outcome{}
	}
	doc["version_esquema"] = jsonSchemaVersion
	doc["comando"] = strings.TrimPrefix(c.CommandPath(), "mpp ")
	doc["errores"] = errs
	enc := json.NewEncoder(ios.Out)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	ios.wroteJSON = true
	return enc.Encode(doc)
}
