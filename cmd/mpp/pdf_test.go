package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

func pdfText(t *testing.T, path string) string {
	t.Helper()
	out, err := exec.Command("pdftotext", "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("pdftotext: %v", err)
		}
		t.Skip("pdftotext not available")
	}
	return strings.Join(strings.Fields(string(out)), " ")
}

func TestRenderDOF(t *testing.T) {
	dir := t.TempDir()
	// Without publication data, nothing is written.
	bare := filepath.Join(dir, "sin-publicacion")
	copyDir(t, "../../examples/H.4.05", bare)
	b, _ := os.ReadFile(filepath.Join(bare, "acuerdo.yaml"))
	s := string(b)
	i, j := strings.Index(s, "publicacion:"), strings.Index(s, "correcciones:")
	writeFile(t, filepath.Join(bare, "acuerdo.yaml"), s[:i]+s[j:])
	out := filepath.Join(dir, "extracto.pdf")
	if code, _, errOut := mpp(t, "render", "dof", bare, "-o", out); code != exitUsage || !strings.Contains(errOut, "fecha de publicación") {
		t.Errorf("no date: %d %q", code, errOut)
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Error("written without a date")
	}
	// The example's own (illustrative) publication data, labelled as such.
	own := filepath.Join(dir, "propia.pdf")
	if code, _, errOut := mpp(t, "render", "dof", "../../examples/H.4.05", "-o", own); code != 0 {
		t.Fatalf("with publicacion: %d %s", code, errOut)
	}
	if txt := pdfText(t, own); !strings.Contains(txt, "Jueves 8 de diciembre de 2022") || !strings.Contains(txt, "Contenido ilustrativo. La fecha de publicación y las ligas") {
		t.Errorf("publicacion not used or not labelled: %.300s", txt)
	}
	code, _, errOut := mpp(t, "render", "dof", "../../examples/H.4.05", "-o", out, "--fecha-dof", "8 de diciembre de 2022",
		"--liga", "https://example.org/anexo.pdf", "--considerando", "36", "--considerando", "37")
	if code != 0 {
		t.Fatalf("render dof: %d %s", code, errOut)
	}
	txt := pdfText(t, out)
	for _, w := range []string{"INE/JGE248/2022", "[...] 36. El proceso", "37. El Manual de Proceso", "https://example.org/anexo.pdf"} {
		if !strings.Contains(txt, w) {
			t.Errorf("missing %q", w)
		}
	}
	// --plantillas replaces one template and keeps the others.
	tpl := filepath.Join(dir, "plantillas")
	os.MkdirAll(tpl, 0o755)
	writeFile(t, filepath.Join(tpl, "dof.pdf.tmpl"), "@titulo\nEXTRACTO PROPIO {{.Codigo}}\n")
	custom := filepath.Join(dir, "propio.pdf")
	if code, _, errOut := mpp(t, "render", "dof", "../../examples/H.4.05", "-o", custom, "--fecha-dof", "2022-12-08", "--liga", "https://x.org", "--plantillas", tpl); code != 0 {
		t.Fatalf("--plantillas: %d %s", code, errOut)
	}
	if txt := pdfText(t, custom); !strings.Contains(txt, "EXTRACTO PROPIO INE/JGE248/2022") || strings.Contains(txt, "GLOSARIO") {
		t.Errorf("override not used: %s", txt)
	}
	if code, stdout, _ := mpp(t, "render", "acuerdo", "../../examples/H.4.05", "--plantillas", tpl); code != 0 || !strings.HasPrefix(stdout, "INE/JGE248/2022") {
		t.Errorf("acuerdo txt with a partial --plantillas: %d", code)
	}
}

func TestBuild(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out")
	code, stdout, errOut := mpp(t, "build", "../../examples", "-o", out)
	if code != 0 {
		t.Fatalf("build: %d\n%s\n%s", code, stdout, errOut)
	}
	for _, exp := range []string{"H.4.05", "S.5.01"} {
		for _, f := range []string{"validacion.txt", "validacion.pdf", "manual.pdf", "dictamen.pdf", "acuerdo.pdf", "gaceta.pdf", "libro.xlsx", "acuerdo.txt", "extracto-dof.pdf"} {
			st, err := os.Stat(filepath.Join(out, exp, f))
			if err != nil || st.Size() == 0 {
				t.Errorf("%s/%s: %v", exp, f, err)
			}
			if !strings.Contains(stdout, f) {
				t.Errorf("no summary line for %s", f)
			}
		}
	}
	// Building again replaces the outputs, byte for byte the same.
	before, _ := os.ReadFile(filepath.Join(out, "H.4.05", "manual.pdf"))
	if code, _, errOut := mpp(t, "build", "../../examples/H.4.05", "-o", out); code != 0 {
		t.Fatalf("second build: %d %s", code, errOut)
	}
	after, _ := os.ReadFile(filepath.Join(out, "H.4.05", "manual.pdf"))
	if string(before) != string(after) {
		t.Error("a second build gives a different manual.pdf")
	}
	// A manual with errors: documents are written, exit 1.
	broken := filepath.Join(t.TempDir(), "roto")
	copyDir(t, "../../examples/S.5.01", broken)
	b, _ := os.ReadFile(filepath.Join(broken, "manual.yaml"))
	writeFile(t, filepath.Join(broken, "manual.yaml"), strings.Replace(string(b), "responsable: Enlace de la CAI", "responsable: Rol que nadie declaró", 1))
	code, stdout, errOut = mpp(t, "build", broken, "-o", out)
	if code != exitFindings || !strings.Contains(stdout, "dictamen.pdf") || !strings.Contains(stdout, "no generado: el dictamen es favorable pero la validación tiene errores") {
		t.Errorf("build with errors: %d\n%s\n%s", code, stdout, errOut)
	}
}
