package ocr

import (
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

// Page is a recognised page: its words and its text, lines in reading
// order, paragraphs separated by a blank line.
type Page struct {
	Number int
	Words  []Word
	Text   string
}

// ErrNoLanguage says the Tesseract data for the language is not installed.
var ErrNoLanguage = errors.New("faltan los datos de Tesseract para el idioma")

// Engine recognises pages with one Tesseract instance; it is not safe for
// concurrent use (run one per worker).
type Engine struct {
	c   *gosseract.Client
	opt Options
}

// NewEngine starts Tesseract for the options' language.
func NewEngine(o Options) (*Engine, error) {
	if o.Lang == "" {
		o.Lang = "spa"
	}
	if o.PSM == 0 {
		o.PSM = 6
	}
	if o.DPI == 0 {
		o.DPI = 300
	}
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
	for k, v := range map[string]string{"tessedit_pageseg_mode": strconv.Itoa(o.PSM), "user_defined_dpi": strconv.Itoa(o.DPI)} {
		if err := c.SetVariable(gosseract.SettableVariable(k), v); err != nil {
			c.Close()
			return nil, err
		}
	}
	return &Engine{c: c, opt: o}, nil
}

// Close frees Tesseract.
func (e *Engine) Close() error { return e.c.Close() }

// Page recognises one page image, once: the words, their boxes and
// confidences and the text all come from that single recognition.
func (e *Engine) Page(img image.Image, number int) (Page, error) {
	if err := e.c.SetImageFromBytes(pgm(img)); err != nil {
		return Page{}, fmt.Errorf("página %d: %w", number, err)
	}
	boxes, err := e.c.GetBoundingBoxesVerbose()
	if err != nil {
		return Page{}, fmt.Errorf("página %d: %w", number, err)
	}
	p := Page{Number: number, Words: make([]Word, 0, len(boxes))}
	var b strings.Builder
	line := 0
	var last gosseract.BoundingBox
	for i, x := range boxes {
		text := strings.TrimSpace(x.Word)
		if text == "" {
			continue
		}
		newLine := i == 0 || x.BlockNum != last.BlockNum || x.ParNum != last.ParNum || x.LineNum != last.LineNum
		if newLine {
			line++
			if b.Len() > 0 {
				b.WriteByte('\n')
				if x.BlockNum != last.BlockNum || x.ParNum != last.ParNum {
					b.WriteByte('\n')
				}
			}
		} else {
			b.WriteByte(' ')
		}
		b.WriteString(text)
		p.Words = append(p.Words, Word{Text: text, Conf: x.Confidence, Box: x.Box, Page: number, Line: line, Block: x.BlockNum, Par: x.ParNum})
		last = x
	}
	p.Text = b.String()
	return p, nil
}

// pgm encodes the image as a binary PGM, which Leptonica reads from memory
// far faster than a PNG is encoded.
func pgm(img image.Image) []byte {
	g, ok := img.(*image.Gray)
	if !ok || g.Stride != g.Rect.Dx() {
		g = image.NewGray(image.Rect(0, 0, img.Bounds().Dx(), img.Bounds().Dy()))
		draw.Draw(g, g.Rect, img, img.Bounds().Min, draw.Src)
	}
	w, h := g.Rect.Dx(), g.Rect.Dy()
	head := fmt.Sprintf("P5\n%d %d\n255\n", w, h)
	out := make([]byte, 0, len(head)+w*h)
	out = append(out, head...)
	return append(out, g.Pix[:w*h]...)
}
