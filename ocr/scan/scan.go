// Package scan makes synthetic scans for the OCR tests and benchmarks: known
// text drawn on letter-size pages at a given resolution with a TrueType font,
// then, on request, degraded the way photocopiers and phones degrade it
// (rotation, specks, blur, noise, JPEG compression). The ground truth is the
// text drawn on each page. Nothing large is committed: tests make their scans
// when they run.
package scan

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"math"
	"math/rand/v2"
	"os"
	"regexp"
	"strings"

	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"

	"github.com/cipro-ine/mpp/ocr"
)

// Options say how to draw and degrade the pages.
type Options struct {
	DPI      int     // 300 unless set
	FontSize float64 // points; 11 unless set
	Font     []byte  // a TrueType font; Liberation Sans (Arial's metrics, as acuerdos are set) unless set
	// Degradation; zero values leave the page clean.
	Rotate      float64 // degrees, counter-clockwise
	Speckle     float64 // share of pixels turned into dark specks (0.001 is heavy)
	Blur        int     // box blur radius in pixels
	Noise       float64 // standard deviation of Gaussian noise, in grey levels
	JPEGQuality int     // 1–100: encode and decode as JPEG
	Seed        uint64  // for the random degradations
}

// ArialLike is Debian's Liberation Sans, metrically Arial, the face the
// Institute's acuerdos are set in. (The Go font's capital I has serifs that
// Tesseract reads as T: "II." comes out "TI.", which no printed acuerdo
// would make it do.)
const ArialLike = "/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf"

// columnX is where the second column of a two-column row starts, in
// hundredths of an inch from the margin (the glosario's definitions).
const columnX = 170

// Page is one synthetic page and the text drawn on it.
type Page struct {
	Image *image.Gray
	Text  string // the lines drawn, one per line
}

// Pages draws the text (paragraphs separated by blank lines, long lines
// wrapped to the page) on as many letter-size pages as it takes.
func Pages(text string, o Options) ([]Page, error) {
	if o.DPI == 0 {
		o.DPI = 300
	}
	if o.FontSize == 0 {
		o.FontSize = 11
	}
	if o.Font == nil {
		b, err := os.ReadFile(ArialLike)
		if err != nil {
			return nil, fmt.Errorf("scan: %w (sudo apt-get install fonts-liberation2)", err)
		}
		o.Font = b
	}
	f, err := opentype.Parse(o.Font)
	if err != nil {
		return nil, err
	}
	face, err := opentype.NewFace(f, &opentype.FaceOptions{Size: o.FontSize, DPI: float64(o.DPI), Hinting: font.HintingFull})
	if err != nil {
		return nil, err
	}
	defer face.Close()
	w, h := o.DPI*85/10, o.DPI*11
	margin := o.DPI
	lineH := int(math.Round(o.FontSize * 1.35 * float64(o.DPI) / 72))
	lines := wrap(text, face, w-2*margin)
	var pages []Page
	rng := rand.New(rand.NewPCG(o.Seed, 0x5ca7))
	for len(lines) > 0 {
		img := image.NewGray(image.Rect(0, 0, w, h))
		for i := range img.Pix {
			img.Pix[i] = 255
		}
		d := &font.Drawer{Dst: img, Src: image.NewUniform(color.Gray{0}), Face: face}
		y := margin + lineH
		var drawn []string
		for len(lines) > 0 && y <= h-margin {
			l := lines[0]
			lines = lines[1:]
			if l != "" {
				d.Dot = fixed.P(margin, y)
				left, right, isRow := strings.Cut(l, "\t")
				d.DrawString(left)
				if isRow {
					d.Dot = fixed.P(margin+columnX*o.DPI/100, y)
					d.DrawString(right)
				}
				drawn = append(drawn, strings.Replace(l, "\t", " ", 1))
			}
			y += lineH
		}
		img = degrade(img, o, rng)
		if o.JPEGQuality > 0 {
			if img, err = viaJPEG(img, o.JPEGQuality); err != nil {
				return nil, err
			}
		}
		pages = append(pages, Page{Image: img, Text: strings.Join(drawn, "\n")})
	}
	return pages, nil
}

// wrap breaks paragraphs into lines that fit width; a blank line stays.
func wrap(text string, face font.Face, width int) []string {
	var out []string
	for _, para := range strings.Split(text, "\n") {
		if term, def, ok := strings.Cut(para, "\t"); ok {
			// A two-column row: the definition wraps within its column.
			col := wrap(def, face, width-columnX*width/650)
			for i, l := range col {
				if i == 0 {
					out = append(out, term+"\t"+l)
				} else {
					out = append(out, "\t"+l)
				}
			}
			continue
		}
		words := strings.Fields(para)
		if len(words) == 0 {
			out = append(out, "")
			continue
		}
		line := words[0]
		for _, w := range words[1:] {
			if font.MeasureString(face, line+" "+w).Ceil() > width {
				out = append(out, line)
				line = w
				continue
			}
			line += " " + w
		}
		out = append(out, line)
	}
	return out
}

// Degrade degrades a page drawn by others (a producer's PDF page,
// rasterised) as Pages degrades its own: turned, blurred, noise, specks,
// through JPEG. The page is changed in place where it can be.
func Degrade(img *image.Gray, o Options) (*image.Gray, error) {
	img = degrade(img, o, rand.New(rand.NewPCG(o.Seed, 0x5ca7)))
	if o.JPEGQuality > 0 {
		return viaJPEG(img, o.JPEGQuality)
	}
	return img, nil
}

func degrade(img *image.Gray, o Options, rng *rand.Rand) *image.Gray {
	if o.Rotate != 0 {
		img = ocr.Rotate(img, o.Rotate)
	}
	if o.Blur > 0 {
		img = blur(img, o.Blur)
	}
	if o.Noise > 0 {
		for i, p := range img.Pix {
			v := float64(p) + rng.NormFloat64()*o.Noise
			img.Pix[i] = uint8(max(0, min(255, v)))
		}
	}
	if o.Speckle > 0 {
		n := int(o.Speckle * float64(len(img.Pix)))
		b := img.Bounds()
		for range n {
			x, y := rng.IntN(b.Dx()-2), rng.IntN(b.Dy()-2)
			r := 1 + rng.IntN(2)
			for dy := range r {
				for dx := range r {
					img.Pix[(y+dy)*img.Stride+x+dx] = uint8(rng.IntN(80))
				}
			}
		}
	}
	return img
}

// blur is a box blur of radius r, horizontal then vertical.
func blur(src *image.Gray, r int) *image.Gray {
	b := src.Bounds()
	w, h := b.Dx(), b.Dy()
	tmp := make([]uint8, len(src.Pix))
	n := 2*r + 1
	for y := range h {
		row := src.Pix[y*src.Stride:]
		sum := 0
		for x := -r; x <= r; x++ {
			sum += int(row[max(0, min(w-1, x))])
		}
		for x := range w {
			tmp[y*src.Stride+x] = uint8(sum / n)
			sum += int(row[min(w-1, x+r+1)]) - int(row[max(0, x-r)])
		}
	}
	dst := image.NewGray(b)
	for x := range w {
		sum := 0
		for y := -r; y <= r; y++ {
			sum += int(tmp[max(0, min(h-1, y))*src.Stride+x])
		}
		for y := range h {
			dst.Pix[y*dst.Stride+x] = uint8(sum / n)
			sum += int(tmp[min(h-1, y+r+1)*src.Stride+x]) - int(tmp[max(0, y-r)*src.Stride+x])
		}
	}
	return dst
}

func viaJPEG(img *image.Gray, q int) (*image.Gray, error) {
	var b bytes.Buffer
	if err := jpeg.Encode(&b, img, &jpeg.Options{Quality: q}); err != nil {
		return nil, err
	}
	d, err := jpeg.Decode(&b)
	if err != nil {
		return nil, err
	}
	if g, ok := d.(*image.Gray); ok {
		return g, nil
	}
	g := image.NewGray(d.Bounds())
	for y := d.Bounds().Min.Y; y < d.Bounds().Max.Y; y++ {
		for x := d.Bounds().Min.X; x < d.Bounds().Max.X; x++ {
			g.Set(x, y, d.At(x, y))
		}
	}
	return g, nil
}

var (
	markdownResidue = regexp.MustCompile(`[*#]|(?m)^- `)
	letterSpaced    = regexp.MustCompile(`(?:\p{Lu} ){3,}\p{Lu}\b`)
)

// SeedText reads the first n words of a seed acuerdo as a page shows them:
// without the Markdown residue of its extraction, letter-spaced headings
// ("G L O S A R I O") closed up, lines and paragraphs kept.
func SeedText(path string, n int) (string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return "", err
	}
	s := markdownResidue.ReplaceAllString(string(b), "")
	s = letterSpaced.ReplaceAllStringFunc(s, func(m string) string { return strings.ReplaceAll(m, " ", "") })
	var out []string
	for _, para := range strings.Split(s, "\n") {
		words := strings.Fields(para)
		if len(words) == 0 {
			if len(out) > 0 && out[len(out)-1] != "" {
				out = append(out, "") // paragraphs stay apart
			}
			continue
		}
		if len(words) > n {
			words = words[:n]
		}
		if term, def, ok := strings.Cut(para, "\t"); ok && len(words) < n {
			// A two-column row (the glosario): the tab stays a column.
			out = append(out, strings.Join(strings.Fields(term), " ")+"\t"+strings.Join(strings.Fields(def), " "))
			n -= len(words)
			continue
		}
		out = append(out, strings.Join(words, " "))
		if n -= len(words); n <= 0 {
			break
		}
	}
	return strings.Join(out, "\n"), nil
}

// Sheets draws n short pages, page i reading "Hoja número i del acuerdo de
// la Junta General Ejecutiva.": quick scans for tests of order and faults.
func Sheets(n, dpi int) ([]Page, error) {
	var pages []Page
	for i := 1; i <= n; i++ {
		p, err := Pages(fmt.Sprintf("Hoja número %d del acuerdo de la Junta General Ejecutiva.", i), Options{DPI: dpi})
		if err != nil {
			return nil, err
		}
		pages = append(pages, p...)
	}
	return pages, nil
}
