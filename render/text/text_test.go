package text_test

import (
	"bytes"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/cipro-ine/mpp/manuals"
	"github.com/cipro-ine/mpp/render/text"
)

func renderExample(t *testing.T, code string) string {
	t.Helper()
	exp, err := manuals.LoadExpediente("../../examples/" + code)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := text.Acuerdo(&b, exp.Acuerdo, nil); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func TestAcuerdoTextLayout(t *testing.T) {
	s := renderExample(t, "H.4.05")
	order := []string{
		"INE/JGE248/2022\n\nACUERDO DE LA JUNTA GENERAL EJECUTIVA",
		"\n\nGLOSARIO\n\nCIP\tCartera Institucional de Proyectos\nCIPro\t",
		"\n\nANTECEDENTES\n\nI. El 21 de diciembre del 2016",
		"\n\nXII. El día de la fecha 24 de noviembre de 2022",
		"\n\nCONSIDERANDOS\n\nPRIMERO. Competencia.\n\n1. De conformidad",
		"\n\n31. La implementación del Modelo incorpora los siguientes elementos, los cuales no son precedentes uno del otro:\n\na. Sensibilización.",
		"\n\n36. El proceso “Gestión del Portal Institucional” es ejecutado por la UTTyPDP",
		"\n\nDe acuerdo con el sistema de codificación le corresponde el código H.4.05.\n\nEl proceso H.4.05 Gestión del Portal Institucional tiene como objetivo:",
		"\n\nEl proceso se conforma por 2 subprocesos y 12 procedimientos:\n\nSubproceso\tProcedimientos\nH.4.05.1 Administración del Portal Institucional\tH.4.05.1.01 Publicación de Contenidos en Internet. H.4.05.1.02",
		"\nH.4.05.2 Gestión de la Opinión Pública\tH.4.05.2.01 Atención de los Comentarios",
		"\n\nEl procedimiento H.4.05.2.01 Atención de los Comentarios y de la Opinión Pública a través de los Portales de Internet e Intranet, tiene como objetivo atender",
		"\n\n37. El Manual de Proceso y Procedimientos",
		"\n\nACUERDOS\n\nPRIMERO. - Se aprueba la emisión",
		"\n\nSÉPTIMO. - Publíquese el presente Acuerdo en la NormaINE,",
		"\n\nEl presente Acuerdo fue aprobado en sesión ordinaria",
		"\n\nDR. LORENZO CÓRDOVA VIANELLO\n\nLIC. EDMUNDO JACOBO MOLINA\n",
	}
	at := 0
	for _, want := range order {
		i := strings.Index(s[at:], want)
		if i < 0 {
			t.Fatalf("missing, or out of order: %q", want)
		}
		at += i + len(want)
	}
	if strings.Contains(s, "\n\n\n") {
		t.Error("more than one blank line between paragraphs")
	}
}

func TestTemplatesCanBeOverridden(t *testing.T) {
	exp, err := manuals.LoadExpediente("../../examples/S.5.01")
	if err != nil {
		t.Fatal(err)
	}
	fs := fstest.MapFS{"acuerdo.txt.tmpl": {Data: []byte("Acuerdo {{.Codigo}}: {{len .Puntos}} puntos\n")}}
	var b bytes.Buffer
	if err := text.Acuerdo(&b, exp.Acuerdo, fs); err != nil {
		t.Fatal(err)
	}
	if b.String() != "Acuerdo INE/JGE52/2022: 6 puntos\n" {
		t.Errorf("got %q", b.String())
	}
	bad := fstest.MapFS{"acuerdo.txt.tmpl": {Data: []byte("{{.NoSuchField}}")}}
	if err := text.Acuerdo(&b, exp.Acuerdo, bad); err == nil || !strings.Contains(err.Error(), "plantilla acuerdo.txt.tmpl") {
		t.Errorf("a broken template gives %v", err)
	}
}
