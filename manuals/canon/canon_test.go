package canon_test

import (
	"os"
	"strings"
	"testing"

	"github.com/cipro-ine/mpp/manuals"
	"github.com/cipro-ine/mpp/manuals/canon"
	"github.com/cipro-ine/mpp/manuals/yamldoc"
)

func load(t *testing.T, src string) *manuals.Expediente {
	t.Helper()
	var m manuals.Manual
	if err := yamldoc.Decode("manual.yaml", []byte(src), &m); err != nil {
		t.Fatal(err)
	}
	return &manuals.Expediente{Manual: &m}
}

func print(t *testing.T, e *manuals.Expediente) (string, []byte) {
	t.Helper()
	f, err := canon.Form(e, canon.Manual)
	if err != nil {
		t.Fatal(err)
	}
	return canon.Fingerprint(f), f
}

const base = `datos_generales: {nombre: Cooperación Internacional, codigo: S.5.01}
objetivo: Promover el conocimiento del Instituto.
subprocesos:
  - codigo: S.5.01.1
    nombre: Coordinación de Estudios
    procedimientos:
      - codigo: S.5.01.1.01
        nombre: Investigación Electoral Comparada
        objetivo: Elaborar documentos informativos.
        actividades:
          - {numero: 1, descripcion: Recibe la solicitud., responsable: Enlace}
`

// Formatting, key order, comments and runs of spaces do not change the
// fingerprint.
func TestFormatIgnored(t *testing.T) {
	want, _ := print(t, load(t, base))
	reformatted := `# Un comentario
objetivo: >-
  Promover   el conocimiento
  del Instituto.
datos_generales:
    codigo: S.5.01     # código
    nombre: "Cooperación Internacional"
subprocesos:
    -   nombre: Coordinación de Estudios
        codigo: S.5.01.1
        procedimientos:
            -   objetivo: Elaborar documentos informativos.
                nombre: Investigación Electoral Comparada
                codigo: S.5.01.1.01
                actividades:
                    -   responsable: Enlace
                        descripcion: "Recibe la solicitud."
                        numero: 1
`
	if got, _ := print(t, load(t, reformatted)); got != want {
		t.Errorf("reformatting changed the fingerprint")
	}
}

// One character of one activity changes the fingerprint, and the change is
// named by its path.
func TestOneCharacter(t *testing.T) {
	a, fa := print(t, load(t, base))
	changed := strings.Replace(base, "Recibe la solicitud.", "Recibe la solicitud!", 1)
	b, fb := print(t, load(t, changed))
	if a == b {
		t.Fatal("a changed activity keeps the fingerprint")
	}
	paths, err := canon.Changes(fa, fb)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(paths, ",") != "subprocesos[1].procedimientos[1].actividades[1].descripcion" {
		t.Errorf("changes: %v", paths)
	}
}

func TestExamplesHaveStableFingerprints(t *testing.T) {
	e, err := manuals.LoadExpediente("../../examples/H.4.05")
	if err != nil {
		t.Fatal(err)
	}
	for _, doc := range []string{canon.Acuerdo, canon.Manual} {
		f1, _ := canon.Form(e, doc)
		f2, _ := canon.Form(e, doc)
		if len(f1) == 0 || string(f1) != string(f2) {
			t.Errorf("%s: empty or unstable canonical form", doc)
		}
		if strings.Contains(string(f1), "origen:") || strings.Contains(string(f1), "correcciones:") {
			t.Errorf("%s: provenance in the canonical form", doc)
		}
	}
	_ = os.Getenv
}
