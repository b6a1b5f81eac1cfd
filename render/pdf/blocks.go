package pdf

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/cipro-ine/mpp/render/blocks"
	"rsc.io/qr"
)

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

func (d *doc) blocks(bs []blocks.Block) error {
	f := d.f
	for i, b := range bs {
		switch b.Tag {
		case "titulo":
			f.SetFont(family, "B", 10.5)
			f.MultiCell(0, 5, b.Text, "", "C", false)
			f.Ln(3)
		case "encabezado":
			// Kept with what follows: never last on a page (and its
			// bookmark on the page it is printed on).
			d.keepRoom(float64(strings.Count(b.Text, "\n")+1)*5 + 3 + 3*lineH)
			f.Ln(1)
			f.SetFont(family, "B", 10)
			f.Bookmark(b.Text, d.outlineBase, -1)
			f.MultiCell(0, 5, b.Text, "", "C", false)
			f.Ln(2)
		case "parrafo", "negritas":
			style := ""
			if b.Tag == "negritas" {
				style = "B"
			}
			if b.Tag == "negritas" && i+1 < len(bs) && bs[i+1].Tag == "tabla" {
				// A bold line over a table is its caption: never alone at
				// the foot of a page, it goes with the table's head and
				// first row. (Measuring the table sets its font.)
				f.SetFont(family, style, 10)
				captionH := float64(len(d.wrap(b.Text, d.textWidth())))*lineH + 1.5
				d.keepRoom(captionH + d.tableHeadRoom(bs[i+1]))
			}
			f.SetFont(family, style, 10)
			for _, p := range strings.Split(b.Text, "\n") {
				d.paragraph(p, lineH, "J")
				f.Ln(1.5)
			}
		case "derecha":
			f.SetFont(family, "", 10)
			f.MultiCell(0, lineH, b.Text, "", "R", false)
			f.Ln(1.5)
		case "elision":
			f.SetFont(family, "", 10)
			f.MultiCell(0, lineH, b.Text, "", "L", false)
			f.Ln(1.5)
		case "tabla":
			d.table(b.Text, b.Args)
		case "ilustrativo":
			// A tinted, framed box, in italics.
			f.SetFont(family, "I", 8.5)
			f.SetFillColor(255, 244, 204)
			f.SetDrawColor(200, 150, 0)
			f.MultiCell(0, 4.4, "Contenido ilustrativo. "+b.Text, "1", "L", true)
			f.SetDrawColor(0, 0, 0)
			f.Ln(2)
		case "espacio":
			// Blank space, in mm (the place of a handwritten signature).
			mm := 15.0
			if len(b.Args) > 0 {
				if v, err := strconv.ParseFloat(b.Args[0], 64); err == nil && v > 0 && v < 200 {
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
				return fmt.Errorf("bloque de la línea %d: «@%s» no se admite en este documento", b.Line, b.Tag)
			}
		case "qr":
			if err := d.qr(strings.TrimSpace(b.Text)); err != nil {
				return err
			}
		}
		if err := f.Error(); err != nil {
			return fmt.Errorf("bloque de la línea %d: %w", b.Line, err)
		}
	}
	return nil
}

// textWidth is the width running text is set in.
func (d *doc) textWidth() float64 {
	pageW, _ := d.f.GetPageSize()
	left, _, right, _ := d.f.GetMargins()
	return pageW - left - right - 2*d.f.GetCellMargin()
}

// tableHeadRoom is the height of a table block's header and the rows
// table() keeps with it, measured as table() sets them.
func (d *doc) tableHeadRoom(b blocks.Block) float64 {
	rows, _, height := d.tableGeometry(b.Text, b.Args)
	h := 0.0
	keep := 3
	if len(rows) == 4 {
		keep = 4
	}
	for i, r := range rows[:min(keep, len(rows))] {
		h += height(strings.Split(r, "\t"), i == 0)
	}
	return h
}

// table draws rows that never split across pages, with the header repeated
// after a page break.
// tableGeometry is a table block's rows, column widths and the height
// of a row as table() sets it.
func (d *doc) tableGeometry(text string, percents []string) ([]string, []float64, func([]string, bool) float64) {
	f := d.f
	rows := strings.Split(text, "\n")
	pageW, _ := f.GetPageSize()
	left, _, right, _ := f.GetMargins()
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
	height := func(cells []string, header bool) float64 {
		style := ""
		if header {
			style = "B"
		}
		f.SetFont(family, style, 9)
		h := 0.0
		for i, c := range cells {
			if i < cols {
				h = max(h, float64(len(d.wrap(c, widths[i]-2*tablePad-2*f.GetCellMargin())))*cellLineH+2*tablePad)
			}
		}
		return h
	}
	return rows, widths, height
}

// tablePad is the padding inside a table cell, in mm.
const tablePad = 1.2

func (d *doc) table(text string, percents []string) {
	f := d.f
	if text == "" {
		return
	}
	rows, widths, height := d.tableGeometry(text, percents)
	_, pageH := f.GetPageSize()
	left, _, _, bottom := f.GetMargins()
	cols := len(widths)
	const pad = tablePad
	head := strings.Split(rows[0], "\t")
	// No row stands alone on a page: the header goes with the first two
	// rows (a table of three rows goes whole), and the last row with the
	// one before it.
	body := rows[1:]
	cells := func(j int) []string { return strings.Split(body[j], "\t") }
	if len(body) > 0 {
		need := height(head, true)
		keep := 2
		if len(body) == 3 {
			keep = 3
		}
		for j := 0; j < min(keep, len(body)); j++ {
			need += height(cells(j), false)
		}
		d.keepRoom(need)
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
	for j := range body {
		if j >= 2 && j == len(body)-2 {
			if h := height(cells(j), false); f.GetY()+h <= pageH-bottom && f.GetY()+h+height(cells(j+1), false) > pageH-bottom {
				f.AddPage()
				draw(head, true)
			}
		}
		draw(cells(j), false)
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
	if blocks.WebLink(link) {
		f.SetTextColor(0, 0, 160)
		f.CellFormat(w, 5, link, "", 0, "L", false, 0, link)
	} else {
		f.CellFormat(w, 5, link, "", 0, "L", false, 0, "")
	}
	f.SetTextColor(0, 0, 0)
	f.SetXY(left, y0+side+3)
	return nil
}
