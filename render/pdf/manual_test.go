package pdf_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/cipro-ine/mpp/manuals"
	"github.com/cipro-ine/mpp/manuals/synth"
	"github.com/cipro-ine/mpp/render/pdf"
)

func manualPDF(t *testing.T, e *manuals.Expediente) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := pdf.Manual(&b, e, pdf.Options{}); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func example(t *testing.T, code string) *manuals.Expediente {
	t.Helper()
	e, err := manuals.LoadExpediente("../../examples/" + code)
	if err != nil {
		t.Fatal(err)
	}
	return e
}

// pageTexts returns the text of every page (pdftotext -f N -l N), with
// runs of white space folded; layout keeps each visual line together.
func pageTexts(t *testing.T, data []byte, layout ...bool) []string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "m.pdf")
	os.WriteFile(p, data, 0o644)
	info := pdfinfo(t, data)
	m := regexp.MustCompile(`Pages:\s+(\d+)`).FindStringSubmatch(info)
	n, _ := strconv.Atoi(m[1])
	out := make([]string, n+1) // 1-based
	for i := 1; i <= n; i++ {
		args := []string{"-enc", "UTF-8", "-f", strconv.Itoa(i), "-l", strconv.Itoa(i)}
		if len(layout) > 0 && layout[0] {
			args = append(args, "-layout")
		}
		b, err := exec.Command("pdftotext", append(args, p, "-")...).Output()
		if err != nil {
			t.Fatal(err)
		}
		out[i] = strings.Join(strings.Fields(unSoft(b)), " ")
	}
	return out
}

var tocLine = regexp.MustCompile(`^(.+?)\s*\.{3,}\s*(\d+)$`)

// The index's page numbers are the pages the sections start on.
func TestManualIndexPagesAreReal(t *testing.T) {
	data := manualPDF(t, example(t, "H.4.05"))
	pages := pageTexts(t, data)
	p := filepath.Join(t.TempDir(), "m.pdf")
	os.WriteFile(p, data, 0o644)
	raw, _ := exec.Command("pdftotext", "-enc", "UTF-8", "-layout", "-f", "3", "-l", "3", p, "-").Output()
	entries := 0
	for _, l := range strings.Split(string(raw), "\n") {
		m := tocLine.FindStringSubmatch(strings.TrimSpace(l))
		if m == nil {
			continue
		}
		entries++
		title := strings.TrimSuffix(strings.TrimSpace(m[1]), "…")
		n, _ := strconv.Atoi(m[2])
		if n < 1 || n >= len(pages) || !strings.Contains(pages[n], strings.Join(strings.Fields(title), " ")) {
			t.Errorf("index says %q is on page %d, but it is not there", title, n)
		}
	}
	if entries < 20 { // 8 sections + 12 procedures + control de cambios
		t.Errorf("only %d index entries read", entries)
	}
}

func outlineTitles(t *testing.T, data []byte) []string {
	t.Helper()
	if _, err := exec.LookPath("qpdf"); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("qpdf missing in CI")
		}
		t.Skip("qpdf not installed")
	}
	p := filepath.Join(t.TempDir(), "m.pdf")
	os.WriteFile(p, data, 0o644)
	out, err := exec.Command("qpdf", "--json", "--json-key=outlines", p).Output()
	if err != nil {
		t.Fatalf("qpdf: %v", err)
	}
	var doc struct {
		Outlines []outline `json:"outlines"`
	}
	if err := json.Unmarshal(out, &doc); err != nil {
		t.Fatal(err)
	}
	var titles []string
	var walk func([]outline, string)
	walk = func(os []outline, indent string) {
		for _, o := range os {
			titles = append(titles, indent+o.Title)
			walk(o.Kids, indent+"  ")
		}
	}
	walk(doc.Outlines, "")
	return titles
}

type outline struct {
	Title string    `json:"title"`
	Kids  []outline `json:"kids"`
}

func TestManualBookmarks(t *testing.T) {
	e := example(t, "H.4.05")
	titles := strings.Join(outlineTitles(t, manualPDF(t, e)), "\n")
	for _, s := range []string{"Introducción", "Objetivo", "Alcance", "Marco normativo", "Glosario", "Roles y puestos", "Mapa del proceso", "Control de cambios"} {
		if !strings.Contains(titles, "\n"+s+"\n") && !strings.HasPrefix(titles, s+"\n") && !strings.HasSuffix(titles, "\n"+s) {
			t.Errorf("no bookmark for section %q", s)
		}
	}
	// Subprocesos at the top level, their procedures under them, each with
	// its parts and its diagram.
	for _, s := range e.Manual.Subprocesos {
		if !strings.Contains(titles, "\nSubproceso "+string(s.Codigo)+" "+s.Nombre+"\n  "+string(s.Procedimientos[0].Codigo)+" ") {
			t.Errorf("no bookmark for subproceso %s over its first procedure", s.Codigo)
		}
		for _, p := range s.Procedimientos {
			i := strings.Index(titles, "\n  "+string(p.Codigo)+" "+p.Nombre+"\n    Objetivo\n")
			if i < 0 {
				t.Errorf("no bookmark (with its parts) for procedure %s", p.Codigo)
				continue
			}
			part := titles[i+1:]
			if j := strings.Index(part[2:], "\n  H."); j >= 0 {
				part = part[:j+2]
			}
			if !strings.Contains(part, "\n    Diagrama de flujo") {
				t.Errorf("no diagram bookmark under %s", p.Codigo)
			}
		}
	}
}

// A 60-activity procedure's table repeats its header on every page it
// spans, and no activity row is cut between pages.
func TestManualLongTableRepeatsHeader(t *testing.T) {
	m := synth.Manual(3, 0)
	p := &m.Subprocesos[0].Procedimientos[0]
	acts := p.Actividades[:1]
	for i := 2; i <= 60; i++ {
		a := p.Actividades[1%len(p.Actividades)]
		a.Numero, a.Decision, a.Fin, a.Siguiente = i, nil, i == 60, 0
		a.Descripcion = fmt.Sprintf("Actividad número %d del procedimiento largo, con una descripción que ocupa más de una línea de la tabla.", i)
		acts = append(acts, a)
	}
	acts[0].Fin, acts[0].Decision = false, nil
	p.Actividades = acts
	// An approving acuerdo: no BORRADOR watermark, whose letters pdftotext
	// would scatter through the text.
	approved := &manuals.Acuerdo{Sesion: manuals.Session{Fecha: manuals.Date{Year: 2022, Month: 5, Day: 1}}, Puntos: []manuals.Punto{{Ordinal: "PRIMERO", Texto: "Se aprueba."}}}
	data := manualPDF(t, &manuals.Expediente{Manual: m, Acuerdo: approved})
	pages := pageTexts(t, data)
	lines := pageTexts(t, data, true)
	spanned := 0
	for i, txt := range pages {
		if !strings.Contains(txt, "del procedimiento largo") || strings.Contains(txt, "Diagrama de flujo") {
			continue
		}
		spanned++
		if !strings.Contains(lines[i], "No. Responsable Actividad Insumo Salida Sistema") {
			t.Errorf("page %d has activity rows but no table header", i)
		}
	}
	if spanned < 3 {
		t.Errorf("the 60-activity table spans %d pages; expected at least 3", spanned)
	}
	all := strings.Join(pages, " ")
	for i := 2; i <= 60; i++ {
		if !strings.Contains(all, fmt.Sprintf("Actividad número %d del procedimiento largo, con una descripción que ocupa más de una línea de la tabla.", i)) {
			t.Errorf("activity %d is cut or missing", i)
		}
	}
}

func TestManualDeterministicAndDraft(t *testing.T) {
	e := example(t, "S.5.01")
	a, b := manualPDF(t, e), manualPDF(t, e)
	if !bytes.Equal(a, b) {
		t.Error("two renders differ")
	}
	pages := pageTexts(t, a)
	if strings.Contains(strings.Join(pages, " "), "BORRADOR") {
		t.Error("an approved manual carries the BORRADOR watermark")
	}
	if !strings.Contains(pages[1], "Manual de Proceso y Procedimientos Cooperación Internacional Código: S.5.01") {
		t.Errorf("cover: %s", pages[1])
	}
	if !strings.Contains(strings.Join(pages, " "), "Contenido ilustrativo.") {
		t.Error("illustrative content is not labelled")
	}
	if !strings.Contains(pages[2], "Página 2 de "+strconv.Itoa(len(pages)-1)) {
		t.Errorf("footer: %s", pages[2])
	}
	draft := &manuals.Expediente{Manual: e.Manual}
	if txt := strings.Join(pageTexts(t, manualPDF(t, draft)), " "); !strings.Contains(txt, "BORRADOR") {
		t.Error("a manual without an approving acuerdo has no BORRADOR watermark")
	}
}
