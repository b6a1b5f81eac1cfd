package bpmn_test

import (
	"bytes"
	"strconv"
	"testing"

	"github.com/cipro-ine/mpp/manuals"
	readbpmn "github.com/cipro-ine/mpp/manuals/bpmn"
	"github.com/cipro-ine/mpp/manuals/canon"
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

func itoa(n int) string { return strconv.Itoa(n) }
