package pdf_test

import (
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/cipro-ine/mpp/manuals"
	"github.com/cipro-ine/mpp/manuals/synth"
)

var vocabulary = strings.Fields(`la solicitud de publicación se registra en el sistema institucional y la
responsable verifica las observaciones correspondientes conforme a los lineamientos aplicables
probabilidad responsabilidades interinstitucionales comunicación transparencia procedimientos
documentación coordinación administración electoral información contenidos portal`)

func prose(r *rand.Rand, n int) string {
	w := make([]string, n)
	for i := range w {
		w[i] = vocabulary[r.IntN(len(vocabulary))]
	}
	return strings.Join(w, " ")
}

// A manual whose reglas de operación are many paragraphs of every length,
// each opened by «Cnn» and closed by «Fnn», and whose activity table has
// long words in narrow columns.
func textManual(t *testing.T) (*manuals.Expediente, []string) {
	r := rand.New(rand.NewPCG(5, 9))
	m := synth.Manual(3, 1)
	p := &m.Subprocesos[0].Procedimientos[0]
	p.ReglasOperacion = nil
	var words []string
	for i := 0; i < 60; i++ {
		n := 4 + r.IntN(90)
		if i%7 == 3 {
			n = 20 + r.IntN(8) // two lines: the case of widows and orphans
		}
		text := prose(r, n)
		p.ReglasOperacion = append(p.ReglasOperacion, fmt.Sprintf("C%02d %s F%02d.", i, text, i))
		words = append(words, strings.Fields(text)...)
	}
	for i := range p.Actividades {
		p.Actividades[i].Responsable = "Subdirección de Responsabilidades Interinstitucionales"
		p.Actividades[i].Descripcion = "Verifica las observaciones interinstitucionales correspondientes " + prose(r, 8)
	}
	m.Roles = append(m.Roles, manuals.Role{Nombre: "Subdirección de Responsabilidades Interinstitucionales"})
	return &manuals.Expediente{Manual: m}, words
}

// No word is broken without a hyphen: every word of the input comes back
// whole from poppler's text of the PDF (a word cut between letters without
// one would come back as two pieces that are not words).
func TestNoWordBrokenWithoutHyphen(t *testing.T) {
	e, _ := textManual(t)
	data := manualPDF(t, e)
	known := map[string]bool{}
	add := func(s string) {
		for _, w := range strings.Fields(s) {
			known[strings.Trim(w, ".,;:()¿?«»“”")] = true
		}
	}
	tmpl, err := os.ReadFile("../../templates/manual.pdf.tmpl")
	if err != nil {
		t.Fatal(err)
	}
	add(string(tmpl))
	for _, p := range e.Manual.Procedures() {
		for _, rg := range p.ReglasOperacion {
			add(rg)
		}
		for _, a := range p.Actividades {
			add(a.Descripcion)
			add(a.Responsable)
		}
	}
	txt := pdftotext(t, data)
	for _, w := range []string{"Observacion", "Responsabilida", "Interinstitucio", "interinstitucio"} {
		if strings.Contains(txt, w+" ") || strings.Contains(txt, w+"\n") {
			t.Errorf("%q cut without a hyphen", w)
		}
	}
	// A word cut between letters without a hyphen comes back as two
	// tokens that are not words, which together make one of the input.
	toks := strings.Fields(txt)
	for k, w := range toks {
		if strings.HasSuffix(w, "…") {
			t.Errorf("%q: text cut short", w)
		}
		if k+1 == len(toks) {
			break
		}
		a, b := strings.Trim(w, ".,;:()¿?«»“”"), strings.Trim(toks[k+1], ".,;:()¿?«»“”")
		if len(a) > 1 && len(b) > 1 && !known[a] && !known[b] && known[a+b] {
			t.Errorf("«%s» cut without a hyphen: %q %q", a+b, a, b)
		}
	}
	// And hyphenation is at work: soft hyphens are in the text.
	if !strings.Contains(rawText(t, data), "\u00ad") {
		t.Error("no word was hyphenated")
	}
}

// rawText is pdftotext's output as it is (soft hyphens kept).
func rawText(t *testing.T, data []byte, args ...string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "r.pdf")
	os.WriteFile(p, data, 0o644)
	out, err := exec.Command("pdftotext", append(append(args, "-enc", "UTF-8"), p, "-")...).Output()
	if err != nil {
		t.Fatal(err)
	}
	return string(out)
}

// No widows and no orphans: read page by page from poppler, a paragraph
// of two lines or more never has its first line alone at the foot of a
// page («Cnn» on the page's last body line without «Fnn») nor its last
// line alone at the head of the next («Fnn» on the first body line, «Cnn»
// on the page before).
func TestNoWidowsOrOrphans(t *testing.T) {
	e, _ := textManual(t)
	data := manualPDF(t, e)
	p := filepath.Join(t.TempDir(), "m.pdf")
	os.WriteFile(p, data, 0o644)
	info := pdfinfo(t, data)
	n := 0
	fmt.Sscanf(info[strings.Index(info, "Pages:")+6:], "%d", &n)
	checked := 0
	for i := 1; i <= n; i++ {
		out, err := exec.Command("pdftotext", "-layout", "-enc", "UTF-8", "-f", strconv.Itoa(i), "-l", strconv.Itoa(i), p, "-").Output()
		if err != nil {
			t.Fatal(err)
		}
		var body []string
		for _, l := range strings.Split(string(out), "\n") {
			l = strings.TrimSpace(l)
			if l == "" || strings.Contains(l, "Manual de Proceso y Procedimientos") && strings.Contains(l, "Instituto Nacional Electoral") || strings.HasPrefix(l, "Página ") {
				continue
			}
			body = append(body, l)
		}
		if len(body) == 0 {
			continue
		}
		first, last := body[0], body[len(body)-1]
		for k := 0; k < 60; k++ {
			c, f := fmt.Sprintf("C%02d ", k), fmt.Sprintf("F%02d.", k)
			if strings.HasPrefix(last, c) && !strings.Contains(last, f) {
				checked++
				if len(body) >= 2 {
					t.Errorf("page %d ends with the first line of regla %d alone: %q", i, k, last)
				}
			}
			if strings.Contains(first, f) && !strings.Contains(first, c) {
				checked++
				t.Errorf("page %d starts with the last line of regla %d alone: %q", i, k, first)
			}
		}
	}
	_ = checked
}

// lastBodyLines is each page's last line of body text (above «Página X
// de Y»), read with poppler.
func lastBodyLines(t *testing.T, data []byte) []string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "d.pdf")
	os.WriteFile(p, data, 0o644)
	info := pdfinfo(t, data)
	n := 0
	fmt.Sscanf(info[strings.Index(info, "Pages:")+6:], "%d", &n)
	var out []string
	for i := 1; i <= n; i++ {
		b, err := exec.Command("pdftotext", "-layout", "-enc", "UTF-8", "-f", strconv.Itoa(i), "-l", strconv.Itoa(i), p, "-").Output()
		if err != nil {
			t.Fatal(err)
		}
		last := ""
		for _, l := range strings.Split(string(b), "\n") {
			if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "Página ") {
				last = l
			}
		}
		out = append(out, last)
	}
	return out
}

// A criterion's caption in the dictamen never ends a page: it goes with its
// table (the five criteria of H.4.05 fall across a page break).
func TestDictamenCaptionsKeepWithTable(t *testing.T) {
	data, err := dictamenPDF(t, example(t, "H.4.05"), false)
	if err != nil {
		t.Fatal(err)
	}
	caption := regexp.MustCompile(`^\d+\. .*: (Cumple|No cumple|Cumple con observaciones|No aplica)\.$`)
	for i, l := range lastBodyLines(t, data) {
		if caption.MatchString(l) {
			t.Errorf("page %d ends with the caption %q", i+1, l)
		}
	}
}

// No table row stands alone on a page: procedures whose activity tables
// run from 6 to 40 rows, with descriptions of every length, so that the
// tables break at every point of a page; on each page (the diagrams'
// aside) a table that goes on from or to another page shows two rows or
// more.
func TestNoTableRowAlone(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 3))
	m := synth.Manual(3, 1)
	row := regexp.MustCompile(`Fila (\d+)-(\d+):`)
	var procs []manuals.Procedure
	for k := 0; k < 12; k++ {
		p := m.Subprocesos[0].Procedimientos[0]
		p.Codigo = manuals.Code(fmt.Sprintf("H.1.01.1.%02d", k+1))
		n := 6 + r.IntN(35)
		acts := make([]manuals.Activity, n)
		for i := range acts {
			acts[i] = manuals.Activity{Numero: i + 1, Responsable: m.Roles[r.IntN(len(m.Roles))].Nombre,
				Descripcion: fmt.Sprintf("Fila %d-%d: %s.", k, i+1, prose(r, 5+r.IntN(60)))}
		}
		acts[n-1].Fin = true
		p.Actividades = acts
		procs = append(procs, p)
	}
	m.Subprocesos = m.Subprocesos[:1]
	m.Subprocesos[0].Procedimientos = procs
	data := manualPDF(t, &manuals.Expediente{Manual: m})
	pages := pageTexts(t, data)
	split := 0
	for i, pg := range pages {
		if i == 0 || strings.Contains(pg, "Diagrama de flujo:") {
			continue
		}
		perTable := map[string]map[string]bool{}
		for _, x := range row.FindAllStringSubmatch(pg, -1) {
			if perTable[x[1]] == nil {
				perTable[x[1]] = map[string]bool{}
			}
			perTable[x[1]][x[2]] = true
		}
		for k, rows := range perTable {
			if len(rows) == 1 {
				t.Errorf("page %d: one row of table %s alone: %v", i, k, rows)
			}
			if i+1 < len(pages) && strings.Contains(pages[i+1], "Fila "+k+"-") && !strings.Contains(pages[i+1], "Diagrama de flujo:") {
				split++
			}
		}
	}
	if split < 5 {
		t.Errorf("only %d tables cross a page: the test tries too little", split)
	}
}
