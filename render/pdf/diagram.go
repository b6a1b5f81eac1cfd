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
	dgLabelW    = 25.0
	dgBoxW      = swimlane.BoxW
	dgFontBox   = 6.0
	dgFontFloor = 4.0 // the smallest size a box's text is set at
	dgFontNeed  = 5.0 // the size every box is made high enough for
	dgHopR      = 0.9 // a bridge's radius
	dgFontLabel = 6.5
)

// swimlane draws the diagram of p on as many landscape pages as it needs,
// with a bookmark at outline level level on its first page. The layout's
// bands go one below the other while they fit a page.
func (d *doc) swimlane(p *manuals.Procedure, title string, level int) {
	f := d.f
	acts := p.Actividades
	if len(acts) == 0 {
		return
	}
	dg := d.diagramLayout(acts)
	perSheet := dg.BandsPerPage(swimlane.PageH)
	sheets := (len(dg.Pages) + perSheet - 1) / perSheet
	x0 := dgMargin + dgLabelW

	// A diagram page is drawn by coordinates: no automatic page breaks.
	auto, bottomMargin := f.GetAutoPageBreak()
	f.SetAutoPageBreak(false, 0)
	defer f.SetAutoPageBreak(auto, bottomMargin)
	for s, pg := range dg.Pages {
		y0 := dgTop + float64(s%perSheet)*(dg.Height()+swimlane.BandGap)
		if s%perSheet == 0 {
			f.AddPageFormat("L", f.GetPageSizeStr("Letter"))
			if s == 0 {
				f.Bookmark("Diagrama de flujo", level, 0)
			}
			if !d.layoutOnly {
				f.SetFont(family, "B", 9)
				f.SetXY(dgMargin, 22)
				part := ""
				if sheets > 1 {
					part = fmt.Sprintf(" (parte %d de %d)", s/perSheet+1, sheets)
				}
				f.CellFormat(0, 5, "Diagrama de flujo: "+title+part, "", 0, "L", false, 0, "")
				if len(dg.Pages) > 1 {
					f.SetFont(family, "I", 6)
					f.SetXY(dgMargin, 215.9-18)
					f.CellFormat(0, 3, "Los círculos numerados enlazan con la actividad de ese número en otra parte del diagrama.", "", 0, "L", false, 0, "")
				}
			}
		}
		if d.layoutOnly {
			continue
		}
		d.band(dg, pg, acts, x0, y0)
	}
}

// diagramLayout lays out acts for a landscape page, each box as high as its
// text needs at the least comfortable size.
func (d *doc) diagramLayout(acts []manuals.Activity) *swimlane.Diagram {
	return swimlane.Layout(acts, swimlane.Options{
		Columns: swimlane.PerPage(279.4 - 2*dgMargin - dgLabelW),
		BoxH:    func(i int) float64 { return d.boxNeed(acts[i]) },
	})
}

// boxText is what an activity's box says.
func boxText(a manuals.Activity) string {
	if a.Decision != nil {
		return strconv.Itoa(a.Numero) + ". " + a.Decision.Pregunta
	}
	return strconv.Itoa(a.Numero) + ". " + a.Descripcion
}

// textRect is the part of a box of height h at x, y where its text goes:
// inside a rounded rectangle's border, or the largest rectangle of this
// shape inside a diamond (w/W + h/H = 1, so its corners stay on or inside
// the edges).
func textRect(decision bool, x, y, h float64) (float64, float64, float64, float64) {
	if decision {
		return x + 0.2*dgBoxW, y + 0.3*h, 0.6 * dgBoxW, 0.4 * h
	}
	return x + 0.8, y + 0.8, dgBoxW - 1.6, h - 1.6
}

// boxNeed is the height a's box needs for its whole text at dgFontNeed.
func (d *doc) boxNeed(a manuals.Activity) float64 {
	f := d.f
	if fam := f.GetFontFamily(); fam != "" {
		style := f.GetFontStyle()
		size, _ := f.GetFontSize()
		defer f.SetFont(fam, style, size)
	}
	f.SetFont(family, "", dgFontNeed)
	_, _, w, _ := textRect(a.Decision != nil, 0, 0, swimlane.BoxH)
	lines := float64(len(d.wrap(boxText(a), w-2*f.GetCellMargin()))) * dgFontNeed * 0.42
	if a.Decision != nil {
		return lines / 0.4
	}
	return lines + 1.6
}

// band draws one band of the diagram with its top-left drawing corner at
// x0, y0.
func (d *doc) band(dg *swimlane.Diagram, pg swimlane.Page, acts []manuals.Activity, x0, y0 float64) {
	f := d.f
	at := func(q swimlane.Point) [2]float64 { return [2]float64{x0 + q.X, y0 + q.Y} }
	// Lanes: the last one holds the channel.
	f.SetLineWidth(0.2)
	f.SetDrawColor(120, 120, 120)
	for l, ln := range dg.Lanes {
		h := ln.H
		if l == len(dg.Lanes)-1 {
			h += dg.ChannelH
		}
		f.SetFillColor(242, 242, 242)
		f.Rect(dgMargin, y0+ln.Y, dgLabelW, h, "FD")
		f.Rect(x0, y0+ln.Y, pg.Width, h, "D")
		f.SetFont(family, "B", dgFontLabel)
		lines := d.wrap(ln.Name, dgLabelW-2-2*f.GetCellMargin())
		y := y0 + ln.Y + h/2 - float64(len(lines))*2.6/2
		for _, t := range lines {
			f.SetXY(dgMargin+1, y)
			f.CellFormat(dgLabelW-2, 2.6, t.String(), "", 0, "L", false, 0, "")
			y += 2.6
		}
	}
	f.SetDrawColor(0, 0, 0)
	if pg.Start != nil {
		c := at(*pg.Start)
		f.SetLineWidth(0.3)
		f.Circle(c[0], c[1], swimlane.EventR, "D")
		d.arrow([][2]float64{{c[0] + swimlane.EventR, c[1]}, at(swimlane.Point{X: pg.Boxes[0].Rect.X, Y: pg.Start.Y})}, pg.StartHops, at)
	}
	for _, b := range pg.Boxes {
		d.activityBox(acts[b.Act], x0+b.Rect.X, y0+b.Rect.Y, b.Rect.H)
	}
	// Edges, and the end circle after the edge that reaches it first;
	// connectors and labels over every line.
	for _, e := range pg.Edges {
		pts := make([][2]float64, len(e.Points))
		for i, q := range e.Points {
			pts[i] = at(q)
		}
		d.arrow(pts, e.Hops, at)
		if e.DrawsEnd {
			c := at(*pg.End)
			f.SetLineWidth(0.8)
			f.Circle(c[0], c[1], swimlane.EventR, "D")
			f.SetLineWidth(0.2)
		}
	}
	for _, e := range pg.Edges {
		if e.Connector != nil {
			c := at(e.Connector.Center)
			d.connector(c[0], c[1], e.Connector.Label)
		}
		if e.HasText {
			l := at(e.Label)
			d.edgeLabel(dg.Flows[e.Flow].Label, l[0], l[1], e.LabelW)
		}
	}
}

// activityBox draws an activity (a diamond for a decision) with its number
// and its description (or question).
func (d *doc) activityBox(a manuals.Activity, x, y, h float64) {
	f := d.f
	f.SetLineWidth(0.3)
	f.SetFillColor(255, 255, 255)
	if a.Decision != nil {
		cx, cy := x+dgBoxW/2, y+h/2
		f.Polygon([]fpdf.PointType{pt(cx, y), pt(x+dgBoxW, cy), pt(cx, y+h), pt(x, cy)}, "FD")
	} else {
		f.RoundedRect(x, y, dgBoxW, h, 1.5, "1234", "FD")
	}
	tx, ty, tw, th := textRect(a.Decision != nil, x, y, h)
	d.setBoxText(boxText(a), tx, ty, tw, th)
}

// setBoxText sets text inside a box of w × h: wrapped and hyphenated
// (package hyphen), at the diagram's size or, when it does not fit, smaller
// down to a floor. The layout makes every box high enough for its text at
// dgFontNeed (above the floor), so the text is never cut; were it ever, the
// cut would show as «…».
func (d *doc) setBoxText(text string, x, y, w, h float64) {
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

// edgeLabel sets a branch's label with its baseline starting at x, y, as
// small as it must be (down to the floor) to take at most w.
func (d *doc) edgeLabel(label string, x, y, w float64) {
	if label == "" {
		return
	}
	f := d.f
	size := 5.5
	for ; size > dgFontFloor; size -= 0.25 {
		f.SetFont(family, "B", size)
		if f.GetStringWidth(label) <= w {
			break
		}
	}
	f.SetFont(family, "B", size)
	f.SetXY(x-f.GetCellMargin(), y-2.2)
	f.CellFormat(f.GetStringWidth(label)+2*f.GetCellMargin(), 2.2, label, "", 0, "L", false, 0, "")
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

// arrow draws an orthogonal polyline with an arrowhead at its end, and a
// bridge at each of hops (layout coordinates, mapped by at) where it
// crosses another line.
func (d *doc) arrow(pts [][2]float64, hops []swimlane.Point, at func(swimlane.Point) [2]float64) {
	f := d.f
	f.SetLineWidth(0.25)
	var hs [][2]float64
	for _, h := range hops {
		hs = append(hs, at(h))
	}
	for i := 1; i < len(pts); i++ {
		a, b := pts[i-1], pts[i]
		if a[1] != b[1] {
			f.Line(a[0], a[1], b[0], b[1])
			continue
		}
		dir := 1.0
		if b[0] < a[0] {
			dir = -1
		}
		x := a[0]
		for _, h := range hs {
			if h[1] != a[1] || (h[0]-a[0])*dir <= 0 || (b[0]-h[0])*dir <= 0 {
				continue
			}
			f.Line(x, a[1], h[0]-dir*dgHopR, a[1])
			f.Arc(h[0], a[1], dgHopR, dgHopR, 0, 0, 180, "D")
			x = h[0] + dir*dgHopR
		}
		f.Line(x, a[1], b[0], b[1])
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
