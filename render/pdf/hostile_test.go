package pdf_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/cipro-ine/mpp/render/pdf"
	"github.com/cipro-ine/mpp/templates"
)

// A crafted font file is an error, not a panic inside the PDF library; a
// device as --fuente is refused, not read forever (issue 16, item 9).
func TestHostileFonts(t *testing.T) {
	e := example(t, "H.4.05")
	dir := t.TempDir()
	crafted := filepath.Join(dir, "x.ttf")
	// A TrueType header claiming tables that are not there: 110 bytes.
	hdr := []byte("\x00\x01\x00\x00\x00\x06\x00\x40\x00\x02\x00\x20")
	for _, tag := range []string{"cmap", "glyf", "head", "hhea", "hmtx", "loca"} {
		hdr = append(hdr, tag...)
		hdr = append(hdr, "\x00\x00\x00\x00\x00\x00\x00\x10\x7f\xff\xff\xff"...)
	}
	os.WriteFile(crafted, hdr[:110], 0o644)
	for _, font := range []string{crafted, "/dev/zero"} {
		var b bytes.Buffer
		err := pdf.Manual(&b, e, pdf.Options{Font: font})
		if err == nil || !strings.Contains(err.Error(), "fuente") {
			t.Errorf("%s: %v", font, err)
		}
	}
}

// A --plantillas template that doubles its output forty times stops at
// templates.MaxOutput with an error, instead of exhausting memory.
func TestExponentialTemplate(t *testing.T) {
	e := example(t, "H.4.05")
	dir := t.TempDir()
	var tpl strings.Builder
	tpl.WriteString(`{{define "a0"}}xxxxxxxxxxxxxxxx{{end}}`)
	for i := 1; i <= 40; i++ {
		tpl.WriteString(`{{define "a` + strconv.Itoa(i) + `"}}{{template "a` + strconv.Itoa(i-1) + `"}}{{template "a` + strconv.Itoa(i-1) + `"}}{{end}}`)
	}
	tpl.WriteString("@titulo\n{{template \"a40\"}}\n")
	os.WriteFile(filepath.Join(dir, "dof.pdf.tmpl"), []byte(tpl.String()), 0o644)
	var b bytes.Buffer
	err := pdf.DOF(&b, e.Acuerdo, pdf.DOFOptions{}, pdf.Options{Templates: templates.Overlay(dir)})
	if err == nil || !strings.Contains(err.Error(), "la plantilla produce demasiado texto") {
		t.Errorf("exponential template: %v", err)
	}
}

// Text from the expediente that looks like a template's block tag is
// printed as text: a punto with a line «@nuevapagina» keeps the rest of
// the punto (issue 15, item 10; issue 16, item 5).
func TestTemplateSyntaxInTextIsText(t *testing.T) {
	e := example(t, "H.4.05")
	e.Acuerdo.Puntos[0].Texto += "\n@nuevapagina\n@tabla 1 2\nTexto que sigue a la falsa etiqueta."
	// A NUL before the tag (YAML's "\0" escape) was the mark of a
	// template's own tags until the mark became new per document.
	e.Acuerdo.Puntos[0].Texto += "\n\x00@nuevapagina\nTras la marca antigua."
	var b bytes.Buffer
	if err := pdf.Acuerdo(&b, e.Acuerdo, pdf.Options{}); err != nil {
		t.Fatal(err)
	}
	txt := strings.Join(pageTexts(t, b.Bytes()), " ")
	for _, want := range []string{"@nuevapagina", "@tabla 1 2", "Texto que sigue a la falsa etiqueta.", "Tras la marca antigua."} {
		if !strings.Contains(txt, want) {
			t.Errorf("the PDF lacks %q", want)
		}
	}
	// An unknown tag in a --plantillas template is still an error.
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "acuerdo.pdf.tmpl"), []byte("@parafo\nX\n"), 0o644)
	if err := pdf.Acuerdo(&b, e.Acuerdo, pdf.Options{Templates: templates.Overlay(dir)}); err == nil || !strings.Contains(err.Error(), "etiqueta de bloque desconocida «@parafo»") {
		t.Errorf("unknown tag: %v", err)
	}
}
