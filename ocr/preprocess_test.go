package ocr

import (
	"image"
	"image/color"
	"math"
	"math/rand/v2"
	"testing"
)

func TestDespeckle(t *testing.T) {
	g := image.NewGray(image.Rect(0, 0, 60, 40))
	fill(g.Pix, 255)
	fill := func(x0, y0, x1, y1 int) {
		for y := y0; y < y1; y++ {
			for x := x0; x < x1; x++ {
				g.Pix[y*g.Stride+x] = 0
			}
		}
	}
	fill(5, 5, 6, 6)     // a 1-pixel speck
	fill(10, 10, 12, 12) // a 2 × 2 speck
	fill(20, 20, 24, 24) // a full stop: 16 pixels
	fill(30, 5, 33, 35)  // a stroke
	// Joined only at their corners, pixels are one region: a hair stroke
	// of 8 pixels stays, a pair of 2 goes as one speck.
	for i := range 8 {
		fill(40+i, 30+i, 41+i, 31+i) // down to the right
		fill(57-i, 30+i, 58-i, 31+i) // and to the left
	}
	fill(50, 5, 51, 6)
	fill(51, 6, 52, 7)
	// Two arms of 3 pixels, each a speck alone, joined by the row below
	// them: a «V» of 11 pixels, which stays.
	fill(45, 20, 46, 23)
	fill(49, 20, 50, 23)
	fill(45, 23, 50, 24)
	if n := despeckle(g, 6); n != 3 {
		t.Errorf("removed %d specks, want 3", n)
	}
	at := func(x, y int) uint8 { return g.Pix[y*g.Stride+x] }
	if at(5, 5) != 255 || at(11, 11) != 255 || at(50, 5) != 255 || at(51, 6) != 255 {
		t.Error("a speck is still there")
	}
	if at(21, 21) != 0 || at(31, 20) != 0 {
		t.Error("the full stop or the stroke went")
	}
	if at(40, 30) != 0 || at(47, 37) != 0 || at(57, 30) != 0 || at(50, 37) != 0 || at(45, 20) != 0 || at(49, 20) != 0 {
		t.Error("a region joined at corners or below went as specks")
	}
}

// dashedPage is a letter page at dpi with lines of "text": dashes a
// twelfth of an inch tall, a fifth of an inch apart, like words.
func dashedPage(dpi int) *image.Gray {
	u := dpi / 150
	g := image.NewGray(image.Rect(0, 0, 1275*u, 1650*u))
	fill(g.Pix, 255)
	for y := 150 * u; y < 1500*u; y += 30 * u {
		for x := 150 * u; x < 1125*u; x += 40 * u {
			for yy := y; yy < y+12*u; yy++ {
				for xx := x; xx < x+30*u; xx++ {
					g.Pix[yy*g.Stride+xx] = 0
				}
			}
		}
	}
	return g
}

// The skew of a drawn page is found within 0.1°, either way, and Rotate by
// its opposite straightens it.
func TestSkewAngle(t *testing.T) {
	g := dashedPage(150)
	if a := skewAngle(g, 150); a != 0 {
		t.Errorf("straight page: %.2f°", a)
	}
	for _, deg := range []float64{1.5, -2.5, 4.2, -0.4, 5, -5} {
		r := Rotate(g, deg)
		a := skewAngle(r, 150)
		if math.Abs(a-deg) > 0.1 {
			t.Errorf("turned %.1f°: found %.2f°", deg, a)
		}
		if b := skewAngle(Rotate(r, -a), 150); math.Abs(b) > 0.1 {
			t.Errorf("turned %.1f° and straightened: still %.2f°", deg, b)
		}
	}
}

// straighten moves every point where the rotation's formula sends it:
// dots drawn on a page come out, turned, within a pixel of R(-deg)(p - c)
// + c, as Rotate's do, and a page turned and straightened has no skew.
func TestStraighten(t *testing.T) {
	const w, h = 1275, 1650
	var dots []image.Point
	g := image.NewGray(image.Rect(0, 0, w, h))
	fill(g.Pix, 255)
	for y := 60; y < h-60; y += 97 {
		for x := 60; x < w-60; x += 113 {
			dots = append(dots, image.Pt(x, y))
			for dy := -3; dy <= 3; dy++ {
				for dx := -3; dx <= 3; dx++ {
					g.SetGray(x+dx, y+dy, color.Gray{})
				}
			}
		}
	}
	for _, deg := range []float64{-5, -1.3, 0.4, 3, 5} {
		s := image.NewGray(g.Rect)
		copy(s.Pix, g.Pix)
		straighten(s, deg)
		r := Rotate(g, deg)
		sin, cos := math.Sincos(-deg * math.Pi / 180)
		for _, p := range dots {
			dx, dy := float64(p.X)-w/2, float64(p.Y)-h/2
			want := [2]float64{cos*dx - sin*dy + w/2, sin*dx + cos*dy + h/2}
			if want[0] < 12 || want[1] < 12 || want[0] > w-12 || want[1] > h-12 {
				continue // turned off the page
			}
			for name, img := range map[string]*image.Gray{"straighten": s, "Rotate": r} {
				got, n := centroid(img, want, 9)
				if n < 30 || math.Hypot(got[0]-want[0], got[1]-want[1]) > 1 {
					t.Errorf("%s %.1f°: dot at %v went to %.1f (%d px), not %.1f", name, deg, p, got, n, want)
				}
			}
		}
	}
	page := dashedPage(300)
	for _, deg := range []float64{1.5, -4.2} {
		r := Rotate(page, deg)
		straighten(r, -deg)
		if a := skewAngle(r, 300); math.Abs(a) > 0.1 {
			t.Errorf("turned %.1f° and straightened: still %.2f°", deg, a)
		}
	}
}

// centroid is the centre of the dark pixels (below 128) within r of c,
// and how many there are.
func centroid(g *image.Gray, c [2]float64, r int) ([2]float64, int) {
	var sx, sy float64
	n := 0
	for y := int(c[1]) - r; y <= int(c[1])+r; y++ {
		for x := int(c[0]) - r; x <= int(c[0])+r; x++ {
			if g.GrayAt(x, y).Y < 128 {
				sx, sy, n = sx+float64(x), sy+float64(y), n+1
			}
		}
	}
	if n == 0 {
		return c, 0
	}
	return [2]float64{sx / float64(n), sy / float64(n)}, n
}

func TestOtsu(t *testing.T) {
	g := image.NewGray(image.Rect(0, 0, 100, 10))
	for i := range g.Pix {
		g.Pix[i] = 220 // paper
		if i%10 < 2 {
			g.Pix[i] = 40 // ink
		}
	}
	if th := otsu(g); th < 40 || th >= 220 {
		t.Errorf("threshold %d not between ink and paper", th)
	}
	binarize(g)
	if g.Pix[0] != 0 || g.Pix[5] != 255 {
		t.Errorf("binarized: %d %d", g.Pix[0], g.Pix[5])
	}
}

// BenchmarkPrepare: each pre-processing step on a letter page at 300 dpi
// with text-like lines, turned 1.5°.
func BenchmarkPrepare(b *testing.B) {
	g := dashedPage(300)
	page := Rotate(g, 1.5)
	work := image.NewGray(page.Rect)
	b.Run("despeckle", func(b *testing.B) {
		for b.Loop() {
			copy(work.Pix, page.Pix)
			despeckle(work, specksArea(300))
		}
	})
	b.Run("skewAngle", func(b *testing.B) {
		for b.Loop() {
			skewAngle(page, 300)
		}
	})
	b.Run("Rotate", func(b *testing.B) {
		for b.Loop() {
			Rotate(page, -1.5)
		}
	})
	// Paper with grain, as scanners give it: few neighbours are equal.
	grainy := image.NewGray(page.Rect)
	rng := rand.New(rand.NewPCG(1, 2))
	for i, v := range page.Pix {
		grainy.Pix[i] = uint8(min(255, max(0, int(v)+rng.IntN(25)-12)))
	}
	b.Run("Rotate/grano", func(b *testing.B) {
		for b.Loop() {
			Rotate(grainy, -1.5)
		}
	})
	b.Run("straighten", func(b *testing.B) {
		for b.Loop() {
			copy(work.Pix, page.Pix)
			straighten(work, -1.5)
		}
	})
	b.Run("noisyPaper", func(b *testing.B) {
		for b.Loop() {
			noisyPaper(page)
		}
	})
	b.Run("findTables", func(b *testing.B) {
		for b.Loop() {
			findTables(page, 300)
		}
	})
	b.Run("binarize", func(b *testing.B) {
		for b.Loop() {
			copy(work.Pix, page.Pix)
			binarize(work)
		}
	})
}

// orInto and countTrue, which work eight bools at a time, agree with the
// bool-by-bool answer at every length and offset (the tail past the last
// whole word included).
func TestBoolWords(t *testing.T) {
	for n := range 41 {
		for off := range 3 {
			a := make([]bool, n+off)[off:]
			b := make([]bool, n+off)[off:]
			want := make([]bool, n)
			wantN := 0
			for i := range n {
				a[i] = (i*7+off)%3 == 0
				b[i] = (i*5+off)%4 == 1
				want[i] = a[i] || b[i]
				if want[i] {
					wantN++
				}
			}
			orInto(a, b)
			for i := range n {
				if a[i] != want[i] {
					t.Fatalf("n=%d off=%d: orInto[%d] = %v", n, off, i, a[i])
				}
			}
			if got := countTrue(a); got != wantN {
				t.Fatalf("n=%d off=%d: countTrue = %d, want %d", n, off, got, wantN)
			}
		}
	}
}

// Rotate's fixed point stays within a grey level of the exact bilinear
// interpolation, at the angles deskewing uses and past them (a cosine
// below zero too), on a page of noisy grey (every weight and level occurs)
// and on a clean one (where a pixel whose neighbours are one level is
// that level without the arithmetic).
func TestRotateMatchesExact(t *testing.T) {
	clean := dashedPage(150)
	g := dashedPage(150)
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range g.Pix {
		g.Pix[i] = uint8(max(0, min(255, int(g.Pix[i])-40+rng.IntN(80))))
	}
	if !mostlyFlat(clean) || mostlyFlat(g) {
		t.Fatal("mostlyFlat: the clean page and the grainy one should take different paths")
	}
	for _, c := range []struct {
		g   *image.Gray
		deg float64
	}{{g, 0.1}, {g, -0.7}, {g, 1.5}, {g, -3}, {g, 5}, {g, 12}, {g, -100}, {clean, 1.5}, {clean, -4}} {
		g, deg := c.g, c.deg
		got := Rotate(g, deg)
		want, edge := rotateExact(g, deg)
		off := 0
		for i := range got.Pix {
			if edge[i] {
				continue
			}
			d := int(got.Pix[i]) - int(want.Pix[i])
			if d > 1 || d < -1 {
				t.Fatalf("%.1f°: pixel %d is %d, exactly %d", deg, i, got.Pix[i], want.Pix[i])
			}
			if d != 0 {
				off++
			}
		}
		if frac := float64(off) / float64(len(got.Pix)); frac > 0.05 {
			t.Errorf("%.1f°: %.1f %% of the pixels a level off", deg, 100*frac)
		}
	}
}

// rotateExact is Rotate in floating point, pixel by pixel; edge marks the
// pixels that come from within a hundredth of a pixel of the page's
// border, white or not by rounding.
func rotateExact(src *image.Gray, deg float64) (dst *image.Gray, edge []bool) {
	w, h := src.Rect.Dx(), src.Rect.Dy()
	dst = image.NewGray(src.Rect)
	edge = make([]bool, w*h)
	near := func(v, limit float64) bool { return math.Abs(v) < 0.01 || math.Abs(v-limit) < 0.01 }
	sin, cos := math.Sincos(deg * math.Pi / 180)
	cx, cy := float64(w)/2, float64(h)/2
	for y := range h {
		for x := range w {
			dx, dy := float64(x)-cx, float64(y)-cy
			fx, fy := cos*dx-sin*dy+cx, sin*dx+cos*dy+cy
			x0, y0 := int(math.Floor(fx)), int(math.Floor(fy))
			edge[y*w+x] = near(fx, float64(w-1)) || near(fy, float64(h-1))
			if fx < 0 || fy < 0 || x0+1 >= w || y0+1 >= h {
				dst.Pix[y*w+x] = 255
				continue
			}
			ax, ay := fx-float64(x0), fy-float64(y0)
			at := func(x, y int) float64 { return float64(src.Pix[y*src.Stride+x]) }
			v := (1-ay)*((1-ax)*at(x0, y0)+ax*at(x0+1, y0)) + ay*((1-ax)*at(x0, y0+1)+ax*at(x0+1, y0+1))
			dst.Pix[y*w+x] = uint8(v + 0.5)
		}
	}
	return dst, edge
}
