package bpmn_test

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"strconv"
	"testing"

	"github.com/cipro-ine/mpp/manuals"
	readbpmn "github.com/cipro-ine/mpp/manuals/bpmn"
	"github.com/cipro-ine/mpp/manuals/canon"
	"github.com/cipro-ine/mpp/manuals/synth"
	"github.com/cipro-ine/mpp/render/bpmn"
)

func load(t testing.TB, dir string) *manuals.Expediente {
	t.Helper()
	e, err := manuals.LoadExpediente(dir)
	if err != nil {
		t.Fatal(err)
	}
	return e
}

var examples = []string{"../../examples/H.4.05", "../../examples/S.5.01"}

// Every procedure of both examples: YAML → BPMN → YAML gives the same
// canonical form, procedure by procedure, one file per procedure and one
// file for the whole process.
func TestRoundTrip(t *testing.T) {
	for _, dir := range examples {
		m := load(t, dir).Manual
		var all bytes.Buffer
		if err := bpmn.Process(&all, m, bpmn.Options{}); err != nil {
			t.Fatal(err)
		}
		whole, err := readbpmn.Read("proceso.bpmn", all.Bytes(), readbpmn.Options{})
		if err != nil {
			t.Fatal(err)
		}
		if len(whole.Procedures) != len(m.Procedures()) {
			t.Fatalf("%s: %d procedures back from %d", dir, len(whole.Procedures), len(m.Procedures()))
		}
		if whole.Codigo != m.DatosGenerales.Codigo || whole.Nombre != m.DatosGenerales.Nombre {
			t.Errorf("proceso %s %q back as %s %q", m.DatosGenerales.Codigo, m.DatosGenerales.Nombre, whole.Codigo, whole.Nombre)
		}
		for i, p := range m.Procedures() {
			var b bytes.Buffer
			if err := bpmn.Procedure(&b, m, p, bpmn.Options{}); err != nil {
				t.Fatal(err)
			}
			res, err := readbpmn.Read(string(p.Codigo)+".bpmn", b.Bytes(), readbpmn.Options{})
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Notes) > 0 {
				t.Errorf("%s: notes on mpp's own file: %v", p.Codigo, res.Notes)
			}
			sameProcedure(t, p, &res.Procedures[0], "one file per procedure")
			sameProcedure(t, p, &whole.Procedures[i], "one file per process")
			for _, ro := range res.Roles {
				orig := m.Role(ro.Nombre)
				if orig == nil || orig.Puesto != ro.Puesto || orig.UR != ro.UR || orig.Descripcion != ro.Descripcion || orig.Ilustrativo != ro.Ilustrativo {
					t.Errorf("%s: role %+v back as %+v", p.Codigo, orig, ro)
				}
			}
		}
	}
}

// sameProcedure compares the canonical forms (what the fingerprint hashes).
func sameProcedure(t *testing.T, want, got *manuals.Procedure, how string) {
	t.Helper()
	w, err := canon.Of(want)
	if err != nil {
		t.Fatal(err)
	}
	g, err := canon.Of(got)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(g, w) {
		t.Errorf("%s, %s: round trip differs:\n%s", want.Codigo, how, lineDiff(string(w), string(g)))
	}
}

func lineDiff(a, b string) string {
	al, bl := bytes.Split([]byte(a), []byte("\n")), bytes.Split([]byte(b), []byte("\n"))
	var out bytes.Buffer
	for i := 0; i < max(len(al), len(bl)); i++ {
		var x, y []byte
		if i < len(al) {
			x = al[i]
		}
		if i < len(bl) {
			y = bl[i]
		}
		if !bytes.Equal(x, y) {
			out.WriteString("- " + string(x) + "\n+ " + string(y) + "\n")
			if out.Len() > 2000 {
				break
			}
		}
	}
	return out.String()
}

func TestDump(t *testing.T) {
	if os.Getenv("MPP_DUMP") == "" {
		t.Skip("MPP_DUMP not set")
	}
	e := load(t, "../../examples/H.4.05")
	var b bytes.Buffer
	if err := bpmn.Procedure(&b, e.Manual, e.Manual.Procedures()[0], bpmn.Options{}); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(os.Getenv("MPP_DUMP"), b.Bytes(), 0o644)
}

func itoa(n int) string { return strconv.Itoa(n) }

// What the flows cannot show still comes back: a siguiente to a number no
// activity has, an exit without a target, a fin next to a decision, an
// explicit siguiente to the next activity, the implicit end of the last
// one, text that XML must escape, a role used twice in a row.
func TestRoundTripOddFlows(t *testing.T) {
	p := manuals.Procedure{Codigo: "H.1.01.1.01", Nombre: `Pruebas <raras> & "comillas"`, Objetivo: "Línea uno\nLínea dos",
		Actividades: []manuals.Activity{
			{Numero: 1, Descripcion: "Recibe <algo> & lo \"registra\"\tcon tab", Responsable: "Rol A", Siguiente: 2, Insumos: []string{"X", "Y"}, Salidas: []string{"X"}},
			{Numero: 2, Descripcion: "Decide", Responsable: "Rol A", Fin: true, Siguiente: 9, Formatos: []string{"F-1"}, Insumos: []string{"Z"},
				Decision: &manuals.Decision{Pregunta: "¿Sigue?", Salidas: []manuals.Exit{{Condicion: "Sí", Siguiente: 3}, {Condicion: "Perdida", Siguiente: 42}, {Condicion: "Sin destino"}, {Condicion: "No", Fin: true}}}},
			{Numero: 3, Descripcion: "Apunta a la nada", Responsable: "Rol B", Siguiente: 77, Sistema: "SIIRFE"},
			{Numero: 5, Descripcion: "Número salteado", Responsable: "Rol A"},
		}}
	m := &manuals.Manual{DatosGenerales: manuals.GeneralData{Codigo: "H.1.01", Nombre: "Pruebas"},
		Subprocesos: []manuals.Subprocess{{Codigo: "H.1.01.1", Nombre: "Uno", Procedimientos: []manuals.Procedure{p}}}}
	var b bytes.Buffer
	if err := bpmn.Procedure(&b, m, m.Procedures()[0], bpmn.Options{}); err != nil {
		t.Fatal(err)
	}
	res, err := readbpmn.Read("x.bpmn", b.Bytes(), readbpmn.Options{})
	if err != nil {
		t.Fatal(err)
	}
	sameProcedure(t, m.Procedures()[0], &res.Procedures[0], "odd flows")
	if res.Subprocesses[0].Nombre != "Uno" {
		t.Errorf("subproceso %+v", res.Subprocesses[0])
	}
}

// Generated manuals (the catalog's generator) round-trip too, and the
// writer gives the same bytes twice.
func TestRoundTripGenerated(t *testing.T) {
	for i := 0; i < 40; i++ {
		m := synth.Manual(7, i)
		var b1, b2 bytes.Buffer
		if err := bpmn.Process(&b1, m, bpmn.Options{}); err != nil {
			t.Fatal(err)
		}
		if err := bpmn.Process(&b2, m, bpmn.Options{}); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(b1.Bytes(), b2.Bytes()) {
			t.Fatal("two writes differ")
		}
		res, err := readbpmn.Read("x.bpmn", b1.Bytes(), readbpmn.Options{})
		if err != nil {
			t.Fatal(err)
		}
		for k, p := range m.Procedures() {
			sameProcedure(t, p, &res.Procedures[k], fmt.Sprintf("generated manual %d", i))
		}
	}
}

// BenchmarkExportCatalog writes the 176 generated expedientes (the
// Institute's count of processes) as BPMN, one file per procedure.
func BenchmarkExportCatalog(b *testing.B) {
	var ms []*manuals.Manual
	acts, procs := 0, 0
	for i := 0; i < 176; i++ {
		m := synth.Manual(1, i)
		ms = append(ms, m)
		for _, p := range m.Procedures() {
			procs++
			acts += len(p.Actividades)
		}
	}
	b.Run(fmt.Sprintf("176-expedientes-%d-procedimientos-%d-actividades", procs, acts), func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			for _, m := range ms {
				for _, p := range m.Procedures() {
					if err := bpmn.Procedure(io.Discard, m, p, bpmn.Options{}); err != nil {
						b.Fatal(err)
					}
				}
			}
		}
	})
}
