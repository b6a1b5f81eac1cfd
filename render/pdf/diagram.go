package pdf

import (
	"fmt"
	"math"
	"strconv"

	"codeberg.org/go-pdf/fpdf"

	"github.com/cipro-ine/mpp/manuals"
)

// A swimlane diagram of a procedure: one lane per role, one column per
// activity, on landscape pages. Connectors never cross a box: an edge to
// the next column bends only inside the gap between the two columns; every
// other edge (a jump ahead, a loop back, an end, a continuation on another
// page) drops from the bottom of its box — the column holds no other box —
// into a channel below the lanes, runs along its own track, and rises in an
// empty gap or connector column.

const (
	dgMargin    = 15.0
	dgTop       = 30.0
	dgBottom    = 198.0
	dgLabelW    = 30.0
	dgEdgeColW  = 16.0 // start and end/connector columns
	dgColW      = 25.0
	dgBoxW      = 20.0
	dgTrack     = 2.4
	dgMinLaneH  = 13.0
	dgMaxLaneH  = 30.0
	endTarget   = -1
	dgFontBox   = 6.0
	dgFontLabel = 6.5
)

type dgEdge struct {
	from, to int // activity indexes; to == endTarget for an end
	label    string
}

func flowEdges(acts []manuals.Activity) []dgEdge {
	idx := map[int]int{}
	for i, a := range acts {
		idx[a.Numero] = i
	}
	var out []dgEdge
	add := func(from, n int, fin bool, label string) {
		if fin {
			out = append(out, dgEdge{from, endTarget, label})
			return
		}
		if j, ok := idx[n]; ok {
			out = append(out, dgEdge{from, j, label})
		}
	}
	for i, a := range acts {
		switch {
		case a.Decision != nil:
			for _, x := range a.Decision.Salidas {
				add(i, x.Siguiente, x.Fin, x.Condicion)
			}
		case a.Fin:
			add(i, 0, true, "")
		case a.Siguiente != 0:
			add(i, a.Siguiente, false, "")
		case i+1 < len(acts):
			out = append(out, dgEdge{i, i + 1, ""})
		default:
			add(i, 0, true, "")
		}
	}
	return out
}

// swimlane draws the diagram of p on as many landscape pages as it needs.
func (d *doc) swimlane(p *manuals.Procedure, title string) {
	f := d.f
	acts := p.Actividades
	if len(acts) == 0 {
		return
	}
	var lanes []string
	laneOf := map[string]int{}
	for _, a := range acts {
		if _, ok := laneOf[a.Responsable]; !ok {
			laneOf[a.Responsable] = len(lanes)
			lanes = append(lanes, a.Responsable)
		}
	}
	edges := flowEdges(acts)
	pageW := 279.4
	perPage := int((pageW - 2*dgMargin - dgLabelW - 2*dgEdgeColW) / dgColW)
	segments := (len(acts) + perPage - 1) / perPage
	seg := func(i int) int { return i / perPage }
	// Which edges use the channel, per segment (both ends count).
	channel := make([][]int, segments)
	for k, e := range edges {
		s := seg(e.from)
		if e.to == endTarget || e.to != e.from+1 || seg(e.to) != s {
			channel[s] = append(channel[s], k)
			if e.to != endTarget && seg(e.to) != s {
				channel[seg(e.to)] = append(channel[seg(e.to)], k)
			}
		}
	}
	maxTracks := 0
	for _, c := range channel {
		maxTracks = max(maxTracks, len(c))
	}
	chanH := float64(maxTracks)*dgTrack + 6
	laneH := math.Min(dgMaxLaneH, math.Max(dgMinLaneH, (dgBottom-dgTop-chanH)/float64(len(lanes))))
	boxH := math.Min(laneH-4, 17)

	// A diagram page is drawn by coordinates: no automatic page breaks.
	auto, bottomMargin := f.GetAutoPageBreak()
	f.SetAutoPageBreak(false, 0)
	defer f.SetAutoPageBreak(auto, bottomMargin)
	for s := 0; s < segments; s++ {
		f.AddPageFormat("L", f.GetPageSizeStr("Letter"))
		if d.layoutOnly {
			continue
		}
		f.SetFont(family, "B", 9)
		f.SetXY(dgMargin, 22)
		part := ""
		if segments > 1 {
			part = fmt.Sprintf(" (parte %d de %d)", s+1, segments)
		}
		f.CellFormat(0, 5, "Diagrama de flujo: "+title+part, "", 0, "L", false, 0, "")
		first, last := s*perPage, min((s+1)*perPage, len(acts))-1
		x0 := dgMargin + dgLabelW
		colX := func(i int) float64 { return x0 + dgEdgeColW + float64(i-first)*dgColW + (dgColW-dgBoxW)/2 }
		endX := x0 + dgEdgeColW + float64(last-first+1)*dgColW + dgEdgeColW/2
		laneY := func(l int) float64 { return dgTop + float64(l)*laneH }
		midY := func(i int) float64 { return laneY(laneOf[acts[i].Responsable]) + laneH/2 }
		lanesBottom := laneY(len(lanes))
		right := endX + dgEdgeColW/2
		// Lanes.
		f.SetLineWidth(0.2)
		f.SetDrawColor(120, 120, 120)
		for l, name := range lanes {
			f.SetFillColor(242, 242, 242)
			f.Rect(dgMargin, laneY(l), dgLabelW, laneH, "FD")
			f.Rect(x0, laneY(l), right-x0, laneH, "D")
			f.SetFont(family, "B", dgFontLabel)
			lines := f.SplitText(name, dgLabelW-2)
			y := laneY(l) + laneH/2 - float64(len(lines))*2.6/2
			for _, ln := range lines {
				f.SetXY(dgMargin+1, y)
				f.CellFormat(dgLabelW-2, 2.6, ln, "", 0, "L", false, 0, "")
				y += 2.6
			}
		}
		f.SetDrawColor(0, 0, 0)
		// Start event.
		if s == 0 {
			cx, cy := x0+dgEdgeColW/2, midY(0)
			f.SetLineWidth(0.3)
			f.Circle(cx, cy, 2.5, "D")
			d.arrow([][2]float64{{cx + 2.5, cy}, {colX(0), cy}})
		}
		// Boxes.
		for i := first; i <= last; i++ {
			d.activityBox(acts[i], colX(i), midY(i)-boxH/2, boxH)
		}
		// Edges.
		endDrawn := map[int]bool{}
		trackY := func(k int) float64 {
			for t, e := range channel[s] {
				if e == k {
					return lanesBottom + 3 + float64(t)*dgTrack
				}
			}
			return lanesBottom + 3
		}
		for k, e := range edges {
			from, to := e.from, e.to
			inFrom, inTo := seg(from) == s, to != endTarget && seg(to) == s
			if !inFrom && !inTo {
				continue
			}
			switch {
			case inFrom && inTo && to == from+1:
				x1, y1 := colX(from)+dgBoxW, midY(from)
				x2, y2 := colX(to), midY(to)
				gx := (x1 + x2) / 2
				d.arrow([][2]float64{{x1, y1}, {gx, y1}, {gx, y2}, {x2, y2}})
				d.edgeLabel(e.label, x1+0.5, y1-0.8)
			case inFrom:
				ty := trackY(k)
				sx, sy := colX(from)+dgBoxW/2, midY(from)+boxH/2
				switch {
				case to == endTarget:
					ey := midY(last)
					d.arrow([][2]float64{{sx, sy}, {sx, ty}, {endX, ty}, {endX, ey + 2.5}})
					if !endDrawn[laneOf[acts[last].Responsable]] {
						f.SetLineWidth(0.8)
						f.Circle(endX, ey, 2.5, "D")
						f.SetLineWidth(0.2)
						endDrawn[laneOf[acts[last].Responsable]] = true
					}
				case inTo:
					tx := colX(to) - (dgColW-dgBoxW)/2 + 0.8 + float64(trackIndex(channel[s], k)%3)*0.9
					d.arrow([][2]float64{{sx, sy}, {sx, ty}, {tx, ty}, {tx, midY(to)}, {colX(to), midY(to)}})
				default: // continues on another page: a numbered connector
					cx := endX + connectorShift(channel[s], k)
					if seg(to) < s {
						cx = x0 + dgEdgeColW/2 + connectorShift(channel[s], k)
					}
					d.arrow([][2]float64{{sx, sy}, {sx, ty}, {cx + sign(seg(to) < s)*2.2, ty}})
					d.connector(cx, ty, strconv.Itoa(acts[to].Numero))
				}
				d.edgeLabel(e.label, sx+0.6, sy+2.2)
			default: // arrives from another page
				ty := trackY(k)
				cx := x0 + dgEdgeColW/2 + connectorShift(channel[s], k)
				if seg(from) > s {
					cx = endX + connectorShift(channel[s], k)
				}
				tx := colX(to) - (dgColW-dgBoxW)/2 + 0.8
				d.connector(cx, ty, strconv.Itoa(acts[from].Numero))
				d.arrow([][2]float64{{cx - sign(seg(from) > s)*2.2, ty}, {tx, ty}, {tx, midY(to)}, {colX(to), midY(to)}})
			}
		}
		f.SetFont(family, "", 6)
		f.SetXY(dgMargin, math.Min(lanesBottom+chanH, 215.9-18))
		f.CellFormat(0, 3, "Los círculos numerados enlazan con la actividad de ese número en otra parte del diagrama.", "", 0, "L", false, 0, "")
	}
}

// connectorShift spreads the connectors of one edge column sideways, so that
// circles on neighbouring tracks do not overlap.
func connectorShift(list []int, k int) float64 {
	return float64(trackIndex(list, k)%3-1) * 4.8
}

func trackIndex(list []int, k int) int {
	for i, e := range list {
		if e == k {
			return i
		}
	}
	return 0
}

func sign(b bool) float64 {
	if b {
		return -1
	}
	return 1
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
		d.boxText(text, x+3, y+h*0.22, dgBoxW-6, h*0.56)
		return
	}
	f.RoundedRect(x, y, dgBoxW, h, 1.5, "1234", "FD")
	d.boxText(text, x+0.8, y+0.8, dgBoxW-1.6, h-1.6)
}

func (d *doc) boxText(text string, x, y, w, h float64) {
	f := d.f
	f.SetFont(family, "", dgFontBox)
	const lh = 2.5
	lines := f.SplitText(text, w)
	maxLines := int(h / lh)
	if maxLines < 1 {
		maxLines = 1
	}
	if len(lines) > maxLines {
		lines = lines[:maxLines]
		last := []rune(lines[maxLines-1])
		if len(last) > 2 {
			lines[maxLines-1] = string(last[:len(last)-2]) + "…"
		}
	}
	top := y + (h-float64(len(lines))*lh)/2
	for i, l := range lines {
		f.SetXY(x, top+float64(i)*lh)
		f.CellFormat(w, lh, l, "", 0, "C", false, 0, "")
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
