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

// The geometry a reader of the diagram relies on, for every procedure of
// both examples and of 30 generated manuals, on pages of 6 columns and on
// one canvas: boxes inside their lane and apart, every connector
// orthogonal, leaving its own box and reaching its target's (or the end
// circle, or a page connector), and nothing outside the page.
func TestLayoutGeometry(t *testing.T) {
	for _, p := range procedures(t) {
		acts := p.Actividades
		for _, per := range []int{6, 0} {
			d := swimlane.Layout(acts, per)
			flows := swimlane.Flows(acts)
			bottom := d.LanesBottom + d.ChannelH
			for _, pg := range d.Pages {
				box := map[int]swimlane.Rect{}
				for i, b := range pg.Boxes {
					box[b.Act] = b.Rect
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
				for _, e := range pg.Edges {
					f := flows[e.Flow]
					for k := 1; k < len(e.Points); k++ {
						a, b := e.Points[k-1], e.Points[k]
						if math.Abs(a.X-b.X) > eps && math.Abs(a.Y-b.Y) > eps {
							t.Errorf("%s: flow %d→%d has a slanted segment", p.Codigo, f.From, f.To)
						}
					}
					for _, q := range e.Points {
						if q.X < -eps || q.X > pg.Width+eps || q.Y < -eps || q.Y > bottom+eps {
							t.Errorf("%s: flow %d→%d leaves the page at %+v", p.Codigo, f.From, f.To, q)
						}
					}
					first, last := e.Points[0], e.Points[len(e.Points)-1]
					if !e.Incoming && !onBorder(first, box[f.From]) {
						t.Errorf("%s: flow from %d does not leave its box", p.Codigo, acts[f.From].Numero)
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
						if !onBorder(last, box[f.To]) {
							t.Errorf("%s: flow %d→%d does not reach its target's box", p.Codigo, acts[f.From].Numero, acts[f.To].Numero)
						}
					}
				}
			}
			if per == 0 && len(d.Pages) != 1 {
				t.Errorf("%s: %d pages on one canvas", p.Codigo, len(d.Pages))
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
