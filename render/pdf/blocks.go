package pdf

import (
	"fmt"
	"io/fs"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"text/template"

	"rsc.io/qr"

	"github.com/cipro-ine/mpp/templates"
)

// A template writes a document as blocks: a line "@tag" opens a block and the
// lines after it, up to the next "@" line, are its text (a line break stays a
// line break; blank lines are ignored). Tags:
//
//	@titulo      bold, centred
//	@encabezado  bold, centred, and a bookmark in the PDF outline
//	@parrafo     justified
//	@negritas    bold, justified
//	@derecha     right-aligned
//	@elision     an elision mark, "[...]"
//	@tabla       a table: one row per line, cells separated by tabs; the first row is the header
//	@qr          a QR code of the text (a link), with the link printed beside it
//	@seccion     a numbered section: heading, outline entry, index entry
//	@subseccion  the same, one level down
//	@subproceso  a subproceso's heading: outline and index entry; the sections
//	             after it go one level down until @finsubprocesos
//	@indice      the table of contents, with true page numbers
//	@portada     the cover: first line large, the rest as lines
//	@nuevapagina a page break
//	@espacio     blank space, in mm (default 15): the place of a signature
//	@ilustrativo a labelled box: the content is illustrative
//	@diagrama    the swimlane flow diagram of a procedure (text: its code)
//	@matriz      the impact × probability matrix of a procedure (text: its code)
//	@cambios     the changes of a comparison, as a redline
//
// A tag may carry arguments on its line: "@tabla 8 18 36 13 13 12" gives
// the column widths in percent.
type block struct {
	tag  string
	args []string
	text string
	line int
}

var tags = map[string]bool{"titulo": true, "encabezado": true, "parrafo": true, "negritas": true, "derecha": true, "elision": true,
	"tabla": true, "qr": true, "seccion": true, "subseccion": true, "indice": true, "portada": true, "nuevapagina": true,
	"ilustrativo": true, "diagrama": true, "matriz": true, "cambios": true, "espacio": true,
	"subproceso": true, "finsubprocesos": true}

// textless tags stand alone.
var textless = map[string]bool{"indice": true, "nuevapagina": true, "espacio": true, "finsubprocesos": true}

// tagMark precedes a block tag written by a template: the tags are marked
// in the template's source when it is loaded (markTags), never in the
// text the template inserts, so a line «@nuevapagina» in a punto de
// acuerdo is printed as text instead of breaking the page and losing the
// rest of the punto.
const tagMark = "\x00"

// tagInSource is a block tag in a template's source: at the start of a line
// or right after an action.
var tagInSource = regexp.MustCompile(`(^|\n|\}\})([ \t]*)@([a-záéíóúñ]+)`)

// markTags marks the block tags of a template's source, refusing unknown
// ones.
func markTags(name, src string) (string, error) {
	var bad string
	out := tagInSource.ReplaceAllStringFunc(src, func(m string) string {
		sub := tagInSource.FindStringSubmatch(m)
		if !tags[sub[3]] {
			if bad == "" {
				bad = sub[3]
			}
			return m
		}
		return sub[1] + sub[2] + tagMark + "@" + sub[3]
	})
	if bad != "" {
		return "", fmt.Errorf("%s: etiqueta de bloque desconocida «@%s»", name, bad)
	}
	return out, nil
}

func parseBlocks(s string) ([]block, error) {
	var out []block
	// A block's lines are gathered and joined once: adding a line at a
	// time to its text costs a long table's length squared.
	var lines [][]string
	for i, l := range strings.Split(s, "\n") {
		t := strings.TrimSpace(l)
		if strings.HasPrefix(t, tagMark+"@") {
			f := strings.Fields(strings.TrimPrefix(t, tagMark+"@"))
			if len(f) == 0 || !tags[f[0]] {
				return nil, fmt.Errorf("línea %d: etiqueta de bloque desconocida «%s»", i+1, t)
			}
			out = append(out, block{tag: f[0], args: f[1:], line: i + 1})
			lines = append(lines, nil)
			continue
		}
		if t == "" {
			continue
		}
		if len(out) == 0 {
			return nil, fmt.Errorf("línea %d: texto fuera de un bloque (falta «@parrafo»?)", i+1)
		}
		lines[len(lines)-1] = append(lines[len(lines)-1], strings.TrimRight(l, " \t\r"))
	}
	for i := range out {
		out[i].text = strings.Join(lines[i], "\n")
	}
	kept := out[:0]
	for _, b := range out {
		if textless[b.tag] || strings.TrimSpace(b.text) != "" {
			kept = append(kept, b)
		}
	}
	return kept, nil
}

const lineH = 4.6 // mm, for 10 pt text

// cellLineH is the line height in table cells (9 pt).
const cellLineH = 4.2

// keepRoom starts a new page unless mm of height are left above the bottom
// margin: what must not be split from what follows goes with it.
func (d *doc) keepRoom(mm float64) {
	f := d.f
	_, pageH := f.GetPageSize()
	_, _, _, bottom := f.GetMargins()
	if f.GetY()+mm > pageH-bottom {
		f.AddPage()
	}
}

func (d *doc) blocks(bs []block) error {
	f := d.f
	for _, b := range bs {
		switch b.tag {
		case "titulo":
			f.SetFont(family, "B", 10.5)
			f.MultiCell(0, 5, b.text, "", "C", false)
			f.Ln(3)
		case "encabezado":
			// Kept with what follows: never last on a page (and its
			// bookmark on the page it is printed on).
			d.keepRoom(float64(strings.Count(b.text, "\n")+1)*5 + 3 + 3*lineH)
			f.Ln(1)
			f.SetFont(family, "B", 10)
			f.Bookmark(b.text, d.outlineBase, -1)
			f.MultiCell(0, 5, b.text, "", "C", false)
			f.Ln(2)
		case "parrafo", "negritas":
			style := ""
			if b.tag == "negritas" {
				style = "B"
			}
			f.SetFont(family, style, 10)
			for _, p := range strings.Split(b.text, "\n") {
				d.paragraph(p, lineH, "J")
				f.Ln(1.5)
			}
		case "derecha":
			f.SetFont(family, "", 10)
			f.MultiCell(0, lineH, b.text, "", "R", false)
			f.Ln(1.5)
		case "elision":
			f.SetFont(family, "", 10)
			f.MultiCell(0, lineH, b.text, "", "L", false)
			f.Ln(1.5)
		case "tabla":
			d.table(b.text, b.args)
		case "ilustrativo":
			// The tinted, framed box marks it; no italic face is embedded
			// (one font fewer to parse and embed).
			f.SetFont(family, "", 8.5)
			f.SetFillColor(255, 244, 204)
			f.SetDrawColor(200, 150, 0)
			f.MultiCell(0, 4.4, "Contenido ilustrativo. "+b.text, "1", "L", true)
			f.SetDrawColor(0, 0, 0)
			f.Ln(2)
		case "espacio":
			// Blank space, in mm (the place of a handwritten signature).
			mm := 15.0
			if len(b.args) > 0 {
				if v, err := strconv.ParseFloat(b.args[0], 64); err == nil && v > 0 && v < 200 {
					mm = v
				}
			}
			f.Ln(mm)
		case "nuevapagina":
			// Not on a page nothing was written on yet (after a diagram).
			if f.GetY() > 27 {
				f.AddPage()
			}
		default:
			if d.extra == nil || !d.extra(b) {
				return fmt.Errorf("bloque de la línea %d: «@%s» no se admite en este documento", b.line, b.tag)
			}
		case "qr":
			if err := d.qr(strings.TrimSpace(b.text)); err != nil {
				return err
			}
		}
		if err := f.Error(); err != nil {
			return fmt.Errorf("bloque de la línea %d: %w", b.line, err)
		}
	}
	return nil
}

// table draws rows that never split across pages, with the header repeated
// after a page break.
func (d *doc) table(text string, percents []string) {
	f := d.f
	rows := strings.Split(text, "\n")
	if len(rows) == 0 {
		return
	}
	pageW, pageH := f.GetPageSize()
	left, _, right, bottom := f.GetMargins()
	width := pageW - left - right
	cols := len(strings.Split(rows[0], "\t"))
	widths := make([]float64, cols)
	for i := range widths {
		widths[i] = width / float64(cols)
	}
	if cols == 2 {
		widths[0], widths[1] = width*0.36, width*0.64
	}
	if len(percents) == cols {
		for i, p := range percents {
			if v, err := strconv.ParseFloat(p, 64); err == nil {
				widths[i] = width * v / 100
			}
		}
	}
	const pad = 1.2
	head := strings.Split(rows[0], "\t")
	height := func(cells []string, header bool) float64 {
		style := ""
		if header {
			style = "B"
		}
		f.SetFont(family, style, 9)
		h := 0.0
		for i, c := range cells {
			if i < cols {
				h = max(h, float64(len(d.wrap(c, widths[i]-2*pad-2*f.GetCellMargin())))*cellLineH+2*pad)
			}
		}
		return h
	}
	// The header never stands alone at the foot of a page: it goes with
	// the first row.
	if len(rows) > 1 {
		d.keepRoom(height(head, true) + height(strings.Split(rows[1], "\t"), false))
	}
	var draw func(cells []string, header bool)
	draw = func(cells []string, header bool) {
		style := ""
		if header {
			style = "B"
		}
		h := height(cells, header)
		f.SetFont(family, style, 9)
		if f.GetY()+h > pageH-bottom {
			f.AddPage()
			if !header {
				draw(head, true)
				f.SetFont(family, style, 9)
			}
		}
		x, y := left, f.GetY()
		for i := 0; i < cols; i++ {
			c := ""
			if i < len(cells) {
				c = cells[i]
			}
			if header {
				f.SetFillColor(230, 230, 230)
			}
			f.Rect(x, y, widths[i], h, map[bool]string{true: "FD", false: "D"}[header])
			for k, l := range d.wrap(c, widths[i]-2*pad-2*f.GetCellMargin()) {
				f.SetXY(x+pad, y+pad+float64(k)*cellLineH)
				f.CellFormat(widths[i]-2*pad, cellLineH, l.String(), "", 0, "L", false, 0, "")
			}
			x += widths[i]
		}
		f.SetXY(left, y+h)
	}
	draw(head, true)
	for _, r := range rows[1:] {
		draw(strings.Split(r, "\t"), false)
	}
	f.Ln(3)
}

// qr draws a QR code of the link as vector squares, the link beside it.
func (d *doc) qr(link string) error {
	f := d.f
	c, err := qr.Encode(link, qr.M)
	if err != nil {
		return fmt.Errorf("código QR de «%s»: %w", link, err)
	}
	const side = 28.0 // mm
	_, pageH := f.GetPageSize()
	_, _, _, bottom := f.GetMargins()
	if f.GetY()+side+4 > pageH-bottom {
		f.AddPage()
	}
	left, _, _, _ := f.GetMargins()
	x0, y0 := left, f.GetY()+1
	m := side / float64(c.Size)
	f.SetFillColor(0, 0, 0)
	for y := 0; y < c.Size; y++ {
		for x := 0; x < c.Size; x++ {
			if c.Black(x, y) {
				f.Rect(x0+float64(x)*m, y0+float64(y)*m, m, m, "F")
			}
		}
	}
	f.SetXY(x0+side+4, y0+side/2-3)
	f.SetFont(family, "", 9)
	w := f.GetStringWidth(link)
	// Only a web address is clickable: a «javascript:» or «file:» link in a
	// document a reader trusts would run or open something on their machine.
	if webLink(link) {
		f.SetTextColor(0, 0, 160)
		f.CellFormat(w, 5, link, "", 0, "L", false, 0, link)
	} else {
		f.CellFormat(w, 5, link, "", 0, "L", false, 0, "")
	}
	f.SetTextColor(0, 0, 0)
	f.SetXY(left, y0+side+3)
	return nil
}

// templateBlocks executes the template file name (with the partials listed
// after it) over data and parses its output as blocks. opt.Templates, when
// set, replaces the embedded templates.
func templateBlocks(opt Options, data any, name string, partials ...string) ([]block, error) {
	tpl := opt.Templates
	if tpl == nil {
		tpl = templates.FS
	}
	var t *template.Template
	for _, n := range append([]string{name}, partials...) {
		src, err := fs.ReadFile(tpl, n)
		if err != nil {
			return nil, fmt.Errorf("plantilla %s: %w", n, err)
		}
		marked, err := markTags(n, string(src))
		if err != nil {
			return nil, fmt.Errorf("plantilla %w", err)
		}
		if t == nil {
			t = template.New(n).Funcs(funcs)
		} else {
			t = t.New(n)
		}
		if _, err := t.Parse(marked); err != nil {
			return nil, fmt.Errorf("plantilla %s: %w", n, err)
		}
	}
	t = t.Lookup(name)
	src, err := templates.Execute(t, data)
	if err != nil {
		return nil, fmt.Errorf("plantilla %s: %w", name, err)
	}
	bs, err := parseBlocks(string(src))
	if err != nil {
		return nil, fmt.Errorf("plantilla %s: %w", name, err)
	}
	return bs, nil
}

// webLink: an absolute http or https address.
func webLink(s string) bool {
	u, err := url.Parse(strings.TrimSpace(s))
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
}
