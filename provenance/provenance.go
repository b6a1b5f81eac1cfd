// Package provenance says what a PDF written by mpp was made from. Every
// such PDF carries, in its document information dictionary, a label with the
// fingerprint of each source document ("mpp-huella manual sha256:…"), and the
// canonical form of that document as an embedded file (manual.yaml). Read
// reads both back with pdfcpu, a real PDF parser, so a PDF that another tool
// saved again (object streams, linearisation, incremental updates) still
// reads the same; Check compares the label with the attachment.
package provenance

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"sort"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/fault"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/validate"

	"github.com/cipro-ine/mpp/manuals/canon"
)

func init() {
	// pdfcpu would otherwise create a configuration folder in the user's
	// home on first use (what its api.DisableConfigDir sets).
	model.ConfigPath = "disable"
}

const labelPrefix = "mpp-huella "

var labelRe = regexp.MustCompile(`mpp-huella (acuerdo|manual) (sha256:[0-9a-f]{64})`)

// Label is the keyword that records one source document's fingerprint.
func Label(doc, fingerprint string) string { return labelPrefix + doc + " " + fingerprint }

// AttachmentName is the embedded file that holds a source's canonical form.
func AttachmentName(doc string) string { return doc + ".yaml" }

// Source is what a PDF says about one document it was made from.
type Source struct {
	Doc string // canon.Acuerdo or canon.Manual
	// Labelled is the fingerprint in the PDF's keywords; empty if none.
	Labelled string
	// Attached is the fingerprint of the attached canonical form, computed
	// here; empty if the PDF has no such attachment.
	Attached string
	// Form is the attached canonical form.
	Form []byte
}

// ErrNotPDF is data that no PDF parser reads.
var ErrNotPDF = errors.New("no es un PDF legible")

// Read returns the sources a PDF records, ordered by document; none for a
// PDF that mpp did not write.
func Read(data []byte) ([]Source, error) {
	conf := model.NewDefaultConfiguration()
	conf.ValidationMode = model.ValidationRelaxed
	conf.Cmd = model.EXTRACTATTACHMENTS
	ctx, err := readValidated(data, conf)
	if err != nil {
		return nil, fmt.Errorf("%w (%v)", ErrNotPDF, err)
	}
	byDoc := map[string]*Source{}
	get := func(doc string) *Source {
		if byDoc[doc] == nil {
			byDoc[doc] = &Source{Doc: doc}
		}
		return byDoc[doc]
	}
	if kw, err := keywords(ctx); err == nil {
		for _, m := range labelRe.FindAllStringSubmatch(kw, -1) {
			get(m[1]).Labelled = m[2]
		}
	}
	if atts, err := attachments(ctx); err == nil {
		for _, a := range atts {
			for _, doc := range []string{canon.Acuerdo, canon.Manual} {
				if a.FileName != AttachmentName(doc) {
					continue
				}
				b, err := io.ReadAll(io.LimitReader(a.Reader, 64<<20))
				if err != nil {
					continue
				}
				s := get(doc)
				s.Form, s.Attached = b, canon.Fingerprint(b)
			}
		}
	}
	out := make([]Source, 0, len(byDoc))
	for _, s := range byDoc {
		out = append(out, *s)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Doc < out[j].Doc })
	return out, nil
}

// readValidated reads and validates the PDF, as pdfcpu's own attachment
// commands do (only then are the catalog's name trees located), from
// pdfcpu's lower packages rather than its api package: api links its form
// package, whose go-runewidth dependency spends some 38 ms building tables
// at the start of every mpp command (measured with GODEBUG=inittrace=1).
func readValidated(data []byte, conf *model.Configuration) (ctx *model.Context, err error) {
	defer fault.Catch(&err)
	if ctx, err = pdfcpu.Read(bytes.NewReader(data), conf); err != nil {
		return nil, err
	}
	if err = validate.XRefTable(ctx); err != nil {
		return nil, err
	}
	return ctx, nil
}

// attachments extracts every embedded file.
func attachments(ctx *model.Context) ([]model.Attachment, error) {
	list, err := ctx.ListAttachments()
	if err != nil || len(list) == 0 {
		return nil, err
	}
	ids := make([]string, len(list))
	for i, a := range list {
		ids[i] = a.ID
	}
	return ctx.ExtractAttachments(ids)
}

func keywords(ctx *model.Context) (string, error) {
	if ctx.Info == nil {
		return "", errors.New("no info dictionary")
	}
	d, err := ctx.DereferenceDict(*ctx.Info)
	if err != nil || d == nil {
		return "", errors.New("no info dictionary")
	}
	o, ok := d["Keywords"]
	if !ok {
		return "", errors.New("no keywords")
	}
	return ctx.DereferenceStringOrHexLiteral(o, model.V10, nil)
}

// Check says, in Spanish, what is wrong with one source's record: a label
// without its attachment, an attachment without its label, or the two
// disagreeing. Empty when the label and the attachment agree.
func (s Source) Check() string {
	switch {
	case s.Labelled == "" && s.Attached == "":
		return ""
	case s.Attached == "":
		return fmt.Sprintf("la huella del %s en los metadatos no viene con su forma canónica adjunta (%s)", s.Doc, AttachmentName(s.Doc))
	case s.Labelled == "":
		return fmt.Sprintf("trae adjunto %s pero no la huella del %s en sus metadatos", AttachmentName(s.Doc), s.Doc)
	case s.Labelled != s.Attached:
		return fmt.Sprintf("la huella del %s en los metadatos (%s…) no es la del %s adjunto (%s…)", s.Doc, s.Labelled[:19], AttachmentName(s.Doc), s.Attached[:19])
	}
	return ""
}
