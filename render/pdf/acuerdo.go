package pdf

import (
	"fmt"
	"io"
	"strings"

	"github.com/cipro-ine/mpp/manuals"
	"github.com/cipro-ine/mpp/render/blocks"
)

func acuerdoBlocks(a *manuals.Acuerdo, opt Options) ([]blocks.Block, error) {
	return blocks.FromTemplate(opt.Templates, a, "acuerdo.pdf.tmpl", "proceso.pdf.tmpl")
}

func acuerdoMeta(a *manuals.Acuerdo, title string) Meta {
	return Meta{
		Title:    title,
		Subject:  a.Titulo,
		Author:   "Instituto Nacional Electoral, " + orDefault(a.Organo, "Junta General Ejecutiva"),
		Keywords: strings.Join([]string{a.Codigo, string(a.Proceso.Codigo), a.Proceso.Nombre, "acuerdo"}, "; "),
		Date:     a.Sesion.Fecha,
		Sources:  &manuals.Expediente{Acuerdo: a},
	}
}

func orDefault(s, d string) string {
	if s == "" {
		return d
	}
	return s
}

// Acuerdo writes the acuerdo alone, in the Institute's layout.
func Acuerdo(w io.Writer, a *manuals.Acuerdo, opt Options) error {
	bs, err := acuerdoBlocks(a, opt)
	if err != nil {
		return err
	}
	d, err := newDoc(acuerdoMeta(a, "Acuerdo "+a.Codigo), opt)
	if err != nil {
		return err
	}
	d.furniture()
	d.running = a.Codigo
	d.f.AddPage()
	if err := d.blocks(bs); err != nil {
		return err
	}
	return d.output(w)
}

// Gaceta writes the Gaceta Electoral edition: the acuerdo as approved, then
// the manual as its annex, in one PDF with one outline. Laid out twice, so
// that the manual's index has the edition's page numbers.
func Gaceta(w io.Writer, e *manuals.Expediente, opt Options) error {
	a, m := e.Acuerdo, e.Manual
	if a == nil || m == nil {
		return fmt.Errorf("la edición de la Gaceta necesita acuerdo.yaml y manual.yaml")
	}
	abs, err := acuerdoBlocks(a, opt)
	if err != nil {
		return err
	}
	mbs, err := manualBlocks(e, opt)
	if err != nil {
		return err
	}
	var toc []tocEntry
	for pass := 0; pass < 2; pass++ {
		meta := acuerdoMeta(a, "Gaceta Electoral: Acuerdo "+a.Codigo+" y su anexo")
		meta.Sources = &manuals.Expediente{Acuerdo: a, Manual: m}
		d, err := newDoc(meta, opt)
		if err != nil {
			return err
		}
		d.furniture()
		d.draft = !Approved(e)
		d.layoutOnly = pass == 0
		d.running = "Gaceta Electoral · " + a.Codigo
		f := d.f
		f.AddPage()
		f.Bookmark("Acuerdo "+a.Codigo, 0, -1)
		d.outlineBase = 1
		if err := d.blocks(abs); err != nil {
			return err
		}
		f.AddPage()
		f.Bookmark("Anexo: Manual de Proceso y Procedimientos "+string(m.DatosGenerales.Codigo)+" "+m.DatosGenerales.Nombre, 0, -1)
		if toc, err = d.manual(e, mbs, toc); err != nil {
			return err
		}
		// The first pass only learns the page numbers: no output.
		if pass == 1 {
			return d.output(w)
		}
		if err := f.Error(); err != nil {
			return err
		}
	}
	return nil
}
