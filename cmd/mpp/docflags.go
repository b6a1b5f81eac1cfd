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
	c.Flags().StringVar(&d.font, "fuente", "", "familia tipográfica de los PDF: un archivo TrueType (su negrita y su cursiva se buscan en su carpeta), una carpeta con la familia o un nombre de familia instalada («DejaVu Serif»); sin ella, Liberation Sans (métrica de Arial)")
	c.Flags().StringVar(&d.fontBold, "fuente-negritas", "", "archivo TrueType de la negrita, si la familia no la trae")
}

func (d *docFlags) pdfOptions() pdf.Options {
	return pdf.Options{Font: d.font, FontBold: d.fontBold, Templates: templates.Overlay(d.templates)}
}
