package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/cipro-ine/mpp/infile"
	"github.com/cipro-ine/mpp/manuals"
	"github.com/cipro-ine/mpp/manuals/canon"
	"github.com/cipro-ine/mpp/manuals/rules"
	"github.com/cipro-ine/mpp/manuals/yamldoc"
	"github.com/cipro-ine/mpp/outfile"
	"github.com/cipro-ine/mpp/provenance"
	"github.com/cipro-ine/mpp/render/pdf"
	"github.com/cipro-ine/mpp/signing"
)

// snapshotDir holds the canonical forms a certification covers, so that
// verificar can name what changed.
const snapshotDir = "certificado"

func newFingerprintCmd(ios *ioStreams) *cobra.Command {
	return &cobra.Command{
		Use:     "huella EXPEDIENTE",
		Aliases: []string{"fingerprint"},
		Short:   "Imprime la huella SHA-256 del acuerdo y del manual",
		Long: `Imprime la huella SHA-256 de la forma canónica del acuerdo y del manual: la que no cambia con el
formato del YAML, el orden de las claves, los comentarios o los espacios, y sí con cualquier cosa
que un lector vea.`,
		Example: `  mpp huella examples/H.4.05`,
		Args:    exactArgs(1, "una carpeta de expediente"),
		RunE: func(c *cobra.Command, args []string) error {
			e, err := manuals.LoadExpediente(args[0])
			if err != nil {
				return err
			}
			for _, doc := range []string{canon.Acuerdo, canon.Manual} {
				f, err := canon.Form(e, doc)
				if err != nil {
					return err
				}
				if f != nil {
					fmt.Fprintf(ios.Out, "%-8s %s\n", doc, canon.Fingerprint(f))
				}
			}
			return nil
		},
	}
}

type certifyOptions struct {
	ctx                      context.Context
	io                       *ioStreams
	g                        *globals
	dir, folio, date, signer string
	post                     string
	force                    bool
	key, cert                string // --firmar, --certificado
	scope                    []string
}

func newCertifyCmd(ios *ioStreams, g *globals) *cobra.Command {
	o := &certifyOptions{io: ios, g: g}
	c := &cobra.Command{
		Use:   "certificar EXPEDIENTE --folio … --fecha … --firmante …",
		Short: "Registra la certificación de la Dirección Jurídica con las huellas de lo certificado",
		Long: `Escribe certificacion.yaml con las huellas de lo que el régimen vigente en la fecha de la
certificación dice que cubre (2020: el acuerdo; desde el 24 de noviembre de 2022: el acuerdo y el
manual), o de lo que diga --alcance si la Dirección Jurídica certifica más, guarda su forma
canónica en certificado/ y escribe certificacion.pdf, con las huellas impresas, en código QR y en
los metadatos. «mpp verificar» dice después si algo cambió.

Sin --firmar, la certificación sólo prueba que nada cambió desde que se escribió, no quién la
escribió: quien pueda escribir los archivos puede certificar de nuevo. Con --firmar, folio,
fecha, alcance, firmante y huellas quedan firmados con la clave de la Dirección Jurídica, y
«mpp verificar --clave-confiable» comprueba que la firma es de esa clave.`,
		Example: `  mpp certificar expedientes/H.4.05 --folio INE/DJ/CERT/087/2022 --fecha 2022-11-18 --firmante "Nombre Apellido" --puesto "Director Jurídico"
  mpp certificar expedientes/H.4.05 --folio … --fecha … --firmante … --firmar dj.key.pem --certificado dj.cer.pem`,
		Args: exactArgs(1, "una carpeta de expediente"),
		RunE: func(c *cobra.Command, args []string) error {
			o.ctx, o.dir = c.Context(), args[0]
			return certifyRun(o)
		},
	}
	c.Flags().StringVar(&o.folio, "folio", "", "folio de la certificación (obligatorio)")
	c.Flags().StringVar(&o.date, "fecha", "", "fecha de la certificación (obligatoria)")
	c.Flags().StringVar(&o.signer, "firmante", "", "nombre de quien firma (obligatorio)")
	c.Flags().StringVar(&o.post, "puesto", "", "puesto de quien firma")
	c.Flags().BoolVar(&o.force, "forzar", false, "reemplaza una certificación existente")
	c.Flags().StringSliceVar(&o.scope, "alcance", nil, "documentos que certifica (acuerdo,manual); por omisión, los que exige el régimen de su fecha")
	c.Flags().StringVar(&o.key, "firmar", "", "firma la certificación con esta clave privada (PEM PKCS#8: Ed25519, ECDSA o RSA)")
	c.Flags().StringVar(&o.cert, "certificado", "", "con --firmar: el certificado X.509 (PEM) de la clave, que dice quién firma")
	return c
}

func certifyRun(o *certifyOptions) error {
	if o.folio == "" || o.date == "" || o.signer == "" {
		return usageError("faltan --folio, --fecha o --firmante")
	}
	date, err := manuals.ParseDate(o.date)
	if err != nil {
		return usageError("--fecha: %v", err)
	}
	prof, err := o.g.profile()
	if err != nil {
		return err
	}
	e, err := manuals.LoadExpediente(o.dir)
	if err != nil {
		return err
	}
	// The certificación follows the regime in force on its own date; the
	// Dirección Jurídica may certify more than it asks.
	reg := rules.DocumentRegime(prof, "", date)
	scope := reg.Certificacion
	if len(o.scope) > 0 {
		have := map[string]bool{}
		for _, d := range o.scope {
			if d != canon.Acuerdo && d != canon.Manual {
				return usageError("--alcance %s: se certifican «acuerdo» y «manual»", d)
			}
			have[d] = true
		}
		for _, d := range reg.Certificacion {
			if !have[d] {
				return usageError("--alcance: el régimen %s, vigente el %s, exige certificar también el %s", reg.ID, date.Long(), d)
			}
		}
		scope = nil
		for _, d := range []string{canon.Acuerdo, canon.Manual} {
			if have[d] {
				scope = append(scope, d)
			}
		}
	}
	cert := &manuals.Certificacion{Folio: o.folio, Fecha: date, Alcance: scope,
		Firmante: manuals.Signer{Nombre: o.signer, Puesto: o.post}}
	files := []outfile.File{}
	for _, doc := range scope {
		form, err := canon.Form(e, doc)
		if err != nil {
			return err
		}
		if form == nil {
			return usageError("%s: el régimen %s exige certificar el %s, y el expediente no tiene %s.yaml", o.dir, reg.ID, doc, doc)
		}
		cert.Huellas = append(cert.Huellas, manuals.Fingerprint{Documento: doc, SHA256: canon.Fingerprint(form)})
		files = append(files, outfile.File{Path: filepath.Join(o.dir, snapshotDir, doc+".yaml"), Data: form})
	}
	if o.cert != "" && o.key == "" {
		return usageError("--certificado va con --firmar: el certificado es el de la clave con que se firma")
	}
	if o.key != "" {
		key, err := infile.Read(o.key, 1<<20)
		if err != nil {
			return err
		}
		var certPEM []byte
		if o.cert != "" {
			if certPEM, err = infile.Read(o.cert, 1<<20); err != nil {
				return err
			}
		}
		if cert.Firma, err = signing.Sign(cert, key, certPEM); err != nil {
			return fmt.Errorf("--firmar %s: %w", o.key, err)
		}
	}
	y, err := yamldoc.Encode(cert, "Certificación registrada por «mpp certificar». Las huellas identifican el contenido certificado;",
		"su forma canónica está en certificado/. «mpp verificar» compara el expediente con ellas.")
	if err != nil {
		return err
	}
	var p bytes.Buffer
	if err := pdf.Certificacion(&p, cert, e, reg.ID, pdf.Options{}); err != nil {
		return err
	}
	files = append(files, outfile.File{Path: e.Path(manuals.FileCertificacion), Data: y}, outfile.File{Path: filepath.Join(o.dir, "certificacion.pdf"), Data: p.Bytes()})
	// certificacion.yaml is this command's own output (an existing one is
	// replaced only with --forzar); the other files of the expediente never.
	var inputs []string
	for _, in := range inputsOf(e) {
		if in != e.Path(manuals.FileCertificacion) {
			inputs = append(inputs, in)
		}
	}
	if err := outfile.WriteAll(files, outfile.Options{Overwrite: o.force, Inputs: inputs, Root: o.dir, Context: o.ctx}); err != nil {
		return fmt.Errorf("%w; no se escribió nada", err)
	}
	for _, h := range cert.Huellas {
		fmt.Fprintf(o.io.Out, "%-8s %s\n", h.Documento, h.SHA256)
	}
	fmt.Fprintf(o.io.Out, "escrito: %s, %s y %s/\n", e.Path(manuals.FileCertificacion), filepath.Join(o.dir, "certificacion.pdf"), filepath.Join(o.dir, snapshotDir))
	return nil
}

func newVerifyCmd(ios *ioStreams) *cobra.Command {
	var trusted []string
	c := &cobra.Command{
		Use:   "verificar EXPEDIENTE [ARCHIVO.pdf...]",
		Short: "Comprueba que el expediente (y sus PDF) son lo que la Dirección Jurídica certificó",
		Long: `Compara el acuerdo y el manual con las huellas de certificacion.yaml y, si se dan, dice de cada
PDF (la edición de la Gaceta, el extracto del DOF, el manual…) si se hizo con el contenido
certificado: todo PDF de mpp lleva en sus metadatos la huella de lo que lo originó y, adjunta, su
forma canónica. Código de salida: 0 si todo coincide; 1 si algo cambió, con la lista de campos
que cambiaron (p. ej. subprocesos[1].procedimientos[3].objetivo) o los PDF que no corresponden;
2 si no hay certificación con huellas.

Si la certificación está firmada («mpp certificar --firmar»), comprueba la firma y dice de qué
clave es (y quién, si trae certificado); con --clave-confiable, la firma debe ser de una de esas
claves (o certificados), y una certificación sin firma no pasa.`,
		Example: `  mpp verificar expedientes/H.4.05
  mpp verificar expedientes/H.4.05 out/H.4.05/gaceta.pdf out/H.4.05/extracto-dof.pdf
  mpp verificar expedientes/H.4.05 --clave-confiable dj.pub.pem`,
		Args: minArgs(1, "una carpeta de expediente y, si se quiere, archivos PDF"),
		RunE: func(c *cobra.Command, args []string) error {
			return verifyRun(ios, args[0], args[1:], trusted)
		},
	}
	c.Flags().StringArrayVar(&trusted, "clave-confiable", nil, "clave pública o certificado (PEM) de quien puede firmar certificaciones (repetible)")
	return c
}

func verifyRun(ios *ioStreams, dir string, pdfs []string, trustedFiles []string) error {
	e, err := manuals.LoadExpediente(dir)
	if err != nil {
		return err
	}
	if e.Certificacion == nil || len(e.Certificacion.Huellas) == 0 {
		return usageError("%s: no hay certificación con huellas; use «mpp certificar»", dir)
	}
	changed := 0
	var trusted [][]byte
	for _, f := range trustedFiles {
		b, err := infile.Read(f, 1<<20)
		if err != nil {
			return err
		}
		trusted = append(trusted, b)
	}
	switch who, err := signing.Verify(e.Certificacion, trusted); {
	case e.Certificacion.Firma == nil && len(trusted) == 0:
		fmt.Fprintf(ios.Out, "certificación: sin firma; prueba que nada cambió desde que se escribió, no quién la escribió\n")
	case e.Certificacion.Firma == nil:
		fmt.Fprintf(ios.Out, "certificación: NO está firmada, y se pidió la firma de una clave de confianza\n")
		changed++
	case err != nil:
		fmt.Fprintf(ios.Out, "certificación: FIRMA INVÁLIDA: %v\n", err)
		changed++
	default:
		by := "clave sha256:" + who.KeyID
		if who.Subject != "" {
			by = who.Subject + ", " + by
		}
		trust := " (no se dio --clave-confiable: no se comprobó de quién es la clave)"
		if len(trusted) > 0 {
			trust = ", una de las de confianza"
		}
		fmt.Fprintf(ios.Out, "certificación: firma válida de %s%s\n", by, trust)
	}
	for _, h := range e.Certificacion.Huellas {
		form, err := canon.Form(e, h.Documento)
		if err != nil {
			return err
		}
		if form == nil {
			fmt.Fprintf(ios.Out, "%s: falta %s.yaml, que la certificación cubre\n", h.Documento, h.Documento)
			changed++
			continue
		}
		now := canon.Fingerprint(form)
		if now == h.SHA256 {
			fmt.Fprintf(ios.Out, "%s: coincide con lo certificado (%s)\n", h.Documento, now)
			continue
		}
		changed++
		fmt.Fprintf(ios.Out, "%s: CAMBIÓ después de certificarse\n  certificado: %s\n  actual:      %s\n", h.Documento, h.SHA256, now)
		snap, err := os.ReadFile(filepath.Join(dir, snapshotDir, h.Documento+".yaml"))
		switch {
		case errors.Is(err, fs.ErrNotExist):
			fmt.Fprintf(ios.Out, "  (no está la forma certificada en %s/: no se pueden nombrar los campos)\n", snapshotDir)
		case err != nil:
			return err
		case canon.Fingerprint(snap) != h.SHA256:
			fmt.Fprintf(ios.Out, "  (la forma guardada en %s/ no corresponde a la huella certificada)\n", snapshotDir)
		default:
			paths, err := canon.Changes(snap, form)
			if err != nil {
				return err
			}
			fmt.Fprintf(ios.Out, "  campos que cambiaron: %s\n", strings.Join(paths, ", "))
		}
	}
	certified := map[string]string{}
	for _, h := range e.Certificacion.Huellas {
		certified[h.Documento] = h.SHA256
	}
	for _, p := range pdfs {
		data, err := readInput(p, 512<<20)
		if err != nil {
			return err
		}
		sources, err := provenance.Read(data)
		if err != nil {
			fmt.Fprintf(ios.Out, "%s: %v; no se puede saber de qué se hizo\n", p, provenance.ErrNotPDF)
			changed++
			continue
		}
		if len(sources) == 0 {
			fmt.Fprintf(ios.Out, "%s: no trae huella de mpp; no se puede saber de qué se hizo\n", p)
			changed++
			continue
		}
		for _, s := range sources {
			if why := s.Check(); why != "" {
				fmt.Fprintf(ios.Out, "%s: %s\n", p, why)
				changed++
				continue
			}
			switch h := s.Attached; {
			case certified[s.Doc] == "":
				fmt.Fprintf(ios.Out, "%s: se hizo con un %s que la certificación no cubre\n", p, s.Doc)
			case h == certified[s.Doc]:
				fmt.Fprintf(ios.Out, "%s: se hizo con el %s certificado\n", p, s.Doc)
			default:
				fmt.Fprintf(ios.Out, "%s: NO se hizo con el %s certificado (%s…)\n", p, s.Doc, h[:19])
				changed++
			}
		}
	}
	if changed > 0 {
		return findings(errSilent)
	}
	return nil
}
