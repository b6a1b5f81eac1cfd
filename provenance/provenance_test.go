package provenance_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cipro-ine/mpp/manuals"
	"github.com/cipro-ine/mpp/manuals/canon"
	"github.com/cipro-ine/mpp/provenance"
	"github.com/cipro-ine/mpp/render/pdf"
)

func gaceta(t *testing.T) (*manuals.Expediente, []byte) {
	t.Helper()
	e, err := manuals.LoadExpediente("../examples/H.4.05")
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := pdf.Gaceta(&b, e, pdf.Options{}); err != nil {
		t.Fatal(err)
	}
	return e, b.Bytes()
}

func fingerprints(t *testing.T, e *manuals.Expediente) map[string]string {
	t.Helper()
	out := map[string]string{}
	for _, doc := range []string{canon.Acuerdo, canon.Manual} {
		f, err := canon.Form(e, doc)
		if err != nil {
			t.Fatal(err)
		}
		out[doc] = canon.Fingerprint(f)
	}
	return out
}

// The label and the attachment agree, and both are the fingerprint of the
// expediente the PDF was made from.
func check(t *testing.T, what string, data []byte, want map[string]string) {
	t.Helper()
	got, err := provenance.Read(data)
	if err != nil {
		t.Fatalf("%s: %v", what, err)
	}
	if len(got) != len(want) {
		t.Fatalf("%s: %d sources, want %d: %+v", what, len(got), len(want), got)
	}
	for _, s := range got {
		if why := s.Check(); why != "" {
			t.Errorf("%s: %s", what, why)
		}
		if s.Labelled != want[s.Doc] || s.Attached != want[s.Doc] {
			t.Errorf("%s %s: label %s, attachment %s, want %s", what, s.Doc, s.Labelled, s.Attached, want[s.Doc])
		}
	}
}

func TestReadWhatMppWrote(t *testing.T) {
	e, g := gaceta(t)
	check(t, "gaceta", g, fingerprints(t, e))
	var m bytes.Buffer
	if err := pdf.Manual(&m, e, pdf.Options{}); err != nil {
		t.Fatal(err)
	}
	check(t, "manual", m.Bytes(), map[string]string{canon.Manual: fingerprints(t, e)[canon.Manual]})
}

// A certified PDF saved again by another tool, losslessly but with another
// structure (object streams: the info dictionary is then compressed inside
// one; linearised; both), still says what it was made from.
func TestReadAfterQpdfResave(t *testing.T) {
	e, g := gaceta(t)
	want := fingerprints(t, e)
	dir := t.TempDir()
	in := filepath.Join(dir, "gaceta.pdf")
	os.WriteFile(in, g, 0o644)
	for _, args := range [][]string{
		{"--object-streams=generate"},
		{"--linearize"},
		{"--object-streams=generate", "--linearize"},
		{"--object-streams=generate", "--compress-streams=y", "--recompress-flate"},
	} {
		out := filepath.Join(dir, "resaved.pdf")
		cmd := exec.Command("qpdf", append(args, in, out)...)
		if b, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("qpdf %v: %v %s", args, err, b)
		}
		data, _ := os.ReadFile(out)
		// The XMP packet (PDF/A) keeps the keywords in clear text by
		// design and qpdf leaves metadata streams uncompressed; the Info
		// dictionary, which provenance reads, must not be.
		clear := data
		if i, j := bytes.Index(clear, []byte("<?xpacket begin")), bytes.Index(clear, []byte("<?xpacket end")); i >= 0 && j > i {
			clear = append(append([]byte(nil), clear[:i]...), clear[j:]...)
		}
		if bytes.Contains(clear, []byte("mpp-huella")) && strings.Contains(strings.Join(args, " "), "object-streams") {
			t.Fatalf("qpdf %v left the label in clear text: the test proves nothing", args)
		}
		check(t, "qpdf "+strings.Join(args, " "), data, want)
	}
}

// What is not an mpp PDF: a text file holding only the label, a PDF from
// another producer.
func TestReadNotFromMpp(t *testing.T) {
	e, _ := gaceta(t)
	label := "%PDF-1.4\n/Keywords (" + provenance.Label(canon.Manual, fingerprints(t, e)[canon.Manual]) + ")\n"
	if got, err := provenance.Read([]byte(label)); err == nil && len(got) > 0 {
		t.Errorf("a label in a text file was read as provenance: %+v", got)
	}
	dir := t.TempDir()
	ps := filepath.Join(dir, "x.txt")
	os.WriteFile(ps, []byte("Un PDF que no hizo mpp.\n"), 0o644)
	if _, err := exec.LookPath("groff"); err == nil {
		out, err := exec.Command("sh", "-c", "groff -Tpdf "+ps).Output()
		if err == nil {
			if got, err := provenance.Read(out); err != nil || len(got) != 0 {
				t.Errorf("groff's PDF: %+v %v", got, err)
			}
		}
	}
}

// A label and an attachment that disagree are named.
func TestCheckDisagreement(t *testing.T) {
	a := provenance.Source{Doc: "manual", Labelled: "sha256:" + strings.Repeat("a", 64), Attached: "sha256:" + strings.Repeat("b", 64)}
	if why := a.Check(); !strings.Contains(why, "no es la del manual.yaml adjunto") {
		t.Errorf("disagreement: %q", why)
	}
	if why := (provenance.Source{Doc: "acuerdo", Labelled: a.Labelled}).Check(); !strings.Contains(why, "no viene con su forma canónica adjunta") {
		t.Errorf("label only: %q", why)
	}
	if why := (provenance.Source{Doc: "acuerdo", Attached: a.Labelled}).Check(); !strings.Contains(why, "no la huella del acuerdo") {
		t.Errorf("attachment only: %q", why)
	}
}
