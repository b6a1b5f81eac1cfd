package docx_test

import (
	"archive/zip"
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/cipro-ine/mpp/manuals"
	"github.com/cipro-ine/mpp/render/blocks"
	"github.com/cipro-ine/mpp/render/docx"
	"github.com/cipro-ine/mpp/render/dof"
)

func need(t *testing.T, tool string) {
	t.Helper()
	if _, err := exec.LookPath(tool); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("%s is missing in CI (scripts/deps.sh installs it)", tool)
		}
		t.Skipf("%s not installed", tool)
	}
}

func extract(t *testing.T) *dof.Extract {
	e, err := manuals.LoadExpediente("../../examples/H.4.05")
	if err != nil {
		t.Fatal(err)
	}
	x, err := dof.Build(e.Acuerdo, dof.Options{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	return x
}

func words(s string) []string {
	s = strings.ReplaceAll(strings.ReplaceAll(s, "\u00ad\n", ""), "\u00ad", "")
	return strings.Fields(strings.ReplaceAll(s, blocks.LineBreak, " "))
}

// The Word file opens in LibreOffice (soffice --convert-to pdf succeeds),
// says the extract's text and nothing else (no DOF masthead or page
// numbers: those are the DOF's), has no header or footer part, carries
// the Institute's properties, and is the same bytes twice.
func TestDOFWordFile(t *testing.T) {
	need(t, "soffice")
	need(t, "pdftotext")
	x := extract(t)
	var a, b bytes.Buffer
	if err := docx.DOF(&a, x); err != nil {
		t.Fatal(err)
	}
	if err := docx.DOF(&b, x); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("two writes differ")
	}
	zr, err := zip.NewReader(bytes.NewReader(a.Bytes()), int64(a.Len()))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range zr.File {
		if strings.Contains(f.Name, "header") || strings.Contains(f.Name, "footer") || strings.Contains(f.Name, "thumbnail") {
			t.Errorf("part %s: the DOF sets its own masthead and pages", f.Name)
		}
		if f.Name == "docProps/core.xml" {
			rc, _ := f.Open()
			var core bytes.Buffer
			core.ReadFrom(rc)
			rc.Close()
			if !strings.Contains(core.String(), "<dc:creator>Instituto Nacional Electoral</dc:creator>") || !strings.Contains(core.String(), "Extracto del Acuerdo INE/JGE248/2022") {
				t.Errorf("core properties: %s", core.String())
			}
		}
	}
	dir := t.TempDir()
	in := filepath.Join(dir, "extracto.docx")
	if err := os.WriteFile(in, a.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("soffice", "--headless", "--norestore", "-env:UserInstallation=file://"+filepath.Join(dir, "perfil"), "--convert-to", "pdf", "--outdir", dir, in)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	txt, err := exec.Command("pdftotext", "-enc", "UTF-8", filepath.Join(dir, "extracto.pdf"), "-").Output()
	if err != nil {
		t.Fatalf("LibreOffice wrote no PDF: %v", err)
	}
	var want []string
	for _, bl := range x.Blocks {
		w := words(bl.Text)
		if bl.Tag == "ilustrativo" {
			w = append([]string{"Contenido", "ilustrativo."}, w...)
		}
		want = append(want, w...)
	}
	got := words(string(txt))
	if strings.Contains(string(txt), "DIARIO OFICIAL") || strings.Contains(string(txt), "Página ") {
		t.Error("the Word file carries a DOF masthead or page numbers")
	}
	// The same words; tables read column by column, so as multisets, and
	// in order up to the first table.
	sorted := func(s []string) string {
		c := append([]string(nil), s...)
		sort.Strings(c)
		return strings.Join(c, " ")
	}
	if sorted(got) != sorted(want) {
		t.Errorf("LibreOffice's text differs from the extract's:\n got %d words\nwant %d words", len(got), len(want))
	}
	head := strings.Join(want[:40], " ")
	if !strings.HasPrefix(strings.Join(got, " "), head) {
		t.Errorf("the text does not open as the extract does:\n%s", head)
	}
}
