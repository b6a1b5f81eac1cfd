package pdf

import (
	"io"
	"strconv"
	"strings"

	"github.com/cipro-ine/mpp/manuals"
	"github.com/cipro-ine/mpp/manuals/diff"
	"github.com/cipro-ine/mpp/render/blocks"
)

// RedlineInput is a comparison and what the PDF records about it.
type RedlineInput struct {
	Title   string // what was compared: "Expediente H.4.05"
	Results []RedlineDoc
	// Newer is the newer version, whose fingerprints and canonical YAML the
	// PDF records as its source.
	Newer *manuals.Expediente
	Date  manuals.Date
}

// RedlineDoc is the comparison of one document.
type RedlineDoc struct {
	diff.Result
	Title      string // "Manual de Proceso y Procedimientos H.4.05 …"
	OlderPrint string // the older version's fingerprint
}

// Colours of the redline.
var (
	redlineDel = [3]int{190, 0, 0}
	redlineIns = [3]int{0, 120, 40}
)

// redlineContext is how many unchanged words stay on each side of a change.
const redlineContext = 12

// annotationW is the right-hand column left free for the reviewer's notes.
const annotationW = 55.0

// Redline writes a comparison for review: each change with its place and
// path, deletions struck through in red, insertions underlined in green,
// unchanged context around them, and a free column for observations.
func Redline(w io.Writer, in RedlineInput, opt Options) error {
	type docData struct {
		Documento, Titulo, Anterior, Nueva, Resumen string
		Indice                                      int
	}
	var docs []docData
	keywords := "comparación"
	for i, r := range in.Results {
		docs = append(docs, docData{r.Document, r.Title, blocks.Cell(r.Old), blocks.Cell(r.New), r.Summary, i})
		if r.OlderPrint != "" {
			keywords += "; mpp-huella-anterior " + r.Document + " " + r.OlderPrint
		}
	}
	bs, err := blocks.FromTemplate(opt.Templates, map[string]any{"Titulo": in.Title, "Documentos": docs}, "redline.pdf.tmpl")
	if err != nil {
		return err
	}
	d, err := newDoc(Meta{Title: "Comparación de versiones: " + in.Title, Subject: "Comparación de versiones (mpp diff)", Author: "mpp",
		Keywords: keywords, Date: in.Date, Sources: in.Newer}, opt)
	if err != nil {
		return err
	}
	d.furniture()
	d.running = "Comparación de versiones · " + in.Title
	f := d.f
	left, top, right, _ := f.GetMargins()
	f.SetMargins(left, top, right+annotationW-10)
	pageW, pageH := f.GetPageSize()
	colX := pageW - right - annotationW + 15
	observation := 0
	d.extra = func(b blocks.Block) bool {
		if b.Tag != "cambios" {
			return false
		}
		i, err := strconv.Atoi(strings.TrimSpace(b.Text))
		if err != nil || i < 0 || i >= len(in.Results) {
			f.SetErrorf("bloque de la línea %d: «@cambios» lleva el índice de un documento comparado, no «%s»", b.Line, b.Text)
			return true
		}
		r := in.Results[i]
		for _, c := range r.Changes {
			observation++
			if f.GetY() > pageH-60 {
				f.AddPage()
			}
			y0 := f.GetY()
			f.Ln(2)
			f.SetFont(family, "B", 10)
			f.MultiCell(0, 5, upperFirst(c.What)+" "+diff.KindOf(c)+" · "+c.Where, "", "L", false)
			if c.Path != "" {
				f.SetFont(family, "", 7.5)
				f.SetTextColor(90, 90, 90)
				f.MultiCell(0, 3.8, "ruta: "+c.Path, "", "L", false)
				f.SetTextColor(0, 0, 0)
			}
			f.Ln(0.8)
			d.redlineBody(c)
			f.Ln(lineH + 1)
			// The observations box beside the change, on its first page.
			if f.GetY() > y0 {
				f.SetDrawColor(170, 170, 170)
				f.Rect(colX, y0+2, annotationW-15, f.GetY()-y0-3, "D")
				f.SetFont(family, "", 6.5)
				f.SetTextColor(120, 120, 120)
				f.Text(colX+1.5, y0+5, "Observación "+strconv.Itoa(observation))
				f.SetTextColor(0, 0, 0)
				f.SetDrawColor(0, 0, 0)
			}
		}
		if len(r.Changes) == 0 {
			f.SetFont(family, "", 10)
			f.MultiCell(0, lineH, "Las dos versiones tienen el mismo contenido.", "", "L", false)
		}
		return true
	}
	f.AddPage()
	if err := d.blocks(bs); err != nil {
		return err
	}
	return d.output(w)
}

// redlineBody writes the words of one change inline.
func (d *doc) redlineBody(c diff.Change) {
	f := d.f
	put := func(op, s string) {
		switch op {
		case "-":
			d.struck(s, redlineDel)
			return
		case "+":
			f.SetFont(family, "U", 10)
			f.SetTextColor(redlineIns[0], redlineIns[1], redlineIns[2])
		}
		f.Write(lineH, s)
		f.SetFont(family, "", 10)
		f.SetTextColor(0, 0, 0)
	}
	switch {
	case len(c.Words) > 0 && (c.Kind == diff.Modified || c.Kind == diff.Renamed):
		for i, op := range diff.Context(c.Words, redlineContext) {
			if i > 0 {
				put("=", " ")
			}
			put(op.Op, op.Text)
		}
	case c.Kind == diff.Moved:
		put("=", "De ")
		put("-", c.Old)
		put("=", " a ")
		put("+", c.New)
		if c.Context != "" {
			put("=", ": "+strings.Join(strings.Fields(c.Context), " "))
		}
	default:
		if c.Old != "" {
			put("-", strings.Join(strings.Fields(c.Old), " "))
		}
		if c.Old != "" && c.New != "" {
			put("=", " ")
		}
		if c.New != "" {
			put("+", strings.Join(strings.Fields(c.New), " "))
		}
	}
}

// struck writes s word by word in colour col, each word struck through
// across the middle of its small letters. (fpdf's «S» style puts the rule
// at four times the font's underline position above the baseline: with
// Liberation Sans that is barely above it, where it reads as an underline.)
func (d *doc) struck(s string, col [3]int) {
	f := d.f
	f.SetFont(family, "", 10)
	f.SetTextColor(col[0], col[1], col[2])
	f.SetFillColor(col[0], col[1], col[2])
	pageW, pageH := f.GetPageSize()
	_, _, right, bottom := f.GetMargins()
	_, fontH := f.GetFontSize()
	words := strings.Split(s, " ")
	for i, w := range words {
		piece := w
		if i < len(words)-1 {
			piece += " "
		}
		ww := f.GetStringWidth(w)
		if f.GetX()+ww > pageW-right && f.GetX() > d.leftMargin()+0.1 {
			f.Ln(lineH)
		}
		if f.GetY()+lineH > pageH-bottom {
			f.AddPage()
		}
		x, y := f.GetX(), f.GetY()
		f.Write(lineH, piece)
		if w != "" {
			// Write centres the line in lineH; the small letters' middle is
			// about a quarter of the font's height above the baseline.
			f.Rect(x+f.GetCellMargin(), y+lineH/2+0.3*fontH-0.27*fontH, ww, 0.25, "F")
		}
	}
	f.SetTextColor(0, 0, 0)
	f.SetFillColor(255, 255, 255)
}

func (d *doc) leftMargin() float64 {
	l, _, _, _ := d.f.GetMargins()
	return l
}
