package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"go.yaml.in/yaml/v3"
)

var update = flag.Bool("update", false, "rewrite schemas/ and docs/reglas.md from the code")

// mpp runs the command line in-process and returns exit code, stdout, stderr.
func mpp(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := run(args, &ioStreams{In: strings.NewReader(""), Out: &out, ErrOut: &errOut})
	return code, out.String(), errOut.String()
}

type jsonFinding struct {
	Regla, Severidad, Archivo, Mensaje string
	Linea, Columna                     int
}

func validateJSON(t *testing.T, args ...string) (int, map[string][]jsonFinding) {
	t.Helper()
	code, out, errOut := mpp(t, append([]string{"validate", "--formato", "json"}, args...)...)
	var doc struct {
		Resultados []struct {
			Expediente string
			Regimen    string
			Hallazgos  []jsonFinding
		}
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("bad JSON (%v):\n%s\nstderr: %s", err, out, errOut)
	}
	res := map[string][]jsonFinding{}
	for _, r := range doc.Resultados {
		res[filepath.Base(r.Expediente)] = r.Hallazgos
	}
	return code, res
}

// The drafting defects of the two approved acuerdos, as the foundation issue
// states them: nothing more, nothing less, and no error.
func TestValidateExamplesReportsTheRealDefects(t *testing.T) {
	code, res := validateJSON(t, "../../examples/H.4.05", "../../examples/S.5.01")
	if code != exitOK {
		t.Errorf("exit %d, want 0 (no error-severity finding)", code)
	}
	want := map[string][]string{
		"H.4.05": {"ACU-006 «JGE»", "ACU-007 «CGPE»", "ACU-007 «CNCS»", "ACU-007 «OCR»", "ACU-008 «UTTYPDP»"},
		"S.5.01": {"ACU-006 «JGE»", "ACU-006 «SE»"},
	}
	for exp, fs := range res {
		var got []string
		for _, f := range fs {
			if f.Severidad == "error" {
				t.Errorf("%s: error-severity finding: %+v", exp, f)
			}
			quoted := f.Mensaje[strings.Index(f.Mensaje, "«"):]
			quoted = quoted[:strings.Index(quoted, "»")+len("»")]
			got = append(got, f.Regla+" "+quoted)
			if filepath.Base(f.Archivo) != "acuerdo.yaml" || f.Linea == 0 {
				t.Errorf("%s: finding without acuerdo.yaml position: %+v", exp, f)
			}
		}
		sort.Strings(got)
		if strings.Join(got, "; ") != strings.Join(want[exp], "; ") {
			t.Errorf("%s findings:\n got %v\nwant %v", exp, got, want[exp])
		}
	}
	if len(res) != 2 {
		t.Errorf("want results for 2 expedientes, got %d", len(res))
	}
}

func TestValidateFolderOfExpedientes(t *testing.T) {
	code, out, _ := mpp(t, "validar", "../../examples")
	if code != exitOK || !strings.Contains(out, "H.4.05: 0 errores, 5 advertencias") || !strings.Contains(out, "S.5.01: 0 errores, 2 advertencias") {
		t.Errorf("exit %d, output:\n%s", code, out)
	}
}

func TestValidateExitsOneOnErrors(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "acuerdo.yaml"), "codigo: INE-JGE1-2022\n")
	code, out, _ := mpp(t, "validate", dir)
	if code != exitFindings || !strings.Contains(out, "ACU-001") {
		t.Errorf("exit %d, output:\n%s", code, out)
	}
}

// Bad input: Spanish error with file:line:column, exit 2, nothing written and
// the input untouched.
func TestValidateBadYAML(t *testing.T) {
	cases := map[string]struct{ file, src, want string }{
		"unknown key":     {"manual.yaml", "datos_generales: {nombre: a, codigo: H.4.05}\nobjetivos: b\n", "manual.yaml:2:1: campo desconocido «objetivos» en la raíz del documento; ¿quiso decir «objetivo»?"},
		"wrong type":      {"dictamen.yaml", "fecha: 2022-01-01\nrondas:\n  - numero: primera\n", "dictamen.yaml:3:13: «rondas[1].numero» debe ser un número entero, no «primera»"},
		"impossible date": {"acuerdo.yaml", "codigo: INE/JGE1/2022\nsesion:\n  fecha: 31 de febrero de 2022\n", "acuerdo.yaml:3:10: «sesion.fecha»: el 31 de febrero de 2022 no existe"},
		"malformed code":  {"manual.yaml", "datos_generales:\n  nombre: a\n  codigo: H.4.O5\n", "manual.yaml:3:11: «datos_generales.codigo»: «H.4.O5» no es un código de proceso"},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			p := filepath.Join(dir, c.file)
			writeFile(t, p, c.src)
			code, out, errOut := mpp(t, "validate", dir)
			if code != exitUsage {
				t.Errorf("exit %d, want %d", code, exitUsage)
			}
			if !strings.Contains(errOut, filepath.Join(dir, c.want)) {
				t.Errorf("stderr:\n%s\nwant: %s", errOut, c.want)
			}
			if strings.Contains(out+errOut, "panic") || strings.Contains(out+errOut, "goroutine") {
				t.Errorf("Go panic output: %s", errOut)
			}
			entries, _ := os.ReadDir(dir)
			if len(entries) != 1 {
				t.Errorf("validate wrote files: %v", entries)
			}
			if b, _ := os.ReadFile(p); string(b) != c.src {
				t.Error("input was modified")
			}
		})
	}
}

func TestUsageErrorsAreSpanish(t *testing.T) {
	cases := map[string][]string{
		"comando desconocido «validat»":    {"validat", "x"},
		"opción desconocida: --formatoo":   {"validate", "--formatoo", "json", "x"},
		"espera al menos una carpeta":      {"validate"},
		"formato desconocido «xml»":        {"validate", "--formato", "xml", "../../examples"},
		"no existe":                        {"validate", "no-hay-tal-carpeta"},
		"ni la carpeta ni sus subcarpetas": {"validate", "."},
		"no hay regla «ACU-999»":           {"rules", "ACU-999"},
		"documento desconocido «manuel»":   {"schema", "manuel"},
	}
	for want, args := range cases {
		code, _, errOut := mpp(t, args...)
		if code != exitUsage || !strings.Contains(errOut, want) {
			t.Errorf("mpp %v: exit %d, stderr %q; want exit 2 and %q", args, code, errOut, want)
		}
	}
}

func TestHelpIsSpanish(t *testing.T) {
	_, out, _ := mpp(t, "validate", "--help")
	for _, w := range []string{"Uso:", "Opciones:", "--formato", "Ejemplos:", "Código de salida"} {
		if !strings.Contains(out, w) {
			t.Errorf("help lacks %q:\n%s", w, out)
		}
	}
	for _, en := range []string{"Usage:", "Flags:", "help for"} {
		if strings.Contains(out, en) {
			t.Errorf("help has English %q", en)
		}
	}
}

func TestRulesCommand(t *testing.T) {
	code, out, _ := mpp(t, "reglas")
	if code != 0 || !strings.Contains(out, "XDOC-001") || !strings.Contains(out, "ACU-013") {
		t.Errorf("rules list: %d\n%s", code, out)
	}
	code, out, _ = mpp(t, "rules", "flu-003")
	for _, w := range []string{"FLU-003", "Severidad: error", "régimen 2020", "régimen 2022", "Subdirección de Innovación"} {
		if code != 0 || !strings.Contains(out, w) {
			t.Errorf("rules FLU-003 lacks %q:\n%s", w, out)
		}
	}
}

func TestVersionAndCompletion(t *testing.T) {
	if code, out, _ := mpp(t, "version"); code != 0 || !strings.HasPrefix(out, "mpp ") {
		t.Errorf("version: %d %q", code, out)
	}
	if code, out, _ := mpp(t, "completion", "bash"); code != 0 || !strings.Contains(out, "__start_mpp") {
		t.Errorf("completion bash: %d", code)
	}
}

// The committed schemas and rule catalog are what the code generates.
func TestGeneratedFilesAreCurrent(t *testing.T) {
	files := map[string]func() ([]byte, error){
		"../../docs/reglas.md": func() ([]byte, error) { return []byte(rulesMarkdown()), nil },
	}
	for _, d := range schemaDocs {
		name := d.name
		files["../../schemas/"+name+".schema.json"] = func() ([]byte, error) { return schemaFor(name) }
	}
	for path, gen := range files {
		want, err := gen()
		if err != nil {
			t.Fatal(err)
		}
		if *update {
			os.MkdirAll(filepath.Dir(path), 0o755)
			if err := os.WriteFile(path, want, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		got, err := os.ReadFile(path)
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("%s is out of date: run go test ./cmd/mpp -run TestGeneratedFilesAreCurrent -update", path)
		}
	}
}

// An independent JSON Schema implementation accepts every example file
// against the schema mpp generates, and rejects a file mpp rejects.
func TestSchemasAcceptExamples(t *testing.T) {
	c := jsonschema.NewCompiler()
	schemas := map[string]*jsonschema.Schema{}
	for _, d := range schemaDocs {
		b, err := schemaFor(d.name)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
		if err != nil {
			t.Fatal(err)
		}
		url := "mem://" + d.name + ".json"
		if err := c.AddResource(url, doc); err != nil {
			t.Fatal(err)
		}
		if schemas[d.name], err = c.Compile(url); err != nil {
			t.Fatalf("%s schema does not compile: %v", d.name, err)
		}
	}
	check := func(path, kind string) error {
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		var v any
		if err := yaml.Unmarshal(b, &v); err != nil {
			t.Fatal(err)
		}
		// yaml.v3 gives dates as time.Time and maps as map[string]any; JSON is
		// what editors validate, so go through it.
		j, err := json.Marshal(stringifyDates(v))
		if err != nil {
			t.Fatal(err)
		}
		inst, _ := jsonschema.UnmarshalJSON(bytes.NewReader(j))
		return schemas[kind].Validate(inst)
	}
	paths, _ := filepath.Glob("../../examples/*/*.yaml")
	if len(paths) < 8 {
		t.Fatalf("found %d example files", len(paths))
	}
	for _, p := range paths {
		kind := strings.TrimSuffix(filepath.Base(p), ".yaml")
		if err := check(p, kind); err != nil {
			t.Errorf("%s: %v", p, err)
		}
	}
	if err := check("../../manuals/profile/perfil.yaml", "perfil"); err != nil {
		t.Errorf("perfil.yaml: %v", err)
	}
	bad := filepath.Join(t.TempDir(), "manual.yaml")
	writeFile(t, bad, "datos_generales: {nombre: a, codigo: H.4.05}\nobjetivos: b\n")
	if check(bad, "manual") == nil {
		t.Error("the schema accepts an unknown key")
	}
}

func stringifyDates(v any) any {
	switch x := v.(type) {
	case map[string]any:
		for k, e := range x {
			x[k] = stringifyDates(e)
		}
	case []any:
		for i, e := range x {
			x[i] = stringifyDates(e)
		}
	case interface{ Format(string) string }:
		return x.Format("2006-01-02")
	}
	return v
}

func writeFile(t *testing.T, path, s string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
}
