package diff_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cipro-ine/mpp/manuals"
	"github.com/cipro-ine/mpp/manuals/diff"
	"github.com/cipro-ine/mpp/manuals/synth"
	"github.com/cipro-ine/mpp/manuals/yamldoc"
)

// copyManual is an independent copy, through YAML.
func copyManual(t testing.TB, m *manuals.Manual) *manuals.Manual {
	y, err := yamldoc.Encode(m)
	if err != nil {
		t.Fatal(err)
	}
	var c manuals.Manual
	if err := yamldoc.Decode("copia.yaml", y, &c); err != nil {
		t.Fatal(err)
	}
	return &c
}

// variant200 returns a 200-activity manual and a variant with 20 edits:
// 8 activity descriptions reworded, 3 activities moved, 3 added, 2 removed,
// 2 procedures renamed, 2 objectives reworded.
func variant200(t testing.TB) (*manuals.Manual, *manuals.Manual) {
	old := synth.ManualWithActivities(5, 200)
	m := copyManual(t, old)
	ps := m.Procedures()
	at := func(k int) *manuals.Procedure { return ps[k%len(ps)] }
	for k := 0; k < 8; k++ {
		a := &at(k).Actividades[2+k%3]
		verb, rest, _ := strings.Cut(a.Descripcion, " ")
		a.Descripcion = verb + " oportunamente " + rest
	}
	for k := 0; k < 3; k++ {
		p := at(k + 1)
		acts := p.Actividades
		moved := acts[len(acts)-2]
		rest := append(append([]manuals.Activity{}, acts[:len(acts)-2]...), acts[len(acts)-1])
		synth.SetActivities(p, append([]manuals.Activity{rest[0], moved}, rest[1:]...))
	}
	for k := 0; k < 3; k++ {
		p := at(k + 4)
		n := manuals.Activity{Responsable: p.Actividades[0].Responsable, Descripcion: "Integra al expediente la constancia de notificación número " + string(rune('A'+k))}
		synth.SetActivities(p, append(append(append([]manuals.Activity{}, p.Actividades[:3]...), n), p.Actividades[3:]...))
	}
	for k := 0; k < 2; k++ {
		p := at(k + 7)
		synth.SetActivities(p, append(append([]manuals.Activity{}, p.Actividades[:4]...), p.Actividades[5:]...))
	}
	for k := 0; k < 2; k++ {
		at(k).Nombre += " (revisado)"
		at(k + 2).Objetivo = "Asegurar que " + at(k+2).Objetivo
	}
	return old, m
}

func TestVariant200HasTwentyEdits(t *testing.T) {
	old, m := variant200(t)
	cs := diff.Manuals(old, m)
	counts := map[string]int{}
	for _, c := range cs {
		counts[c.Kind+" "+c.What]++
	}
	want := map[string]int{"modificado descripción de la actividad": 8, "movido actividad": 3, "agregado actividad": 3,
		"eliminado actividad": 2, "renombrado procedimiento": 2, "modificado objetivo": 2}
	if len(cs) != 20 || len(counts) != len(want) {
		t.Errorf("%d changes %v, want the 20 edits %v", len(cs), counts, want)
	}
	for k, n := range want {
		if counts[k] != n {
			t.Errorf("%s: %d, want %d", k, counts[k], n)
		}
	}
}

// BenchmarkManuals: a 200-activity manual against a variant with 20 edits.
func BenchmarkManuals(b *testing.B) {
	old, m := variant200(b)
	b.ReportAllocs()
	for b.Loop() {
		if cs := diff.Manuals(old, m); len(cs) != 20 {
			b.Fatal(len(cs))
		}
	}
}

// TestWriteDiffBench writes, for bench/diff.sh, the two versions as
// expedientes (only with MPP_BENCH_OUT).
func TestWriteDiffBench(t *testing.T) {
	dir := os.Getenv("MPP_BENCH_OUT")
	if dir == "" {
		t.Skip("MPP_BENCH_OUT not set")
	}
	old, m := variant200(t)
	for name, v := range map[string]*manuals.Manual{"v1": old, "v2": m} {
		y, err := yamldoc.Encode(v)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.MkdirAll(filepath.Join(dir, name), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name, "manual.yaml"), y, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
