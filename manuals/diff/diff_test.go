package diff_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/cipro-ine/mpp/manuals"
	"github.com/cipro-ine/mpp/manuals/diff"
	"github.com/cipro-ine/mpp/manuals/synth"
)

func example(t *testing.T) *manuals.Expediente {
	t.Helper()
	e, err := manuals.LoadExpediente("../../examples/H.4.05")
	if err != nil {
		t.Fatal(err)
	}
	return e
}

func describe(cs []diff.Change) []string {
	var out []string
	for _, c := range cs {
		out = append(out, c.Kind+" "+c.What+" "+c.Where)
	}
	return out
}

// Known edits, and exactly those.
func TestManualKnownEdits(t *testing.T) {
	old := example(t).Manual
	m := example(t).Manual // a second, independent copy
	procs := m.Procedures()
	// 1. A renamed procedure.
	procs[1].Nombre = "Publicación de Contenidos en la Intranet Institucional"
	// 2. An activity moved: activity 6 of H.4.05.1.01 becomes activity 2.
	acts := procs[0].Actividades
	moved := acts[5]
	rest := append(append([]manuals.Activity{}, acts[:5]...), acts[6:]...)
	synth.SetActivities(procs[0], append([]manuals.Activity{rest[0], moved}, rest[1:]...))
	// 3. A reworded objective.
	procs[2].Objetivo = strings.Replace(procs[2].Objetivo, "organizar las sesiones", "convocar y organizar las sesiones", 1)
	procs[2].Objetivo = strings.Replace(procs[2].Objetivo, "Organizar las sesiones", "Convocar y organizar las sesiones", 1)

	got := describe(diff.Manuals(old, m))
	want := []string{
		"renombrado procedimiento H.4.05.1.02",
		"movido actividad H.4.05.1.01 actividad 2",
		"modificado objetivo H.4.05.1.03",
	}
	if fmt.Sprint(sorted(got)) != fmt.Sprint(sorted(want)) {
		t.Errorf("changes:\n got %v\nwant %v", got, want)
	}
	for _, c := range diff.Manuals(old, m) {
		if c.What == "objetivo" {
			var ins []string
			for _, w := range c.Words {
				if w.Op == "+" {
					ins = append(ins, w.Text)
				}
			}
			if strings.Join(ins, "|") != "Convocar y organizar" {
				t.Errorf("word diff of the objective: %+v", c.Words)
			}
		}
	}
	if cs := diff.Manuals(old, old); len(cs) != 0 {
		t.Errorf("a manual against itself: %v", describe(cs))
	}
}

func TestProcedureMovedAndAddedPunto(t *testing.T) {
	old := example(t)
	e := example(t)
	// A procedure moved to the other subprocess keeps its name, changes code.
	s := e.Manual.Subprocesos
	p := s[0].Procedimientos[10]
	s[0].Procedimientos = s[0].Procedimientos[:10]
	p.Codigo = "H.4.05.2.02"
	s[1].Procedimientos = append(s[1].Procedimientos, p)
	got := describe(diff.Manuals(old.Manual, e.Manual))
	if fmt.Sprint(got) != "[movido procedimiento H.4.05.2.02]" {
		t.Errorf("moved procedure: %v", got)
	}
	// An added punto renumbers the rest: one change.
	a := e.Acuerdo
	extra := manuals.Punto{Ordinal: "TERCERO", Texto: "Se instruye a la UTTyPDP para que publique el manual en el portal de Intranet."}
	a.Puntos = append(append(append([]manuals.Punto{}, a.Puntos[:2]...), extra), a.Puntos[2:]...)
	for i := range a.Puntos {
		a.Puntos[i].Ordinal = manuals.OrdinalName(i + 1)
	}
	got = describe(diff.Acuerdos(old.Acuerdo, a))
	if fmt.Sprint(got) != "[agregado punto de acuerdo punto TERCERO]" {
		t.Errorf("added punto: %v", got)
	}
}

func TestWords(t *testing.T) {
	ops := diff.Words("verificar que los micrositios cumplan", "verificar que todos los micrositios publicados cumplan")
	var b strings.Builder
	for _, o := range ops {
		b.WriteString(o.Op + "[" + o.Text + "]")
	}
	if b.String() != "=[verificar que]+[todos]=[los micrositios]+[publicados]=[cumplan]" {
		t.Errorf("%s", b.String())
	}
}

func sorted(s []string) []string {
	out := append([]string(nil), s...)
	for i := range out {
		for j := i + 1; j < len(out); j++ {
			if out[j] < out[i] {
				out[i], out[j] = out[j], out[i]
			}
		}
	}
	return out
}

// An activity rewritten from scratch, in its place, is a modified
// description; one inserted elsewhere in the same procedure does not
// disturb the pairing.
func TestRewrittenActivity(t *testing.T) {
	old := example(t).Manual
	m := example(t).Manual
	p := m.Procedures()[0]
	p.Actividades[2].Descripcion = "Turna el asunto a la persona titular del área para que determine lo conducente."
	extra := manuals.Activity{Responsable: p.Actividades[0].Responsable, Descripcion: "Archiva la constancia en el expediente electrónico."}
	synth.SetActivities(p, append(append(append([]manuals.Activity{}, p.Actividades[:6]...), extra), p.Actividades[6:]...))
	got := describe(diff.Manuals(old, m))
	want := []string{"modificado descripción de la actividad H.4.05.1.01 actividad 3", "agregado actividad H.4.05.1.01 actividad 7"}
	if fmt.Sprint(sorted(got)) != fmt.Sprint(sorted(want)) {
		t.Errorf("got %v\nwant %v", got, want)
	}
}

// What the semantic walk compares besides procedures and activities: the
// marco normativo, a subproceso's objective, controls, indicators, an
// activity's inputs, a decision's exit; and the kind agrees with the
// element.
func TestOtherFields(t *testing.T) {
	old := example(t).Manual
	m := example(t).Manual
	m.MarcoNormativo = append(m.MarcoNormativo, "Reglamento Interior del Instituto Nacional Electoral.")
	m.Subprocesos[1].Objetivo += " con oportunidad" // it had none: added
	p := m.Procedures()[0]
	if len(p.Controles) == 0 || len(p.Indicadores) == 0 {
		t.Fatal("the example's first procedure has no controls or indicators")
	}
	p.Controles[0].Descripcion += " cada semana"
	p.Indicadores[0].Meta = "95 %"
	p.Actividades[0].Insumos = append(p.Actividades[0].Insumos, "Oficio de solicitud")
	d := *p.Actividades[2].Decision // activity 3: a decision
	d.Salidas = append([]manuals.Exit(nil), d.Salidas...)
	d.Salidas[1].Siguiente = 6
	p.Actividades[2].Decision = &d
	var got []string
	for _, c := range diff.Manuals(old, m) {
		got = append(got, c.What+" "+diff.KindOf(c)+" "+c.Where)
	}
	want := []string{"marco normativo modificado H.4.05", "objetivo del subproceso agregado H.4.05.2",
		"controles modificados H.4.05.1.01", "indicadores modificados H.4.05.1.01",
		"insumos de la actividad modificados H.4.05.1.01 actividad 1", "flujo de la actividad modificado H.4.05.1.01 actividad 3"}
	if fmt.Sprint(sorted(got)) != fmt.Sprint(sorted(want)) {
		t.Errorf("got  %v\nwant %v", sorted(got), sorted(want))
	}
	for _, c := range diff.Manuals(old, m) {
		if c.What == "flujo de la actividad" && (!strings.Contains(c.Old, "No: actividad 4") || !strings.Contains(c.New, "No: actividad 6")) {
			t.Errorf("flow change: %q → %q", c.Old, c.New)
		}
	}
}
