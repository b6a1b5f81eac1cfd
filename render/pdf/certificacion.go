package pdf

import (
	"fmt"
	"io"
	"strings"

	"github.com/cipro-ine/mpp/manuals"
	"github.com/cipro-ine/mpp/render/blocks"
	"github.com/cipro-ine/mpp/signing"
)

// Certificacion writes the Dirección Jurídica's certification: the
// documents it covers and their fingerprints, printed, as QR codes and in
// the PDF's metadata.
func Certificacion(w io.Writer, c *manuals.Certificacion, e *manuals.Expediente, regime string, opt Options) error {
	a := e.Acuerdo
	objeto := "del proyecto de acuerdo"
	if c.Covers("manual") {
		objeto = "del proyecto de acuerdo y del proyecto de Manual de Proceso y Procedimientos que es su anexo"
	}
	if a != nil && a.Codigo != "" {
		objeto += " (" + a.Codigo + ")"
	}
	// The article the certificación rests on is the template's prose, by
	// the regime of its own date.
	data := map[string]any{"C": c, "Fecha": c.Fecha.Long(), "Objeto": objeto, "Regimen": regime, "Firma": c.Firma}
	if c.Firma != nil {
		// What the signature says of its key, read as verificar reads it.
		who, err := signing.Verify(c, nil)
		if err != nil {
			return fmt.Errorf("la firma de la certificación no es válida: %w", err)
		}
		data["ClaveID"], data["Sujeto"] = who.KeyID, who.Subject
	}
	bs, err := blocks.FromTemplate(opt.Templates, data, "certificacion.pdf.tmpl")
	if err != nil {
		return err
	}
	var prints []string
	for _, h := range c.Huellas {
		prints = append(prints, h.Documento+" "+h.SHA256)
	}
	d, err := newDoc(Meta{Title: "Certificación " + c.Folio, Subject: "Certificación del contenido jurídico", Author: "Dirección Jurídica, Instituto Nacional Electoral",
		Keywords: strings.Join(prints, "; "), Date: c.Fecha, Sources: e}, opt)
	if err != nil {
		return err
	}
	d.furniture()
	d.running = "Certificación " + c.Folio
	d.f.AddPage()
	if err := d.blocks(bs); err != nil {
		return err
	}
	return d.output(w)
}
