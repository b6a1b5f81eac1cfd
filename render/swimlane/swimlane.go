// Package swimlane lays out a procedure's flow as a swimlane diagram: one
// lane per role, activities in columns, the columns split into bands of a
// given number of columns. It computes geometry only, in millimetres from
// the top-left corner of a band's first lane drawing area (right of the
// lane labels); the PDF writer draws the bands on landscape pages and the
// BPMN writer turns one unsplit band into BPMN DI, so both show the same
// picture.
//
// Columns are packed: an activity that follows the previous one in another
// lane goes below (or above) it in the same column when the lanes between
// are free, so a hand-off between roles costs no width.
//
// Connectors never cross a box: boxes stand only in columns, and every
// connector runs in the gaps between columns, in the channel below the lanes
// (inside the pool) or, for a hand-off stacked in one column, straight down
// or up between the two boxes. Each connector has its own track in a gap or
// in the channel, so no two run along each other (except where they join at
// the box they enter); where a horizontal run crosses a vertical one it hops
// over it (Edge.Hops). A decision's branches leave by distinct points of its
// diamond.
package swimlane

import (
	"math"
	"sort"
	"strconv"

	"github.com/cipro-ine/mpp/manuals"
)

// Dimensions, in millimetres.
const (
	EdgeColW = 16.0 // start column
	EndColW  = 16.0 // end and connector column
	ColW     = 24.0
	BoxW     = 19.0
	BoxH     = 15.0 // a box's height unless its text needs more
	LanePad  = 2.0  // between a box and its lane's edges
	Track    = 2.6  // spacing of the channel's tracks
	EventR   = 2.5  // start and end circles
	ConnR    = 2.2  // page connectors
	// PageH is the height available to the bands on a landscape Letter page.
	PageH = 168.0
	// BandGap separates two bands on one page.
	BandGap = 7.0
)

// gapW is the free width between two columns' boxes.
const gapW = ColW - BoxW

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

// Lane is one role's band of boxes. The channel lies below the last lane,
// inside the pool: a writer draws the last lane down to
// Diagram.LanesBottom + Diagram.ChannelH.
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
// on another band.
type Connector struct {
	Center Point
	Label  string
}

// Edge is a drawn flow: an orthogonal polyline with its arrowhead at the
// last point.
type Edge struct {
	Flow   int // index in Diagram.Flows
	Points []Point
	// Label is where the flow's label starts (its baseline's left end) and
	// LabelW the width it may take there.
	Label   Point
	LabelW  float64
	HasText bool
	// Hops are the points on the edge's horizontal runs where it crosses a
	// vertical run of another edge: a writer draws a small bridge there.
	Hops []Point
	// DrawsEnd: the first edge to reach the band's end event, after which
	// a writer draws it (so the drawing order is fixed).
	DrawsEnd bool
	// Connector, when the flow leaves for or arrives from another band;
	// Incoming says the polyline starts at it.
	Connector *Connector
	Incoming  bool
}

// Page is one band of the diagram.
type Page struct {
	First, Last int // activity indexes shown
	Width       float64
	Start       *Point // the start event's centre, on the first band
	// StartHops are where the start's arrow (from Start to the first box)
	// crosses a vertical run.
	StartHops []Point
	End       *Point // the end event's centre, on a band an end is reached from
	Boxes     []Box
	Edges     []Edge
}

// Diagram is the whole layout.
type Diagram struct {
	Lanes       []Lane
	LaneOf      []int // lane index per activity
	Column      []int // column per activity, counted over the whole procedure
	Flows       []Flow
	LanesBottom float64
	ChannelH    float64
	Pages       []Page
}

// Height is a band's height: lanes and channel.
func (d *Diagram) Height() float64 { return d.LanesBottom + d.ChannelH }

// Options set a layout.
type Options struct {
	// Columns per band; 0: one band.
	Columns int
	// BoxH, when set, gives the least height activity i's box needs for its
	// text; a box is never lower than the constant BoxH.
	BoxH func(i int) float64
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
	return max(1, int((width-EdgeColW-EndColW)/ColW))
}

// BandsPerPage is how many bands of d fit one above the other in height
// millimetres.
func (d *Diagram) BandsPerPage(height float64) int {
	return max(1, int((height+BandGap)/(d.Height()+BandGap)))
}

// Columns packs the activities into columns: each in the column after the
// previous one's, or in the same column when it follows the previous one in
// another lane, that lane lies beyond the column's boxes (one direction per
// column, so the hand-off's vertical line crosses no box) and the flow
// between the two is the one drawn straight. stacked[i] tells which.
func Columns(acts []manuals.Activity, laneOf []int, flows []Flow) (col []int, stacked []bool) {
	col = make([]int, len(acts))
	stacked = make([]bool, len(acts))
	follows := map[[2]int]bool{}
	for _, f := range flows {
		follows[[2]int{f.From, f.To}] = true
	}
	dir, extreme := 0, 0 // the current column's direction and farthest lane
	for i := range acts {
		if i == 0 {
			extreme = laneOf[0]
			continue
		}
		l, prev := laneOf[i], laneOf[i-1]
		d := 0
		switch {
		case l > prev:
			d = 1
		case l < prev:
			d = -1
		}
		if d != 0 && follows[[2]int{i - 1, i}] && (dir == 0 || dir == d) && prev == extreme {
			col[i], stacked[i] = col[i-1], true
			dir, extreme = d, l
			continue
		}
		col[i] = col[i-1] + 1
		dir, extreme = 0, l
	}
	return col, stacked
}

// Layout lays out acts.
func Layout(acts []manuals.Activity, o Options) *Diagram {
	if len(acts) == 0 {
		return &Diagram{}
	}
	names, laneOf := LaneNames(acts)
	flows := Flows(acts)
	col, stacked := Columns(acts, laneOf, flows)
	ncols := col[len(acts)-1] + 1
	per := o.Columns
	if per <= 0 {
		per = ncols
	}
	d := &Diagram{LaneOf: laneOf, Column: col, Flows: flows}

	// Lanes as high as their tallest box needs.
	boxH := make([]float64, len(acts))
	laneH := make([]float64, len(names))
	for i := range acts {
		boxH[i] = BoxH
		if o.BoxH != nil {
			boxH[i] = math.Max(BoxH, math.Ceil(o.BoxH(i)*2)/2)
		}
		laneH[laneOf[i]] = math.Max(laneH[laneOf[i]], boxH[i]+2*LanePad)
	}
	y := 0.0
	for l, n := range names {
		d.Lanes = append(d.Lanes, Lane{Name: n, Y: y, H: laneH[l]})
		y += laneH[l]
	}
	d.LanesBottom = y

	bands := (ncols + per - 1) / per
	bandOf := func(i int) int { return col[i] / per }
	r := make([]*router, bands)
	for s := range r {
		first, last := -1, -1
		for i := range acts {
			if bandOf(i) == s {
				if first < 0 {
					first = i
				}
				last = i
			}
		}
		c0 := s * per
		n := min(per, ncols-c0)
		r[s] = &router{d: d, acts: acts, col: col, c0: c0, n: n, boxH: boxH, stacked: stacked, used: map[[2]int]bool{}, endLane: -1,
			page: Page{First: first, Last: last, Width: EdgeColW + float64(n)*ColW + EndColW}}
	}
	for k, f := range flows {
		sf := bandOf(f.From)
		switch {
		case f.To == End:
			r[sf].plan(k, f, toEnd)
		case bandOf(f.To) == sf:
			r[sf].plan(k, f, inBand)
		default:
			r[sf].plan(k, f, toOther)
			r[bandOf(f.To)].plan(k, f, fromOther)
		}
	}
	tracks := 0
	for _, b := range r {
		tracks = max(tracks, b.channelTracks())
	}
	d.ChannelH = float64(tracks)*Track + 4
	for s, b := range r {
		d.Pages = append(d.Pages, b.route(s == 0))
	}
	return d
}

// Kinds of a flow's part in one band.
const (
	inBand = iota
	toEnd
	toOther
	fromOther
)

// Exit ports of a box.
const (
	portRight = iota
	portBottom
	portTop
	portRightLow
	portRightHigh
)

// A leg is a vertical run in a gap between columns, whose x is chosen once
// every leg of the gap is known.
type leg struct {
	gap  int // 0: left of the band's first column; n: right of its last
	kind int // legOut (from the column on the left), legAcross, legIn (into the column on the right)
	y    float64
	x    float64
}

const (
	legOut = iota
	legAcross
	legIn
)

// plan is how one flow is drawn in one band, before its points are known.
type plan struct {
	flow  int
	f     Flow
	kind  int
	port  int  // exit port, when the flow leaves a box of this band
	out   *leg // gap leg after the exit
	in    *leg // gap leg before the entry
	track int  // channel track, or -1
	// channel: the flow runs along the channel, from xa to xb (approximate
	// extents, for the choice of tracks).
	channel bool
	xa, xb  float64
}

type router struct {
	d       *Diagram
	acts    []manuals.Activity
	col     []int
	stacked []bool
	boxH    []float64
	c0, n   int
	page    Page
	plans   []*plan
	legs    []*leg
	used    map[[2]int]bool // box, port
	endLane int             // the end circle's lane, -1 until a flow ends in the band
}

func (r *router) boxOf(i int) Rect {
	ln := r.d.Lanes[r.d.LaneOf[i]]
	x := EdgeColW + float64(r.col[i]-r.c0)*ColW + gapW/2
	return Rect{x, ln.Y + ln.H/2 - r.boxH[i]/2, BoxW, r.boxH[i]}
}

func (r *router) midY(i int) float64 {
	ln := r.d.Lanes[r.d.LaneOf[i]]
	return ln.Y + ln.H/2
}

// gapX is the centre of gap g.
func (r *router) gapX(g int) float64 { return EdgeColW + float64(g)*ColW }

// endX is the end circle's centre.
func (r *router) endX() float64 { return EdgeColW + float64(r.n)*ColW + 4.6 }

// lowest says no box of i's column stands below it.
func (r *router) lowest(i int) bool {
	for j := range r.acts {
		if j != i && r.col[j] == r.col[i] && r.d.LaneOf[j] > r.d.LaneOf[i] {
			return false
		}
	}
	return true
}

func (r *router) newLeg(gap, kind int, y float64) *leg {
	l := &leg{gap: gap, kind: kind, y: y}
	r.legs = append(r.legs, l)
	return l
}

// exitPort picks a free exit of box i for a flow that goes to the channel
// (down) or, without channel, to the next column.
func (r *router) exitPort(i int, channel bool) int {
	free := func(p int) bool { return !r.used[[2]int{i, p}] }
	order := []int{portRight, portRightLow, portRightHigh}
	if channel && r.lowest(i) {
		order = []int{portBottom, portRight, portRightLow, portRightHigh}
	}
	for _, p := range order {
		if free(p) {
			r.used[[2]int{i, p}] = true
			return p
		}
	}
	return portRight
}

// portAt is the point of port p on box i.
func (r *router) portAt(i, p int) Point {
	b := r.boxOf(i)
	cx, cy := b.X+b.W/2, b.Y+b.H/2
	diamond := r.acts[i].Decision != nil
	switch p {
	case portBottom:
		return Point{cx, b.Y + b.H}
	case portTop:
		return Point{cx, b.Y}
	case portRightLow, portRightHigh:
		dy := b.H / 4
		if p == portRightHigh {
			dy = -dy
		}
		if diamond {
			return Point{cx + b.W/4, cy + dy}
		}
		return Point{b.X + b.W, cy + dy}
	}
	return Point{b.X + b.W, cy}
}

func (r *router) plan(k int, f Flow, kind int) {
	p := &plan{flow: k, f: f, kind: kind, track: -1}
	r.plans = append(r.plans, p)
	cf := 0
	if kind != fromOther {
		cf = r.col[f.From] - r.c0
	}
	switch kind {
	case inBand:
		ct := r.col[f.To] - r.c0
		switch {
		case f.To == f.From+1 && r.stacked[f.To] && ct == cf && !r.used[[2]int{f.From, r.handOff(f)}]:
			// The hand-off drawn straight down or up.
			p.port = r.handOff(f)
			r.used[[2]int{f.From, p.port}] = true
			r.used[[2]int{f.To, portBottom + portTop - p.port}] = true
			return
		case ct == cf+1:
			p.port = r.exitPort(f.From, false)
			pt := r.portAt(f.From, p.port)
			if math.Abs(pt.Y-r.midY(f.To)) > 1e-9 {
				p.out = r.newLeg(cf+1, legAcross, pt.Y)
			}
			return
		}
		r.exitToChannel(p, cf)
		p.in = r.newLeg(ct, legIn, r.midY(f.To))
		p.channel, p.xa, p.xb = true, r.channelFrom(p), r.gapX(ct)
	case toEnd:
		if r.endLane < 0 {
			// The end stands in the lane of the last activity of the band
			// that ends the procedure.
			for _, q := range r.d.Flows {
				if q.To == End && q.From >= r.page.First && q.From <= r.page.Last {
					r.endLane = r.d.LaneOf[q.From]
				}
			}
		}
		if cf == r.n-1 {
			p.port = r.exitPort(f.From, false)
			pt := r.portAt(f.From, p.port)
			if math.Abs(pt.Y-r.endY()) > 1e-9 {
				p.out = r.newLeg(r.n, legAcross, pt.Y)
			}
			return
		}
		r.exitToChannel(p, cf)
		p.channel, p.xa, p.xb = true, r.channelFrom(p), r.endX()
	case toOther:
		r.exitToChannel(p, cf)
		p.channel, p.xa = true, r.channelFrom(p)
		if r.col[f.To] < r.c0 {
			p.xb = 0
		} else {
			p.xb = r.page.Width
		}
	case fromOther:
		ct := r.col[f.To] - r.c0
		p.in = r.newLeg(ct, legIn, r.midY(f.To))
		p.channel, p.xb = true, r.gapX(ct)
		if r.col[f.From] < r.c0 {
			p.xa = 0
		} else {
			p.xa = r.page.Width
		}
	}
}

// exitToChannel gives p, which leaves its box in column cf for the
// channel, its exit: straight down, or out to the right and down the gap.
func (r *router) exitToChannel(p *plan, cf int) {
	p.port = r.exitPort(p.f.From, true)
	if p.port != portBottom {
		p.out = r.newLeg(cf+1, legOut, r.portAt(p.f.From, p.port).Y)
	}
}

// handOff is the port of a hand-off stacked in one column: down or up.
func (r *router) handOff(f Flow) int {
	if r.d.LaneOf[f.To] > r.d.LaneOf[f.From] {
		return portBottom
	}
	return portTop
}

func (r *router) endY() float64 {
	ln := r.d.Lanes[r.endLane]
	return ln.Y + ln.H/2
}

// channelFrom is where a flow leaving its box reaches the channel
// (approximately, for the choice of tracks).
func (r *router) channelFrom(p *plan) float64 {
	if p.port == portBottom {
		return r.portAt(p.f.From, portBottom).X
	}
	return r.gapX(r.col[p.f.From] - r.c0 + 1)
}

// channelTracks gives each channel run a track, reusing one where runs do
// not overlap, and returns how many tracks the band needs.
func (r *router) channelTracks() int {
	var runs []*plan
	for _, p := range r.plans {
		if p.channel {
			runs = append(runs, p)
		}
	}
	sort.SliceStable(runs, func(a, b int) bool { return math.Min(runs[a].xa, runs[a].xb) < math.Min(runs[b].xa, runs[b].xb) })
	var ends []float64
	for _, p := range runs {
		lo, hi := math.Min(p.xa, p.xb)-4, math.Max(p.xa, p.xb)+4
		t := 0
		for ; t < len(ends); t++ {
			if ends[t] < lo {
				break
			}
		}
		if t == len(ends) {
			ends = append(ends, hi)
		} else {
			ends[t] = hi
		}
		p.track = t
	}
	return len(ends)
}

// placeLegs gives each gap leg its x: in every gap, the legs out of the left
// column on its left, those into the right column on its right and those
// across between, so that no two horizontal runs of one lane overlap; legs
// out are ordered so that the lower one is outermost-left (it then crosses
// none of the others), legs in so that the higher one is leftmost.
func (r *router) placeLegs() {
	byGap := map[int][]*leg{}
	for _, l := range r.legs {
		byGap[l.gap] = append(byGap[l.gap], l)
	}
	for g, ls := range byGap {
		sort.SliceStable(ls, func(a, b int) bool {
			if ls[a].kind != ls[b].kind {
				return ls[a].kind < ls[b].kind
			}
			if ls[a].kind == legOut {
				return ls[a].y > ls[b].y
			}
			return ls[a].y < ls[b].y
		})
		n := float64(len(ls))
		space := math.Min(1.2, (gapW-1.6)/math.Max(1, n-1))
		for k, l := range ls {
			l.x = r.gapX(g) + (float64(k)-(n-1)/2)*space
		}
	}
}

// route turns the band's plans into points.
func (r *router) route(first bool) Page {
	pg := r.page
	d := r.d
	for i := pg.First; i <= pg.Last && i >= 0; i++ {
		pg.Boxes = append(pg.Boxes, Box{Act: i, Rect: r.boxOf(i), Decision: r.acts[i].Decision != nil})
	}
	if first {
		pg.Start = &Point{EdgeColW / 2, r.midY(0)}
	}
	r.placeLegs()
	trackY := func(t int) float64 { return d.LanesBottom + 2 + (float64(t)+0.5)*Track }
	connX := func(t int, right bool) float64 {
		if right {
			return EdgeColW + float64(r.n)*ColW + 9.3 + float64(t%2)*4.5
		}
		return 3.2 + float64(t%2)*4.6
	}
	for _, p := range r.plans {
		f := p.f
		e := Edge{Flow: p.flow, HasText: f.Label != ""}
		var pts []Point
		if p.kind != fromOther {
			pts = append(pts, r.portAt(f.From, p.port))
		}
		enter := func(j int) {
			b := r.boxOf(j)
			pts = append(pts, Point{b.X, r.midY(j)})
		}
		if p.out != nil {
			pts = append(pts, Point{p.out.x, pts[0].Y})
		}
		switch {
		case p.kind == inBand && !p.channel && (p.port == portBottom || p.port == portTop):
			b := r.boxOf(f.To)
			y := b.Y
			if p.port == portTop {
				y = b.Y + b.H
			}
			pts = append(pts, Point{pts[0].X, y})
		case p.kind == inBand && !p.channel:
			if p.out != nil {
				pts = append(pts, Point{p.out.x, r.midY(f.To)})
			}
			enter(f.To)
		case p.kind == toEnd && !p.channel:
			ex, ey := r.endX(), r.endY()
			if p.out != nil {
				pts = append(pts, Point{p.out.x, ey})
			}
			pts = append(pts, Point{ex - EventR, ey})
			r.markEnd(&pg, &e)
		default:
			ty := trackY(p.track)
			if p.kind == fromOther {
				right := r.col[f.From] > r.col[f.To]
				cx := connX(p.track, right)
				e.Connector = &Connector{Point{cx, ty}, strconv.Itoa(r.acts[f.From].Numero)}
				e.Incoming = true
				e.HasText = false
				pts = append(pts, Point{cx + sign(right)*ConnR, ty})
			} else {
				pts = append(pts, Point{pts[len(pts)-1].X, ty})
			}
			switch p.kind {
			case toEnd:
				ex, ey := r.endX(), r.endY()
				pts = append(pts, Point{ex, ty}, Point{ex, ey + EventR})
				r.markEnd(&pg, &e)
			case toOther:
				right := r.col[f.To] > r.col[f.From]
				cx := connX(p.track, right)
				if right {
					pts = append(pts, Point{cx - ConnR, ty})
				} else {
					pts = append(pts, Point{cx + ConnR, ty})
				}
				e.Connector = &Connector{Point{cx, ty}, strconv.Itoa(r.acts[f.To].Numero)}
			default:
				pts = append(pts, Point{p.in.x, ty}, Point{p.in.x, r.midY(f.To)})
				enter(f.To)
			}
		}
		e.Points = dedupe(pts)
		if e.HasText {
			e.Label, e.LabelW = r.labelAt(p, e.Points)
		}
		pg.Edges = append(pg.Edges, e)
	}
	// Hops, now that every run is known.
	for k := range pg.Edges {
		pg.Edges[k].Hops = hops(pg.Edges[k].Points, pg.Edges, k)
	}
	if pg.Start != nil && len(pg.Boxes) > 0 {
		pg.StartHops = hops([]Point{{pg.Start.X + EventR, pg.Start.Y}, {pg.Boxes[0].Rect.X, pg.Start.Y}}, pg.Edges, -1)
	}
	return pg
}

func (r *router) markEnd(pg *Page, e *Edge) {
	if pg.End == nil {
		pg.End = &Point{r.endX(), r.endY()}
		e.DrawsEnd = true
	}
}

// labelAt places a decision branch's label beside the point it leaves by:
// right of a vertical start, above (or, when the line turns up, below) a
// horizontal one.
func (r *router) labelAt(p *plan, pts []Point) (Point, float64) {
	a, b := pts[0], pts[1]
	if a.X == b.X { // leaves downwards or upwards
		if b.Y > a.Y {
			return Point{a.X + 0.6, a.Y + 2.3}, BoxW/2 - 1
		}
		return Point{a.X + 0.6, a.Y - 0.8}, BoxW/2 - 1
	}
	w := gapW - 0.8
	if !p.channel && p.out == nil {
		w = b.X - a.X - 1.5
	}
	// Below the line when it turns up, or leaves by the diamond's lower
	// edge (above, the label would cover the diamond).
	if p.port == portRightLow || p.port != portRightHigh && len(pts) > 2 && pts[2].Y < b.Y {
		return Point{a.X + 0.5, a.Y + 2.4}, w
	}
	return Point{a.X + 0.5, a.Y - 0.8}, w
}

// hops lists where the horizontal runs of pts cross a vertical run of
// another edge than skip (strictly inside both runs).
func hops(pts []Point, edges []Edge, skip int) []Point {
	var out []Point
	for i := 1; i < len(pts); i++ {
		a, b := pts[i-1], pts[i]
		if a.Y != b.Y {
			continue
		}
		lo, hi := math.Min(a.X, b.X), math.Max(a.X, b.X)
		var xs []float64
		for k, o := range edges {
			if k == skip {
				continue
			}
			for j := 1; j < len(o.Points); j++ {
				c, d := o.Points[j-1], o.Points[j]
				if c.X != d.X {
					continue
				}
				vlo, vhi := math.Min(c.Y, d.Y), math.Max(c.Y, d.Y)
				if c.X > lo+1 && c.X < hi-1 && a.Y > vlo+0.3 && a.Y < vhi-0.3 {
					xs = append(xs, c.X)
				}
			}
		}
		sort.Float64s(xs)
		if b.X < a.X {
			sort.Sort(sort.Reverse(sort.Float64Slice(xs)))
		}
		for _, x := range xs {
			out = append(out, Point{x, a.Y})
		}
	}
	return out
}

// dedupe drops repeated points and merges collinear runs.
func dedupe(pts []Point) []Point {
	var out []Point
	for _, q := range pts {
		if n := len(out); n > 0 && math.Abs(out[n-1].X-q.X) < 1e-9 && math.Abs(out[n-1].Y-q.Y) < 1e-9 {
			continue
		}
		if n := len(out); n >= 2 {
			a, b := out[n-2], out[n-1]
			if (a.X == b.X && b.X == q.X) || (a.Y == b.Y && b.Y == q.Y) {
				out[n-1] = q
				continue
			}
		}
		out = append(out, q)
	}
	return out
}

func sign(b bool) float64 {
	if b {
		return -1
	}
	return 1
}
