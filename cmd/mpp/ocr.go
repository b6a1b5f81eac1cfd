package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"github.com/cipro-ine/mpp/esmx"
	"github.com/cipro-ine/mpp/ingest"
	"github.com/cipro-ine/mpp/manuals"
	"github.com/cipro-ine/mpp/manuals/acuerdotext"
	"github.com/cipro-ine/mpp/ocr"
	"github.com/cipro-ine/mpp/outfile"
	"github.com/cipro-ine/mpp/render/pdf"
)

type ocrOptions struct {
	cmd    *cobra.Command
	io     *ioStreams
	g      *globals
	inputs []string
	out    string
	words  string
	pdf    string
	force  bool
	ocr    ocrFlags
}

// ocrFlags are the recognition options «ocr» and «ingest» share.
type ocrFlags struct {
	jobs, psm, dpi, maxPixels, maxPages int
	keepSpecks, keepSkew, binarize      bool
	forceOCR                            bool
	pageTimeout                         time.Duration
	minConf                             float64
}

// Ranges of the recognition options: outside them a value is a mistake,
// not a setting.
const (
	minDPI, maxDPI             = 70, 1200
	maxJobs                    = 256
	minMaxPixels, maxMaxPixels = 1_000_000, 1_000_000_000
	maxMaxPages                = 100_000
	minPageTimeout             = time.Second
	maxPageTimeout             = 24 * time.Hour
)

// check refuses impossible values, naming the valid range.
func (f *ocrFlags) check() error {
	switch {
	case f.psm != 1 && (f.psm < 3 || f.psm > 13):
		return usageError("--psm %d: Tesseract reconoce con los modos 1 y 3 a 13 (6: un bloque de texto uniforme; 3: automático; 4: una columna)", f.psm)
	case f.minConf < 0 || f.minConf > 100:
		return usageError("--dudosas %s: la confianza va de 0 a 100", esmx.Decimal(f.minConf, 0))
	case f.pageTimeout < minPageTimeout || f.pageTimeout > maxPageTimeout:
		return usageError("--limite-pagina %s: debe estar entre 1s y 24h (p. ej. 90s, 5m)", f.pageTimeout)
	case f.dpi < minDPI || f.dpi > maxDPI:
		return usageError("--dpi %d: debe estar entre %d y %d", f.dpi, minDPI, maxDPI)
	case f.jobs < 0 || f.jobs > maxJobs:
		return usageError("-j/--trabajos %d: debe estar entre 0 (uno por núcleo) y %d", f.jobs, maxJobs)
	case f.maxPixels < minMaxPixels || f.maxPixels > maxMaxPixels:
		return usageError("--max-pixeles %s: debe estar entre %s y %s", esmx.Int(f.maxPixels), esmx.Int(minMaxPixels), esmx.Int(maxMaxPixels))
	case f.maxPages < 1 || f.maxPages > maxMaxPages:
		return usageError("--max-paginas %d: debe estar entre 1 y %s", f.maxPages, esmx.Int(maxMaxPages))
	}
	return nil
}

func (f *ocrFlags) add(c *cobra.Command) {
	c.Flags().IntVarP(&f.jobs, "trabajos", "j", 0, fmt.Sprintf("páginas en paralelo, de 1 a %d (por omisión, una por núcleo)", maxJobs))
	c.Flags().IntVar(&f.psm, "psm", 6, "modo de segmentación de Tesseract: 1 o de 3 a 13 (6: un bloque; 3: automático)")
	c.Flags().IntVar(&f.dpi, "dpi", 300, fmt.Sprintf("resolución (%d a %d) a la que se rasterizan las páginas de un PDF que no son una sola imagen", minDPI, maxDPI))
	c.Flags().Float64Var(&f.minConf, "dudosas", ocr.DefaultMinConfidence, "confianza (0 a 100) por debajo de la cual una palabra va a la lista de revisión")
	c.Flags().BoolVar(&f.keepSpecks, "sin-limpieza", false, "no quita las motas del escáner antes de reconocer")
	c.Flags().BoolVar(&f.keepSkew, "sin-enderezar", false, "no endereza las páginas torcidas (hasta 5°) antes de reconocer")
	c.Flags().BoolVar(&f.binarize, "binarizar", false, "pasa la página a blanco y negro (Otsu) antes de Tesseract")
	c.Flags().IntVar(&f.maxPixels, "max-pixeles", ocr.DefaultMaxPixels, "rechaza las páginas de más píxeles (una carta a 600 dpi tiene 33.7 millones)")
	c.Flags().IntVar(&f.maxPages, "max-paginas", ocr.DefaultMaxPages, "rechaza entradas de más páginas en total")
	c.Flags().DurationVar(&f.pageTimeout, "limite-pagina", ocr.DefaultPageTimeout, "tiempo máximo por página, con su unidad (p. ej. 90s, 5m); la que lo pasa se detiene y se informa")
	_ = c.RegisterFlagCompletionFunc("psm", cobra.FixedCompletions([]string{"6\tun bloque de texto uniforme", "3\tautomático", "4\tuna columna de texto", "11\ttexto disperso"}, cobra.ShellCompDirectiveNoFileComp))
}

// recognise runs OCR over the inputs' pages, with progress on a terminal.
// None readable is an error; unreadable pages come back as failed, and the
// files that could not be opened at all (already reported) are counted.
func recognise(ctx context.Context, ios *ioStreams, inputs []string, f ocrFlags, refuseText bool) (res []ocr.Page, pages []ocr.Source, failed []ocr.PageError, badFiles int, err error) {
	pages, bad, err := ocr.SourcesEach(ctx, inputs, ocr.SourceOptions{DPI: f.dpi, MaxPages: f.maxPages, RefuseText: refuseText && !f.forceOCR})
	if err != nil {
		return nil, nil, nil, 0, err
	}
	// A batch goes on past a file it cannot read: named now, counted as a
	// failure at the end. Nothing readable at all is an error.
	if len(pages) == 0 {
		if len(bad) == 1 {
			return nil, nil, nil, 0, bad[0]
		}
		for _, e := range bad {
			fmt.Fprintf(ios.ErrOut, "mpp: %v\n", e)
		}
		return nil, nil, nil, 0, withKind(errUsage, fmt.Errorf("no se pudo leer ninguno de los %d archivos; no se escribió nada: %w", len(inputs), bad[0]))
	}
	for _, e := range bad {
		fmt.Fprintf(ios.ErrOut, "mpp: %v; se sigue con los demás\n", e)
	}
	start := time.Now()
	var progress func(int)
	if ios.progressOut && !ios.quiet {
		progress = func(done int) { ocrProgress(ios, done, len(pages), start) }
	}
	res, failed, err = ocr.Batch(ctx, pages, f.options(), ocr.BatchOptions{Workers: f.jobs, PageTimeout: f.pageTimeout, Progress: progress})
	if progress != nil {
		fmt.Fprint(ios.ErrOut, "\r\x1b[K")
	}
	if err != nil {
		return nil, nil, nil, 0, err
	}
	if len(failed) == len(res) {
		for _, f := range failed {
			fmt.Fprintf(ios.ErrOut, "mpp: %v\n", f)
		}
		return nil, nil, nil, 0, withKind(errUsage, fmt.Errorf("no se pudo leer ninguna página; no se escribió nada: %w", failed[0].Err))
	}
	reportRecognised(ios, res, failed, start)
	return res, pages, failed, len(bad), nil
}

// options are the recognition's settings.
func (f *ocrFlags) options() ocr.Options {
	return ocr.Options{PSM: f.psm, DPI: f.dpi, KeepSpecks: f.keepSpecks, KeepSkew: f.keepSkew, Binarize: f.binarize, MaxPixels: f.maxPixels}
}

// reportRecognised says how many pages were recognised and how long it
// took, and which pages were turned upright.
func reportRecognised(ios *ioStreams, res []ocr.Page, failed []ocr.PageError, start time.Time) {
	ios.info("%s %s en %s s", esmx.Count(len(res)-len(failed), "página", "páginas"), esmx.Word(len(res)-len(failed), "reconocida", "reconocidas"),
		esmx.Decimal(time.Since(start).Seconds(), 1))
	for _, p := range res {
		if how := turnedWords[p.Turned]; how != "" {
			ios.info("página %d: estaba %s; se leyó derecha", p.Number, how)
		}
	}
}

// turnedWords says how a page lay, by the degrees it was turned upright.
var turnedWords = map[int]string{90: "de lado (girada a la izquierda)", 180: "de cabeza", 270: "de lado (girada a la derecha)"}

func newOCRCmd(ios *ioStreams, g *globals) *cobra.Command {
	o := &ocrOptions{io: ios, g: g}
	c := &cobra.Command{
		Use:   "ocr ARCHIVO... -o TEXTO.txt",
		Short: "Reconoce el texto de acuerdos escaneados (PDF de imagen, TIFF, PNG, JPEG)",
		Long: `Reconoce con Tesseract el texto de uno o más escaneos, en orden, y escribe el texto con una marca
por página («=== página N ===») que «mpp ingest» entiende. Las páginas se reconocen en paralelo,
una por núcleo (-j), cada una en un proceso trabajador, y salen en orden. De un PDF escaneado se
toma la imagen de cada página a su resolución; la página que no es una sola imagen se rasteriza a
--dpi. Antes de reconocer se quitan las motas y se endereza la página (hasta 5°); una página
escaneada de lado o de cabeza sale derecha (cuando la lectura tal cual es dudosa, se lee girada y
se queda la lectura más segura).

Una página que pasa de --limite-pagina se detiene; un archivo que no se puede abrir no detiene a
los demás; en ambos casos se nombra.

En la salida estándar queda la lista de palabras dudosas para revisión (página, renglón,
palabra, confianza y la sugerencia del léxico); --palabras escribe todas las palabras con su
caja, página, renglón y confianza en JSON.

«-o -» escribe el texto en la salida estándar. Un PDF que ya tiene texto en todas sus páginas
no es un escaneo: se rechaza (código 6) salvo con --forzar-ocr.

Código de salida: 0 todo reconocido; 4 escrito, pero alguna página o algún archivo no se pudo
leer (se nombra); 7 escrito, pero alguna página pasó de --limite-pagina; 2 nada escrito;
5 falta Tesseract, sus datos «spa» o poppler; 6 el PDF ya tiene texto; 8 el PDF está cifrado;
130 interrumpido (Ctrl-C), nada escrito.`,
		Example: `  mpp ocr acuerdo-escaneado.pdf -o acuerdo.txt
  mpp ocr hoja1.png hoja2.png -o acuerdo.txt --palabras palabras.json -j 2
  mpp ocr escaneo.tif -o acuerdo.txt --limite-pagina 5m
  mpp ocr escaneo.tif -o acuerdo.txt --pdf buscable.pdf
  mpp ocr escaneo.pdf -o - | less`,
		Args: minArgs(1, "al menos un escaneo"),
		RunE: func(c *cobra.Command, args []string) error {
			o.cmd, o.inputs = c, args
			return ocrRun(o)
		},
	}
	c.Flags().StringVarP(&o.out, "salida", "o", "", "archivo de texto donde escribir (obligatorio; «-» para la salida estándar)")
	c.Flags().StringVar(&o.words, "palabras", "", "escribe en este archivo JSON cada palabra con su caja, página, renglón y confianza")
	c.Flags().StringVar(&o.pdf, "pdf", "", "escribe además un PDF buscable: las imágenes tal cual, el texto invisible encima y, si se lee el acuerdo, su índice")
	c.Flags().BoolVar(&o.force, "forzar", false, "reemplaza los archivos de salida si ya existen")
	c.Flags().BoolVar(&o.ocr.forceOCR, "forzar-ocr", false, "reconoce también un PDF que ya tiene texto en todas sus páginas")
	o.ocr.add(c)
	return c
}

func ocrRun(o *ocrOptions) error {
	if o.out == "" {
		return usageError("falta -o: el archivo de texto donde escribir («-o -» para la salida estándar)")
	}
	if err := o.ocr.check(); err != nil {
		return err
	}
	if err := fixedOutput(o.cmd, o.out, fmtText); err != nil {
		return err
	}
	outputs := []string{o.out}
	if o.words != "" {
		if err := fixedOutput(o.cmd, o.words, fmtJSON); err != nil {
			return err
		}
		outputs = append(outputs, o.words)
	}
	if o.pdf != "" {
		if err := fixedOutput(o.cmd, o.pdf, fmtPDF); err != nil {
			return err
		}
		outputs = append(outputs, o.pdf)
	}
	// Before the recognition, which can take an hour: an output that could
	// not be written is refused now.
	wopt := outfile.Options{Overwrite: o.force, Inputs: o.inputs, Context: o.cmd.Context()}
	if err := checkOutputs(outputs, wopt); err != nil {
		return err
	}
	prof, err := o.g.profile()
	if err != nil {
		return err
	}
	res, srcs, failed, badFiles, err := recognise(o.cmd.Context(), o.io, o.inputs, o.ocr, true)
	if err != nil {
		return err
	}
	text := ocr.Text(res)
	files := []outfile.File{{Path: o.out, Data: []byte(text)}}
	if o.pdf != "" {
		// The outline, when the text reads as an acuerdo.
		var a *manuals.Acuerdo
		if r := acuerdotext.IngestLines(ingest.Lines(res), prof); len(r.Acuerdo.Antecedentes) > 0 {
			a = r.Acuerdo
		}
		b, err := searchablePDF(o.cmd.Context(), o.io, res, srcs, a, o.ocr.maxPixels)
		if err != nil {
			return err
		}
		files = append(files, outfile.File{Path: o.pdf, Data: b})
	}
	if o.words != "" {
		var all []ocr.Word
		for _, p := range res {
			all = append(all, p.Words...)
		}
		b, err := json.MarshalIndent(map[string]any{"paginas": len(res), "palabras": all}, "", " ")
		if err != nil {
			return err
		}
		files = append(files, outfile.File{Path: o.words, Data: append(b, '\n')})
	}
	if err := writeOutputs(o.io, files, wopt); err != nil {
		return err
	}
	// With the text on standard output, the review list goes to stderr.
	review := o.io.Out
	if o.out == "-" {
		review = o.io.ErrOut
	}
	if err := writeReview(review, o.ocr.minConf, res, acuerdotext.NewLexicon(prof, nil)); err != nil {
		return err
	}
	for _, f := range failed {
		fmt.Fprintf(o.io.ErrOut, "mpp: %v\n", f)
	}
	return unreadPages(failed, len(res), badFiles, len(o.inputs))
}

// unreadPages is the outcome of a recognition that wrote its output: pages
// stopped by the time limit, pages or files that could not be read.
func unreadPages(failed []ocr.PageError, pages, badFiles, files int) error {
	var why error
	for _, f := range failed {
		if errors.Is(f.Err, ocr.ErrPageTimeout) {
			why = ocr.ErrPageTimeout
		}
	}
	what := func(format string, args ...any) error {
		if why != nil {
			return partial(fmt.Errorf(format+" (%w)", append(args, why)...))
		}
		return partial(fmt.Errorf(format, args...))
	}
	switch {
	case badFiles > 0 && len(failed) > 0:
		return what("%s y %d de %s no se pudieron leer; vea arriba", esmx.Count(badFiles, "archivo", "archivos"), len(failed), esmx.Count(pages, "página", "páginas"))
	case badFiles > 0:
		return what("%d de %s no se %s leer; el texto trae los demás", badFiles, esmx.Count(files, "archivo", "archivos"), esmx.Word(badFiles, "pudo", "pudieron"))
	case len(failed) > 0:
		return what("%d de %s no se %s leer; el texto las marca vacías", len(failed), esmx.Count(pages, "página", "páginas"), esmx.Word(len(failed), "pudo", "pudieron"))
	}
	return nil
}

// writeReview prints the doubtful words: low confidence, or with a lexicon
// correction.
func writeReview(w io.Writer, minConf float64, pages []ocr.Page, lex *acuerdotext.Lexicon) error {
	doubts := ocr.Doubtful(pages, minConf, lex.Suggest)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	if len(doubts) == 0 {
		fmt.Fprintf(tw, "Sin palabras dudosas (confianza de %s o más y ninguna corrección del léxico).\n", esmx.Decimal(minConf, 0))
	} else {
		fmt.Fprintln(tw, "Página\tRenglón\tPalabra\tConfianza\tSugerencia")
	}
	for _, d := range doubts {
		fmt.Fprintf(tw, "%d\t%d\t%s\t%.0f\t%s\n", d.Page, d.Line, d.Text, d.Conf, d.Suggestion)
	}
	return tw.Flush()
}

func ocrProgress(ios *ioStreams, done, total int, start time.Time) {
	el := time.Since(start)
	perMin := float64(done) / el.Minutes()
	left := time.Duration(float64(el) / float64(done) * float64(total-done)).Round(time.Second)
	const width = 24
	bar := strings.Repeat("█", done*width/total) + strings.Repeat("░", width-done*width/total)
	fmt.Fprintf(ios.ErrOut, "\r\x1b[K%s %d/%d páginas · %s páginas/min · faltan %s", bar, done, total, esmx.Decimal(perMin, 1), left)
}

// searchablePDF writes the scan as a searchable PDF: each page's image as
// it is, its words over it in invisible text, and, when the acuerdo was
// read (a not nil), its structure as the outline.
func searchablePDF(ctx context.Context, ios *ioStreams, res []ocr.Page, srcs []ocr.Source, a *manuals.Acuerdo, maxPixels int) ([]byte, error) {
	pages := make([]pdf.ScanPage, len(res))
	for i, p := range res {
		data, isJPEG, w, h, dpi, err := srcs[i].Encoded(ctx, maxPixels)
		if err != nil {
			return nil, fmt.Errorf("--pdf: página %d: %w", i+1, err)
		}
		sp := pdf.ScanPage{Image: data, JPEG: isJPEG, W: w, H: h, DPI: dpi}
		for k, at := range p.Placements() {
			sp.Words = append(sp.Words, pdf.ScanWord{Text: p.Words[k].Text, X: at.X, Y: at.Y, W: at.W, H: at.H, Angle: at.Angle})
		}
		pages[i] = sp
	}
	meta := pdf.Meta{Title: "Escaneo con su texto reconocido", Subject: "Escaneo con capa de texto (OCR)", Author: "mpp"}
	var outline []pdf.OutlineEntry
	if a != nil {
		outline = pdf.AcuerdoOutline(a)
		meta.Title, meta.Date = strings.TrimSpace(a.Codigo+" "+a.Titulo), a.Sesion.Fecha
		ios.info("--pdf: se leyó el acuerdo %s; el PDF lleva su índice (%s)", orUnknown(a.Codigo), esmx.Count(len(outline), "entrada", "entradas"))
	}
	var b bytes.Buffer
	if err := pdf.Searchable(&b, pages, meta, outline); err != nil {
		return nil, fmt.Errorf("--pdf: %w", err)
	}
	return b.Bytes(), nil
}
