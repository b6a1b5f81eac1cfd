package main

import (
	"github.com/spf13/cobra"

	"github.com/cipro-ine/mpp/render/pdf"
	"github.com/cipro-ine/mpp/templates"
)

// docFlags are the options of every command that writes documents.
type docFlags struct {
	templates, font, fontBold string
}

func (d *docFlags) add(c *cobra.Command) {
	c.Flags().StringVar(&d.templates, "plantillas", "", "carpeta con plantillas que sustituyen a las incorporadas, archivo por archivo")
	c.Flags().StringVar(&d.font, "fuente", "", "fuente TrueType para los PDF (p. ej. LiberationSans-Regular.ttf)")
	c.Flags().StringVar(&d.fontBold, "fuente-negritas", "", "fuente TrueType para las negritas de los PDF")
}

func (d *docFlags) pdfOptions() pdf.Options {
	return pdf.Options{FontRegular: d.font, FontBold: d.fontBold, Templates: templates.Overlay(d.templates)}
}
