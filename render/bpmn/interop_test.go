package bpmn_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cipro-ine/mpp/manuals"
	readbpmn "github.com/cipro-ine/mpp/manuals/bpmn"
	"github.com/cipro-ine/mpp/manuals/profile"
	"github.com/cipro-ine/mpp/manuals/rules"
	"github.com/cipro-ine/mpp/render/bpmn"
	"github.com/cipro-ine/mpp/render/swimlane"
)

// The real BPMN clients live in interop/bpmn (installed by scripts/deps.sh
// with npm ci). In CI their absence is a failure, elsewhere a skip.
const interop = "../../interop/bpmn"

func need(t *testing.T, what string, ok bool) {
	t.Helper()
	if ok {
		return
	}
	if os.Getenv("CI") != "" {
		t.Fatalf("%s is missing in CI (scripts/deps.sh installs it)", what)
	}
	t.Skipf("%s not installed (scripts/deps.sh installs it)", what)
}

func node(t *testing.T, script string, args ...string) ([]byte, error) {
	t.Helper()
	_, err := exec.LookPath("node")
	need(t, "node", err == nil)
	_, err = os.Stat(filepath.Join(interop, "node_modules", "bpmn-moddle"))
	need(t, "interop/bpmn/node_modules", err == nil)
	abs := make([]string, len(args))
	for i, a := range args {
		abs[i], _ = filepath.Abs(a)
	}
	cmd := exec.Command("node", append([]string{script}, abs...)...)
	cmd.Dir = interop
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil && stderr.Len() > 0 {
		t.Logf("%s: %s", script, stderr.String())
	}
	return out, err
}

type moddleReport struct {
	File     string         `json:"file"`
	Warnings []string       `json:"warnings"`
	Error    string         `json:"error"`
	Types    map[string]int `json:"types"`
	Lanes    map[string]int `json:"lanes"`
	Flows    [][3]string    `json:"flows"`
	Shapes   int            `json:"shapes"`
}

// bpmn-moddle, the parser of bpmn.io and Camunda Modeler, reads every file
// mpp writes for both examples with no warnings, and finds in it what the
// procedure holds: its tasks, decisions, flows with their labels, lanes.
func TestModdleReadsEveryExport(t *testing.T) {
	dir := t.TempDir()
	type want struct {
		p *manuals.Procedure
	}
	wants := map[string]want{}
	var files []string
	for _, ex := range examples {
		m := load(t, ex).Manual
		for _, p := range m.Procedures() {
			f := filepath.Join(dir, string(p.Codigo)+".bpmn")
			var b bytes.Buffer
			if err := bpmn.Procedure(&b, m, p, bpmn.Options{}); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(f, b.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
			abs, _ := filepath.Abs(f)
			wants[abs] = want{p}
			files = append(files, f)
		}
		f := filepath.Join(dir, "proceso-"+string(m.DatosGenerales.Codigo)+".bpmn")
		var b bytes.Buffer
		if err := bpmn.Process(&b, m, bpmn.Options{}); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(f, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
	}
	out, err := node(t, "check.mjs", files...)
	if err != nil {
		t.Errorf("bpmn-moddle: %v", err)
	}
	sc := bufio.NewScanner(bytes.NewReader(out))
	sc.Buffer(nil, 16<<20)
	seen := 0
	for sc.Scan() {
		var r moddleReport
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatal(err)
		}
		seen++
		if r.Error != "" || len(r.Warnings) > 0 {
			t.Errorf("%s: error %q, warnings %q", r.File, r.Error, r.Warnings)
		}
		w, ok := wants[r.File]
		if !ok {
			continue
		}
		p := w.p
		tasks, gws := 0, 0
		lanes := map[string]int{}
		for _, a := range p.Actividades {
			if a.Decision != nil {
				gws++
			} else {
				tasks++
			}
			lanes[a.Responsable]++
		}
		lanes[p.Actividades[0].Responsable]++                    // the start event
		lanes[p.Actividades[len(p.Actividades)-1].Responsable]++ // the end event
		flows := swimlane.Flows(p.Actividades)
		if r.Types["bpmn:Task"] != tasks || r.Types["bpmn:ExclusiveGateway"] != gws || r.Types["bpmn:SequenceFlow"] != len(flows)+1 {
			t.Errorf("%s: moddle found %v; want %d tasks, %d gateways, %d flows", p.Codigo, r.Types, tasks, gws, len(flows)+1)
		}
		for name, n := range lanes {
			if r.Lanes[name] != n {
				t.Errorf("%s: lane %q holds %d nodes in moddle, want %d", p.Codigo, name, r.Lanes[name], n)
			}
		}
		labels := 0
		for _, f := range r.Flows {
			if f[2] != "" {
				labels++
			}
		}
		wantLabels := 0
		for _, f := range flows {
			if f.Label != "" {
				wantLabels++
			}
		}
		if labels != wantLabels {
			t.Errorf("%s: %d labelled flows, want %d", p.Codigo, labels, wantLabels)
		}
	}
	if seen != len(files) {
		t.Fatalf("bpmn-moddle reported %d files of %d", seen, len(files))
	}
}

// bpmn-js, the viewer of bpmn.io and Camunda Modeler, in Debian's headless
// Chromium, imports an exported procedure with no warnings and draws every
// element: the pool, the lanes, start, activities, end, every flow.
func TestBpmnJSRenders(t *testing.T) {
	_, err := os.Stat("/usr/bin/chromium")
	need(t, "chromium", err == nil)
	m := load(t, "../../examples/H.4.05").Manual
	p := m.Procedures()[0]
	dir := t.TempDir()
	f := filepath.Join(dir, "p.bpmn")
	var b bytes.Buffer
	if err := bpmn.Procedure(&b, m, p, bpmn.Options{}); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(f, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	png := filepath.Join(dir, "p.png")
	out, err := node(t, "render.mjs", f, png)
	if err != nil {
		t.Fatalf("bpmn-js: %v: %s", err, out)
	}
	var r struct {
		Warnings            []string
		Shapes, Connections int
		Width, Height       int
	}
	if err := json.Unmarshal(out, &r); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	lanes, _ := swimlane.LaneNames(p.Actividades)
	wantShapes := 1 + len(lanes) + 1 + len(p.Actividades) + 1
	wantConn := len(swimlane.Flows(p.Actividades)) + 1
	if len(r.Warnings) > 0 || r.Shapes != wantShapes || r.Connections != wantConn {
		t.Errorf("bpmn-js: %+v; want %d shapes, %d connections, no warnings", r, wantShapes, wantConn)
	}
	st, err := os.Stat(png)
	if err != nil || st.Size() < 10000 {
		t.Errorf("PNG: %v, %v", st, err)
	}
}

// A file built by a modeler's own library (bpmn-moddle's create API, as
// bpmn.io builds them), with a gateway, a loop back and a lane change,
// comes in as the procedure a person reads in it, and validates with the
// findings such a bare manual should have.
func TestModelerFileImports(t *testing.T) {
	dir := t.TempDir()
	f := filepath.Join(dir, "modelador.bpmn")
	if out, err := node(t, "build.mjs", f); err != nil {
		t.Fatalf("build.mjs: %v: %s", err, out)
	}
	data, err := os.ReadFile(f)
	if err != nil {
		t.Fatal(err)
	}
	res, err := readbpmn.Read("modelador.bpmn", data, readbpmn.Options{Code: "H.9.01.1.01"})
	if err != nil {
		t.Fatal(err)
	}
	// Read off the diagram by a person: the gateway after «Analiza» is
	// that activity's decision; «Sí» is the first path (depth first), the
	// «No» branch comes after and loops back to «Turna».
	want := `1 Unidad de Transparencia | Registra la solicitud de acceso en el sistema
2 Unidad de Transparencia | Turna la solicitud al área competente
3 Área responsable | Analiza la solicitud ¿Es competencia del área? [Sí→4 No→6]
4 Área responsable | Elabora la respuesta
5 Unidad de Transparencia | Notifica la respuesta al solicitante fin
6 Área responsable | Devuelve la solicitud con la justificación →2
`
	if got := summary(&res.Procedures[0]); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	if len(res.Notes) != 0 {
		t.Errorf("notes on a plain modeler file: %v", res.Notes)
	}
	m := res.Manual("modelador.bpmn")
	e := &manuals.Expediente{Dir: dir, Manual: m}
	var ids []string
	for _, fd := range rules.Run(e, profile.Default()) {
		ids = append(ids, fd.Rule)
	}
	// A modeler carries no reglas de operación: MAN-005 is the one finding.
	if strings.Join(ids, " ") != "MAN-005" {
		t.Errorf("findings %v, want [MAN-005]", ids)
	}
}

func summary(p *manuals.Procedure) string {
	var b strings.Builder
	for _, a := range p.Actividades {
		b.WriteString(strings.TrimSpace(strings.Join([]string{itoa(a.Numero), a.Responsable, "|", a.Descripcion}, " ")))
		if d := a.Decision; d != nil {
			b.WriteString(" " + d.Pregunta + " [")
			for i, x := range d.Salidas {
				if i > 0 {
					b.WriteString(" ")
				}
				b.WriteString(x.Condicion + "→")
				if x.Fin {
					b.WriteString("fin")
				} else {
					b.WriteString(itoa(x.Siguiente))
				}
			}
			b.WriteString("]")
		}
		if a.Fin {
			b.WriteString(" fin")
		}
		if a.Siguiente != 0 {
			b.WriteString(" →" + itoa(a.Siguiente))
		}
		b.WriteString("\n")
	}
	return b.String()
}

// Opened in bpmn-js's Modeler and saved again, as a user who presses Save
// would, every procedure of both examples still comes back the same: the
// modeler keeps mpp's extensions.
func TestBpmnJSSaveKeepsEverything(t *testing.T) {
	_, err := os.Stat("/usr/bin/chromium")
	need(t, "chromium", err == nil)
	dir := t.TempDir()
	for _, ex := range examples {
		m := load(t, ex).Manual
		in := filepath.Join(dir, "proceso.bpmn")
		var b bytes.Buffer
		if err := bpmn.Process(&b, m, bpmn.Options{}); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(in, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		saved := filepath.Join(dir, "guardado.bpmn")
		if out, err := node(t, "resave.mjs", in, saved); err != nil {
			t.Fatalf("bpmn-js: %v: %s", err, out)
		}
		data, err := os.ReadFile(saved)
		if err != nil {
			t.Fatal(err)
		}
		if bytes.Equal(data, b.Bytes()) {
			t.Fatal("the modeler wrote the very same bytes: the test would not show it kept anything")
		}
		res, err := readbpmn.Read("guardado.bpmn", data, readbpmn.Options{})
		if err != nil {
			t.Fatal(err)
		}
		for i, p := range m.Procedures() {
			sameProcedure(t, p, &res.Procedures[i], "after a save in bpmn-js")
		}
	}
}
