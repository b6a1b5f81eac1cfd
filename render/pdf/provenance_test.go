package pdf_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cipro-ine/mpp/manuals/canon"
	"github.com/cipro-ine/mpp/render/pdf"
)

// Every PDF records the fingerprints of what it was made from, readable back,
// and attaches the canonical YAML.
func TestProvenance(t *testing.T) {
	e := example(t, "H.4.05")
	am, _ := canon.Form(e, canon.Acuerdo)
	mm, _ := canon.Form(e, canon.Manual)
	var g bytes.Buffer
	if err := pdf.Gaceta(&g, e, pdf.Options{}); err != nil {
		t.Fatal(err)
	}
	got := pdf.Provenance(g.Bytes())
	if got["acuerdo"] != canon.Fingerprint(am) || got["manual"] != canon.Fingerprint(mm) {
		t.Errorf("Gaceta provenance %v", got)
	}
	var m bytes.Buffer
	if err := pdf.Manual(&m, e, pdf.Options{}); err != nil {
		t.Fatal(err)
	}
	if got := pdf.Provenance(m.Bytes()); len(got) != 1 || got["manual"] != canon.Fingerprint(mm) {
		t.Errorf("manual provenance %v", got)
	}
	if len(pdf.Provenance([]byte("%PDF-1.4 not from mpp"))) != 0 {
		t.Error("provenance from nothing")
	}
	// The canonical YAML is attached (poppler's pdfdetach sees it).
	if _, err := exec.LookPath("pdfdetach"); err == nil {
		dir := t.TempDir()
		p := filepath.Join(dir, "g.pdf")
		os.WriteFile(p, g.Bytes(), 0o644)
		out, err := exec.Command("pdfdetach", "-list", p).Output()
		if err != nil || !strings.Contains(string(out), "acuerdo.yaml") || !strings.Contains(string(out), "manual.yaml") {
			t.Errorf("attachments: %s %v", out, err)
		}
		if err := exec.Command("pdfdetach", "-save", "2", "-o", filepath.Join(dir, "m.yaml"), p).Run(); err == nil {
			b, _ := os.ReadFile(filepath.Join(dir, "m.yaml"))
			if !bytes.Equal(b, mm) {
				t.Error("the attached manual.yaml is not the canonical form")
			}
		}
	}
}
