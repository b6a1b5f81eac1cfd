package main

import (
	"bytes"
	"encoding/json"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/cipro-ine/mpp/ocr"
	"github.com/cipro-ine/mpp/ocr/scan"
)

func TestVersion(t *testing.T) {
	for _, args := range [][]string{{"--version"}, {"-v"}, {"version"}, {"versión"}} {
		code, out, errOut := mpp(t, args...)
		if code != 0 || !strings.HasPrefix(out, "mpp ") || !strings.Contains(out, "linux/") || errOut != "" {
			t.Errorf("%v: %d %q %q", args, code, out, errOut)
		}
	}
}

// Every command's help is Spanish: none of cobra's English words, the
// commands grouped by who uses them, an example on each.
func TestHelpIsSpanishAndGrouped(t *testing.T) {
	_, root, _ := mpp(t, "--help")
	for _, group := range []string{"CIPro:", "Dirección Jurídica:", "Publicación:", "La herramienta:", "Códigos de salida:"} {
		if !strings.Contains(root, "\n"+group) {
			t.Errorf("root help lacks the group %q:\n%s", group, root)
		}
	}
	for _, line := range []string{"  validate, validar ", "  130  interrumpido"} {
		if !strings.Contains(root, line) {
			t.Errorf("root help lacks %q", line)
		}
	}
	cmd := newRootCmd(&ioStreams{Out: &bytes.Buffer{}, ErrOut: &bytes.Buffer{}})
	var names [][]string
	for _, c := range cmd.Commands() {
		names = append(names, []string{c.Name()})
	}
	names = append(names, []string{}, []string{"help"})
	english := []string{"[flags]", "(default", "help for", "Usage:", "Flags:", "Examples:", "Available Commands", "Global Flags", "Additional help", "version for"}
	for _, n := range names {
		code, out, errOut := mpp(t, append(n, "--help")...)
		if code != 0 || errOut != "" {
			t.Errorf("%v --help: %d %s", n, code, errOut)
		}
		for _, w := range english {
			if strings.Contains(out, w) {
				t.Errorf("%v --help says %q:\n%s", n, w, out)
			}
		}
		if !strings.Contains(out, "\nEjemplos:\n  mpp ") {
			t.Errorf("%v --help has no example", n)
		}
		if !strings.HasSuffix(out, "\n") {
			t.Errorf("%v --help does not end its last line", n)
		}
	}
}

// Typos of names, aliases, documents and rule IDs get a suggestion.
func TestSuggestions(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"valdiate", "x"}, "¿Quiso decir «validate»?"},
		{[]string{"valdar", "x"}, "¿Quiso decir «validar»?"},
		{[]string{"verficar", "x"}, "¿Quiso decir «verificar»?"},
		{[]string{"render", "manul", "../../examples/H.4.05", "-o", "m.pdf"}, "¿quiso decir «manual»?"},
		{[]string{"rules", "ACU13"}, "¿quiso decir «ACU-013»?"},
		{[]string{"schema", "acuerod"}, "¿quiso decir «acuerdo»?"},
		{[]string{"importar", "xslx", "a.xlsx", "-o", "x"}, "¿quiso decir «xlsx»?"},
	} {
		code, _, errOut := mpp(t, c.args...)
		if code != exitUsage || !strings.Contains(errOut, c.want) {
			t.Errorf("%v: %d %q", c.args, code, errOut)
		}
	}
}

// The shell completes the values of flags and arguments, not just names.
func TestValueCompletion(t *testing.T) {
	complete := func(args ...string) []string {
		t.Helper()
		_, out, _ := mpp(t, append([]string{"__complete"}, args...)...)
		var vals []string
		for _, l := range strings.Split(out, "\n") {
			if l == "" || strings.HasPrefix(l, ":") || strings.HasPrefix(l, "Completion ended") {
				continue
			}
			v, _, _ := strings.Cut(l, "\t")
			vals = append(vals, v)
		}
		return vals
	}
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"validate", "--formato", ""}, "texto json sarif gcc"},
		{[]string{"diff", "--formato", ""}, "texto json"},
		{[]string{"render", "--formato", ""}, "texto pdf xlsx docx"},
		{[]string{"rules", "--formato", ""}, "texto markdown json"},
		{[]string{"render", ""}, "acuerdo manual dictamen gaceta dof reporte xlsx"},
		{[]string{"schema", ""}, "manual acuerdo dictamen certificacion perfil"},
		{[]string{"ocr", "--psm", ""}, "6 3 4 11"},
	} {
		if got := strings.Join(complete(c.args...), " "); got != c.want {
			t.Errorf("%v: %q, want %q", c.args, got, c.want)
		}
	}
	ids := complete("rules", "")
	if len(ids) < 30 || ids[0] != "ACU-001" {
		t.Errorf("rule IDs: %v", ids)
	}
	if got := complete("rules", "FLU-00"); len(got) == 0 || !strings.HasPrefix(got[0], "FLU-00") {
		t.Errorf("rule IDs after FLU-00: %v", got)
	}
}

// -o names the format: a text format is refused into a .pdf, a binary one
// onto standard output; «-o -» writes text to standard output.
func TestOutputFollowsItsName(t *testing.T) {
	dir := t.TempDir()
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"render", "acuerdo", "../../examples/H.4.05", "--formato", "txt", "-o", filepath.Join(dir, "a.pdf")}, "es un archivo PDF, pero el formato pedido es texto"},
		{[]string{"render", "manual", "../../examples/H.4.05", "-o", filepath.Join(dir, "m.txt")}, "es un archivo de texto, y este comando escribe archivos PDF"},
		{[]string{"render", "manual", "../../examples/H.4.05", "-o", "-"}, "es binario y no se escribe en la salida estándar"},
		{[]string{"render", "xlsx", "../../examples/H.4.05", "-o", filepath.Join(dir, "l.pdf")}, "es un archivo PDF, y este comando escribe archivos de Excel"},
		{[]string{"ocr", "x.png", "-o", filepath.Join(dir, "t.pdf")}, "es un archivo PDF, pero este comando escribe archivos de texto"},
		{[]string{"catalogo", "../../examples", "-o", filepath.Join(dir, "c.pdf")}, "pero este comando escribe archivos de Excel"},
		{[]string{"diff", "../../examples/H.4.05", "../../examples/H.4.05", "--pdf", filepath.Join(dir, "d.txt")}, "pero este comando escribe archivos PDF"},
		{[]string{"build", "../../examples", "-o", filepath.Join(dir, "todo.pdf")}, "escribe una carpeta por expediente"},
		{[]string{"validate", "../../examples", "--formato", "pdf"}, "no escribe en formato pdf; use texto, json, sarif o gcc"},
		{[]string{"validate", "../../examples", "--formato", "html"}, "formato desconocido «html»; use texto, json, sarif o gcc"},
	} {
		code, out, errOut := mpp(t, c.args...)
		if code != exitUsage || !strings.Contains(errOut, c.want) || out != "" {
			t.Errorf("%v: %d %q %q", c.args, code, out, errOut)
		}
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("refused outputs were written: %v", entries)
	}
	// The extension chooses the format when --formato is not given.
	pdf := filepath.Join(dir, "acuerdo.pdf")
	if code, _, errOut := mpp(t, "render", "acuerdo", "../../examples/H.4.05", "-o", pdf); code != 0 {
		t.Fatalf("render -o acuerdo.pdf: %d %s", code, errOut)
	}
	if b, _ := os.ReadFile(pdf); !bytes.HasPrefix(b, []byte("%PDF-")) {
		t.Errorf("acuerdo.pdf is not a PDF: %.20q", b)
	}
	// «-o -»: the text on standard output, byte for byte the file's.
	txt := filepath.Join(dir, "acuerdo.txt")
	mpp(t, "render", "acuerdo", "../../examples/H.4.05", "-o", txt)
	file, _ := os.ReadFile(txt)
	code, out, errOut := mpp(t, "render", "acuerdo", "../../examples/H.4.05", "-o", "-")
	if code != 0 || out != string(file) || strings.Contains(errOut, "escrito") || !strings.HasPrefix(out, "INE/JGE248/2022\n") {
		t.Errorf("-o -: %d %q", code, errOut)
	}
	// -q: no «escrito» line.
	if code, _, errOut := mpp(t, "-q", "render", "acuerdo", "../../examples/H.4.05", "-o", filepath.Join(dir, "q.txt")); code != 0 || errOut != "" {
		t.Errorf("-q: %d %q", code, errOut)
	}
}

// An output that could not be written is refused before the input is even
// opened, let alone recognised: the nonexistent scan is never reported.
func TestOCRRefusesExistingOutputFirst(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "texto.txt")
	writeFile(t, out, "ya estaba")
	code, _, errOut := mpp(t, "ocr", filepath.Join(dir, "no-existe.pdf"), "-o", out)
	if code != exitUsage || !strings.Contains(errOut, "texto.txt: ya existe") || strings.Contains(errOut, "no-existe.pdf") {
		t.Errorf("existing output: %d %q", code, errOut)
	}
	// Likewise with a real scan: refused with no recognition (no worker
	// reports pages) and the file untouched.
	scanPDF := smallScan(t, dir, 2)
	code, _, errOut = mpp(t, "ocr", scanPDF, "-o", out)
	if code != exitUsage || !strings.Contains(errOut, "ya existe") || strings.Contains(errOut, "reconocida") {
		t.Errorf("existing output, real scan: %d %q", code, errOut)
	}
	if b, _ := os.ReadFile(out); string(b) != "ya estaba" {
		t.Errorf("the existing output changed: %q", b)
	}
	// The same output given twice (text and words) is refused too.
	code, _, errOut = mpp(t, "ocr", scanPDF, "-o", filepath.Join(dir, "x.json"), "--palabras", filepath.Join(dir, "x.json"))
	if code != exitUsage {
		t.Errorf("same output twice: %d %q", code, errOut)
	}
	// ingest: an existing acuerdo.yaml is refused before the scan is read.
	exp := filepath.Join(dir, "exp")
	os.MkdirAll(exp, 0o755)
	writeFile(t, filepath.Join(exp, "acuerdo.yaml"), "codigo: X\n")
	code, _, errOut = mpp(t, "ingest", filepath.Join(dir, "no-existe.pdf"), "-o", exp)
	if code != exitUsage || !strings.Contains(errOut, "acuerdo.yaml: ya existe") || strings.Contains(errOut, "no-existe.pdf") {
		t.Errorf("ingest, existing output: %d %q", code, errOut)
	}
}

// Impossible option values are usage errors that give the valid range.
func TestFlagRanges(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--psm", "99"}, "modos 1 y 3 a 13"},
		{[]string{"--psm", "0"}, "modos 1 y 3 a 13"},
		{[]string{"--dudosas", "500"}, "la confianza va de 0 a 100"},
		{[]string{"--dudosas", "-1"}, "la confianza va de 0 a 100"},
		{[]string{"--limite-pagina", "5"}, "falta la unidad"},
		{[]string{"--limite-pagina", "10ms"}, "entre 1s y 24h"},
		{[]string{"--limite-pagina", "cinco"}, "no es una duración"},
		{[]string{"--dpi", "5"}, "entre 70 y 1200"},
		{[]string{"-j", "-3"}, "entre 0 (uno por núcleo) y 256"},
		{[]string{"-j", "dos"}, "no es un número entero"},
		{[]string{"--max-paginas", "0"}, "entre 1 y 100,000"},
		{[]string{"--max-pixeles", "10"}, "entre 1,000,000 y 1,000,000,000"},
		{[]string{"--max-entrada", "9000000000000"}, "--max-entrada"},
	} {
		for _, cmd := range []string{"ocr", "ingest"} {
			args := append([]string{cmd, "x.pdf", "-o", filepath.Join(t.TempDir(), "o.txt")}, c.args...)
			if cmd == "ingest" {
				args = append([]string{cmd, "x.pdf", "-o", t.TempDir()}, c.args...)
			}
			code, _, errOut := mpp(t, args...)
			if code != exitUsage || !strings.Contains(errOut, c.want) || strings.Contains(errOut, "strconv") || strings.Contains(errOut, "time:") {
				t.Errorf("%s %v: %d %q", cmd, c.args, code, errOut)
			}
		}
	}
}

// smallScan writes an image-only PDF of n short pages.
func smallScan(t *testing.T, dir string, n int) string {
	t.Helper()
	pages, err := scan.Sheets(n, 150)
	if err != nil {
		t.Fatal(err)
	}
	pdf, err := scan.PDF(pages)
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, "escaneo-"+strconv.Itoa(n)+".pdf")
	writeFile(t, p, string(pdf))
	return p
}

// mppProcess starts mpp (this test binary, see TestMain) as a real process.
func mppProcess(t *testing.T, env []string, args ...string) (*exec.Cmd, *bytes.Buffer) {
	t.Helper()
	cmd := exec.Command(os.Args[0], args...)
	cmd.Env = append(append(os.Environ(), mainEnv+"=1"), env...)
	var errOut bytes.Buffer
	cmd.Stderr = &errOut
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	return cmd, &errOut
}

// Ctrl-C during «mpp ocr»: exit 130, a Spanish message, no output file and
// no page image left in the temporary folder.
func TestOCRInterrupted(t *testing.T) {
	dir := t.TempDir()
	in := smallScan(t, dir, 3)
	out := filepath.Join(dir, "texto.txt")
	tmp := t.TempDir()
	// Every page hangs (the workers' fault hook), so recognition is under
	// way whenever the signal comes; without the signal the test would
	// run into its own deadline.
	cmd, errOut := mppProcess(t, []string{"TMPDIR=" + tmp, ocr.FaultEnv + "=1:colgar,2:colgar,3:colgar"}, "ocr", in, "-o", out, "-j", "2")
	// Signalled once recognition has begun: the batch's temporary folder
	// appears (the signal handler is installed long before).
	for start := time.Now(); ; time.Sleep(100 * time.Millisecond) {
		if m, _ := filepath.Glob(filepath.Join(tmp, "mpp-ocr-*")); len(m) > 0 {
			break
		}
		if time.Since(start) > 2*time.Minute {
			cmd.Process.Kill()
			t.Fatalf("recognition never started: %s", errOut)
		}
	}
	time.Sleep(500 * time.Millisecond)
	if err := cmd.Process.Signal(syscall.SIGINT); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case <-done:
	case <-time.After(2 * time.Minute):
		cmd.Process.Kill()
		t.Fatal("mpp did not stop after Ctrl-C")
	}
	if code := cmd.ProcessState.ExitCode(); code != exitInterrupted {
		t.Errorf("exit %d, want 130; stderr: %s", code, errOut)
	}
	if !strings.Contains(errOut.String(), "interrumpido (Ctrl-C); no se escribió nada") || strings.Contains(errOut.String(), "context canceled") {
		t.Errorf("message: %q", errOut)
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("the output file was written")
	}
	if left, _ := filepath.Glob(filepath.Join(tmp, "*")); len(left) > 0 {
		t.Errorf("left in the temporary folder: %v", left)
	}
}

// The SARIF log is valid against the SARIF 2.1.0 schema (the OASIS schema
// as go-sarif embeds it, read from the module's source and applied with
// another validator to mpp's bytes), and says what mpp found.
func TestValidateSARIF(t *testing.T) {
	code, out, errOut := mpp(t, "validate", "../../examples", "--formato", "sarif")
	if code != 0 {
		t.Fatalf("%d %s", code, errOut)
	}
	schema := sarifSchema(t)
	c := jsonschema.NewCompiler()
	doc, err := jsonschema.UnmarshalJSON(strings.NewReader(schema))
	if err != nil {
		t.Fatal(err)
	}
	if err := c.AddResource("sarif-schema-2.1.0.json", doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile("sarif-schema-2.1.0.json")
	if err != nil {
		t.Fatal(err)
	}
	inst, err := jsonschema.UnmarshalJSON(strings.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	if err := sch.Validate(inst); err != nil {
		t.Errorf("SARIF invalid: %v", err)
	}
	var log struct {
		Version string
		Runs    []struct {
			Tool struct {
				Driver struct{ Rules []struct{ ID string } }
			}
			Results []struct {
				RuleID    string
				Level     string
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct{ URI string }
						Region           struct{ StartLine, StartColumn int }
					}
				}
			}
		}
	}
	if err := json.Unmarshal([]byte(out), &log); err != nil || log.Version != "2.1.0" || len(log.Runs) != 1 {
		t.Fatalf("%v %+v", err, log)
	}
	r := log.Runs[0]
	if len(r.Tool.Driver.Rules) < 30 || len(r.Results) != 7 {
		t.Errorf("%d rules, %d results (want the 7 findings of the examples)", len(r.Tool.Driver.Rules), len(r.Results))
	}
	for _, res := range r.Results {
		l := res.Locations[0].PhysicalLocation
		if res.Level != "warning" || !strings.HasSuffix(l.ArtifactLocation.URI, "acuerdo.yaml") || l.Region.StartLine == 0 || l.Region.StartColumn == 0 {
			t.Errorf("result %+v", res)
		}
	}
	// An unreadable expediente goes in as a tool notification.
	dir := t.TempDir()
	copyDir(t, "../../examples/H.4.05", filepath.Join(dir, "H.4.05"))
	copyDir(t, "../../examples/S.5.01", filepath.Join(dir, "S.5.01"))
	writeFile(t, filepath.Join(dir, "S.5.01", "dictamen.yaml"), "fecha: 31 de febrero de 2022\n")
	code, out, _ = mpp(t, "validate", dir, "--formato", "sarif")
	inst, _ = jsonschema.UnmarshalJSON(strings.NewReader(out))
	if err := sch.Validate(inst); err != nil || code != exitPartial || !strings.Contains(out, `"executionSuccessful": false`) || !strings.Contains(out, "dictamen.yaml") {
		t.Errorf("partial SARIF: %d %v\n%s", code, err, out)
	}
}

// sarifSchema is the SARIF 2.1.0 JSON schema that go-sarif embeds as a Go
// string (the module is in the module cache: it is a dependency).
func sarifSchema(t *testing.T) string {
	t.Helper()
	dir, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "github.com/owenrumney/go-sarif/v3").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	path := filepath.Join(strings.TrimSpace(string(dir)), "pkg", "report", "v210", "sarif", "schema.go")
	f, err := parser.ParseFile(token.NewFileSet(), path, nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	var schema string
	ast.Inspect(f, func(n ast.Node) bool {
		if vs, ok := n.(*ast.ValueSpec); ok && len(vs.Names) == 1 && vs.Names[0].Name == "schema" {
			if lit, ok := vs.Values[0].(*ast.BasicLit); ok {
				schema, _ = strconv.Unquote(lit.Value)
			}
		}
		return true
	})
	if !strings.Contains(schema, `"title": "Static Analysis Results Format (SARIF) Version 2.1.0 JSON Schema"`) {
		t.Fatalf("no SARIF 2.1.0 schema in %s", path)
	}
	return schema
}

// --formato gcc: one «file:line:col: severity: ID message» line per
// finding; --estricto fails on warnings.
func TestValidateGCCAndStrict(t *testing.T) {
	code, out, _ := mpp(t, "validate", "../../examples", "--formato", "gcc")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if code != 0 || len(lines) != 7 {
		t.Fatalf("%d: %q", code, out)
	}
	for _, l := range lines {
		f := strings.SplitN(l, ": ", 3)
		pos := strings.Split(f[0], ":")
		if len(f) != 3 || len(pos) != 3 || !strings.HasSuffix(pos[0], "acuerdo.yaml") || f[1] != "warning" || !strings.HasPrefix(f[2], "ACU-00") {
			t.Errorf("gcc line %q", l)
		}
	}
	if code, _, _ := mpp(t, "validate", "../../examples", "--estricto", "--formato", "gcc"); code != exitFindings {
		t.Errorf("--estricto with warnings: exit %d, want 1", code)
	}
}

// Every --formato json shares the envelope, and read errors are in it,
// with their position; a failed command asked for JSON still answers in
// JSON.
func TestJSONEnvelope(t *testing.T) {
	type envelope struct {
		Version int    `json:"version_esquema"`
		Command string `json:"comando"`
		Errors  []struct {
			File    string `json:"archivo"`
			Line    int    `json:"linea"`
			Column  int    `json:"columna"`
			Message string `json:"mensaje"`
		} `json:"errores"`
	}
	read := func(out string) envelope {
		t.Helper()
		var e envelope
		if err := json.Unmarshal([]byte(out), &e); err != nil {
			t.Fatalf("%v\n%s", err, out)
		}
		return e
	}
	for _, args := range [][]string{
		{"validate", "../../examples", "--formato", "json"},
		{"diff", "../../examples/H.4.05", "../../examples/H.4.05", "--formato", "json"},
		{"rules", "--formato", "json"},
		{"rules", "ACU-013", "--formato", "json"},
	} {
		_, out, _ := mpp(t, args...)
		if e := read(out); e.Version != 1 || e.Command != args[0] || e.Errors == nil || len(e.Errors) != 0 {
			t.Errorf("%v: %+v", args, e)
		}
	}
	dir := t.TempDir()
	copyDir(t, "../../examples/H.4.05", filepath.Join(dir, "H.4.05"))
	copyDir(t, "../../examples/S.5.01", filepath.Join(dir, "S.5.01"))
	writeFile(t, filepath.Join(dir, "S.5.01", "dictamen.yaml"), "fecha: 31 de febrero de 2022\n")
	code, out, _ := mpp(t, "validate", dir, "--formato", "json")
	e := read(out)
	if code != exitPartial || len(e.Errors) != 1 || !strings.HasSuffix(e.Errors[0].File, "dictamen.yaml") || e.Errors[0].Line != 1 || e.Errors[0].Column != 8 || !strings.Contains(e.Errors[0].Message, "31 de febrero") {
		t.Errorf("read error in the envelope: %d %+v", code, e)
	}
	// A failure before any output: still one envelope.
	code, out, _ = mpp(t, "validate", filepath.Join(dir, "no-existe"), "--formato", "json")
	if e := read(out); code != exitUsage || len(e.Errors) != 1 || !strings.Contains(e.Errors[0].Message, "no-existe") {
		t.Errorf("failure in JSON: %d %+v", code, e)
	}
}
