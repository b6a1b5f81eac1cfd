package pdf

import (
	"io"
	"unicode"
	"unicode/utf8"

	"github.com/cipro-ine/mpp/manuals"
	"github.com/cipro-ine/mpp/render/dof"
)

// DOFOptions say when and where the extract is published and what it keeps.
type DOFOptions = dof.Options

// DOF writes the preview of the acuerdo's extract for the Diario Oficial de
// la Federación: the content render/dof decides, on pages that say what
// they are instead of imitating the DOF's masthead and pagination.
func DOF(w io.Writer, a *manuals.Acuerdo, o DOFOptions, opt Options) error {
	x, err := dof.Build(a, o, opt.Templates)
	if err != nil {
		return err
	}
	d, err := newDoc(Meta{
		Title:    x.Title,
		Subject:  x.Subject,
		Author:   "Instituto Nacional Electoral",
		Keywords: x.Keywords,
		Date:     x.Fecha,
		Sources:  &manuals.Expediente{Acuerdo: a},
	}, opt)
	if err != nil {
		return err
	}
	d.furniture()
	d.running = x.Running()
	d.f.AddPage()
	if err := d.blocks(x.Blocks); err != nil {
		return err
	}
	return d.output(w)
}

func upperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}
