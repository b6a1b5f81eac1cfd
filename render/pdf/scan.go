package pdf

import (
	"bytes"
	"fmt"
	"io"
	"math"
	"strconv"

	"codeberg.org/go-pdf/fpdf"
	"github.com/cipro-ine/mpp/manuals"
)

// A searchable scan: each page is the scanned image, as the scanner wrote
// it (a JPEG or a PNG goes in byte for byte: fpdf embeds a JPEG's data as
// DCTDecode and a PNG's compressed data as FlateDecode, without decoding
// them), and over it the words read on it in invisible text (rendering
// mode 3), each at its place, as tall and as wide as the word's box and
// along its line, so that a viewer selects and copies them in reading
// order and pdftotext gives them back. The document is PDF/A-3b like every
// other mpp writes (XMP, sRGB output intent, the font embedded). When the
// acuerdo was read, its structure becomes the outline.

// ScanPage is one page of a scan: its image and the words read on it.
type ScanPage struct {
	Image []byte // the page's image, JPEG or PNG
	JPEG  bool   // Image is a JPEG (else a PNG)
	// W and H are the image's size in pixels, DPI its resolution.
	W, H, DPI int
	Words     []ScanWord
}

// ScanWord is a word and where it lies on its page's image: the corner its
// text starts from (the lower left of its box as the text reads), its box's
// width and height, and the angle its line runs at (degrees counter-clockwise
// as seen on the image), in the image's pixels, y going down.
type ScanWord struct {
	Text              string
	X, Y, W, H, Angle float64
}

// OutlineEntry is a bookmark of the outline: a title, its depth (0 for the
// top) and the page (from 1) it points at.
type OutlineEntry struct {
	Title string
	Level int
	Page  int
}

// Searchable writes the scan's pages as a searchable PDF, with outline
// (entries in document order) as its bookmarks.
func Searchable(w io.Writer, pages []ScanPage, m Meta, outline []OutlineEntry) error {
	if len(pages) == 0 {
		return fmt.Errorf("no hay páginas")
	}
	d, err := newDoc(m, Options{})
	if err != nil {
		return err
	}
	f := d.f
	f.SetAutoPageBreak(false, 0)
	f.SetMargins(0, 0, 0)
	next := 0 // the next outline entry
	for i, p := range pages {
		if p.W <= 0 || p.H <= 0 || p.DPI <= 0 {
			return fmt.Errorf("página %d: imagen sin tamaño o sin resolución", i+1)
		}
		mm := 25.4 / float64(p.DPI) // one pixel
		pw, ph := float64(p.W)*mm, float64(p.H)*mm
		f.AddPageFormat("P", fpdfSize(pw, ph))
		kind := "PNG"
		if p.JPEG {
			kind = "JPG"
		}
		name := "pagina" + strconv.Itoa(i+1)
		opt := fpdf.ImageOptions{ImageType: kind}
		f.RegisterImageOptionsReader(name, opt, bytes.NewReader(p.Image))
		f.ImageOptions(name, 0, 0, pw, ph, false, opt, 0, "")
		if err := f.Error(); err != nil {
			return fmt.Errorf("página %d: %w", i+1, err)
		}
		for next < len(outline) && outline[next].Page <= i+1 {
			f.Bookmark(outline[next].Title, outline[next].Level, 0)
			next++
		}
		f.SetTextRenderingMode(3)
		for _, wd := range p.Words {
			if wd.Text == "" || wd.W <= 0 || wd.H <= 0 {
				continue
			}
			// A word's box runs from its capitals' top to its
			// descenders' foot: about 0.93 of the face's size in
			// Liberation Sans; the baseline a fifth of the box above its
			// foot.
			size := wd.H * mm / 0.93 * 72 / 25.4
			f.SetFont(family, "", size)
			tw := f.GetStringWidth(wd.Text)
			if tw <= 0 {
				continue
			}
			x, y := wd.X*mm, wd.Y*mm
			base := wd.H * mm * 0.2
			f.TransformBegin()
			f.TransformRotate(wd.Angle, x, y)
			f.TransformScale(100*wd.W*mm/tw, 100, x, y)
			f.Text(x, y-base, wd.Text)
			f.TransformEnd()
		}
		f.SetTextRenderingMode(0)
	}
	if next < len(outline) {
		return fmt.Errorf("el índice apunta a la página %d; el escaneo tiene %d", outline[next].Page, len(pages))
	}
	return d.output(w)
}

// fpdfSize is a page size in millimetres, to the micrometre.
func fpdfSize(w, h float64) fpdf.SizeType {
	return fpdf.SizeType{Wd: math.Round(w*1000) / 1000, Ht: math.Round(h*1000) / 1000}
}

// AcuerdoOutline is the outline of an acuerdo read from a scan: GLOSARIO,
// ANTECEDENTES, CONSIDERANDOS with each group and, inside its group, the
// process considerando, ACUERDOS with each punto, each at the page the
// reader found it on. A part without a page (not read from a scan) is left
// out, and so is one that would point back before the entry above it.
func AcuerdoOutline(a *manuals.Acuerdo) []OutlineEntry {
	var out []OutlineEntry
	add := func(title string, level int, src *manuals.Source) {
		if src == nil || src.Pagina <= 0 {
			return
		}
		if n := len(out); n > 0 && src.Pagina < out[n-1].Page {
			return
		} else if n > 0 {
			level = min(level, out[n-1].Level+1)
		} else {
			level = 0
		}
		out = append(out, OutlineEntry{Title: title, Level: level, Page: src.Pagina})
	}
	if len(a.Glosario) > 0 {
		add("GLOSARIO", 0, a.Glosario[0].Origen)
	}
	if len(a.Antecedentes) > 0 {
		add("ANTECEDENTES", 0, a.Antecedentes[0].Origen)
	}
	for gi, g := range a.Considerandos {
		first := g.Origen
		if first == nil && len(g.Considerandos) > 0 {
			first = g.Considerandos[0].Origen
		}
		if gi == 0 {
			add("CONSIDERANDOS", 0, first)
		}
		title := g.Ordinal
		if g.Titulo != "" {
			title += ". " + g.Titulo
		}
		add(title, 1, first)
		for _, c := range g.Considerandos {
			if c.Numero == a.Proceso.Considerando && a.Proceso.Considerando > 0 {
				add(fmt.Sprintf("Considerando %d: proceso %s %s", c.Numero, a.Proceso.Codigo, a.Proceso.Nombre), 2, c.Origen)
			}
		}
	}
	if len(a.Puntos) > 0 {
		add("ACUERDOS", 0, a.Puntos[0].Origen)
		for _, p := range a.Puntos {
			add(p.Ordinal, 1, p.Origen)
		}
	}
	return out
}
