package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// diagramPages renders, with poppler, the pages of a PDF whose text starts
// a flow diagram, as PNG bytes in page order.
func diagramPages(t *testing.T, pdf string) [][]byte {
	t.Helper()
	for _, tool := range []string{"pdftotext", "pdftoppm"} {
		if _, err := exec.LookPath(tool); err != nil {
			if os.Getenv("CI") != "" {
				t.Fatalf("%s (poppler-utils) is missing in CI", tool)
			}
			t.Skipf("%s not installed", tool)
		}
	}
	txt, err := exec.Command("pdftotext", "-enc", "UTF-8", pdf, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	var out [][]byte
	for i, page := range strings.Split(string(txt), "\f") {
		if !strings.Contains(page, "Diagrama de flujo:") {
			continue
		}
		n := strconv.Itoa(i + 1)
		png, err := exec.Command("pdftoppm", "-r", "40", "-png", "-f", n, "-l", n, pdf).Output()
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, png)
	}
	return out
}

// YAML → BPMN → YAML through the commands: every procedure of H.4.05
// exported, then imported back into a copy of the expediente procedure by
// procedure; the manual's fingerprint is the same, and so is every page of
// its flow diagrams.
func TestExportImportBPMN(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "bpmn")
	code, stdout, stderr := mpp(t, "exportar", "bpmn", "../../examples/H.4.05", "-o", out)
	if code != 0 {
		t.Fatalf("exportar: %d %s %s", code, stdout, stderr)
	}
	files, _ := filepath.Glob(filepath.Join(out, "*.bpmn"))
	if len(files) != 12 || !strings.Contains(stderr+stdout, "12 archivos BPMN (12 procedimientos)") {
		t.Fatalf("%d files; %s%s", len(files), stdout, stderr)
	}
	// Again without --forzar: refused, nothing changed.
	before, _ := os.ReadFile(files[0])
	if code, _, stderr := mpp(t, "exportar", "bpmn", "../../examples/H.4.05", "-o", out); code != 2 || !strings.Contains(stderr, "--forzar") {
		t.Errorf("second export: %d %s", code, stderr)
	}
	after, _ := os.ReadFile(files[0])
	if !bytes.Equal(before, after) {
		t.Error("a refused export changed a file")
	}

	copyTo := filepath.Join(dir, "H.4.05")
	copyDir(t, "../../examples/H.4.05", copyTo)
	for _, f := range files {
		proc := strings.TrimSuffix(filepath.Base(f), ".bpmn")
		code, stdout, stderr := mpp(t, "importar", "bpmn", f, "-o", copyTo, "--procedimiento", proc, "--forzar")
		if code != 0 || strings.Contains(stderr, "aviso") {
			t.Fatalf("importar %s: %d %s %s", proc, code, stdout, stderr)
		}
	}
	_, origPrint, _ := mpp(t, "huella", "../../examples/H.4.05")
	_, copyPrint, _ := mpp(t, "huella", copyTo)
	if origPrint != copyPrint || !strings.Contains(origPrint, "manual   sha256:") {
		t.Errorf("fingerprints differ:\n%s\n%s", origPrint, copyPrint)
	}
	pdfs := map[string]string{}
	for name, exp := range map[string]string{"orig": "../../examples/H.4.05", "copia": copyTo} {
		pdfs[name] = filepath.Join(dir, name+".pdf")
		if code, _, stderr := mpp(t, "render", "manual", exp, "-o", pdfs[name]); code != 0 {
			t.Fatalf("render %s: %s", name, stderr)
		}
	}
	a, b := diagramPages(t, pdfs["orig"]), diagramPages(t, pdfs["copia"])
	if len(a) < 12 || len(a) != len(b) {
		t.Fatalf("%d and %d diagram pages", len(a), len(b))
	}
	for i := range a {
		if !bytes.Equal(a[i], b[i]) {
			t.Errorf("diagram page %d differs", i+1)
		}
	}
}

// A new expediente from a whole process in one file: the manual validates
// like one made from the same procedures by hand would (the datos generales
// BPMN does not carry are reported, nothing else).
func TestImportBPMNNewExpediente(t *testing.T) {
	dir := t.TempDir()
	if code, _, stderr := mpp(t, "exportar", "bpmn", "../../examples/S.5.01", "-o", dir, "--un-archivo"); code != 0 {
		t.Fatal(stderr)
	}
	exp := filepath.Join(dir, "nuevo")
	code, _, stderr := mpp(t, "importar", "bpmn", filepath.Join(dir, "S.5.01.bpmn"), "-o", exp)
	if code != 0 || !strings.Contains(stderr, "4 procedimientos") {
		t.Fatalf("%d %s", code, stderr)
	}
	data, err := os.ReadFile(filepath.Join(exp, "manual.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"codigo: S.5.01\n", "codigo: S.5.01.2.02", "roles:"} {
		if !strings.Contains(string(data), want) {
			t.Errorf("manual.yaml lacks %q", want)
		}
	}
}

func TestImportBPMNRefusesWhatIsNotBPMN(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "pagina.bpmn")
	writeFile(t, in, "<html>\n<body><p>no es un diagrama</body>\n</html>\n")
	exp := filepath.Join(dir, "exp")
	code, stdout, stderr := mpp(t, "importar", "bpmn", in, "-o", exp)
	if code != 2 || !strings.Contains(stderr, in+":2: no es XML bien formado") || !strings.Contains(stderr, "no se escribió nada") {
		t.Errorf("%d %q %q", code, stdout, stderr)
	}
	if _, err := os.Stat(filepath.Join(exp, "manual.yaml")); err == nil {
		t.Error("manual.yaml written")
	}
	// A diagram without a code, and none given.
	in2 := filepath.Join(dir, "sin-codigo.bpmn")
	writeFile(t, in2, `<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"><bpmn:process id="p" name="Uno"><bpmn:task id="t" name="Hace algo"/></bpmn:process></bpmn:definitions>`)
	code, _, stderr = mpp(t, "importar", "bpmn", in2, "-o", exp)
	if code == 0 || !strings.Contains(stderr, "--procedimiento") {
		t.Errorf("%d %q", code, stderr)
	}
	// An existing manual without the procedure named.
	copyDir(t, "../../examples/S.5.01", filepath.Join(dir, "S"))
	code, _, stderr = mpp(t, "importar", "bpmn", in2, "-o", filepath.Join(dir, "S"), "--procedimiento", "S.5.01.9.09", "--forzar")
	if code != 2 || !strings.Contains(stderr, "el manual no tiene el procedimiento S.5.01.9.09 (tiene: S.5.01.1.01") {
		t.Errorf("%d %q", code, stderr)
	}
	if code, _, stderr := mpp(t, "exportar", "bmpn", "../../examples/S.5.01", "-o", dir); code != 2 || !strings.Contains(stderr, "¿quiso decir «bpmn»?") {
		t.Errorf("%d %q", code, stderr)
	}
}

// The modeler-built file (interop/bpmn/build.mjs: bpmn-moddle's create API,
// a gateway, a loop back and a lane change) through the commands: «mpp
// importar bpmn» makes a manual whose «mpp validate» findings are the ones
// such a bare manual has: MAN-005 (a modeler carries no reglas de
// operación), nothing else.
func TestImportModelerFileThroughCommands(t *testing.T) {
	needTool(t, "node")
	if _, err := os.Stat("../../interop/bpmn/node_modules/bpmn-moddle"); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("interop/bpmn/node_modules missing in CI (scripts/deps.sh runs npm ci)")
		}
		t.Skip("interop/bpmn/node_modules not installed")
	}
	dir := t.TempDir()
	file := filepath.Join(dir, "modelador.bpmn")
	cmd := exec.Command("node", "build.mjs", file)
	cmd.Dir = "../../interop/bpmn"
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("build.mjs: %v %s", err, out)
	}
	exp := filepath.Join(dir, "exp")
	if code, _, errOut := mpp(t, "importar", "bpmn", file, "-o", exp, "--procedimiento", "H.9.01.1.01"); code != 0 {
		t.Fatalf("importar: %d %s", code, errOut)
	}
	code, res := validateJSON(t, exp)
	var rules []string
	for _, fs := range res {
		for _, f := range fs {
			rules = append(rules, f.Regla)
		}
	}
	if code != exitFindings || strings.Join(rules, " ") != "MAN-005" {
		t.Errorf("validate: %d %v, want 1 [MAN-005]", code, rules)
	}
}
