// Package docx writes documents as Word files (WordprocessingML), with
// github.com/gomutex/godocx (MIT; the kept pure-Go DOCX library, which zips
// its parts in a fixed order with a fixed time): the extract for the Diario
// Oficial de la Federación, which the DOF takes as a Word file beside the
// signed original. It lays out the same blocks as the PDF preview
// (render/blocks, built by render/dof) and sets no masthead, running head
// or page numbers: those are the DOF's.
package docx

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"strings"

	"github.com/gomutex/godocx"
	gdocx "github.com/gomutex/godocx/docx"
	"github.com/gomutex/godocx/wml/stypes"

	"github.com/cipro-ine/mpp/manuals"
	"github.com/cipro-ine/mpp/render/blocks"
	"github.com/cipro-ine/mpp/render/dof"
)

// The DOF's face and size for the text it receives.
const (
	font = "Arial"
	size = 10
)

// DOF writes the extract x as a Word file.
func DOF(w io.Writer, x *dof.Extract) error {
	doc, err := godocx.NewDocument()
	if err != nil {
		return err
	}
	if err := writeBlocks(doc, x.Blocks); err != nil {
		return err
	}
	finish(doc, props{title: x.Title, subject: x.Subject, keywords: x.Keywords, author: "Instituto Nacional Electoral", date: x.Acuerdo.Sesion.Fecha})
	if err := doc.Write(w); err != nil {
		return fmt.Errorf("docx: %w", err)
	}
	return nil
}

func text(p *gdocx.Paragraph, s string, bold bool) {
	p.AddText(s).Font(font).Size(size).Bold(bold)
}

func writeBlocks(doc *gdocx.RootDoc, bs []blocks.Block) error {
	para := func(s string, jc stypes.Justification, bold bool) {
		for _, line := range strings.Split(s, "\n") {
			for _, piece := range strings.Split(line, blocks.LineBreak) {
				p := doc.AddEmptyParagraph()
				p.Justification(jc)
				p.Spacing(0, 120)
				text(p, piece, bold)
			}
		}
	}
	for _, b := range bs {
		switch b.Tag {
		case "titulo", "encabezado":
			para(b.Text, stypes.JustificationCenter, true)
		case "parrafo":
			para(b.Text, stypes.JustificationBoth, false)
		case "negritas":
			para(b.Text, stypes.JustificationBoth, true)
		case "derecha":
			para(b.Text, stypes.JustificationRight, false)
		case "elision":
			para(b.Text, stypes.JustificationLeft, false)
		case "ilustrativo":
			// Not for the DOF: says which data are illustrative, so that
			// no one sends them as they are.
			p := doc.AddEmptyParagraph()
			p.AddText("Contenido ilustrativo. " + b.Text).Font(font).Size(8).Highlight("yellow")
		case "tabla":
			rows := strings.Split(b.Text, "\n")
			t := doc.AddTable()
			t.Style("TableGrid")
			for i, r := range rows {
				row := t.AddRow()
				for _, c := range strings.Split(r, "\t") {
					cell := row.AddCell()
					for _, piece := range strings.Split(c, blocks.LineBreak) {
						text(cell.AddEmptyPara(), piece, i == 0)
					}
				}
			}
			doc.AddEmptyParagraph()
		case "qr":
			link := strings.TrimSpace(b.Text)
			p := doc.AddEmptyParagraph()
			if blocks.WebLink(link) {
				p.AddLink(link, link)
			} else {
				text(p, link, false)
			}
		case "espacio":
			doc.AddEmptyParagraph()
		case "nuevapagina":
			doc.AddPageBreak()
		default:
			return fmt.Errorf("bloque de la línea %d: «@%s» no se admite en un documento de Word", b.Line, b.Tag)
		}
	}
	return nil
}

type props struct {
	title, subject, keywords, author string
	date                             manuals.Date
}

// finish sets the document's own properties (the library's template says
// another author and a 2013 date) and drops the template's thumbnail.
func finish(doc *gdocx.RootDoc, p props) {
	esc := func(s string) string {
		var b bytes.Buffer
		xml.EscapeText(&b, []byte(s))
		return b.String()
	}
	date := "2000-01-01T00:00:00Z"
	if !p.date.IsZero() {
		date = p.date.String() + "T00:00:00Z"
	}
	core := `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <dc:title>` + esc(p.title) + `</dc:title>
  <dc:subject>` + esc(p.subject) + `</dc:subject>
  <dc:creator>` + esc(p.author) + `</dc:creator>
  <cp:keywords>` + esc(p.keywords) + `</cp:keywords>
  <dc:description>mpp</dc:description>
  <dc:language>es-MX</dc:language>
  <cp:revision>1</cp:revision>
  <dcterms:created xsi:type="dcterms:W3CDTF">` + date + `</dcterms:created>
  <dcterms:modified xsi:type="dcterms:W3CDTF">` + date + `</dcterms:modified>
</cp:coreProperties>`
	doc.FileMap.Store("docProps/core.xml", []byte(core))
	doc.FileMap.Delete("docProps/thumbnail.jpeg")
	kept := doc.RootRels.Relationships[:0]
	for _, r := range doc.RootRels.Relationships {
		if !strings.HasSuffix(r.Type, "/thumbnail") {
			kept = append(kept, r)
		}
	}
	doc.RootRels.Relationships = kept
}
