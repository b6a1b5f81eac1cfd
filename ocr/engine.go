package ocr

import (
	"encoding/binary"
	"errors"
	"fmt"
	"image"
	"image/draw"
	"slices"
	"strconv"
	"strings"

	"github.com/otiai10/gosseract/v2"
)

// Options configure recognition.
type Options struct {
	Lang string // Tesseract language; "spa" unless set
	// PSM is Tesseract's page segmentation mode: 6 (one uniform block of
	// text) unless set. Measured here on the seeds' scans: the automatic
	// mode 3 drops whole blocks of skewed pages (10 % CER against 2.7 %).
	PSM int
	DPI int // the page's resolution when the file does not say; 300 unless set
	// MaxPixels refuses larger pages from their header; DefaultMaxPixels
	// unless set.
	MaxPixels int
	// KeepSpecks skips the removal of scanner specks before recognition
	// (on for the benchmark's on/off comparison).
	KeepSpecks bool
	// KeepSkew skips straightening the page (up to MaxSkew degrees).
	KeepSkew bool
	// Binarize makes the page black and white (Otsu) before Tesseract,
	// which otherwise binarises it itself.
	Binarize bool
}

// Word is one recognised word and where it is.
type Word struct {
	Text  string          `json:"texto"`
	Conf  float64         `json:"confianza"` // 0–100, Tesseract's
	Box   image.Rectangle `json:"caja"`
	Page  int             `json:"pagina"`
	Line  int             `json:"linea"` // line on the page, from 1
	Block int             `json:"-"`
	Par   int             `json:"-"`
}

// Page is a recognised page: its words, its lines, and its text (lines in
// reading order, paragraphs separated by a blank line, a ruled table's
// rows in columns, as pdftotext -layout writes them).
type Page struct {
	Number int
	Words  []Word
	Lines  []Line
	Text   string
	Skew   float64 // degrees straightened before recognition
	// Turned is how far the page was turned upright before recognition,
	// in degrees clockwise: 0, 90, 180 or 270.
	Turned int
	// Width and Height are the page image's, in pixels, as it came (the
	// words' boxes are on the page turned and straightened: Placed takes
	// them back).
	Width, Height int
}

// Line is a line of a page as read, in reading order.
type Line struct {
	// Text is the line's words; words a wide gap set apart are apart by a
	// tab. A ruled table's row is laid out as pdftotext -layout lays one
	// out: its cells side by side in columns, on as many lines as its
	// tallest cell.
	Text string
	// Cells are a table row's cells, left to right: those of a ruled
	// table, each read alone, or the words a gap wider than one and a half
	// times their height set apart. Nil for running text.
	Cells []string
	// Gap says a gap taller than a line lies before it: a paragraph
	// break.
	Gap bool
}

// ErrNoLanguage says the Tesseract data for the language is not installed.
var ErrNoLanguage = errors.New("faltan los datos de Tesseract para el idioma")

// Engine recognises pages with one Tesseract instance; it is not safe for
// concurrent use (run one per worker).
type Engine struct {
	c   *gosseract.Client
	opt Options
	dpi int // the resolution Tesseract is told
	// spix is the buffer images are handed to Tesseract in (setImage).
	spix []byte
	// invert: Tesseract reads unsure lines inverted too (shade.go).
	invert bool
}

// withDefaults fills in the options left unset.
func (o Options) withDefaults() Options {
	if o.Lang == "" {
		o.Lang = "spa"
	}
	if o.PSM == 0 {
		o.PSM = 6
	}
	if o.DPI == 0 {
		o.DPI = 300
	}
	if o.MaxPixels == 0 {
		o.MaxPixels = DefaultMaxPixels
	}
	return o
}

// NewEngine starts Tesseract for the options' language, in this process:
// it runs at its speed only if the process started with OMPLimitVar set
// (Batch's workers do).
func NewEngine(o Options) (*Engine, error) {
	o = o.withDefaults()
	langs, err := gosseract.GetAvailableLanguages()
	if err != nil || !slices.Contains(langs, o.Lang) {
		return nil, fmt.Errorf("%w «%s»: instálelos con «sudo apt-get install tesseract-ocr tesseract-ocr-%s»", ErrNoLanguage, o.Lang, o.Lang)
	}
	c := gosseract.NewClient()
	if err := c.SetLanguage(o.Lang); err != nil {
		c.Close()
		return nil, err
	}
	// SetPageSegMode before the first recognition is lost (measured):
	// the variable is what sticks.
	vars := map[string]string{
		"tessedit_pageseg_mode": strconv.Itoa(o.PSM),
		"user_defined_dpi":      strconv.Itoa(o.DPI),
		// Tesseract's second reading of each unsure line inverted, off
		// but on shaded pages (shade.go), and its search for
		// fixed-pitch text, which an acuerdo does not print: off, the
		// 27 corpus scans read 2–3 % faster with no scan's CER or WER
		// worse (three better; BENCHMARKS.md, «Corrida del 2026-12-04»).
		"tessedit_do_invert": "0",
		"textord_all_prop":   "1",
	}
	for k, v := range vars {
		if err := c.SetVariable(gosseract.SettableVariable(k), v); err != nil {
			c.Close()
			return nil, err
		}
	}
	return &Engine{c: c, opt: o, dpi: o.DPI}, nil
}

// Close frees Tesseract.
func (e *Engine) Close() error { return e.c.Close() }

// Page recognises one page image, once: the words, their boxes and
// confidences and the text all come from that single recognition. The
// page's resolution is the options' DPI.
func (e *Engine) Page(img image.Image, number int) (Page, error) {
	return e.PageAt(img, number, e.opt.DPI)
}

// PageAt is Page for an image of a known resolution (dpi ≤ 0: the
// options' DPI).
func (e *Engine) PageAt(img image.Image, number, dpi int) (Page, error) {
	if dpi <= 0 {
		dpi = e.opt.DPI
	}
	if dpi != e.dpi {
		if err := e.c.SetVariable("user_defined_dpi", strconv.Itoa(dpi)); err != nil {
			return Page{}, err
		}
		e.dpi = dpi
	}
	g := grayPage(img)
	// The way up: read as it comes; only when recognition is unsure of
	// that reading is the page read turned — a quarter turn each way when
	// its dark pixels say its lines run down the columns, else upside
	// down — and the surest reading kept (see orient.go).
	var orig *image.Gray // the page as it came (prepare works in place on g)
	original := func() *image.Gray {
		if orig == nil {
			orig = grayPage(img)
		}
		return orig
	}
	read := func(q int) (Page, error) {
		gg := g
		if q != 0 {
			gg = grayPage(turn(original(), q))
		}
		skew := prepare(gg, dpi, e.opt)
		sh := shadedBands(gg, dpi)
		if err := e.invertWhere(sh); err != nil {
			return Page{}, err
		}
		rows, err := e.tables(gg, dpi, sh)
		if err != nil {
			return Page{}, err
		}
		if err := e.setImage(gg); err != nil {
			return Page{}, err
		}
		boxes, err := e.c.GetBoundingBoxesVerbose()
		if err != nil {
			return Page{}, err
		}
		lines := linesOf(boxes, image.Point{})
		e.markCalls(gg, lines)
		if len(rows) > 0 {
			lines = append(lines, rows...)
			slices.SortStableFunc(lines, func(a, b textLine) int { return a.top - b.top })
		}
		p := pageFromLines(number, lines, skew)
		p.Turned = 90 * q
		p.Width, p.Height = img.Bounds().Dx(), img.Bounds().Dy()
		return p, nil
	}
	p, err := read(0)
	if err != nil {
		return Page{}, err
	}
	c, n := meanConf(p)
	if c >= sureConf && n >= 5 {
		return p, nil
	}
	others := []int{2}
	if linesRunDown(original()) {
		others = []int{1, 3}
	}
	for _, q := range others {
		alt, err := read(q)
		if err != nil {
			return Page{}, err
		}
		if ca, na := meanConf(alt); ca > c+10 && na >= max(5, n/2) {
			p, c, n = alt, ca, na
		}
	}
	return p, nil
}

// sureConf is the mean word confidence above which a page's reading is
// taken to be the right way up: an upright page reads above 80 even when
// degraded, an upside-down one far below (measured, TestUpright).
const sureConf = 70

// textLine is a line of a page: its words (in page coordinates) and
// where it lies; a table's row has its cells' texts, read cell by cell,
// their lines as printed and where each cell begins.
type textLine struct {
	words       []Word
	top, bottom int
	height      int // tallest word
	cells       []string
	cellLines   [][]string
	cellX       []int
	charW       int // a character's width in the row's table, in pixels
	row         bool
}

// linesOf groups Tesseract's words by line, in its reading order, moved by
// off (the corner of the image it read within the page).
func linesOf(boxes []gosseract.BoundingBox, off image.Point) []textLine {
	var lines []textLine
	var prev gosseract.BoundingBox
	for i, x := range boxes {
		text := strings.TrimSpace(x.Word)
		if text == "" {
			continue
		}
		if n := len(lines); n == 0 || i == 0 || x.BlockNum != prev.BlockNum || x.ParNum != prev.ParNum || x.LineNum != prev.LineNum {
			lines = append(lines, textLine{top: x.Box.Min.Y + off.Y, bottom: x.Box.Max.Y + off.Y})
		}
		prev = x
		l := &lines[len(lines)-1]
		box := x.Box.Add(off)
		l.words = append(l.words, Word{Text: text, Conf: x.Confidence, Box: box, Block: x.BlockNum, Par: x.ParNum})
		l.top, l.bottom, l.height = min(l.top, box.Min.Y), max(l.bottom, box.Max.Y), max(l.height, box.Dy())
	}
	return lines
}

// pageFromBoxes builds a page from Tesseract's words in reading order: its
// words with their lines, and its text.
func pageFromBoxes(number int, boxes []gosseract.BoundingBox, skew float64) Page {
	return pageFromLines(number, linesOf(boxes, image.Point{}), skew)
}

// pageFromLines builds a page of its lines, in order: a gap taller than a
// line between two is a paragraph break, a gap wider than one and a half
// times the words' height inside a line a cell boundary (a table's
// columns, when they were not found by their rules). The page's Text
// writes the break as a blank line and the cell boundary as a tab.
func pageFromLines(number int, lines []textLine, skew float64) Page {
	p := Page{Number: number, Skew: skew}
	var b strings.Builder
	for li, l := range lines {
		out := Line{Cells: l.cells}
		if li > 0 {
			b.WriteByte('\n')
			// (Tesseract's paragraph numbers are no guide: with psm 6 it
			// starts one on almost every line.)
			if prev := lines[li-1]; l.top-prev.bottom > max(l.height, prev.height) && !(l.row && prev.row) {
				b.WriteByte('\n')
				out.Gap = true
			}
		}
		if !l.row {
			var cell []string
			for wi, x := range l.words {
				if wi > 0 {
					last := l.words[wi-1]
					if gap := x.Box.Min.X - last.Box.Max.X; gap > 3*max(x.Box.Dy(), last.Box.Dy())/2 {
						out.Cells = append(out.Cells, strings.Join(cell, " "))
						cell = nil
					}
				}
				cell = append(cell, x.Text)
			}
			if out.Cells != nil {
				out.Cells = append(out.Cells, strings.Join(cell, " "))
			} else {
				out.Text = strings.Join(cell, " ")
			}
		}
		switch {
		case l.row:
			out.Text = l.layout()
		case out.Cells != nil:
			out.Text = strings.Join(out.Cells, "\t")
		}
		b.WriteString(out.Text)
		for _, x := range l.words {
			x.Page, x.Line = number, li+1
			p.Words = append(p.Words, x)
		}
		p.Lines = append(p.Lines, out)
	}
	p.Text = b.String()
	return p
}

// layout writes a ruled table's row as pdftotext -layout writes one: its
// cells side by side, each at its column (the cell's left edge, in
// characters of the table's words), on as many lines as its tallest cell
// has, the lines of each cell as printed. A row of one-line cells is one
// line.
func (l textLine) layout() string {
	if l.charW == 0 || len(l.cellX) == 0 {
		return strings.Join(l.cells, "\t")
	}
	charW := l.charW
	height := 0
	for _, c := range l.cellLines {
		height = max(height, len(c))
	}
	out := make([]string, height)
	for k := range out {
		var b []rune
		for i, c := range l.cellLines {
			if k >= len(c) || c[k] == "" {
				continue
			}
			col := (l.cellX[i] - l.cellX[0]) / charW
			if len(b) > 0 {
				col = max(col, len(b)+2) // two spaces at least: a column break
			}
			for len(b) < col {
				b = append(b, ' ')
			}
			b = append(b, []rune(c[k])...)
		}
		out[k] = string(b)
	}
	return strings.Join(out, "\n")
}

// grayPage copies the image as 8-bit grey (mpp prepares the page in
// place, never on the caller's image).
func grayPage(img image.Image) *image.Gray {
	b := img.Bounds()
	w, h := b.Dx(), b.Dy()
	g := image.NewGray(image.Rect(0, 0, w, h))
	switch src := img.(type) {
	case *image.Gray:
		for y := 0; y < h; y++ {
			copy(g.Pix[y*w:(y+1)*w], src.Pix[(y+b.Min.Y-src.Rect.Min.Y)*src.Stride+(b.Min.X-src.Rect.Min.X):])
		}
	case *image.RGBA:
		// What draw.Draw computes through color.GrayModel, pixel by pixel
		// through interfaces (a tenth of a second a page at 300 dpi; the
		// TIFF reader gives RGBA for a JPEG-compressed grey scan).
		for y := 0; y < h; y++ {
			in := src.Pix[(y+b.Min.Y-src.Rect.Min.Y)*src.Stride+4*(b.Min.X-src.Rect.Min.X):]
			out := g.Pix[y*w : (y+1)*w]
			for x := range out {
				p := in[4*x : 4*x+3 : 4*x+3]
				out[x] = grayOf(uint32(p[0])*0x101, uint32(p[1])*0x101, uint32(p[2])*0x101)
			}
		}
	case *image.YCbCr:
		for y := 0; y < h; y++ {
			out := g.Pix[y*w : (y+1)*w]
			for x := range out {
				r, gg, bb, _ := src.YCbCrAt(b.Min.X+x, b.Min.Y+y).RGBA()
				out[x] = grayOf(r, gg, bb)
			}
		}
	default:
		draw.Draw(g, g.Rect, img, b.Min, draw.Src)
	}
	return g
}

// setImage gives Tesseract a grey image in Leptonica's own serialised
// form (spix: a header and the pixels as its 32-bit words), which it reads
// with one copy: a PGM of a 300 dpi page took Leptonica 170 ms to parse,
// this takes some 25 ms to write and read. The buffer is the engine's,
// used again for every image (Leptonica copies it).
func (e *Engine) setImage(g *image.Gray) error {
	e.spix = spix(g, e.spix)
	return e.c.SetImageFromBytes(e.spix)
}

// spix writes g into buf (grown as needed) as a serialised 8-bit Pix
// (pixSerializeToMemory's format): "spix", width, height, depth, words
// per line, no colormap, the raster's size in bytes, then each row as
// words in the machine's byte order, the first pixel in the most
// significant byte.
func spix(g *image.Gray, buf []byte) []byte {
	w, h := g.Rect.Dx(), g.Rect.Dy()
	wpl := (w + 3) / 4
	const head = 28
	buf = grow(buf, head+4*wpl*h)
	ne := binary.NativeEndian
	copy(buf, "spix")
	for i, v := range []int{w, h, 8, wpl, 0, 4 * wpl * h} {
		ne.PutUint32(buf[4+4*i:], uint32(v))
	}
	for y := range h {
		row := g.Pix[y*g.Stride : y*g.Stride+w]
		out := buf[head+4*wpl*y : head+4*wpl*(y+1)]
		x := 0
		for ; x+4 <= w; x += 4 {
			ne.PutUint32(out[x:], binary.BigEndian.Uint32(row[x:]))
		}
		if x < w {
			var last [4]byte
			copy(last[:], row[x:])
			ne.PutUint32(out[x:], binary.BigEndian.Uint32(last[:]))
		}
	}
	return buf
}

// grayOf is color.GrayModel's grey for 16-bit channels.
func grayOf(r, g, b uint32) uint8 {
	return uint8((19595*r + 38470*g + 7471*b + 1<<15) >> 24)
}

// PageMark is the line that opens each page in the text mpp writes; the
// acuerdo reader takes it as the page number of what follows.
func PageMark(n int) string { return fmt.Sprintf("=== página %d ===", n) }

// Text writes the pages as one text, each opened by its PageMark.
func Text(pages []Page) string {
	var b strings.Builder
	for _, p := range pages {
		b.WriteString(PageMark(p.Number) + "\n")
		if p.Text != "" {
			b.WriteString(p.Text + "\n")
		}
		b.WriteString("\n")
	}
	return b.String()
}
