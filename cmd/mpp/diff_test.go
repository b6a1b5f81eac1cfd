package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/cipro-ine/mpp/manuals"
	"github.com/cipro-ine/mpp/manuals/synth"
	"github.com/cipro-ine/mpp/manuals/yamldoc"
)

// editedVersion copies the H.4.05 expediente and makes, through the model,
// the known edits: procedure H.4.05.1.02 renamed, activity 6 of H.4.05.1.01
// moved to second place, the objective of H.4.05.1.03 reworded, a punto
// de acuerdo added after the third. The files are re-encoded, so their
// formatting changes as well: that must not show.
func editedVersion(t *testing.T, dir string) (old, new string) {
	t.Helper()
	old, new = filepath.Join(dir, "v1"), filepath.Join(dir, "v2")
	copyDir(t, "../../examples/H.4.05", old)
	copyDir(t, "../../examples/H.4.05", new)
	e, err := manuals.LoadExpediente(new)
	if err != nil {
		t.Fatal(err)
	}
	procs := e.Manual.Procedures()
	procs[1].Nombre = "Publicación de Contenidos en la Intranet Institucional"
	acts := procs[0].Actividades
	moved := acts[5]
	rest := append(append([]manuals.Activity{}, acts[:5]...), acts[6:]...)
	synth.SetActivities(procs[0], append([]manuals.Activity{rest[0], moved}, rest[1:]...))
	if !strings.Contains(procs[2].Objetivo, "rganizar las sesiones") {
		t.Fatalf("objective of H.4.05.1.03: %q", procs[2].Objetivo)
	}
	procs[2].Objetivo = strings.Replace(strings.Replace(procs[2].Objetivo, "organizar las sesiones", "convocar y organizar las sesiones", 1), "Organizar las sesiones", "Convocar y organizar las sesiones", 1)
	a := e.Acuerdo
	a.Puntos = append(a.Puntos[:3], append([]manuals.Punto{{Ordinal: "CUARTO", Texto: "La Unidad Técnica de Transparencia y Protección de Datos Personales informará a la Junta General Ejecutiva, en un plazo de seis meses, sobre la implementación del manual."}}, a.Puntos[3:]...)...)
	for i, ord := range []string{"QUINTO", "SEXTO", "SÉPTIMO", "OCTAVO", "NOVENO", "DÉCIMO"} {
		if 4+i < len(a.Puntos) {
			a.Puntos[4+i].Ordinal = ord
		}
	}
	for name, v := range map[string]any{"manual.yaml": e.Manual, "acuerdo.yaml": e.Acuerdo} {
		b, err := yamldoc.Encode(v, "versión 2, reescrita")
		if err != nil {
			t.Fatal(err)
		}
		writeFile(t, filepath.Join(new, name), string(b))
	}
	return old, new
}

type jsonChange struct {
	Kind, What, Where, Path string
}

func diffJSON(t *testing.T, args ...string) (int, map[string][]jsonChange) {
	t.Helper()
	code, out, errOut := mpp(t, append([]string{"diff", "--formato", "json"}, args...)...)
	var doc struct {
		Version       int    `json:"version_esquema"`
		Comando       string `json:"comando"`
		Comparaciones []struct {
			Documento string `json:"documento"`
			Cambios   []struct {
				Tipo     string `json:"tipo"`
				Elemento string `json:"elemento"`
				Donde    string `json:"donde"`
				Ruta     string `json:"ruta"`
			} `json:"cambios"`
		} `json:"comparaciones"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil || doc.Version != 1 || doc.Comando != "diff" {
		t.Fatalf("json (%v): version %d, command %q\n%s\n%s", err, doc.Version, doc.Comando, out, errOut)
	}
	got := map[string][]jsonChange{}
	for _, r := range doc.Comparaciones {
		got[r.Documento] = []jsonChange{}
		for _, c := range r.Cambios {
			got[r.Documento] = append(got[r.Documento], jsonChange{c.Tipo, c.Elemento, c.Donde, c.Ruta})
		}
	}
	return code, got
}

func TestDiffKnownEdits(t *testing.T) {
	dir := t.TempDir()
	old, new := editedVersion(t, dir)
	code, got := diffJSON(t, old, new)
	if code != exitFindings {
		t.Errorf("exit %d, want 1 (there are changes)", code)
	}
	var manual []string
	for _, c := range got["manual"] {
		manual = append(manual, c.Kind+" "+c.What+" "+c.Where)
	}
	sort.Strings(manual)
	want := []string{
		"modificado objetivo H.4.05.1.03",
		"movido actividad H.4.05.1.01 actividad 2",
		"renombrado procedimiento H.4.05.1.02",
	}
	if strings.Join(manual, "\n") != strings.Join(want, "\n") {
		t.Errorf("manual changes:\n%s\nwant exactly:\n%s", strings.Join(manual, "\n"), strings.Join(want, "\n"))
	}
	if a := got["acuerdo"]; len(a) != 1 || a[0].Kind != "agregado" || a[0].What != "punto de acuerdo" || a[0].Where != "punto CUARTO" || a[0].Path != "puntos[4]" {
		t.Errorf("acuerdo changes: %+v, want exactly the added punto CUARTO", a)
	}

	// Text: the reworded objective word by word.
	_, out, _ := mpp(t, "diff", old, new)
	for _, w := range []string{"Procedimiento renombrado · H.4.05.1.02", "Actividad movida · H.4.05.1.01 actividad 2",
		"[-Organizar-] {+Convocar y organizar+} las sesiones", "Punto de acuerdo agregado · punto CUARTO", "ruta: subprocesos[1].procedimientos[3].objetivo"} {
		if !strings.Contains(out, w) {
			t.Errorf("text diff lacks %q:\n%s", w, out)
		}
	}
	// The same version against itself: nothing, exit 0; two manual files.
	if code, out, _ := mpp(t, "diff", filepath.Join(old, "manual.yaml"), filepath.Join(new, "..", "v1", "manual.yaml")); code != 0 || !strings.Contains(out, "sin cambios") {
		t.Errorf("no changes: %d %s", code, out)
	}
	// A manual against an acuerdo: nothing to compare.
	if code, _, errOut := mpp(t, "diff", filepath.Join(old, "manual.yaml"), filepath.Join(new, "acuerdo.yaml")); code != exitUsage || !strings.Contains(errOut, "no tienen un documento del mismo tipo") {
		t.Errorf("manual vs acuerdo: %d %s", code, errOut)
	}
}

func TestDiffRedlinePDF(t *testing.T) {
	dir := t.TempDir()
	old, new := editedVersion(t, dir)
	out := filepath.Join(dir, "cambios.pdf")
	if code, _, errOut := mpp(t, "diff", old, new, "--pdf", out); code != exitFindings {
		t.Fatalf("diff --pdf: %d %s", code, errOut)
	}
	checkOutline(t, out)
	txt := strings.Join(strings.Fields(pdfText(t, out)), " ")
	for _, w := range []string{"COMPARACIÓN DE VERSIONES", "Procedimiento renombrado · H.4.05.1.02",
		"Intranet Institucional", "Actividad movida · H.4.05.1.01 actividad 2", "De actividad 6 a actividad 2",
		"Objetivo modificado · H.4.05.1.03", "Convocar y organizar las sesiones", "Punto de acuerdo agregado · punto CUARTO",
		"informará a la Junta General Ejecutiva", "Observación 1"} {
		if !strings.Contains(txt, w) {
			t.Errorf("redline lacks %q", w)
		}
	}
	// Deletions are struck through in red, insertions underlined in green:
	// in the page content (uncompressed by qpdf), red text has its rule
	// above the baseline, green text below it.
	plain := filepath.Join(dir, "plano.pdf")
	if b, err := exec.Command("qpdf", "--qdf", "--object-streams=disable", out, plain).CombinedOutput(); err != nil {
		t.Fatalf("qpdf: %v %s", err, b)
	}
	content, _ := os.ReadFile(plain)
	runs := regexp.MustCompile(`([0-9.]+ [0-9.]+ [0-9.]+) rg\s+BT [0-9.]+ ([0-9.]+) Td <[0-9a-f]+>Tj ET\s+[0-9.]+ ([0-9.]+) [0-9.]+ -[0-9.]+ re f`).FindAllSubmatch(content, -1)
	struck, underlined := 0, 0
	for _, m := range runs {
		base, _ := strconv.ParseFloat(string(m[2]), 64)
		rule, _ := strconv.ParseFloat(string(m[3]), 64)
		switch string(m[1]) {
		case "0.745 0.000 0.000":
			if rule > base+2 {
				struck++
			}
		case "0.000 0.471 0.157":
			if rule < base {
				underlined++
			}
		}
	}
	if struck < 2 || underlined < 4 {
		t.Errorf("struck-through red runs %d (want ≥ 2), underlined green runs %d (want ≥ 4)", struck, underlined)
	}
	// The same input gives the same bytes.
	first, _ := os.ReadFile(out)
	if code, _, errOut := mpp(t, "diff", old, new, "--pdf", out, "--forzar"); code != exitFindings {
		t.Fatalf("again: %s", errOut)
	}
	second, _ := os.ReadFile(out)
	if string(first) != string(second) {
		t.Error("the redline is not deterministic")
	}
	// It refuses to write over an input.
	if code, _, errOut := mpp(t, "diff", old, new, "--pdf", filepath.Join(new, "manual.yaml"), "--forzar"); code != exitUsage || errOut == "" {
		t.Errorf("writing over an input: %d %s", code, errOut)
	}
}

func TestDiffChangeLog(t *testing.T) {
	dir := t.TempDir()
	old, new := editedVersion(t, dir)
	before, _ := os.ReadFile(filepath.Join(new, "manual.yaml"))
	if code, _, errOut := mpp(t, "diff", old, new, "--control-de-cambios"); code != exitUsage || !strings.Contains(errOut, "--salida") {
		t.Errorf("without --salida: %d %s", code, errOut)
	}
	updated := filepath.Join(dir, "manual-1.1.yaml")
	code, _, errOut := mpp(t, "diff", old, new, "--control-de-cambios", "--fecha", "2022-12-01", "--responsable", "UTTyPDP", "-o", updated)
	if code != exitFindings {
		t.Fatalf("diff --control-de-cambios: %d %s", code, errOut)
	}
	after, _ := os.ReadFile(filepath.Join(new, "manual.yaml"))
	if string(after) != string(before) {
		t.Error("the newer manual (an input) was written on")
	}
	b, _ := os.ReadFile(updated)
	if !strings.HasPrefix(string(b), string(before[:strings.Index(string(before), "control_cambios:")])) {
		t.Error("the updated manual changed more than its control de cambios")
	}
	var m manuals.Manual
	if err := yamldoc.Decode(updated, b, &m); err != nil {
		t.Fatal(err)
	}
	last := m.ControlCambios[len(m.ControlCambios)-1]
	if last.Version != "1.1" || last.Fecha.String() != "2022-12-01" || last.Responsable != "UTTyPDP" ||
		!strings.Contains(last.Descripcion, "procedimiento renombrado (H.4.05.1.02)") || !strings.Contains(last.Descripcion, "actividad movida (H.4.05.1.01 actividad 2)") {
		t.Errorf("entry: %+v", last)
	}
	if code, out, _ := mpp(t, "validate", filepath.Dir(updated)); code == exitUsage {
		t.Errorf("the updated manual does not validate: %s", out)
	}
}
