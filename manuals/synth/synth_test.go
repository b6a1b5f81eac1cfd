package synth_test

import (
	"reflect"
	"testing"

	"github.com/cipro-ine/mpp/manuals"
	"github.com/cipro-ine/mpp/manuals/profile"
	"github.com/cipro-ine/mpp/manuals/rules"
	"github.com/cipro-ine/mpp/manuals/synth"
)

// Generated manuals are deterministic, sized as specified, unique in code,
// and pass the Lineamientos rules with no error.
func TestManuals(t *testing.T) {
	prof := profile.Default()
	codes := map[manuals.Code]bool{}
	for i := 0; i < 60; i++ {
		m := synth.Manual(7, i)
		if !reflect.DeepEqual(m, synth.Manual(7, i)) {
			t.Fatal("not deterministic")
		}
		if codes[m.DatosGenerales.Codigo] {
			t.Fatalf("code %s repeated", m.DatosGenerales.Codigo)
		}
		codes[m.DatosGenerales.Codigo] = true
		if n := len(m.Subprocesos); n < 1 || n > 4 {
			t.Errorf("%d subprocesos", n)
		}
		procs := m.Procedures()
		if len(procs) < 2 || len(procs) > 12 {
			t.Errorf("%d procedimientos", len(procs))
		}
		for _, p := range procs {
			if n := len(p.Actividades); n < 8 || n > 30 {
				t.Errorf("%d actividades", n)
			}
		}
		for _, f := range rules.Run(&manuals.Expediente{Dir: "x", Manual: m}, prof) {
			if f.Severity == rules.Error {
				t.Errorf("manual %d: %s %s", i, f.Rule, f.Message)
			}
		}
	}
}
