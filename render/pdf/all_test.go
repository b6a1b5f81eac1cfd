package pdf_test

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"testing"

	"golang.org/x/image/font/gofont/gomono"
	"golang.org/x/image/font/gofont/gomonobold"

	"github.com/cipro-ine/mpp/manuals"
	"github.com/cipro-ine/mpp/manuals/profile"
	"github.com/cipro-ine/mpp/manuals/rules"
	"github.com/cipro-ine/mpp/manuals/synth"
	"github.com/cipro-ine/mpp/render/pdf"
	"github.com/cipro-ine/mpp/render/report"
)

const spanish = "á é í ó ú ü ñ Á É Í Ó Ú Ñ ¿ ¡ “ ” – —"

// Every PDF mpp writes opens in poppler, shows its headings and codes and
// every Spanish character, and is the same bytes twice.
func TestEveryDocument(t *testing.T) {
	e := example(t, "H.4.05")
	m := *e.Manual
	m.Alcance += " " + spanish
	a := *e.Acuerdo
	a.Puntos = append([]manuals.Punto(nil), a.Puntos...)
	a.Puntos[0].Texto += " " + spanish
	d := *e.Dictamen
	d.Folio += " " + spanish
	e2 := &manuals.Expediente{Dir: e.Dir, Manual: &m, Acuerdo: &a, Dictamen: &d, Certificacion: e.Certificacion}
	prof := profile.Default()
	findings := rules.Run(e2, prof)
	docs := map[string]struct {
		render func(*bytes.Buffer) error
		want   []string
	}{
		"manual": {func(b *bytes.Buffer) error { return pdf.Manual(b, e2, pdf.Options{}) },
			[]string{"Manual de Proceso y Procedimientos", "H.4.05.1.01", "ÍNDICE", "Control de cambios"}},
		"dictamen": {func(b *bytes.Buffer) error {
			return pdf.Dictamen(b, pdf.DictamenInput{Exp: e2, Findings: findings, Profile: prof}, pdf.Options{})
		}, []string{"DICTAMEN TÉCNICO", "H.4.05", "IV. Revisión de los criterios"}},
		"acuerdo": {func(b *bytes.Buffer) error { return pdf.Acuerdo(b, e2.Acuerdo, pdf.Options{}) },
			[]string{"INE/JGE248/2022", "CONSIDERANDOS", "ACUERDOS"}},
		"gaceta": {func(b *bytes.Buffer) error { return pdf.Gaceta(b, e2, pdf.Options{}) },
			[]string{"INE/JGE248/2022", "ACUERDOS", "Manual de Proceso y Procedimientos", "H.4.05.2.01"}},
		"dof": {func(b *bytes.Buffer) error { return pdf.DOF(b, e2.Acuerdo, pdf.DOFOptions{}, pdf.Options{}) },
			[]string{"Extracto para el Diario Oficial de la Federación (vista previa", "EXTRACTO del Acuerdo INE/JGE248/2022", "[...]"}},
		"reporte": {func(b *bytes.Buffer) error {
			return pdf.Report(b, e2, report.Result{Expediente: e2.Dir, Regimen: "2022", Hallazgos: findings, Notas: []string{"Nota: " + spanish + " fin."}}, pdf.Options{})
		}, []string{"INFORME DE VALIDACIÓN", "acuerdo.yaml", "ACU-006"}},
	}
	for name, doc := range docs {
		t.Run(name, func(t *testing.T) {
			var x, y bytes.Buffer
			if err := doc.render(&x); err != nil {
				t.Fatal(err)
			}
			if err := doc.render(&y); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(x.Bytes(), y.Bytes()) {
				t.Error("two renders differ")
			}
			if info := pdfinfo(t, x.Bytes()); !strings.Contains(info, "Creator:         mpp") {
				t.Errorf("pdfinfo: %s", info)
			}
			checkPDFA(t, x.Bytes())
			if n := checkDestinations(t, x.Bytes()); n == 0 {
				t.Error("no bookmarks")
			}
			txt := strings.Join(strings.Fields(pdftotext(t, x.Bytes())), " ")
			for _, w := range append(doc.want, spanish) {
				if !strings.Contains(txt, w) {
					t.Errorf("%s lacks %q", name, w)
				}
			}
		})
	}
}

// A procedure of 30 activities and 7 roles whose later half goes back and
// forth between the first and the last role (so that columns cannot be
// packed much): the diagram splits over two pages, no more, every lane and
// every activity appears, and the parts link by connectors.
func TestLargeDiagram(t *testing.T) {
	m := synth.Manual(11, 3)
	p := &m.Subprocesos[0].Procedimientos[0]
	var roles []manuals.Role
	for k := 1; k <= 7; k++ {
		roles = append(roles, manuals.Role{Nombre: fmt.Sprintf("Rol número %d", k), Puesto: "Analista"})
	}
	m.Roles = roles
	p.Actividades = nil
	for i := 1; i <= 30; i++ {
		r := (i - 1) % 7
		if i > 7 {
			r = 6 * (i % 2)
		}
		a := manuals.Activity{Numero: i, Descripcion: fmt.Sprintf("Paso %d del flujo", i), Responsable: roles[r].Nombre}
		if i == 10 {
			a.Decision = &manuals.Decision{Pregunta: "¿Procede?", Salidas: []manuals.Exit{{Condicion: "Sí", Siguiente: 11}, {Condicion: "No", Siguiente: 2}}}
		}
		if i == 20 {
			a.Siguiente = 25
		}
		p.Actividades = append(p.Actividades, a)
	}
	approved := &manuals.Acuerdo{Sesion: manuals.Session{Fecha: manuals.Date{Year: 2022, Month: 5, Day: 1}}, Puntos: []manuals.Punto{{Ordinal: "PRIMERO", Texto: "Se aprueba."}}}
	data := manualPDF(t, &manuals.Expediente{Manual: m, Acuerdo: approved})
	if os.Getenv("MPP_DIAGRAMA") != "" {
		os.WriteFile(os.Getenv("MPP_DIAGRAMA"), data, 0o644) // to look at
	}
	checkDiagrams(t, m, data)
	pages := pageTexts(t, data)
	var parts []string
	for _, pg := range pages {
		if strings.Contains(pg, "Diagrama de flujo: "+string(p.Codigo)) {
			parts = append(parts, pg)
		}
	}
	if len(parts) != 2 || !strings.Contains(parts[0], "(parte 1 de 2)") {
		t.Fatalf("%d diagram pages", len(parts))
	}
	all := strings.Join(parts, " ")
	for k := 1; k <= 7; k++ {
		if strings.Count(all, fmt.Sprintf("Rol número %d", k)) < len(parts) {
			t.Errorf("lane %d is not on every part", k)
		}
	}
	for i := 1; i <= 30; i++ {
		if !strings.Contains(all, fmt.Sprintf("%d. Paso %d", i, i)) && !(i == 10 && strings.Contains(all, "10. ¿Procede?")) {
			t.Errorf("activity %d missing from the diagram", i)
		}
	}
	if !strings.Contains(all, "Los círculos numerados enlazan") {
		t.Error("no connector legend")
	}
}

// --fuente: a TrueType file from disk replaces the embedded font (alone, it
// is refused: the document would lose its bold); the metadata carries
// title, subject, author, keywords and the language.
func TestFontFileAndMetadata(t *testing.T) {
	dir := t.TempDir()
	font := dir + "/fuente.ttf"
	if err := os.WriteFile(font, gomono.TTF, 0o644); err != nil {
		t.Fatal(err)
	}
	e := example(t, "S.5.01")
	var b bytes.Buffer
	if err := pdf.Manual(&b, e, pdf.Options{Font: font}); err == nil || !strings.Contains(err.Error(), "no tiene negrita") {
		t.Errorf("a face without its bold: %v", err)
	}
	bold := dir + "/negrita.ttf"
	if err := os.WriteFile(bold, gomonobold.TTF, 0o644); err != nil {
		t.Fatal(err)
	}
	b.Reset()
	if err := pdf.Manual(&b, e, pdf.Options{Font: font, FontBold: bold}); err != nil {
		t.Fatal(err)
	}
	// A monospaced face lays the text out differently from the embedded
	// Go Regular, and poppler sees the fonts embedded.
	var def bytes.Buffer
	if err := pdf.Manual(&def, e, pdf.Options{}); err != nil {
		t.Fatal(err)
	}
	if bytes.Equal(def.Bytes(), b.Bytes()) {
		t.Error("--fuente changed nothing")
	}
	p := dir + "/m.pdf"
	os.WriteFile(p, b.Bytes(), 0o644)
	if out, err := exec.Command("pdffonts", p).Output(); err != nil || !strings.Contains(string(out), "CID TrueType      Identity-H       yes") {
		t.Errorf("pdffonts: %s %v", out, err)
	}
	info := pdfinfo(t, b.Bytes())
	for _, w := range []string{"Title:           Manual de Proceso y Procedimientos S.5.01 Cooperación Internacional",
		"Subject:         Manual de Proceso y Procedimientos del Instituto Nacional Electoral", "Author:          CAI", "Keywords:        S.5.01"} {
		if !strings.Contains(info, w) {
			t.Errorf("pdfinfo lacks %q", w)
		}
	}
	if !bytes.Contains(b.Bytes(), []byte("/Lang (es-MX)")) {
		t.Error("no /Lang es-MX in the catalog")
	}
	if err := pdf.Manual(&b, e, pdf.Options{Font: dir + "/no-existe.ttf"}); err == nil || !strings.Contains(err.Error(), "fuente") {
		t.Errorf("a missing font file: %v", err)
	}
}
