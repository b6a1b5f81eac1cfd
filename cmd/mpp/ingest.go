package main

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/cipro-ine/mpp/esmx"
	"github.com/cipro-ine/mpp/infile"
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
sin OCR; un escaneo (PDF de imagen, TIFF, PNG o JPEG), o un PDF con alguna página sin texto
legible, se reconoce antes con OCR, como en «mpp ocr»; cada
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
	var data []byte
	var unread []ocr.PageError
	var scanned []ocr.Page
	var scannedFrom []ocr.Source
	var route string // how the PDF's pages were read, for the notes
	layer, isPDF := []ocr.Page(nil), strings.EqualFold(filepath.Ext(o.input), ".pdf")
	if isPDF && !o.ocr.forceOCR {
		// A born-digital PDF is read from its text layer, never OCR'd;
		// a scan, or a PDF with any page without usable text, is
		// recognised (OCRmyPDF's --force-ocr is --forzar-ocr).
		// A PDF pdftotext cannot read (encrypted, damaged, missing) goes
		// on to the OCR path, which names its problem and exit code.
		pages, usable, _ := ocr.TextLayer(o.cmd.Context(), o.input)
		with := 0
		for _, u := range usable {
			if u {
				with++
			}
		}
		switch {
		case len(pages) > 0 && with == len(pages):
			layer = pages
			route = fmt.Sprintf("Leído de la capa de texto del PDF (%s, sin OCR).", esmx.Count(len(pages), "página", "páginas"))
		case with > 0:
			route = fmt.Sprintf("%s de %d del PDF %s capa de texto legible; se reconocieron todas con OCR.", esmx.Count(with, "página", "páginas"), len(pages), esmx.Word(with, "tiene", "tienen"))
		}
	}
	if o.pdf != "" && (layer != nil || !ocr.IsScan(o.input)) {
		return usageError("--pdf: %s no se lee con OCR (trae su texto); el PDF buscable es para escaneos", o.input)
	}
	if layer != nil {
		data = []byte(ocr.Text(layer))
	} else if ocr.IsScan(o.input) {
		// A scan: recognise it first; the page marks carry each page's
		// number into the acuerdo's «origen».
		pages, srcs, failed, _, err := recognise(o.cmd.Context(), o.io, []string{o.input}, o.ocr, false)
		if err != nil {
			return err
		}
		data, unread, scanned, scannedFrom = []byte(ocr.Text(pages)), failed, pages, srcs
	} else if data, err = readInput(o.input, o.g.inputLimit(maxTextInput)); err != nil {
		return err
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return usageError("%s: el archivo está vacío; no se escribió nada", o.input)
	}
	r, err := acuerdotext.Ingest(data, prof)
	if errors.Is(err, acuerdotext.ErrNotText) {
		return usageError("%s: no es un archivo de texto (tiene bytes nulos o de control); no se escribió nada", o.input)
	}
	if err != nil {
		return fmt.Errorf("%s: %w", o.input, err)
	}
	a := r.Acuerdo
	// The review list, against the lexicon that now knows the glosario.
	lex := acuerdotext.NewLexicon(prof, a.Glosario)
	for _, d := range ocr.Doubtful(scanned, o.ocr.minConf, lex.Suggest) {
		a.RevisionOCR = append(a.RevisionOCR, manuals.DoubtfulWord{Pagina: d.Page, Renglon: d.Line, Palabra: d.Text, Confianza: math.Round(d.Conf*10) / 10, Sugerencia: d.Suggestion})
	}
	if n := len(a.RevisionOCR); n > 0 {
		a.Notas = append(a.Notas, fmt.Sprintf("%s del OCR para revisar (ver «revision_ocr», y la hoja «Revisión OCR» del libro de Excel)", esmx.Count(n, "palabra dudosa", "palabras dudosas")))
	}
	for _, f := range unread {
		a.Notas = append(a.Notas, fmt.Sprintf("La página %d del escaneo no se pudo leer (%v); su texto falta.", f.Index, f.Err))
	}
	if route != "" {
		a.Notas = append([]string{route}, a.Notas...)
	}
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
		if searchable, err = searchablePDF(o.cmd.Context(), o.io, scanned, scannedFrom, a, o.ocr.maxPixels); err != nil {
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
	if len(unread) > 0 {
		return unreadPages(unread, len(scanned), 0, 1)
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
