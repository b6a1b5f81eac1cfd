package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/signal"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"github.com/cipro-ine/mpp/manuals/acuerdotext"
	"github.com/cipro-ine/mpp/ocr"
	"github.com/cipro-ine/mpp/outfile"
)

type ocrOptions struct {
	io     *ioStreams
	g      *globals
	inputs []string
	out    string
	words  string
	force  bool
	ocr    ocrFlags
}

// ocrFlags are the recognition options «ocr» and «ingest» share.
type ocrFlags struct {
	jobs, psm, dpi, maxPixels, maxPages int
	keepSpecks, keepSkew, binarize      bool
	pageTimeout                         time.Duration
	minConf                             float64
}

func (f *ocrFlags) add(c *cobra.Command) {
	c.Flags().IntVarP(&f.jobs, "trabajos", "j", 0, "páginas en paralelo (por omisión, una por núcleo)")
	c.Flags().IntVar(&f.psm, "psm", 6, "modo de segmentación de Tesseract (6: un bloque; 3: automático)")
	c.Flags().IntVar(&f.dpi, "dpi", 300, "resolución a la que se rasterizan las páginas de un PDF que no son una sola imagen")
	c.Flags().Float64Var(&f.minConf, "dudosas", ocr.DefaultMinConfidence, "confianza (0–100) por debajo de la cual una palabra va a la lista de revisión")
	c.Flags().BoolVar(&f.keepSpecks, "sin-limpieza", false, "no quita las motas del escáner antes de reconocer")
	c.Flags().BoolVar(&f.keepSkew, "sin-enderezar", false, "no endereza las páginas torcidas (hasta 5°) antes de reconocer")
	c.Flags().BoolVar(&f.binarize, "binarizar", false, "pasa la página a blanco y negro (Otsu) antes de Tesseract")
	c.Flags().IntVar(&f.maxPixels, "max-pixeles", ocr.DefaultMaxPixels, "rechaza las páginas de más píxeles (una carta a 600 dpi tiene 33.7 millones)")
	c.Flags().IntVar(&f.maxPages, "max-paginas", ocr.DefaultMaxPages, "rechaza entradas de más páginas en total")
	c.Flags().DurationVar(&f.pageTimeout, "limite-pagina", ocr.DefaultPageTimeout, "tiempo máximo por página; la que lo pasa se detiene y se informa (p. ej. 90s, 5m)")
}

// recognise runs OCR over the inputs' pages, with progress on a terminal.
// None readable is an error; unreadable pages come back as failed, and the
// files that could not be opened at all (already reported) are counted.
func recognise(ios *ioStreams, inputs []string, f ocrFlags) (res []ocr.Page, failed []ocr.PageError, badFiles int, err error) {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	pages, bad, err := ocr.SourcesEach(ctx, inputs, ocr.SourceOptions{DPI: f.dpi, MaxPages: f.maxPages})
	if err != nil {
		return nil, nil, 0, &exitError{exitUsage, err}
	}
	// A batch goes on past a file it cannot read: named now, counted as a
	// failure at the end. Nothing readable at all is an error.
	if len(pages) == 0 {
		if len(bad) == 1 {
			return nil, nil, 0, &exitError{exitUsage, bad[0]}
		}
		for _, e := range bad {
			fmt.Fprintf(ios.ErrOut, "mpp: %v\n", e)
		}
		return nil, nil, 0, usageError("no se pudo leer ninguno de los %d archivos; no se escribió nada", len(inputs))
	}
	for _, e := range bad {
		fmt.Fprintf(ios.ErrOut, "mpp: %v; se sigue con los demás\n", e)
	}
	start := time.Now()
	var progress func(int)
	if ios.progressOut {
		progress = func(done int) { ocrProgress(ios, done, len(pages), start) }
	}
	res, failed, err = ocr.Batch(ctx, pages, ocr.Options{PSM: f.psm, DPI: f.dpi, KeepSpecks: f.keepSpecks, KeepSkew: f.keepSkew, Binarize: f.binarize, MaxPixels: f.maxPixels},
		ocr.BatchOptions{Workers: f.jobs, PageTimeout: f.pageTimeout, Progress: progress})
	if ios.progressOut {
		fmt.Fprint(ios.ErrOut, "\r\x1b[K")
	}
	if err != nil {
		return nil, nil, 0, &exitError{exitUsage, err}
	}
	if len(failed) == len(res) {
		for _, f := range failed {
			fmt.Fprintf(ios.ErrOut, "mpp: %v\n", f)
		}
		return nil, nil, 0, usageError("no se pudo leer ninguna página; no se escribió nada")
	}
	fmt.Fprintf(ios.ErrOut, "%d páginas reconocidas en %s\n", len(res)-len(failed), time.Since(start).Round(time.Second/10))
	return res, failed, len(bad), nil
}

func newOCRCmd(ios *ioStreams, g *globals) *cobra.Command {
	o := &ocrOptions{io: ios, g: g}
	c := &cobra.Command{
		Use:   "ocr ARCHIVO... -o TEXTO.txt",
		Short: "Reconoce el texto de acuerdos escaneados (PDF de imagen, TIFF, PNG, JPEG)",
		Long: `Reconoce con Tesseract el texto de uno o más escaneos, en orden, y escribe el texto con una marca
por página («=== página N ===») que «mpp ingest» entiende. Las páginas se reconocen en paralelo,
una por núcleo (-j), cada una en un proceso trabajador, y salen en orden. De un PDF escaneado se
toma la imagen de cada página a su resolución; la página que no es una sola imagen se rasteriza a
--dpi. Antes de reconocer se quitan las motas y se endereza la página (hasta 5°).

Una página que pasa de --limite-pagina se detiene; un archivo que no se puede abrir no detiene a
los demás; en ambos casos se nombra.

En la salida estándar queda la lista de palabras dudosas para revisión (página, renglón,
palabra, confianza y la sugerencia del léxico); --palabras escribe todas las palabras con su
caja, página, renglón y confianza en JSON.

Código de salida: 0 todo reconocido; 4 escrito, pero alguna página o algún archivo no se pudo
leer (se nombra); 2 nada escrito.`,
		Example: `  mpp ocr acuerdo-escaneado.pdf -o acuerdo.txt
  mpp ocr hoja1.png hoja2.png -o acuerdo.txt --palabras palabras.json -j 2
  mpp ocr escaneo.tif -o acuerdo.txt --limite-pagina 5m`,
		Args: minArgs(1, "al menos un escaneo"),
		RunE: func(c *cobra.Command, args []string) error {
			o.inputs = args
			return ocrRun(o)
		},
	}
	c.Flags().StringVarP(&o.out, "salida", "o", "", "archivo de texto donde escribir (obligatorio)")
	c.Flags().StringVar(&o.words, "palabras", "", "escribe en este archivo JSON cada palabra con su caja, página, renglón y confianza")
	c.Flags().BoolVar(&o.force, "forzar", false, "reemplaza los archivos de salida si ya existen")
	o.ocr.add(c)
	return c
}

func ocrRun(o *ocrOptions) error {
	if o.out == "" {
		return usageError("falta -o: el archivo de texto donde escribir")
	}
	res, failed, badFiles, err := recognise(o.io, o.inputs, o.ocr)
	if err != nil {
		return err
	}
	files := []outfile.File{{Path: o.out, Data: []byte(ocr.Text(res))}}
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
	if err := outfile.WriteAll(files, outfile.Options{Overwrite: o.force, Inputs: o.inputs}); err != nil {
		return &exitError{exitUsage, err}
	}
	prof, err := o.g.profile()
	if err != nil {
		return err
	}
	if err := writeReview(o, res, acuerdotext.NewLexicon(prof, nil)); err != nil {
		return err
	}
	for _, f := range failed {
		fmt.Fprintf(o.io.ErrOut, "mpp: %v\n", f)
	}
	fmt.Fprintf(o.io.ErrOut, "escrito %s\n", o.out)
	switch {
	case badFiles > 0 && len(failed) > 0:
		return &exitError{exitPartial, fmt.Errorf("%d archivo(s) y %d de %d páginas no se pudieron leer; vea arriba", badFiles, len(failed), len(res))}
	case badFiles > 0:
		return &exitError{exitPartial, fmt.Errorf("%d de %d archivos no se pudieron leer; el texto trae los demás", badFiles, len(o.inputs))}
	case len(failed) > 0:
		return &exitError{exitPartial, fmt.Errorf("%d de %d páginas no se pudieron leer; el texto las marca vacías", len(failed), len(res))}
	}
	return nil
}

// writeReview prints the doubtful words: low confidence, or with a lexicon
// correction.
func writeReview(o *ocrOptions, pages []ocr.Page, lex *acuerdotext.Lexicon) error {
	doubts := ocr.Doubtful(pages, o.ocr.minConf, lex.Suggest)
	tw := tabwriter.NewWriter(o.io.Out, 0, 0, 2, ' ', 0)
	if len(doubts) == 0 {
		fmt.Fprintf(tw, "Sin palabras dudosas (confianza de %.0f o más y ninguna corrección del léxico).\n", o.ocr.minConf)
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
	fmt.Fprintf(ios.ErrOut, "\r\x1b[K%s %d/%d páginas · %.1f páginas/min · faltan %s", bar, done, total, perMin, left)
}
