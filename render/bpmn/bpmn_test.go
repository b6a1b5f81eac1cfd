package bpmn_test

import (
	"bytes"
	"os"
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
			want, _ := canon.Of(p)
			for _, back := range []*manuals.Procedure{&res.Procedures[0], &whole.Procedures[i]} {
				got, _ := canon.Of(back)
				if !bytes.Equal(got, want) {
					t.Errorf("%s: round trip differs:\n%s", p.Codigo, lineDiff(string(want), string(got)))
				}
			}
			for _, ro := range res.Roles {
				orig := m.Role(ro.Nombre)
				if orig == nil || orig.Puesto != ro.Puesto || orig.UR != ro.UR || orig.Descripcion != ro.Descripcion || orig.Ilustrativo != ro.Ilustrativo {
					t.Errorf("%s: role %+v back as %+v", p.Codigo, orig, ro)
				}
			}
		}
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
