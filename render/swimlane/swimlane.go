// Package swimlane lays out a procedure's flow as a swimlane diagram: one
// lane per role, one column per activity, split into pages of a given
// number of columns. It computes geometry only, in millimetres from the
// top-left corner of the first lane's drawing area (right of the lane
// labels); the PDF writer draws it on landscape pages and the BPMN writer
// turns it into BPMN DI, so both show the same picture.
//
// Connectors never cross a box: an edge to the next column bends only inside
// the gap between the two columns; every other edge (a jump ahead, a loop
// back, an end, a continuation on another page) drops from the bottom of its
// box — the column holds no other box — into a channel below the lanes, runs
// along its own track, and rises in an empty gap or connector column.
package swimlane

import (
	"math"
	"strconv"

	"github.com/cipro-ine/mpp/manuals"
)

// Dimensions, in millimetres.
const (
	EdgeColW = 16.0 // start and end/connector columns
	ColW     = 25.0
	BoxW     = 20.0
	Track    = 2.4
	MinLaneH = 13.0
	MaxLaneH = 30.0
	EventR   = 2.5 // start and end circles
	ConnR    = 2.2 // page connectors
	// Height available to lanes and channel on a landscape Letter page.
	PageH = 168.0
)

// End is the target of an edge that ends the procedure.
const End = -1

// Flow is one sequence flow between activities, by index in the list.
type Flow struct {
	From, To int // To == End for an end
	Label    string
	Implicit bool // the next activity in the list, or the end after the last: no siguiente nor fin says so
}

// Flows lists a procedure's sequence flows in a fixed order: per activity,
// its decision's exits in order, else its one successor.
func Flows(acts []manuals.Activity) []Flow {
	idx := map[int]int{}
	for i, a := range acts {
		idx[a.Numero] = i
	}
	var out []Flow
	add := func(from, n int, fin bool, label string) {
		if fin {
			out = append(out, Flow{From: from, To: End, Label: label})
			return
		}
		if j, ok := idx[n]; ok {
			out = append(out, Flow{From: from, To: j, Label: label})
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
			out = append(out, Flow{From: i, To: i + 1, Implicit: true})
		default:
			out = append(out, Flow{From: i, To: End, Implicit: true})
		}
	}
	return out
}

// Point is a position in millimetres.
type Point struct{ X, Y float64 }

// Rect is a box in millimetres.
type Rect struct{ X, Y, W, H float64 }

// Lane is one role's band.
type Lane struct {
	Name string
	Y, H float64
}

// Box is an activity's shape: a rounded rectangle, or a diamond for a
// decision.
type Box struct {
	Act      int // index in the procedure's activity list
	Rect     Rect
	Decision bool
}

// Connector is a numbered circle that links to the activity of that number
// on another page.
type Connector struct {
	Center Point
	Label  string
}

// Edge is a drawn flow: an orthogonal polyline with its arrowhead at the
// last point.
type Edge struct {
	Flow    int // index in Diagram.Flows
	Points  []Point
	Label   Point // where the label's baseline starts (when the flow has one)
	HasText bool
	// DrawsEnd: the first edge to reach the page's end event, after which
	// a writer draws it (so the drawing order is fixed).
	DrawsEnd bool
	// Connector, when the flow leaves for or arrives from another page;
	// Incoming says the polyline starts at it.
	Connector *Connector
	Incoming  bool
}

// Page is one page of the diagram.
type Page struct {
	First, Last int // activity indexes shown
	Width       float64
	Start       *Point // the start event's centre, on the first page
	End         *Point // the end event's centre, on a page an end is reached from
	Boxes       []Box
	Edges       []Edge
}

// Diagram is the whole layout.
type Diagram struct {
	Lanes       []Lane
	LaneOf      []int // lane index per activity
	Flows       []Flow
	BoxH        float64
	LanesBottom float64
	ChannelH    float64
	Pages       []Page
}

// LaneNames lists the roles in order of first appearance.
func LaneNames(acts []manuals.Activity) ([]string, []int) {
	var lanes []string
	laneOf := make([]int, len(acts))
	seen := map[string]int{}
	for i, a := range acts {
		l, ok := seen[a.Responsable]
		if !ok {
			l = len(lanes)
			seen[a.Responsable] = l
			lanes = append(lanes, a.Responsable)
		}
		laneOf[i] = l
	}
	return lanes, laneOf
}

// PerPage is the number of activity columns that fit in width millimetres
// of drawing area (start and end columns included).
func PerPage(width float64) int {
	return max(1, int((width-2*EdgeColW)/ColW))
}

// Layout lays out acts with perPage columns per page (0: all on one page).
func Layout(acts []manuals.Activity, perPage int) *Diagram {
	if len(acts) == 0 {
		return &Diagram{}
	}
	if perPage <= 0 {
		perPage = len(acts)
	}
	names, laneOf := LaneNames(acts)
	flows := Flows(acts)
	segments := (len(acts) + perPage - 1) / perPage
	seg := func(i int) int { return i / perPage }
	// Which flows use the channel, per segment (both ends count).
	channel := make([][]int, segments)
	for k, e := range flows {
		s := seg(e.From)
		if e.To == End || e.To != e.From+1 || seg(e.To) != s {
			channel[s] = append(channel[s], k)
			if e.To != End && seg(e.To) != s {
				channel[seg(e.To)] = append(channel[seg(e.To)], k)
			}
		}
	}
	maxTracks := 0
	for _, c := range channel {
		maxTracks = max(maxTracks, len(c))
	}
	chanH := float64(maxTracks)*Track + 6
	laneH := math.Min(MaxLaneH, math.Max(MinLaneH, (PageH-chanH)/float64(len(names))))
	boxH := math.Min(laneH-4, 17)
	d := &Diagram{LaneOf: laneOf, Flows: flows, BoxH: boxH, ChannelH: chanH}
	for l, n := range names {
		d.Lanes = append(d.Lanes, Lane{Name: n, Y: float64(l) * laneH, H: laneH})
	}
	d.LanesBottom = float64(len(names)) * laneH
	midY := func(i int) float64 { return float64(laneOf[i])*laneH + laneH/2 }

	for s := 0; s < segments; s++ {
		first, last := s*perPage, min((s+1)*perPage, len(acts))-1
		colX := func(i int) float64 { return EdgeColW + float64(i-first)*ColW + (ColW-BoxW)/2 }
		endX := EdgeColW + float64(last-first+1)*ColW + EdgeColW/2
		pg := Page{First: first, Last: last, Width: endX + EdgeColW/2}
		if s == 0 {
			c := Point{EdgeColW / 2, midY(0)}
			pg.Start = &c
		}
		for i := first; i <= last; i++ {
			pg.Boxes = append(pg.Boxes, Box{Act: i, Rect: Rect{colX(i), midY(i) - boxH/2, BoxW, boxH}, Decision: acts[i].Decision != nil})
		}
		trackY := func(k int) float64 {
			return d.LanesBottom + 3 + float64(trackIndex(channel[s], k))*Track
		}
		for k, e := range flows {
			from, to := e.From, e.To
			inFrom, inTo := seg(from) == s, to != End && seg(to) == s
			if !inFrom && !inTo {
				continue
			}
			ed := Edge{Flow: k, HasText: e.Label != ""}
			switch {
			case inFrom && inTo && to == from+1:
				x1, y1 := colX(from)+BoxW, midY(from)
				x2, y2 := colX(to), midY(to)
				gx := (x1 + x2) / 2
				ed.Points = []Point{{x1, y1}, {gx, y1}, {gx, y2}, {x2, y2}}
				ed.Label = Point{x1 + 0.5, y1 - 0.8}
			case inFrom:
				ty := trackY(k)
				sx, sy := colX(from)+BoxW/2, midY(from)+boxH/2
				switch {
				case to == End:
					ey := midY(last)
					ed.Points = []Point{{sx, sy}, {sx, ty}, {endX, ty}, {endX, ey + EventR}}
					if pg.End == nil {
						pg.End = &Point{endX, ey}
						ed.DrawsEnd = true
					}
				case inTo:
					tx := colX(to) - (ColW-BoxW)/2 + 0.8 + float64(trackIndex(channel[s], k)%3)*0.9
					ed.Points = []Point{{sx, sy}, {sx, ty}, {tx, ty}, {tx, midY(to)}, {colX(to), midY(to)}}
				default: // continues on another page: a numbered connector
					cx := endX + connectorShift(channel[s], k)
					if seg(to) < s {
						cx = EdgeColW/2 + connectorShift(channel[s], k)
					}
					ed.Points = []Point{{sx, sy}, {sx, ty}, {cx + sign(seg(to) < s)*ConnR, ty}}
					ed.Connector = &Connector{Point{cx, ty}, strconv.Itoa(acts[to].Numero)}
				}
				ed.Label = Point{sx + 0.6, sy + 2.2}
			default: // arrives from another page
				ty := trackY(k)
				cx := EdgeColW/2 + connectorShift(channel[s], k)
				if seg(from) > s {
					cx = endX + connectorShift(channel[s], k)
				}
				tx := colX(to) - (ColW-BoxW)/2 + 0.8
				ed.Connector = &Connector{Point{cx, ty}, strconv.Itoa(acts[from].Numero)}
				ed.Incoming = true
				ed.HasText = false
				ed.Points = []Point{{cx - sign(seg(from) > s)*ConnR, ty}, {tx, ty}, {tx, midY(to)}, {colX(to), midY(to)}}
			}
			pg.Edges = append(pg.Edges, ed)
		}
		d.Pages = append(d.Pages, pg)
	}
	return d
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
