package swimlane_test

import (
	"math"
	"testing"

	"github.com/cipro-ine/mpp/manuals"
	"github.com/cipro-ine/mpp/manuals/synth"
	"github.com/cipro-ine/mpp/render/swimlane"
)

func procedures(t *testing.T) []*manuals.Procedure {
	var out []*manuals.Procedure
	for _, dir := range []string{"../../examples/H.4.05", "../../examples/S.5.01"} {
		e, err := manuals.LoadExpediente(dir)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, e.Manual.Procedures()...)
	}
	for i := 0; i < 30; i++ {
		out = append(out, synth.Manual(3, i).Procedures()...)
	}
	return out
}

const eps = 1e-9

func inside(p swimlane.Point, r swimlane.Rect) bool {
	return p.X >= r.X-eps && p.X <= r.X+r.W+eps && p.Y >= r.Y-eps && p.Y <= r.Y+r.H+eps
}

func onBorder(p swimlane.Point, r swimlane.Rect) bool {
	if !inside(p, r) {
		return false
	}
	return math.Abs(p.X-r.X) < eps || math.Abs(p.X-r.X-r.W) < eps || math.Abs(p.Y-r.Y) < eps || math.Abs(p.Y-r.Y-r.H) < eps
}

// onShape says p is on the border of box b: its rectangle, or the diamond
// inscribed in it.
func onShape(p swimlane.Point, b swimlane.Box) bool {
	if !b.Decision {
		return onBorder(p, b.Rect)
	}
	cx, cy := b.Rect.X+b.Rect.W/2, b.Rect.Y+b.Rect.H/2
	return math.Abs(math.Abs(p.X-cx)/(b.Rect.W/2)+math.Abs(p.Y-cy)/(b.Rect.H/2)-1) < 1e-6
}

// crossesInterior says the segment a–b passes through the inside of r.
func crossesInterior(a, b swimlane.Point, r swimlane.Rect) bool {
	lo, hi := math.Min(a.X, b.X), math.Max(a.X, b.X)
	top, bot := math.Min(a.Y, b.Y), math.Max(a.Y, b.Y)
	return lo < r.X+r.W-eps && hi > r.X+eps && top < r.Y+r.H-eps && bot > r.Y+eps
}

type seg struct {
	a, b swimlane.Point
	edge int
}

func segments(pg swimlane.Page) []seg {
	var out []seg
	for k, e := range pg.Edges {
		for i := 1; i < len(e.Points); i++ {
			out = append(out, seg{e.Points[i-1], e.Points[i], k})
		}
	}
	return out
}

func horizontal(s seg) bool { return math.Abs(s.a.Y-s.b.Y) < eps }

// The geometry a reader of the diagram relies on, for every procedure of
// both examples and of 30 generated manuals, on bands of 6 columns, of 7
// and on one canvas: boxes inside their lane and apart; every connector
// orthogonal, leaving its own box (a decision's branches by distinct
// points) and reaching its target's (or the end circle, or a band
// connector); no connector through a box; no two along each other except
// where they join at their common end; a bridge wherever two cross; labels
// clear of boxes and of each other; nothing outside the band.
func TestLayoutGeometry(t *testing.T) {
	for _, p := range procedures(t) {
		acts := p.Actividades
		for _, per := range []int{6, 7, 0} {
			d := swimlane.Layout(acts, swimlane.Options{Columns: per})
			flows := swimlane.Flows(acts)
			bottom := d.LanesBottom + d.ChannelH
			for _, pg := range d.Pages {
				box := map[int]swimlane.Box{}
				for i, b := range pg.Boxes {
					box[b.Act] = b
					lane := d.Lanes[d.LaneOf[b.Act]]
					if !inside(swimlane.Point{X: b.Rect.X, Y: b.Rect.Y}, swimlane.Rect{X: 0, Y: lane.Y, W: pg.Width, H: lane.H}) ||
						!inside(swimlane.Point{X: b.Rect.X + b.Rect.W, Y: b.Rect.Y + b.Rect.H}, swimlane.Rect{X: 0, Y: lane.Y, W: pg.Width, H: lane.H}) {
						t.Errorf("%s: box of activity %d outside its lane", p.Codigo, acts[b.Act].Numero)
					}
					for _, o := range pg.Boxes[:i] {
						if b.Rect.X < o.Rect.X+o.Rect.W && o.Rect.X < b.Rect.X+b.Rect.W && b.Rect.Y < o.Rect.Y+o.Rect.H && o.Rect.Y < b.Rect.Y+b.Rect.H {
							t.Errorf("%s: boxes of %d and %d overlap", p.Codigo, acts[b.Act].Numero, acts[o.Act].Numero)
						}
					}
				}
				exits := map[swimlane.Point]int{}
				for k, e := range pg.Edges {
					f := flows[e.Flow]
					for i := 1; i < len(e.Points); i++ {
						a, b := e.Points[i-1], e.Points[i]
						if math.Abs(a.X-b.X) > eps && math.Abs(a.Y-b.Y) > eps {
							t.Errorf("%s: flow %d→%d has a slanted segment", p.Codigo, f.From, f.To)
						}
						for _, o := range pg.Boxes {
							if crossesInterior(a, b, o.Rect) && !(o.Decision && (i == 1 && o.Act == f.From)) {
								t.Errorf("%s: flow from %d runs through the box of %d", p.Codigo, acts[f.From].Numero, acts[o.Act].Numero)
							}
						}
					}
					for _, q := range e.Points {
						if q.X < -eps || q.X > pg.Width+eps || q.Y < -eps || q.Y > bottom+eps {
							t.Errorf("%s: flow %d→%d leaves the band at %+v", p.Codigo, f.From, f.To, q)
						}
					}
					first, last := e.Points[0], e.Points[len(e.Points)-1]
					if !e.Incoming {
						if !onShape(first, box[f.From]) {
							t.Errorf("%s: flow from %d does not leave its box", p.Codigo, acts[f.From].Numero)
						}
						if o, dup := exits[first]; dup {
							t.Errorf("%s: flows %d and %d leave %d by the same point", p.Codigo, o, k, acts[f.From].Numero)
						}
						exits[first] = k
					}
					switch {
					case e.Connector != nil && !e.Incoming:
						if math.Abs(math.Hypot(last.X-e.Connector.Center.X, last.Y-e.Connector.Center.Y)-swimlane.ConnR) > 1e-6 {
							t.Errorf("%s: flow from %d does not reach its connector", p.Codigo, acts[f.From].Numero)
						}
					case f.To == swimlane.End:
						if c := pg.End; c == nil || math.Abs(math.Hypot(last.X-c.X, last.Y-c.Y)-swimlane.EventR) >= 1e-6 {
							t.Errorf("%s: flow from %d does not reach an end circle", p.Codigo, acts[f.From].Numero)
						}
					default:
						if !onShape(last, box[f.To]) {
							t.Errorf("%s: flow %d→%d does not reach its target's box", p.Codigo, acts[f.From].Numero, acts[f.To].Numero)
						}
					}
					if e.HasText {
						lr := swimlane.Rect{X: e.Label.X, Y: e.Label.Y - 2, W: math.Min(e.LabelW, 2.6), H: 2}
						for _, o := range pg.Boxes {
							if overlapShape(lr, o) {
								t.Errorf("%s: label %q of %d over the box of %d", p.Codigo, f.Label, acts[f.From].Numero, acts[o.Act].Numero)
							}
						}
						for _, o := range pg.Edges[:k] {
							if o.HasText && overlap(lr, swimlane.Rect{X: o.Label.X, Y: o.Label.Y - 2, W: math.Min(o.LabelW, 2.6), H: 2}) {
								t.Errorf("%s: labels of %d overprint", p.Codigo, acts[f.From].Numero)
							}
						}
					}
				}
				checkRuns(t, string(p.Codigo), pg)
			}
			if per == 0 && len(d.Pages) != 1 {
				t.Errorf("%s: %d bands on one canvas", p.Codigo, len(d.Pages))
			}
		}
	}
}

// overlapShape says r overlaps box b's shape (for a diamond, by the
// separating axis test over the diamond's and the rectangle's edges).
func overlapShape(r swimlane.Rect, b swimlane.Box) bool {
	if !b.Decision {
		return overlap(r, b.Rect)
	}
	cx, cy, hw, hh := b.Rect.X+b.Rect.W/2, b.Rect.Y+b.Rect.H/2, b.Rect.W/2, b.Rect.H/2
	dia := []swimlane.Point{{X: cx, Y: cy - hh}, {X: cx + hw, Y: cy}, {X: cx, Y: cy + hh}, {X: cx - hw, Y: cy}}
	rect := []swimlane.Point{{X: r.X, Y: r.Y}, {X: r.X + r.W, Y: r.Y}, {X: r.X + r.W, Y: r.Y + r.H}, {X: r.X, Y: r.Y + r.H}}
	for _, axis := range []swimlane.Point{{X: 1}, {Y: 1}, {X: hh, Y: hw}, {X: hh, Y: -hw}} {
		lo1, hi1 := project(dia, axis)
		lo2, hi2 := project(rect, axis)
		if hi1 <= lo2+eps || hi2 <= lo1+eps {
			return false
		}
	}
	return true
}

func project(ps []swimlane.Point, axis swimlane.Point) (float64, float64) {
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, p := range ps {
		v := p.X*axis.X + p.Y*axis.Y
		lo, hi = math.Min(lo, v), math.Max(hi, v)
	}
	return lo, hi
}

func overlap(a, b swimlane.Rect) bool {
	return a.X < b.X+b.W && b.X < a.X+a.W && a.Y < b.Y+b.H && b.Y < a.Y+a.H
}

// checkRuns: no two edges along each other, except into one end point; a
// hop wherever a horizontal run crosses another edge's vertical one; no
// line through a band connector but its own.
func checkRuns(t *testing.T, code string, pg swimlane.Page) {
	t.Helper()
	segs := segments(pg)
	end := func(k int) swimlane.Point { p := pg.Edges[k].Points; return p[len(p)-1] }
	for i, s := range segs {
		for _, o := range segs[:i] {
			if s.edge == o.edge {
				continue
			}
			hs, ho := horizontal(s), horizontal(o)
			switch {
			case hs && ho && math.Abs(s.a.Y-o.a.Y) < eps, !hs && !ho && math.Abs(s.a.X-o.a.X) < eps:
				var lo1, hi1, lo2, hi2 float64
				if hs {
					lo1, hi1, lo2, hi2 = math.Min(s.a.X, s.b.X), math.Max(s.a.X, s.b.X), math.Min(o.a.X, o.b.X), math.Max(o.a.X, o.b.X)
				} else {
					lo1, hi1, lo2, hi2 = math.Min(s.a.Y, s.b.Y), math.Max(s.a.Y, s.b.Y), math.Min(o.a.Y, o.b.Y), math.Max(o.a.Y, o.b.Y)
				}
				if math.Min(hi1, hi2)-math.Max(lo1, lo2) > eps && end(s.edge) != end(o.edge) {
					t.Errorf("%s: flows %d and %d run along each other at %+v", code, pg.Edges[s.edge].Flow, pg.Edges[o.edge].Flow, s.a)
				}
			case hs != ho:
				h, v := s, o
				if !hs {
					h, v = o, s
				}
				x, y := v.a.X, h.a.Y
				if x > math.Min(h.a.X, h.b.X)+1 && x < math.Max(h.a.X, h.b.X)-1 && y > math.Min(v.a.Y, v.b.Y)+0.3 && y < math.Max(v.a.Y, v.b.Y)-0.3 {
					found := false
					for _, q := range pg.Edges[h.edge].Hops {
						found = found || (math.Abs(q.X-x) < eps && math.Abs(q.Y-y) < eps)
					}
					if !found {
						t.Errorf("%s: flows %d and %d cross at (%.1f, %.1f) without a bridge", code, pg.Edges[h.edge].Flow, pg.Edges[v.edge].Flow, x, y)
					}
				}
			}
		}
	}
	for k, e := range pg.Edges {
		if e.Connector == nil {
			continue
		}
		c := e.Connector.Center
		for _, s := range segs {
			if s.edge == k {
				continue
			}
			// Distance from the circle's centre to the segment.
			qx := math.Max(math.Min(s.a.X, s.b.X), math.Min(c.X, math.Max(s.a.X, s.b.X)))
			qy := math.Max(math.Min(s.a.Y, s.b.Y), math.Min(c.Y, math.Max(s.a.Y, s.b.Y)))
			if math.Hypot(qx-c.X, qy-c.Y) < swimlane.ConnR-eps {
				t.Errorf("%s: flow %d runs through connector %s", code, pg.Edges[s.edge].Flow, e.Connector.Label)
			}
		}
		for _, o := range pg.Edges[:k] {
			if o.Connector != nil && math.Hypot(o.Connector.Center.X-c.X, o.Connector.Center.Y-c.Y) < 2*swimlane.ConnR {
				t.Errorf("%s: connectors %s and %s overlap", code, o.Connector.Label, e.Connector.Label)
			}
		}
	}
}

// Flows: the list order where nothing else is said, marked implicit; a
// decision's exits in order with their labels; a siguiente to a number no
// activity has draws nothing.
func TestFlows(t *testing.T) {
	acts := []manuals.Activity{
		{Numero: 1}, {Numero: 2, Decision: &manuals.Decision{Salidas: []manuals.Exit{{Condicion: "Sí", Siguiente: 4}, {Condicion: "No", Fin: true}}}},
		{Numero: 3, Siguiente: 99}, {Numero: 4, Siguiente: 1}, {Numero: 5},
	}
	got := swimlane.Flows(acts)
	want := []swimlane.Flow{{From: 0, To: 1, Implicit: true}, {From: 1, To: 3, Label: "Sí"}, {From: 1, To: swimlane.End, Label: "No"},
		{From: 3, To: 0}, {From: 4, To: swimlane.End, Implicit: true}}
	if len(got) != len(want) {
		t.Fatalf("%+v", got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("flow %d: %+v, want %+v", i, got[i], want[i])
		}
	}
}
