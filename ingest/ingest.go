// Package ingest reads an acuerdo out of the file it comes in, by the path
// that file needs: a text file as text; a born-digital PDF from its text
// layer, never OCR'd; a scan, or a PDF with a page without usable text, by
// OCR. Every path ends in the same reader (acuerdotext), and the PDF and
// OCR paths hand it their pages' lines as they are — pages, table rows'
// cells, paragraph gaps — not a marked-up text to be parsed again.
//
// Choose decides the path (cheaply, so that a caller can refuse what it
// cannot do before any long work); Plan.Read does it.
package ingest

import (
	"context"
	"errors"
	"fmt"
	"math"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/cipro-ine/mpp/esmx"
	"github.com/cipro-ine/mpp/infile"
	"github.com/cipro-ine/mpp/manuals"
	"github.com/cipro-ine/mpp/manuals/acuerdotext"
	"github.com/cipro-ine/mpp/manuals/profile"
	"github.com/cipro-ine/mpp/ocr"
)

// Route is how an input is read.
type Route int

const (
	// FromText: a text file (UTF-8 or Windows-1252).
	FromText Route = iota
	// FromTextLayer: a PDF whose every page has a usable text layer.
	FromTextLayer
	// FromOCR: a scan (image-only PDF, TIFF, PNG, JPEG), a PDF with a
	// page without usable text, or any PDF when OCR is forced.
	FromOCR
)

// Plan is the path chosen for one input.
type Plan struct {
	Path  string
	Route Route
	// Note says, for a PDF, how its pages are read (for the acuerdo's
	// notes); empty for a text file or a scan.
	Note string
	// layer is a PDF's text layer, page by page; usable says which pages
	// have one worth reading (FromOCR with a layer: a mixed PDF, whose
	// other pages only are recognised).
	layer  []ocr.Page
	usable []bool
}

// Mixed says the input is a PDF whose pages are read some from their text
// layer, the others by OCR.
func (p *Plan) Mixed() bool { return p.Route == FromOCR && p.layer != nil }

// Choose examines the input and chooses its path. A PDF is read page by
// page: a page with usable text from its text layer, a page without (an
// image, or a layer that does not read as Spanish) by OCR; with forceOCR
// every page by OCR (OCRmyPDF's --force-ocr). A PDF pdftotext cannot read
// (encrypted, damaged) goes to OCR, which names its problem.
func Choose(ctx context.Context, path string, forceOCR bool) (*Plan, error) {
	p := &Plan{Path: path, Route: FromText}
	isPDF := strings.EqualFold(filepath.Ext(path), ".pdf")
	if isPDF && !forceOCR {
		pages, usable, _ := ocr.TextLayer(ctx, path)
		with := 0
		for _, u := range usable {
			if u {
				with++
			}
		}
		switch {
		case len(pages) > 0 && with == len(pages):
			p.Route, p.layer = FromTextLayer, pages
			p.Note = fmt.Sprintf("Leído de la capa de texto del PDF (%s, sin OCR).", esmx.Count(len(pages), "página", "páginas"))
			return p, nil
		case with > 0:
			var others []string
			for i, u := range usable {
				if !u {
					others = append(others, strconv.Itoa(i+1))
				}
			}
			p.Route, p.layer, p.usable = FromOCR, pages, usable
			p.Note = fmt.Sprintf("%s de %d del PDF se %s de su capa de texto; %s (%s) se %s con OCR.",
				esmx.Count(with, "página", "páginas"), len(pages), esmx.Word(with, "leyó", "leyeron"),
				esmx.Word(len(others), "la otra", "las otras"), esmx.List(others), esmx.Word(len(others), "reconoció", "reconocieron"))
			return p, nil
		}
	}
	if ocr.IsScan(path) {
		p.Route = FromOCR
	}
	return p, nil
}

// Options are the reading's settings.
type Options struct {
	// MaxText bounds a text input's size in bytes.
	MaxText int64
	// OCR, Batch and Sources set the recognition of a scan.
	OCR     ocr.Options
	Batch   ocr.BatchOptions
	Sources ocr.SourceOptions
	// MinConf: a recognised word below this confidence goes to the
	// acuerdo's review list (revision_ocr), as does one the lexicon
	// would correct.
	MinConf float64
	// Progress, if not nil, is called after each recognised page with the
	// pages done and the pages in all.
	Progress func(done, total int)
}

// Reading is an acuerdo read, with what its reading has to say.
type Reading struct {
	*acuerdotext.Result
	// Pages and Sources are the pages of a scan (or of a mixed PDF), in
	// order, and where they came from (for a searchable PDF); Recognised
	// the ones OCR read (all of a scan's); Unread the pages that could
	// not be recognised (their text is missing).
	Pages      []ocr.Page
	Sources    []ocr.Source
	Recognised []ocr.Page
	Unread     []ocr.PageError
}

var (
	// ErrEmpty is a text input with nothing in it.
	ErrEmpty = errors.New("el archivo está vacío")
	// ErrNoPage is a scan none of whose pages could be recognised.
	ErrNoPage = errors.New("no se pudo leer ninguna página")
)

// Read reads the acuerdo by the plan's path. It fails only on an input it
// cannot read at all: not text (acuerdotext.ErrNotText), empty (ErrEmpty),
// a scan without one page recognised (ErrNoPage), or the errors of ocr
// and infile; what it cannot place stays in the acuerdo's sin_clasificar.
func (p *Plan) Read(ctx context.Context, prof *profile.Profile, o Options) (*Reading, error) {
	rd := &Reading{}
	switch p.Route {
	case FromTextLayer:
		rd.Result = acuerdotext.IngestLines(Lines(p.layer), prof)
	case FromOCR:
		srcs, err := ocr.Sources(ctx, []string{p.Path}, o.Sources)
		if err != nil {
			return nil, err
		}
		toRead := srcs
		if p.Mixed() && len(p.usable) == len(srcs) {
			toRead = nil
			for _, s := range srcs {
				if !p.usable[s.Index-1] {
					toRead = append(toRead, s)
				}
			}
		}
		if o.Progress != nil {
			o.Batch.Progress = func(done int) { o.Progress(done, len(toRead)) }
		}
		got, failed, err := ocr.Batch(ctx, toRead, o.OCR, o.Batch)
		if err != nil {
			return nil, err
		}
		if len(failed) == len(got) {
			return nil, fmt.Errorf("%w: %w", ErrNoPage, failed[0].Err)
		}
		pages := got
		if len(toRead) < len(srcs) {
			// A mixed PDF: each recognised page takes its place among
			// the layer's, numbered as in the file.
			pages = append([]ocr.Page(nil), p.layer...)
			for k, s := range toRead {
				pg := got[k]
				pg.Number = s.Index
				for w := range pg.Words {
					pg.Words[w].Page = s.Index
				}
				pages[s.Index-1], got[k] = pg, pg
			}
			for k := range failed {
				failed[k].Number = failed[k].Index
			}
		}
		rd.Pages, rd.Sources, rd.Recognised, rd.Unread = pages, srcs, got, failed
		rd.Result = acuerdotext.IngestLines(Lines(pages), prof)
	default:
		data, err := infile.Read(p.Path, o.MaxText)
		if err != nil {
			return nil, err
		}
		if len(strings.TrimSpace(string(data))) == 0 {
			return nil, ErrEmpty
		}
		if rd.Result, err = acuerdotext.Ingest(data, prof); err != nil {
			return nil, err
		}
	}
	a := rd.Acuerdo
	// The review list, against the lexicon that now knows the glosario.
	lex := acuerdotext.NewLexicon(prof, a.Glosario)
	for _, d := range ocr.Doubtful(rd.Pages, o.MinConf, lex.Suggest) {
		a.RevisionOCR = append(a.RevisionOCR, manuals.DoubtfulWord{Pagina: d.Page, Renglon: d.Line, Palabra: d.Text, Confianza: math.Round(d.Conf*10) / 10, Sugerencia: d.Suggestion})
	}
	if n := len(a.RevisionOCR); n > 0 {
		a.Notas = append(a.Notas, fmt.Sprintf("%s del OCR para revisar (ver «revision_ocr», y la hoja «Revisión OCR» del libro de Excel)", esmx.Count(n, "palabra dudosa", "palabras dudosas")))
	}
	for _, f := range rd.Unread {
		a.Notas = append(a.Notas, fmt.Sprintf("La página %d del escaneo no se pudo leer (%v); su texto falta.", f.Index, f.Err))
	}
	if p.Note != "" {
		a.Notas = append([]string{p.Note}, a.Notas...)
	}
	return rd, nil
}

// Lines are the pages' lines as the acuerdo reader takes them: each with
// its page, a table row with its cells, and numbered as the lines of
// ocr.Text's output (a page mark, the page's lines with a blank one at
// each paragraph gap, a blank line after the page; a table row by the
// first of the lines it is laid out on), so that an element's «origen»
// names the line «mpp ocr» writes. A page without lines (a PDF's
// text layer) gives the lines of its text.
func Lines(pages []ocr.Page) []acuerdotext.Line {
	var out []acuerdotext.Line
	num := 0
	for _, p := range pages {
		num++ // the page mark
		if p.Lines == nil {
			if p.Text != "" {
				for _, t := range strings.Split(p.Text, "\n") {
					num++
					out = append(out, acuerdotext.Line{Text: t, Page: p.Number, Num: num})
				}
			}
		} else {
			for _, l := range p.Lines {
				if l.Gap {
					num++
				}
				num++
				out = append(out, acuerdotext.Line{Text: l.Text, Cells: l.Cells, Page: p.Number, Num: num})
				num += strings.Count(l.Text, "\n") // a table row laid out on several
			}
		}
		num++ // the blank line after the page
	}
	return out
}
