// Package pdf writes the documents of an expediente as PDF with fpdf
// (codeberg.org/go-pdf/fpdf, the maintained continuation of go-pdf/fpdf).
// The fixed prose of each document lives in templates/ and comes out as a
// small block language (package render/blocks); this package only lays it out.
// Fonts are embedded (Liberation Sans, or a TrueType file given with
// --fuente), every document is PDF/A-3b (pdfa.go), and output is
// deterministic: dates come from SOURCE_DATE_EPOCH or the expediente, never
// from the clock.
package pdf

import (
	_ "embed"
	"errors"
	"fmt"
	"io/fs"
	"time"

	"codeberg.org/go-pdf/fpdf"
	"golang.org/x/image/font/sfnt"

	"github.com/cipro-ine/mpp/manuals"
	"github.com/cipro-ine/mpp/manuals/canon"
	"github.com/cipro-ine/mpp/provenance"
	"github.com/cipro-ine/mpp/render/blocks"
)

// Options are what every document takes.
type Options struct {
	// Font names the type family to set the documents in instead of the
	// embedded Liberation Sans: a TrueType file (its bold and italic
	// siblings are found in its folder), a folder with the family, or a
	// family name fontconfig knows. FontBold, when set, is the bold face's
	// TrueType file.
	Font, FontBold string
	// Templates overrides the embedded templates (--plantillas).
	Templates fs.FS
}

// Meta is the document's metadata.
type Meta struct {
	Title, Subject, Author, Keywords string
	Date                             manuals.Date // creation date: from the expediente
	// Sources are the documents the PDF was made from ("acuerdo",
	// "manual"): their fingerprints go into the keywords, as
	// "mpp-huella manual sha256:…", and their canonical YAML is attached,
	// so that «mpp verificar» can tell what a PDF was made from.
	Sources *manuals.Expediente
}

// sourceDocs are the documents whose provenance a PDF records.
var sourceDocs = []string{canon.Acuerdo, canon.Manual}

const family = "mpp"

type doc struct {
	f *fpdf.Fpdf
	// extra draws the blocks only one document has (its diagrams, its
	// index); it reports whether it knew the tag.
	extra func(blocks.Block) bool
	// Page furniture (see furniture): the running header's text, pages
	// without header (covers), and the BORRADOR watermark.
	running string
	plain   map[int]bool
	draft   bool
	// outlineBase shifts the outline levels of an embedded document (the
	// manual as the Gaceta's annex).
	outlineBase int
	// layoutOnly: a first pass that only learns where pages break; drawings
	// whose size is known in advance take their room without being drawn.
	layoutOnly bool
	// attachments are embedded by output, as PDF/A-3 associated files;
	// date is the document's creation date.
	attachments []attachment
	date        time.Time
}

// furniture gives the document a running header, a "Página X de Y" footer
// and, for drafts, a BORRADOR watermark on every page.
// The default face: Liberation Sans, metrically Arial (the face the
// Institute's acuerdos are set in), SIL OFL 1.1 (fonts/LICENSE-OFL.txt). The
// Go fonts it replaces wrote a slashed zero («2Ø22») and have no Arial
// metrics.
var (
	//go:embed fonts/LiberationSans-Regular.ttf
	fontRegular []byte
	//go:embed fonts/LiberationSans-Bold.ttf
	fontBold []byte
	//go:embed fonts/LiberationSans-Italic.ttf
	fontItalic []byte
	//go:embed fonts/LiberationSans-BoldItalic.ttf
	fontBoldItalic []byte
)

// maxFont bounds a --fuente file: a TrueType family member is at most a
// few MB.
const maxFont = 50 << 20

func (d *doc) furniture() {
	f := d.f
	d.plain = map[int]bool{}
	f.SetHeaderFuncMode(func() {
		if d.draft {
			watermark(f)
		}
		if d.plain[f.PageNo()] {
			return
		}
		w, _ := f.GetPageSize()
		f.SetFont(family, "", 7.5)
		f.SetTextColor(90, 90, 90)
		f.SetXY(15, 10)
		f.CellFormat(w-30, 4, d.running, "", 0, "L", false, 0, "")
		f.SetXY(15, 10)
		f.CellFormat(w-30, 4, "Instituto Nacional Electoral", "", 0, "R", false, 0, "")
		f.SetTextColor(0, 0, 0)
		f.SetY(25)
	}, false)
	f.SetFooterFunc(func() {
		f.SetY(-14)
		f.SetFont(family, "", 8)
		f.CellFormat(0, 4, fmt.Sprintf("Página %d de {nb}", f.PageNo()), "", 0, "C", false, 0, "")
	})
}

// addFonts checks the TrueType files with x/image's sfnt parser before
// fpdf sees them, and turns a panic of fpdf's own parser on a crafted file
// into an error.
func addFonts(f *fpdf.Fpdf, fs faces) (err error) {
	members := []struct {
		style string
		data  []byte
	}{{"", fs.regular}, {"B", fs.bold}, {"I", fs.italic}, {"BI", fs.boldItalic}}
	for _, m := range members {
		if _, perr := sfnt.Parse(m.data); perr != nil {
			return errNotTrueType
		}
	}
	defer func() {
		if r := recover(); r != nil {
			err = errors.New("fuente: el archivo no es una fuente TrueType legible (la biblioteca de PDF no pudo leerla)")
		}
	}()
	for _, m := range members {
		f.AddUTF8FontFromBytes(family, m.style, m.data)
	}
	if err := f.Error(); err != nil {
		return fmt.Errorf("fuente: %w", err)
	}
	return nil
}

func newDoc(m Meta, o Options) (*doc, error) {
	f := fpdf.New("P", "mm", "Letter", "")
	fs, err := loadFaces(o.Font, o.FontBold)
	if err != nil {
		return nil, err
	}
	if err := addFonts(f, fs); err != nil {
		return nil, err
	}
	t := documentTime(m.Date)
	f.SetCreationDate(t)
	f.SetModificationDate(t)
	f.SetCatalogSort(true)
	f.SetCompression(true)
	f.SetTitle(m.Title, true)
	f.SetSubject(m.Subject, true)
	f.SetAuthor(m.Author, true)
	keywords := m.Keywords
	var files []attachment
	if m.Sources != nil {
		for _, doc := range sourceDocs {
			form, err := canon.Form(m.Sources, doc)
			if err != nil {
				return nil, err
			}
			if form == nil {
				continue
			}
			keywords += "; " + provenance.Label(doc, canon.Fingerprint(form))
			files = append(files, attachment{data: form, name: provenance.AttachmentName(doc), mime: "application/x-yaml",
				desc: "Forma canónica del " + doc + " del que se hizo este documento"})
		}
	}
	f.SetKeywords(keywords, true)
	f.SetCreator("mpp", true)
	f.SetProducer("mpp", true)
	// PDF/A-3b: the sRGB output intent and the XMP that claims it.
	f.AddOutputIntent(fpdf.OutputIntentType{SubtypeIdent: fpdf.OutputIntent_GTS_PDFA1,
		OutputConditionIdentifier: "sRGB IEC61966-2.1", Info: "sRGB IEC61966-2.1", ICCProfile: srgbICC})
	f.SetXmpMetadata(xmpPDFA(m, keywords, t))
	f.SetLang("es-MX")
	f.SetMargins(25, 25, 25)
	f.SetAutoPageBreak(true, 22)
	f.AliasNbPages("{nb}")
	f.SetFont(family, "", 10)
	return &doc{f: f, attachments: files, date: t}, nil
}
