package ingest

import (
	"context"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cipro-ine/mpp/manuals/acuerdotext"
	"github.com/cipro-ine/mpp/manuals/profile"
	"github.com/cipro-ine/mpp/manuals/yamldoc"
	"github.com/cipro-ine/mpp/ocr"
)

// Lines numbers each line as the line of ocr.Text's output that holds it:
// an element's «origen» names a line a person can find in «mpp ocr»'s text.
func TestLinesNumberedAsOCRText(t *testing.T) {
	pages := []ocr.Page{
		{Number: 1, Lines: []ocr.Line{
			{Text: "INSTITUTO NACIONAL ELECTORAL"},
			{Text: "GLOSARIO", Gap: true},
			{Text: "CIPro\tCoordinación de Innovación y Procesos", Cells: []string{"CIPro", "Coordinación de Innovación y Procesos"}},
			{Text: "DEA       Dirección Ejecutiva\n          de Administración", Cells: []string{"DEA", "Dirección Ejecutiva de Administración"}},
			{Text: "UR\tunidad responsable"},
		}},
		{Number: 2}, // a page with nothing read on it
		{Number: 3, Text: "texto de la capa del PDF\n\notro párrafo"},
		{Number: 4, Lines: []ocr.Line{{Text: "A N T E C E D E N T E S"}, {Text: "I. El 8 de julio…", Gap: true}}},
	}
	pages[0].Text = joinLines(pages[0].Lines)
	pages[3].Text = joinLines(pages[3].Lines)
	text := strings.Split(ocr.Text(pages), "\n")
	lines := Lines(pages)
	if len(lines) != 10 {
		t.Fatalf("%d lines: %+v", len(lines), lines)
	}
	for _, l := range lines {
		first, _, _ := strings.Cut(l.Text, "\n") // a row laid out on two lines: its first
		if l.Num < 1 || l.Num > len(text) || text[l.Num-1] != first {
			t.Errorf("line %d %q: ocr.Text has %q there", l.Num, first, text[min(max(l.Num, 1), len(text))-1])
		}
	}
	if c := lines[2].Cells; len(c) != 2 || c[0] != "CIPro" {
		t.Errorf("a row's cells are lost: %+v", lines[2])
	}
	if lines[5].Page != 3 || lines[len(lines)-1].Page != 4 {
		t.Errorf("pages: %+v", lines)
	}
}

func joinLines(ls []ocr.Line) string {
	var b strings.Builder
	for i, l := range ls {
		if i > 0 {
			b.WriteString("\n")
			if l.Gap {
				b.WriteString("\n")
			}
		}
		b.WriteString(l.Text)
	}
	return b.String()
}

// A born-digital PDF is read from its text layer, as lines, and gives the
// same acuerdo as the same text read whole (pdftotext -layout of the
// file, with its pages apart by form feeds): the structured path loses
// nothing the text path had. Every producer's PDFs of the corpus.
func TestTextLayerReadAsLines(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Fatal("pdftotext is needed (poppler-utils; scripts/deps.sh installs it)")
	}
	pdfs, _ := filepath.Glob("../testdata/acuerdos/*/*.pdf")
	if len(pdfs) < 9 {
		t.Fatalf("the corpus has %d PDFs", len(pdfs))
	}
	prof := profile.Default()
	ctx := context.Background()
	for _, pdf := range pdfs {
		t.Run(filepath.Base(filepath.Dir(pdf))+"/"+filepath.Base(pdf), func(t *testing.T) {
			plan, err := Choose(ctx, pdf, false)
			if err != nil {
				t.Fatal(err)
			}
			if plan.Route != FromTextLayer || !strings.Contains(plan.Note, "capa de texto") {
				t.Fatalf("route %v, note %q", plan.Route, plan.Note)
			}
			rd, err := plan.Read(ctx, prof, Options{})
			if err != nil {
				t.Fatal(err)
			}
			text, err := exec.Command("pdftotext", "-q", "-layout", "-enc", "UTF-8", pdf, "-").Output()
			if err != nil {
				t.Fatal(err)
			}
			whole, err := acuerdotext.Ingest(text, prof)
			if err != nil {
				t.Fatal(err)
			}
			got, want := content(t, rd.Result), content(t, whole)
			if got != want {
				g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
				for i := range min(len(g), len(w)) {
					if g[i] != w[i] {
						t.Fatalf("line %d:\n  lines: %s\n  text:  %s", i+1, g[i], w[i])
					}
				}
				t.Fatalf("%d lines against %d", len(g), len(w))
			}
			if rd.Coverage() < 0.99 {
				t.Errorf("coverage %.3f", rd.Coverage())
			}
		})
	}
}

// content is an acuerdo as YAML, without what depends on how its lines
// were numbered (origen) or noted.
func content(t *testing.T, r *acuerdotext.Result) string {
	t.Helper()
	a := *r.Acuerdo
	a.Notas = nil
	b, err := yamldoc.Encode(&a)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, l := range strings.Split(string(b), "\n") {
		if !strings.Contains(l, "origen:") && !strings.HasPrefix(strings.TrimSpace(l), "desde:") && !strings.HasPrefix(strings.TrimSpace(l), "hasta:") && !strings.HasPrefix(strings.TrimSpace(l), "pagina:") {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}

// A table row read cell by cell (OCR's ruled tables) reaches the reader
// as cells: each glosario row is an entry, its sigla the first cell, even
// where the definition holds what a text's columns would be split on.
func TestRowsReachTheReaderAsCells(t *testing.T) {
	var lines []acuerdotext.Line
	add := func(text string, cells ...string) {
		n := 1
		if len(lines) > 0 {
			n = lines[len(lines)-1].Num + 2
		}
		lines = append(lines, acuerdotext.Line{Text: text, Cells: cells, Page: 1 + n/40, Num: n})
	}
	add("INE/JGE248/2022")
	add("ACUERDO DE LA JUNTA GENERAL EJECUTIVA DEL INSTITUTO NACIONAL ELECTORAL, POR EL QUE SE APRUEBA EL MANUAL DE PROCESO Y PROCEDIMIENTOS DE GESTIÓN DEL PORTAL INSTITUCIONAL")
	add("GLOSARIO")
	rows := [][2]string{
		{"CIPro", "Coordinación de Innovación y Procesos:  área de la DEA"},
		{"DEA", "Dirección Ejecutiva de Administración"},
		{"Manual de Proceso", "Manual de Proceso y Procedimientos - documento que describe un proceso"},
	}
	for _, r := range rows {
		add("", r[0], r[1])
	}
	add("ANTECEDENTES")
	add("I. El 8 de julio de 2020 la Junta aprobó el Modelo de Planeación Institucional.")
	r := acuerdotext.IngestLines(lines, profile.Default())
	g := r.Acuerdo.Glosario
	if len(g) != len(rows) {
		t.Fatalf("glosario %+v", g)
	}
	for i, e := range g {
		if e.Sigla != rows[i][0] || !strings.HasPrefix(rows[i][1], strings.TrimSuffix(e.Definicion, ".")) {
			t.Errorf("entry %d: %q = %q, want %q = %q", i, e.Sigla, e.Definicion, rows[i][0], rows[i][1])
		}
	}
}
