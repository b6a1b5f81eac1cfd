package pdf_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/cipro-ine/mpp/manuals"
	"github.com/cipro-ine/mpp/render/pdf"
)

// pdftotext reads a PDF back with poppler, the way a reader's viewer would.
func pdftotext(t *testing.T, data []byte, args ...string) string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("pdftotext (poppler-utils) is missing in CI")
		}
		t.Skip("pdftotext not installed")
	}
	p := filepath.Join(t.TempDir(), "doc.pdf")
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", append(append(args, "-enc", "UTF-8"), p, "-")...).Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return unSoft(out)
}

// unSoft joins the words hyphenated at a line end, as a reader's viewer
// does: mpp breaks them with a soft hyphen (U+00AD), which pdftotext keeps.
func unSoft(b []byte) string {
	return strings.ReplaceAll(strings.ReplaceAll(string(b), "\u00ad\n", ""), "\u00ad", "")
}

func pdfinfo(t *testing.T, data []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "doc.pdf")
	os.WriteFile(p, data, 0o644)
	out, err := exec.Command("pdfinfo", p).Output()
	if err != nil {
		t.Fatalf("pdfinfo: %v", err)
	}
	return string(out)
}

var pageFooter = regexp.MustCompile(`^Página \d+ de \d+$`)

func dof248(t *testing.T) []byte {
	t.Helper()
	e, err := manuals.LoadExpediente("../../examples/H.4.05")
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	err = pdf.DOF(&b, e.Acuerdo, pdf.DOFOptions{
		Fecha: manuals.Date{Year: 2022, Month: 12, Day: 8}, Seccion: "Primera Sección",
		Ligas: []string{"https://www.ine.mx/normativa/anexo-ine-jge248-2022.pdf"},
	}, pdf.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// The DOF extract of JGE248: sello line, elisions, the process considerando
// with its number 36, all seven puntos verbatim, the vote, the link.
func TestDOFExtractJGE248(t *testing.T) {
	data := dof248(t)
	// -raw: in the order written, without pdftotext joining a line that
	// ends in «.-» to the next as if it were a hyphenated word.
	raw := pdftotext(t, data, "-raw")
	// A preview: it says so, with the date and section asked for, and does
	// not imitate the DOF's own masthead and pagination, which the DOF sets
	// (issue 15, item 6).
	if !strings.Contains(raw, "Extracto para el Diario Oficial de la Federación (vista previa; publicación: Jueves 8 de diciembre de 2022, Primera Sección)") {
		t.Error("the preview's running header is missing")
	}
	if strings.Contains(raw, "DIARIO OFICIAL") || strings.Contains(raw, "(Primera Sección) 1") {
		t.Error("the extract imitates the DOF's masthead or pagination")
	}
	// The running header and footer of each page sit wherever a page break
	// falls in the text layer: drop them before reading the text as a
	// sentence.
	var body []string
	for _, l := range strings.Split(raw, "\n") {
		if !strings.Contains(l, "(vista previa; publicación:") && !pageFooter.MatchString(strings.TrimSpace(l)) {
			body = append(body, l)
		}
	}
	txt := strings.Join(strings.Fields(strings.Join(body, "\n")), " ")
	want := []string{
		"INSTITUTO NACIONAL ELECTORAL EXTRACTO del Acuerdo INE/JGE248/2022 de la Junta General Ejecutiva del Instituto Nacional Electoral, por el que se aprueba el Manual de Proceso y Procedimientos de “Gestión del Portal Institucional”.",
		"Al margen un sello con el Escudo Nacional, que dice: Estados Unidos Mexicanos.- Instituto Nacional Electoral.- Junta General Ejecutiva.- INE/JGE248/2022.",
		"EXTRACTO DEL ACUERDO DE LA JUNTA GENERAL EJECUTIVA DEL INSTITUTO NACIONAL ELECTORAL, POR EL QUE SE APRUEBA EL MANUAL DE PROCESO Y PROCEDIMIENTOS DE “GESTIÓN DEL PORTAL INSTITUCIONAL”",
		// The glosario keeps the terms the kept text uses (UTTyPDP, Junta,
		// INE/Instituto), and elides the rest.
		"GLOSARIO Término Significado Junta Junta General Ejecutiva del Instituto Nacional Electoral INE/Instituto Instituto Nacional Electoral UTTyPDP Unidad Técnica de Transparencia y Protección de Datos Personales. [...] ANTECEDENTES [...] CONSIDERANDOS [...] 36. El proceso “Gestión del Portal Institucional” es ejecutado por la UTTyPDP",
		"De acuerdo con el sistema de codificación le corresponde el código H.4.05.",
		"El proceso se conforma por 2 subprocesos y 12 procedimientos:",
		"H.4.05.2 Gestión de la Opinión Pública H.4.05.2.01 Atención de los Comentarios",
		"El procedimiento H.4.05.1.05 Emisión de Dictamen de Micrositios, tiene como objetivo verificar que los micrositios",
		"[...] ACUERDOS PRIMERO.- Se aprueba la emisión del Manual",
		"SÉPTIMO.- Publíquese el presente Acuerdo en la NormaINE, en la Gaceta Electoral y en el portal de internet del Instituto Nacional Electoral, así como un extracto del mismo en el Diario Oficial de la Federación con la liga electrónica para la ubicación del anexo en dicho medio.",
		"El presente Acuerdo fue aprobado en sesión ordinaria de la Junta General Ejecutiva celebrada el 24 de noviembre de 2022, por votación unánime",
		"Ciudad de México, a 24 de noviembre de 2022.- El Consejero Presidente del Consejo General y Presidente de la Junta General Ejecutiva del Instituto Nacional Electoral, Dr. Lorenzo Córdova Vianello.- Rúbrica. El Secretario Ejecutivo y Secretario de la Junta General Ejecutiva del Instituto Nacional Electoral, Lic. Edmundo Jacobo Molina.- Rúbrica.",
		"El anexo del presente Acuerdo puede consultarse en: https://www.ine.mx/normativa/anexo-ine-jge248-2022.pdf",
	}
	for _, w := range want {
		if !strings.Contains(txt, w) {
			t.Errorf("missing: %s", w)
		}
	}
	e, _ := manuals.LoadExpediente("../../examples/H.4.05")
	for _, p := range e.Acuerdo.Puntos {
		if !strings.Contains(txt, p.Ordinal+".- "+strings.Join(strings.Fields(p.Texto), " ")) {
			t.Errorf("punto %s not verbatim", p.Ordinal)
		}
	}
	for _, gone := range []string{"1. De conformidad", "35. Es así que", "37. El Manual de Proceso", "CIPro\tCoordinación", "I. El 21 de diciembre"} {
		if strings.Contains(raw, gone) {
			t.Errorf("elided text present: %q", gone)
		}
	}
	info := pdfinfo(t, data)
	for _, w := range []string{"Title:           Extracto del Acuerdo INE/JGE248/2022", "Author:          Instituto Nacional Electoral", "Creator:         mpp", "Page size:       612 x 792 pts (letter)"} {
		if !strings.Contains(info, w) {
			t.Errorf("pdfinfo lacks %q:\n%s", w, info)
		}
	}
}

func TestDOFDeterministicAndKeepsChosenConsiderandos(t *testing.T) {
	if !bytes.Equal(dof248(t), dof248(t)) {
		t.Error("two renders differ")
	}
	e, _ := manuals.LoadExpediente("../../examples/S.5.01")
	var b bytes.Buffer
	err := pdf.DOF(&b, e.Acuerdo, pdf.DOFOptions{Fecha: manuals.Date{Year: 2022, Month: 3, Day: 2}, Ligas: []string{"https://example.org/anexo"},
		Considerandos: []int{1, 39, 40}}, pdf.Options{})
	if err != nil {
		t.Fatal(err)
	}
	txt := strings.Join(strings.Fields(pdftotext(t, b.Bytes())), " ")
	for _, w := range []string{"Miércoles 2 de marzo de 2022", "CONSIDERANDOS 1. De conformidad", "[...] 39. El proceso “Cooperación Internacional”",
		"40. El Manual de Proceso y Procedimientos de “Cooperación Internacional” cuenta con el dictamen", "[...] ACUERDOS"} {
		if !strings.Contains(txt, w) {
			t.Errorf("missing %q", w)
		}
	}
	bare := *e.Acuerdo
	bare.Publicacion = nil
	if err := pdf.DOF(&b, &bare, pdf.DOFOptions{Fecha: manuals.Date{Year: 2022, Month: 3, Day: 2}}, pdf.Options{}); err == nil || !strings.Contains(err.Error(), "liga electrónica") {
		t.Errorf("without a link: %v", err)
	}
}

// Every Spanish character survives the embedded font and the text layer.
func TestSpanishCharacters(t *testing.T) {
	a := &manuals.Acuerdo{Codigo: "INE/JGE1/2023", Titulo: "ACUERDO DE LA JUNTA GENERAL EJECUTIVA, POR EL QUE SE APRUEBA ALGO",
		Puntos:   []manuals.Punto{{Ordinal: "PRIMERO", Texto: "á é í ó ú ü ñ Á É Í Ó Ú Ñ ¿ ¡ “ ” – —"}},
		Votacion: manuals.Vote{Texto: "Votación."}, Sesion: manuals.Session{Fecha: manuals.Date{Year: 2023, Month: 1, Day: 2}}}
	var b bytes.Buffer
	if err := pdf.DOF(&b, a, pdf.DOFOptions{Fecha: manuals.Date{Year: 2023, Month: 1, Day: 9}, Ligas: []string{"https://example.org"}}, pdf.Options{}); err != nil {
		t.Fatal(err)
	}
	if txt := pdftotext(t, b.Bytes()); !strings.Contains(txt, "á é í ó ú ü ñ Á É Í Ó Ú Ñ ¿ ¡ “ ” – —") {
		t.Errorf("characters lost:\n%s", txt)
	}
}

// No page ends with a heading or a table's header row: each is kept with
// what follows (issue 15, item 4; the process table's header stood alone at
// the foot of the extract's first page).
func TestKeepWithNext(t *testing.T) {
	e := example(t, "H.4.05")
	var acuerdo bytes.Buffer
	if err := pdf.Acuerdo(&acuerdo, e.Acuerdo, pdf.Options{}); err != nil {
		t.Fatal(err)
	}
	for name, data := range map[string][]byte{"dof": dof248(t), "acuerdo": acuerdo.Bytes()} {
		path := filepath.Join(t.TempDir(), name+".pdf")
		os.WriteFile(path, data, 0o644)
		n := len(pageTexts(t, data)) - 1
		if n < 2 {
			t.Fatalf("%s: %d pages", name, n)
		}
		for i := 1; i < n; i++ {
			out, err := exec.Command("pdftotext", "-enc", "UTF-8", "-layout", "-f", strconv.Itoa(i), "-l", strconv.Itoa(i), path, "-").Output()
			if err != nil {
				t.Fatal(err)
			}
			var lines []string
			for _, l := range strings.Split(string(out), "\n") {
				if l = strings.Join(strings.Fields(l), " "); l != "" && !pageFooter.MatchString(l) {
					lines = append(lines, l)
				}
			}
			if len(lines) == 0 {
				continue
			}
			last := lines[len(lines)-1]
			switch last {
			case "Subproceso Procedimientos", "Término Significado", "GLOSARIO", "ANTECEDENTES", "CONSIDERANDOS", "ACUERDOS":
				t.Errorf("%s: page %d ends with %q", name, i, last)
			}
		}
	}
}
