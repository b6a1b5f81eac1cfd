package main

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/cipro-ine/mpp/esmx"
	"github.com/cipro-ine/mpp/infile"
	"github.com/cipro-ine/mpp/ingest"
	"github.com/cipro-ine/mpp/manuals"
	"github.com/cipro-ine/mpp/manuals/acuerdotext"
	"github.com/cipro-ine/mpp/manuals/yamldoc"
	"github.com/cipro-ine/mpp/ocr"
	"github.com/cipro-ine/mpp/outfile"
	"github.com/cipro-ine/mpp/render/report"
)

// maxTextInput bounds the text an acuerdo is read from; the longest acuerdo
// is some 40 KB.
const maxTextInput = 50 << 20

type ingestOptions struct {
	cmd    *cobra.Command
	io     *ioStreams
	g      *globals
	input  string
	outDir string
	pdf    string
	force  bool
	ocr    ocrFlags
}

func newIngestCmd(ios *ioStreams, g *globals) *cobra.Command {
	o := &ingestOptions{io: ios, g: g}
	c := &cobra.Command{
		Use:     "ingest ARCHIVO.txt|ESCANEO.pdf -o EXPEDIENTE/",
		Aliases: []string{"ingerir"},
		Short:   "Lee el texto de un acuerdo y escribe acuerdo.yaml y el esqueleto de manual.yaml",
		Long: `Lee el texto de un acuerdo de la Junta (salido de OCR o de un PDF, con su ruido: restos de
Markdown, encabezados y números de página, palabras cortadas, párrafos partidos por saltos de
página) y escribe en la carpeta del expediente acuerdo.yaml y un esqueleto de manual.yaml con la
estructura del proceso que da el acuerdo.

Un PDF que trae su texto (hecho con Word, LibreOffice o un navegador) se lee de su capa de texto,
sin OCR; un escaneo (PDF de imagen, TIFF, PNG o JPEG) se reconoce antes con OCR, como en «mpp
ocr»; de un PDF mixto, sólo las páginas sin texto legible (una imagen, o una capa que no se lee
como español) se reconocen con OCR, y una nota dice cuáles. Cada
elemento del acuerdo lleva en «origen» la página de la que vino, y las palabras dudosas quedan en
«revision_ocr» (y en la hoja «Revisión OCR» del libro de Excel del expediente).

Nunca falla por el contenido: el texto que no se puede ubicar queda en «sin_clasificar» con sus
líneas. Los errores de OCR se corrigen contra un léxico y cada corrección queda registrada.

Código de salida: 0 acuerdo completo; 4 escrito, pero alguna página del escaneo no se
pudo leer; 3 escrito, pero le falta el código, el considerando del
proceso o los puntos de acuerdo; 2 nada escrito (la entrada no es texto, o los archivos ya
existen y no se dio --forzar).`,
		Example: `  mpp ingest acuerdo.txt -o expedientes/H.4.05/
  mpp ingerir INE-JGE52-2022.txt -o S.5.01/ --forzar
  mpp ingest escaneo.tif -o H.4.05/ --pdf H.4.05/acuerdo-buscable.pdf`,
		Args: exactArgs(1, "un archivo de texto o un escaneo"),
		RunE: func(c *cobra.Command, args []string) error {
			o.cmd, o.input = c, args[0]
			return ingestRun(o)
		},
	}
	c.Flags().StringVarP(&o.outDir, "salida", "o", "", "carpeta del expediente donde escribir (obligatoria)")
	c.Flags().BoolVar(&o.force, "forzar", false, "reemplaza acuerdo.yaml y manual.yaml si ya existen")
	c.Flags().StringVar(&o.pdf, "pdf", "", "de un escaneo, escribe además un PDF buscable con el índice del acuerdo leído")
	c.Flags().BoolVar(&o.ocr.forceOCR, "forzar-ocr", false, "reconoce con OCR también un PDF que trae su texto (por omisión se lee su capa de texto)")
	o.ocr.add(c)
	return c
}

func ingestRun(o *ingestOptions) error {
	if o.outDir == "" {
		return usageError("falta la carpeta del expediente: -o EXPEDIENTE/")
	}
	if f, known := formatOfExt[strings.ToLower(filepath.Ext(o.outDir))]; known {
		return usageError("-o %s: «mpp ingest» escribe una carpeta de expediente (acuerdo.yaml y manual.yaml), no un archivo %s", o.outDir, f)
	}
	if err := o.ocr.check(); err != nil {
		return err
	}
	targets := []string{filepath.Join(o.outDir, manuals.FileAcuerdo), filepath.Join(o.outDir, manuals.FileManual)}
	wopt := outfile.Options{Overwrite: o.force, Inputs: []string{o.input}, Root: o.outDir, Context: o.cmd.Context()}
	// Before OCR, which can take long: outputs that could not be written
	// are refused now.
	if err := checkOutputs(targets, wopt); err != nil {
		return err
	}
	// The searchable PDF may go anywhere, not only into the expediente.
	popt := wopt
	popt.Root = ""
	if o.pdf != "" {
		if err := fixedOutput(o.cmd, o.pdf, fmtPDF); err != nil {
			return err
		}
		if err := checkOutputs([]string{o.pdf}, popt); err != nil {
			return err
		}
	}
	prof, err := o.g.profile()
	if err != nil {
		return err
	}
	plan, err := ingest.Choose(o.cmd.Context(), o.input, o.ocr.forceOCR)
	if err != nil {
		return err
	}
	switch {
	case o.pdf != "" && plan.Route != ingest.FromOCR:
		return usageError("--pdf: %s no se lee con OCR (trae su texto); el PDF buscable es para escaneos", o.input)
	case o.pdf != "" && plan.Mixed():
		return usageError("--pdf: %s trae su texto en algunas páginas; el PDF buscable es para escaneos (con --forzar-ocr se reconocen todas)", o.input)
	}
	start := time.Now()
	opt := ingest.Options{MaxText: o.g.inputLimit(maxTextInput), MinConf: o.ocr.minConf,
		OCR:     o.ocr.options(),
		Batch:   ocr.BatchOptions{Workers: o.ocr.jobs, PageTimeout: o.ocr.pageTimeout},
		Sources: ocr.SourceOptions{DPI: o.ocr.dpi, MaxPages: o.ocr.maxPages}}
	if o.io.progressOut && !o.io.quiet {
		opt.Progress = func(done, total int) { ocrProgress(o.io, done, total, start) }
	}
	rd, err := plan.Read(o.cmd.Context(), prof, opt)
	if opt.Progress != nil && plan.Route == ingest.FromOCR {
		fmt.Fprint(o.io.ErrOut, "\r\x1b[K")
	}
	switch {
	case errors.Is(err, acuerdotext.ErrNotText):
		return usageError("%s: no es un archivo de texto (tiene bytes nulos o de control); no se escribió nada", o.input)
	case errors.Is(err, ingest.ErrEmpty):
		return usageError("%s: el archivo está vacío; no se escribió nada", o.input)
	case errors.Is(err, ingest.ErrNoPage):
		return withKind(errUsage, fmt.Errorf("%s: %w; no se escribió nada", o.input, err))
	case err != nil:
		return err
	}
	if plan.Route == ingest.FromOCR {
		reportRecognised(o.io, rd.Recognised, rd.Unread, start)
	}
	r, a := rd.Result, rd.Acuerdo
	acuerdoYAML, err := yamldoc.Encode(a,
		fmt.Sprintf("Generado por «mpp ingest» desde %s (cobertura %s).", filepath.Base(o.input), esmx.Percent(r.Coverage())),
		"Revise «notas», «correcciones» y «sin_clasificar».")
	if err != nil {
		return err
	}
	manualYAML, err := yamldoc.Encode(manuals.ManualFromAcuerdo(a),
		"Esqueleto del manual que aprueba el acuerdo "+orUnknown(a.Codigo)+", generado por «mpp ingest».",
		"Trae la estructura y los objetivos del acuerdo; faltan roles, reglas de operación, actividades,",
		"controles, riesgos e indicadores. «mpp validate» dice qué falta.")
	if err != nil {
		return err
	}
	files := []outfile.File{{Path: targets[0], Data: acuerdoYAML}, {Path: targets[1], Data: manualYAML}}
	var searchable []byte
	if o.pdf != "" {
		if searchable, err = searchablePDF(o.cmd.Context(), o.io, rd.Pages, rd.Sources, a, o.ocr.maxPixels); err != nil {
			return err
		}
	}
	if err := outfile.WriteAll(files, wopt); err != nil {
		return fmt.Errorf("%w; no se escribió nada", err)
	}
	if searchable != nil {
		if err := outfile.WriteAll([]outfile.File{{Path: o.pdf, Data: searchable}}, popt); err != nil {
			return fmt.Errorf("%w; el expediente quedó escrito, el PDF buscable no", err)
		}
	}
	w := o.io.Out
	fmt.Fprintf(w, "%s: cobertura %s (%d de %s con texto %s)\n", o.input, esmx.Percent(r.Coverage()), r.Placed,
		esmx.Count(r.NonBlank, "línea", "líneas"), esmx.Word(r.Placed, "ubicada", "ubicadas"))
	var conf []string
	for _, c := range r.Sections {
		conf = append(conf, c.String())
	}
	fmt.Fprintf(w, "  confianza: %s\n", report.Printable(strings.Join(conf, " · ")))
	for _, n := range a.Notas {
		fmt.Fprintf(w, "  nota: %s\n", report.Printable(n))
	}
	for _, c := range a.Correcciones {
		fmt.Fprintf(w, "  corrección: %s\n", report.Printable(fmt.Sprintf("«%s» → «%s» (%s; %s)", c.Original, c.Corregido, c.Ubicacion, c.Motivo)))
	}
	for _, f := range a.SinClasificar {
		fmt.Fprintf(w, "  sin clasificar: líneas %d–%d: «%s»\n", f.Origen.Desde, f.Origen.Hasta, report.Printable(excerpt(f.Texto, 60)))
	}
	for _, f := range files {
		fmt.Fprintf(w, "escrito: %s\n", f.Path)
	}
	if searchable != nil {
		fmt.Fprintf(w, "escrito: %s (PDF buscable)\n", o.pdf)
	}
	if len(r.Missing) > 0 {
		return incomplete(fmt.Errorf("el acuerdo está incompleto: no se encontró %s", strings.Join(r.Missing, ", ")))
	}
	if len(rd.Unread) > 0 {
		return unreadPages(rd.Unread, len(rd.Pages), 0, 1)
	}
	return nil
}

// readInput reads a whole input file within max bytes (infile.Read).
func readInput(path string, max int64) ([]byte, error) { return infile.Read(path, max) }

func orUnknown(s string) string {
	if s == "" {
		return "(sin código)"
	}
	return s
}

func excerpt(s string, n int) string {
	r := []rune(strings.Join(strings.Fields(s), " "))
	if len(r) <= n {
		return string(r)
	}
	return string(r[:n]) + "…"
}
