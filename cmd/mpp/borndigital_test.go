package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cipro-ine/mpp/manuals"
)

func needTool(t *testing.T, tool string) {
	t.Helper()
	if _, err := exec.LookPath(tool); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("%s is missing in CI (scripts/deps.sh installs it)", tool)
		}
		t.Skipf("%s not installed", tool)
	}
}

// shape is what an acuerdo's structure amounts to, for comparing two reads.
func shape(a *manuals.Acuerdo) []any {
	procs := 0
	for _, s := range a.Proceso.Subprocesos {
		procs += len(s.Procedimientos)
	}
	return []any{a.Codigo, len(a.Antecedentes), len(a.AllConsiderandos()), len(a.Puntos), a.Proceso.Codigo, len(a.Proceso.Subprocesos), procs, a.Proceso.Considerando}
}

// A born-digital PDF is read from its text layer, never OCR'd: made by
// another producer than mpp (LibreOffice, from the seed text) and by mpp's
// own PDF writer; each comes in with the seed's structure, says how it was
// read, and takes no OCR.
func TestIngestBornDigitalPDF(t *testing.T) {
	needTool(t, "soffice")
	dir := t.TempDir()
	seed := seedFiles["H.4.05"]
	txt := filepath.Join(dir, "jge248.txt")
	b, err := os.ReadFile(seed)
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, txt, string(b))
	cmd := exec.Command("soffice", "--headless", "--norestore", "-env:UserInstallation=file://"+filepath.Join(dir, "perfil"), "--convert-to", "pdf", "--outdir", dir, txt)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	fromText := filepath.Join(dir, "texto")
	if code, _, errOut := mpp(t, "ingest", txt, "-o", fromText); code != 0 {
		t.Fatalf("ingest of the text: %d %s", code, errOut)
	}
	want, err := manuals.LoadExpediente(fromText)
	if err != nil {
		t.Fatal(err)
	}
	mine := filepath.Join(dir, "mpp.pdf")
	if code, _, errOut := mpp(t, "render", "acuerdo", "../../examples/H.4.05", "--formato", "pdf", "-o", mine); code != 0 {
		t.Fatal(errOut)
	}
	for name, pdf := range map[string]string{"LibreOffice": filepath.Join(dir, "jge248.pdf"), "mpp": mine} {
		t.Run(name, func(t *testing.T) {
			exp := filepath.Join(dir, "exp-"+name)
			code, out, errOut := mpp(t, "ingest", pdf, "-o", exp)
			if !strings.Contains(out, "nota: Leído de la capa de texto del PDF (10 páginas, sin OCR).") {
				t.Fatalf("not read from the text layer: %d\n%s%s", code, out, errOut)
			}
			if code != 0 {
				t.Fatalf("%d\n%s%s", code, out, errOut)
			}
			got, err := manuals.LoadExpediente(exp)
			if err != nil {
				t.Fatal(err)
			}
			if g, w := fmt.Sprint(shape(got.Acuerdo)), fmt.Sprint(shape(want.Acuerdo)); g != w {
				t.Errorf("structure %v, want %v (from the text)", g, w)
			}
			for _, p := range got.Acuerdo.AllConsiderandos() {
				if p.Origen != nil && p.Origen.Pagina == 0 {
					t.Errorf("considerando %d without its page", p.Numero)
					break
				}
			}
		})
	}
}
