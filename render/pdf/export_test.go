package pdf

import (
	"codeberg.org/go-pdf/fpdf"

	"github.com/cipro-ine/mpp/manuals"
	"github.com/cipro-ine/mpp/render/swimlane"
)

// DiagramGeometry is what a test needs to find a diagram's shapes on its
// pages: the layout the writer draws (with the embedded font's metrics),
// how many bands go on a page, and where a band's drawing area starts.
type DiagramGeometry struct {
	Layout        *swimlane.Diagram
	BandsPerPage  int
	X0, Y0, BandH float64
	LabelX        float64 // the lane labels' column: from LabelX to X0
}

func Diagram(acts []manuals.Activity) DiagramGeometry {
	f := fpdf.New("L", "mm", "Letter", "")
	if err := addFonts(f, defaultFaces()); err != nil {
		panic(err)
	}
	d := &doc{f: f}
	dg := d.diagramLayout(acts)
	return DiagramGeometry{Layout: dg, BandsPerPage: dg.BandsPerPage(swimlane.PageH), X0: dgMargin + dgLabelW, Y0: dgTop,
		BandH: dg.Height() + swimlane.BandGap, LabelX: dgMargin}
}

// BoxText is the text of an activity's box and where in the box it goes.
func BoxText(a manuals.Activity, r swimlane.Rect) (string, swimlane.Rect) {
	x, y, w, h := textRect(a.Decision != nil, r.X, r.Y, r.H)
	return boxText(a), swimlane.Rect{X: x, Y: y, W: w, H: h}
}
