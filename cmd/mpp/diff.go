package main

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/cipro-ine/mpp/infile"
	"github.com/cipro-ine/mpp/manuals"
	"github.com/cipro-ine/mpp/manuals/canon"
	"github.com/cipro-ine/mpp/manuals/diff"
	"github.com/cipro-ine/mpp/manuals/yamldoc"
	"github.com/cipro-ine/mpp/outfile"
	"github.com/cipro-ine/mpp/render/pdf"
	"github.com/cipro-ine/mpp/render/text"
)

type diffOptions struct {
	cmd      *cobra.Command
	io       *ioStreams
	docs     docFlags
	old, new string
	format   *formatFlag
	pdfOut   string
	log      bool   // --control-de-cambios
	out      string // where the updated manual goes
	version  string
	date     string
	owner    string
	force    bool
	logged   string // the entry added, said once it is written
}

func newDiffCmd(ios *ioStreams) *cobra.Command {
	o := &diffOptions{io: ios}
	c := &cobra.Command{
		Use:     "diff ANTERIOR NUEVA",
		Aliases: []string{"comparar"},
		Short:   "Compara dos versiones de un manual o de un acuerdo",
		Long: `Compara dos versiones (dos expedientes, o dos archivos manual.yaml o acuerdo.yaml) por su
contenido, no por su formato: procedimientos agregados, eliminados, renombrados o movidos;
objetivos y descripciones de actividades cambiados, palabra por palabra; roles, riesgos,
entradas del glosario, considerandos y puntos de acuerdo cambiados.

--pdf escribe la comparación para revisión (lo eliminado tachado en rojo, lo agregado
subrayado en verde, con su contexto y una columna para observaciones).

--control-de-cambios agrega al control de cambios de la versión nueva una entrada que
resume los cambios y escribe el manual así actualizado en --salida: mpp nunca sobrescribe
sus entradas.

Código de salida: 0 si las versiones tienen el mismo contenido, 1 si hay cambios, 2 si el
uso es incorrecto o algún archivo no se puede leer.`,
		Example: `  mpp diff version-1/H.4.05 version-2/H.4.05
  mpp diff anterior/manual.yaml nueva/manual.yaml --formato json
  mpp diff version-1/H.4.05 version-2/H.4.05 --pdf cambios.pdf
  mpp diff version-1/H.4.05 version-2/H.4.05 --control-de-cambios --fecha 2022-11-30 -o manual-1.1.yaml`,
		Args: exactArgs(2, "dos versiones: la anterior y la nueva"),
		RunE: func(c *cobra.Command, args []string) error {
			o.cmd, o.old, o.new = c, args[0], args[1]
			return diffRun(o)
		},
	}
	o.format = addFormatFlag(c, fmtText, fmtText, fmtJSON)
	c.Flags().StringVar(&o.pdfOut, "pdf", "", "escribe la comparación en este PDF para revisión")
	c.Flags().BoolVar(&o.log, "control-de-cambios", false, "agrega al control de cambios del manual nuevo una entrada con el resumen")
	c.Flags().StringVarP(&o.out, "salida", "o", "", "con --control-de-cambios: dónde escribir el manual actualizado («-»: la salida estándar)")
	c.Flags().StringVar(&o.version, "version", "", "con --control-de-cambios: versión de la entrada (por omisión, la siguiente: 1.0 → 1.1)")
	c.Flags().StringVar(&o.date, "fecha", "", "con --control-de-cambios: fecha de la entrada (por omisión, hoy)")
	c.Flags().StringVar(&o.owner, "responsable", "", "con --control-de-cambios: responsable de la entrada")
	c.Flags().BoolVar(&o.force, "forzar", false, "reemplaza archivos de salida existentes")
	o.docs.add(c)
	return c
}

// docVersion is one side of a comparison: its documents and the files they
// came from.
type docVersion struct {
	label string // as the user named it
	exp   *manuals.Expediente
	files map[string]string // document → file
}

func loadVersion(path string) (*docVersion, error) {
	st, err := os.Stat(path)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("%s: no existe", path)
		}
		return nil, err
	}
	v := &docVersion{label: path, files: map[string]string{}}
	if st.IsDir() {
		e, err := manuals.LoadExpediente(path)
		if err != nil {
			return nil, err
		}
		v.exp = e
		v.files[canon.Manual], v.files[canon.Acuerdo] = e.Path(manuals.FileManual), e.Path(manuals.FileAcuerdo)
		return v, nil
	}
	data, err := infile.Read(path, manuals.MaxFileSize)
	if err != nil {
		return nil, err
	}
	v.exp = &manuals.Expediente{Dir: filepath.Dir(path)}
	switch kindOfYAML(path, data) {
	case canon.Manual:
		v.exp.Manual = &manuals.Manual{}
		err = yamldoc.Decode(path, data, v.exp.Manual)
		v.files[canon.Manual] = path
	case canon.Acuerdo:
		v.exp.Acuerdo = &manuals.Acuerdo{}
		err = yamldoc.Decode(path, data, v.exp.Acuerdo)
		v.files[canon.Acuerdo] = path
	default:
		return nil, fmt.Errorf("%s: no es un manual ni un acuerdo (se esperaba datos_generales, o codigo y puntos, al primer nivel)", path)
	}
	if err != nil {
		return nil, err
	}
	return v, nil
}

// kindOfYAML tells a manual from an acuerdo: by the file's name, else by
// its top-level keys.
func kindOfYAML(path string, data []byte) string {
	switch filepath.Base(path) {
	case manuals.FileManual:
		return canon.Manual
	case manuals.FileAcuerdo:
		return canon.Acuerdo
	}
	has := func(key string) bool {
		return bytes.HasPrefix(data, []byte(key+":")) || bytes.Contains(data, []byte("\n"+key+":"))
	}
	switch {
	case has("datos_generales"):
		return canon.Manual
	case has("puntos") || has("considerandos"):
		return canon.Acuerdo
	}
	return ""
}

func diffRun(o *diffOptions) error {
	f, err := o.format.resolve("")
	if err != nil {
		return err
	}
	if !o.log && (o.out != "" || o.version != "" || o.date != "" || o.owner != "") {
		return usageError("--salida, --version, --fecha y --responsable son de --control-de-cambios")
	}
	if o.log && o.out == "" {
		return usageError("--control-de-cambios necesita --salida: mpp no sobrescribe sus entradas; indique dónde escribir el manual actualizado y reemplácelo después")
	}
	if o.pdfOut != "" {
		if err := fixedOutput(o.cmd, o.pdfOut, fmtPDF); err != nil {
			return err
		}
	}
	if o.log {
		if err := fixedOutput(o.cmd, o.out, fmtYAML); err != nil {
			return err
		}
		if o.out == "-" && f == fmtJSON {
			return usageError("con «-o -» el manual actualizado sale por la salida estándar; la comparación en JSON no cabe con él: use -o ARCHIVO.yaml")
		}
	}
	a, err := loadVersion(o.old)
	if err != nil {
		return err
	}
	b, err := loadVersion(o.new)
	if err != nil {
		return err
	}
	var docs []pdf.RedlineDoc
	if a.exp.Manual != nil && b.exp.Manual != nil {
		r := diff.NewResult(canon.Manual, a.files[canon.Manual], b.files[canon.Manual], diff.Manuals(a.exp.Manual, b.exp.Manual))
		g := b.exp.Manual.DatosGenerales
		docs = append(docs, pdf.RedlineDoc{Result: r, Title: strings.TrimSpace("Manual de Proceso y Procedimientos " + string(g.Codigo) + " " + g.Nombre),
			OlderPrint: fingerprintOf(a.exp, canon.Manual)})
	}
	if a.exp.Acuerdo != nil && b.exp.Acuerdo != nil {
		r := diff.NewResult(canon.Acuerdo, a.files[canon.Acuerdo], b.files[canon.Acuerdo], diff.Acuerdos(a.exp.Acuerdo, b.exp.Acuerdo))
		docs = append(docs, pdf.RedlineDoc{Result: r, Title: strings.TrimSpace("Acuerdo " + b.exp.Acuerdo.Codigo),
			OlderPrint: fingerprintOf(a.exp, canon.Acuerdo)})
	}
	if len(docs) == 0 {
		return usageError("%s y %s no tienen un documento del mismo tipo que comparar (manual o acuerdo)", o.old, o.new)
	}
	if o.log && docs[0].Document != canon.Manual {
		return usageError("--control-de-cambios: %s no tiene manual", o.new)
	}

	results := make([]diff.Result, len(docs))
	changed := false
	for i, d := range docs {
		results[i] = d.Result
		changed = changed || len(d.Changes) > 0
	}
	if err := checkOutputs([]string{o.pdfOut, o.out}, outfile.Options{Overwrite: o.force, Inputs: o.inputs(a, b)}); err != nil {
		return err
	}
	if f == fmtJSON {
		err = writeEnvelope(o.io, o.cmd, map[string]any{"comparaciones": results}, nil)
	} else if o.out != "-" {
		for i, r := range results {
			if i > 0 {
				fmt.Fprintln(o.io.Out)
			}
			if err = text.Diff(o.io.Out, r, o.io.colorOut); err != nil {
				break
			}
		}
	}
	if err != nil {
		return err
	}

	var files []outfile.File
	if o.pdfOut != "" {
		title := "Expediente " + filepath.Base(filepath.Clean(o.new))
		if m := b.exp.Manual; m != nil && m.DatosGenerales.Codigo != "" {
			title = "Expediente " + string(m.DatosGenerales.Codigo)
		}
		if len(docs) == 1 {
			title = docs[0].Title
		}
		var p bytes.Buffer
		if err := pdf.Redline(&p, pdf.RedlineInput{Title: title, Results: docs, Newer: b.exp, Date: newestDate(b.exp)}, o.docs.pdfOptions()); err != nil {
			return err
		}
		files = append(files, outfile.File{Path: o.pdfOut, Data: p.Bytes()})
	}
	if o.log {
		f, err := changeLogEntry(o, b, docs[0].Changes)
		if err != nil {
			return err
		}
		files = append(files, f)
	}
	if len(files) > 0 {
		if err := writeOutputs(o.io, files, outfile.Options{Overwrite: o.force, Inputs: o.inputs(a, b), Context: o.cmd.Context()}); err != nil {
			return err
		}
		if o.logged != "" {
			o.io.info("%s", o.logged)
		}
	}
	if changed {
		return findings(errSilent)
	}
	return nil
}

// inputs are both versions' files: never written on.
func (o *diffOptions) inputs(a, b *docVersion) []string {
	inputs := append(inputsOf(a.exp), inputsOf(b.exp)...)
	return append(inputs, a.files[canon.Manual], a.files[canon.Acuerdo], b.files[canon.Manual], b.files[canon.Acuerdo])
}

func fingerprintOf(e *manuals.Expediente, doc string) string {
	form, err := canon.Form(e, doc)
	if err != nil || form == nil {
		return ""
	}
	return canon.Fingerprint(form)
}

// newestDate dates a comparison by its newer version: the last entry of the
// manual's control de cambios, else the acuerdo's session. Never the clock.
func newestDate(e *manuals.Expediente) manuals.Date {
	var d manuals.Date
	if e.Manual != nil {
		for _, c := range e.Manual.ControlCambios {
			if c.Fecha.After(d) {
				d = c.Fecha
			}
		}
	}
	if d.IsZero() && e.Acuerdo != nil {
		d = e.Acuerdo.Sesion.Fecha
	}
	return d
}

// changeLogEntry appends to the newer manual's control de cambios an entry
// that sums up the changes, leaving the rest of the file as it was.
func changeLogEntry(o *diffOptions, b *docVersion, cs []diff.Change) (outfile.File, error) {
	m := b.exp.Manual
	ver := o.version
	if ver == "" {
		last := ""
		if n := len(m.ControlCambios); n > 0 {
			last = m.ControlCambios[n-1].Version
		}
		var err error
		if ver, err = nextVersion(last); err != nil {
			return outfile.File{}, usageError("--control-de-cambios: %v; indíquela con --version", err)
		}
	}
	date := manuals.Date{}
	if o.date == "" {
		t := time.Now()
		date = manuals.Date{Year: t.Year(), Month: t.Month(), Day: t.Day()}
	} else {
		var err error
		if date, err = manuals.ParseDate(o.date); err != nil {
			return outfile.File{}, usageError("--fecha: %v", err)
		}
	}
	entry := manuals.Change{Version: ver, Fecha: date, Descripcion: diff.Describe(cs), Responsable: o.owner}
	path := b.files[canon.Manual]
	data, err := os.ReadFile(path)
	if err != nil {
		return outfile.File{}, err
	}
	out, err := yamldoc.Append(path, data, "control_cambios", entry)
	if err != nil {
		return outfile.File{}, err
	}
	// What is written must read back as a manual, with the entry last.
	var check manuals.Manual
	if err := yamldoc.Decode(o.out, out, &check); err != nil {
		return outfile.File{}, fmt.Errorf("el manual actualizado no se pudo leer de nuevo: %w", err)
	}
	if n := len(check.ControlCambios); n == 0 || check.ControlCambios[n-1].Version != ver {
		return outfile.File{}, errors.New("el manual actualizado no tiene la entrada nueva al final del control de cambios")
	}
	o.logged = fmt.Sprintf("control de cambios: versión %s, %s: %s", ver, date.Long(), entry.Descripcion)
	return outfile.File{Path: o.out, Data: out}, nil
}

// nextVersion numbers the next entry: 1.0 → 1.1, 2 → 2.1, 1.9 → 1.10.
func nextVersion(last string) (string, error) {
	if last == "" {
		return "1.0", nil
	}
	major, minor, found := strings.Cut(last, ".")
	if _, err := strconv.Atoi(major); err != nil {
		return "", fmt.Errorf("no se sabe qué versión sigue a «%s»", last)
	}
	if !found {
		return major + ".1", nil
	}
	n, err := strconv.Atoi(minor)
	if err != nil {
		return "", fmt.Errorf("no se sabe qué versión sigue a «%s»", last)
	}
	return major + "." + strconv.Itoa(n+1), nil
}
