package pdf

import (
	"fmt"
	"math"
	"strconv"

	"codeberg.org/go-pdf/fpdf"

	"github.com/cipro-ine/mpp/manuals"
	"github.com/cipro-ine/mpp/render/swimlane"
)

// A swimlane diagram of a procedure, drawn from the layout of package
// swimlane on as many landscape pages as it needs.

const (
	dgMargin    = 15.0
	dgTop       = 30.0
	dgLabelW    = 30.0
	dgBoxW      = swimlane.BoxW
	dgFontBox   = 6.0
	dgFontFloor = 4.0 // the smallest size a box's text is set at
	dgFontLabel = 6.5
)

// swimlane draws the diagram of p on as many landscape pages as it needs,
// with a bookmark at outline level level on its first page.
func (d *doc) swimlane(p *manuals.Procedure, title string, level int) {
	f := d.f
	acts := p.Actividades
	if len(acts) == 0 {
		return
	}
	pageW := 279.4
	dg := swimlane.Layout(acts, swimlane.PerPage(pageW-2*dgMargin-dgLabelW))
	x0, y0 := dgMargin+dgLabelW, dgTop
	at := func(q swimlane.Point) [2]float64 { return [2]float64{x0 + q.X, y0 + q.Y} }

	// A diagram page is drawn by coordinates: no automatic page breaks.
	auto, bottomMargin := f.GetAutoPageBreak()
	f.SetAutoPageBreak(false, 0)
	defer f.SetAutoPageBreak(auto, bottomMargin)
	for s, pg := range dg.Pages {
		f.AddPageFormat("L", f.GetPageSizeStr("Letter"))
		if s == 0 {
			f.Bookmark("Diagrama de flujo", level, 0)
		}
		if d.layoutOnly {
			continue
		}
		f.SetFont(family, "B", 9)
		f.SetXY(dgMargin, 22)
		part := ""
		if len(dg.Pages) > 1 {
			part = fmt.Sprintf(" (parte %d de %d)", s+1, len(dg.Pages))
		}
		f.CellFormat(0, 5, "Diagrama de flujo: "+title+part, "", 0, "L", false, 0, "")
		// Lanes.
		f.SetLineWidth(0.2)
		f.SetDrawColor(120, 120, 120)
		for _, ln := range dg.Lanes {
			f.SetFillColor(242, 242, 242)
			f.Rect(dgMargin, y0+ln.Y, dgLabelW, ln.H, "FD")
			f.Rect(x0, y0+ln.Y, pg.Width, ln.H, "D")
			f.SetFont(family, "B", dgFontLabel)
			lines := d.wrap(ln.Name, dgLabelW-2-2*f.GetCellMargin())
			y := y0 + ln.Y + ln.H/2 - float64(len(lines))*2.6/2
			for _, t := range lines {
				f.SetXY(dgMargin+1, y)
				f.CellFormat(dgLabelW-2, 2.6, t.String(), "", 0, "L", false, 0, "")
				y += 2.6
			}
		}
		f.SetDrawColor(0, 0, 0)
		// Start event.
		if pg.Start != nil {
			c := at(*pg.Start)
			f.SetLineWidth(0.3)
			f.Circle(c[0], c[1], swimlane.EventR, "D")
			d.arrow([][2]float64{{c[0] + swimlane.EventR, c[1]}, at(swimlane.Point{X: dg.Pages[0].Boxes[0].Rect.X, Y: pg.Start.Y})})
		}
		// Boxes.
		for _, b := range pg.Boxes {
			d.activityBox(acts[b.Act], x0+b.Rect.X, y0+b.Rect.Y, b.Rect.H)
		}
		// Edges, and the end circle after the edge that reaches it first.
		for _, e := range pg.Edges {
			pts := make([][2]float64, len(e.Points))
			for i, q := range e.Points {
				pts[i] = at(q)
			}
			if e.Incoming {
				c := at(e.Connector.Center)
				d.connector(c[0], c[1], e.Connector.Label)
			}
			d.arrow(pts)
			if e.DrawsEnd {
				c := at(*pg.End)
				f.SetLineWidth(0.8)
				f.Circle(c[0], c[1], swimlane.EventR, "D")
				f.SetLineWidth(0.2)
			}
			if e.Connector != nil && !e.Incoming {
				c := at(e.Connector.Center)
				d.connector(c[0], c[1], e.Connector.Label)
			}
			if e.HasText {
				l := at(e.Label)
				d.edgeLabel(dg.Flows[e.Flow].Label, l[0], l[1])
			}
		}
		f.SetFont(family, "", 6)
		f.SetXY(dgMargin, math.Min(y0+dg.LanesBottom+dg.ChannelH, 215.9-18))
		f.CellFormat(0, 3, "Los círculos numerados enlazan con la actividad de ese número en otra parte del diagrama.", "", 0, "L", false, 0, "")
	}
}

// activityBox draws an activity (a diamond for a decision) with its number
// and the start of its description.
func (d *doc) activityBox(a manuals.Activity, x, y, h float64) {
	f := d.f
	f.SetLineWidth(0.3)
	f.SetFillColor(255, 255, 255)
	text := strconv.Itoa(a.Numero) + ". " + a.Descripcion
	if a.Decision != nil {
		cx, cy := x+dgBoxW/2, y+h/2
		f.Polygon([]fpdf.PointType{pt(cx, y), pt(x+dgBoxW, cy), pt(cx, y+h), pt(x, cy)}, "FD")
		text = strconv.Itoa(a.Numero) + ". " + a.Decision.Pregunta
		// The largest text rectangle of this shape inside the diamond:
		// w/W + h/H = 1, so its corners stay on or inside the edges.
		d.boxText(text, x+0.2*dgBoxW, y+0.3*h, 0.6*dgBoxW, 0.4*h)
		return
	}
	f.RoundedRect(x, y, dgBoxW, h, 1.5, "1234", "FD")
	d.boxText(text, x+0.8, y+0.8, dgBoxW-1.6, h-1.6)
}

// boxText sets text inside a box of w × h: wrapped and hyphenated
// (package hyphen), at the diagram's size or, when it does not fit, smaller
// down to a floor; only past the floor is the text cut, with «…».
func (d *doc) boxText(text string, x, y, w, h float64) {
	f := d.f
	size := dgFontBox
	var lines []textLine
	lh := 0.0
	for ; ; size -= 0.25 {
		f.SetFont(family, "", size)
		lh = size * 0.42
		lines = d.wrap(text, w-2*f.GetCellMargin())
		if float64(len(lines))*lh <= h || size <= dgFontFloor {
			break
		}
	}
	if maxLines := int(h / lh); len(lines) > maxLines {
		lines = lines[:max(1, maxLines)]
		l := &lines[len(lines)-1]
		l.words = append(l.words[:len(l.words):len(l.words)], "…")
	}
	top := y + (h-float64(len(lines))*lh)/2
	for i, l := range lines {
		f.SetXY(x, top+float64(i)*lh)
		f.CellFormat(w, lh, l.String(), "", 0, "C", false, 0, "")
	}
}

func (d *doc) edgeLabel(label string, x, y float64) {
	if label == "" {
		return
	}
	f := d.f
	f.SetFont(family, "B", 5.5)
	f.SetXY(x, y-2.2)
	f.CellFormat(f.GetStringWidth(label)+1, 2.2, label, "", 0, "L", false, 0, "")
}

func (d *doc) connector(x, y float64, label string) {
	f := d.f
	f.SetLineWidth(0.3)
	f.SetFillColor(255, 255, 255)
	f.Circle(x, y, 2.2, "FD")
	f.SetFont(family, "B", 5.5)
	f.SetXY(x-2.2, y-1.2)
	f.CellFormat(4.4, 2.4, label, "", 0, "C", false, 0, "")
}

// arrow draws an orthogonal polyline with an arrowhead at its end.
func (d *doc) arrow(pts [][2]float64) {
	f := d.f
	f.SetLineWidth(0.25)
	for i := 1; i < len(pts); i++ {
		f.Line(pts[i-1][0], pts[i-1][1], pts[i][0], pts[i][1])
	}
	n := len(pts)
	ex, ey := pts[n-1][0], pts[n-1][1]
	dx, dy := ex-pts[n-2][0], ey-pts[n-2][1]
	l := math.Hypot(dx, dy)
	if l == 0 {
		return
	}
	dx, dy = dx/l, dy/l
	const s = 1.4
	f.SetFillColor(0, 0, 0)
	f.Polygon([]fpdf.PointType{pt(ex, ey), pt(ex-s*dx-s*0.5*dy, ey-s*dy+s*0.5*dx), pt(ex-s*dx+s*0.5*dy, ey-s*dy-s*0.5*dx)}, "F")
}

func pt(x, y float64) fpdf.PointType { return fpdf.PointType{X: x, Y: y} }
