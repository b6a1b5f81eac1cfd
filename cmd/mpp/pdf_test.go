package main

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
)

func pdfText(t *testing.T, path string) string {
	t.Helper()
	out, err := exec.Command("pdftotext", "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("pdftotext: %v", err)
		}
		t.Skip("pdftotext not available")
	}
	// Words hyphenated at a line end carry a soft hyphen (U+00AD), which
	// pdftotext keeps: joined here as a viewer joins them.
	text := strings.ReplaceAll(strings.ReplaceAll(string(out), "\u00ad\n", ""), "\u00ad", "")
	return strings.Join(strings.Fields(text), " ")
}

// checkOutline reads a PDF's outline back with qpdf and requires each
// bookmark (if it has any: a certificación of two pages has none) to point
// at a page that prints its title.
func checkOutline(t *testing.T, path string) {
	t.Helper()
	out, err := exec.Command("qpdf", "--json", "--json-key=outlines", path).Output()
	if err != nil {
		t.Fatalf("qpdf: %v", err)
	}
	var doc struct {
		Outlines []struct {
			Title string `json:"title"`
			Page  int    `json:"destpageposfrom1"`
		} `json:"outlines"`
	}
	if err := json.Unmarshal(out, &doc); err != nil {
		t.Fatal(err)
	}
	for _, o := range doc.Outlines {
		page, err := exec.Command("pdftotext", "-enc", "UTF-8", "-f", strconv.Itoa(o.Page), "-l", strconv.Itoa(o.Page), path, "-").Output()
		if err != nil {
			t.Fatalf("pdftotext: %v", err)
		}
		if title := strings.Join(strings.Fields(o.Title), " "); !strings.Contains(strings.Join(strings.Fields(string(page)), " "), title) {
			t.Errorf("%s: bookmark %q points at page %d, which does not print it", filepath.Base(path), title, o.Page)
		}
	}
}

func TestRenderDOF(t *testing.T) {
	dir := t.TempDir()
	// Without publication data, nothing is written.
	bare := filepath.Join(dir, "sin-publicacion")
	copyDir(t, "../../examples/H.4.05", bare)
	b, _ := os.ReadFile(filepath.Join(bare, "acuerdo.yaml"))
	s := string(b)
	i, j := strings.Index(s, "publicacion:"), strings.Index(s, "correcciones:")
	writeFile(t, filepath.Join(bare, "acuerdo.yaml"), s[:i]+s[j:])
	out := filepath.Join(dir, "extracto.pdf")
	if code, _, errOut := mpp(t, "render", "dof", bare, "-o", out); code != exitUsage || !strings.Contains(errOut, "fecha de publicación") {
		t.Errorf("no date: %d %q", code, errOut)
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Error("written without a date")
	}
	// The example's own (illustrative) publication data, labelled as such.
	own := filepath.Join(dir, "propia.pdf")
	if code, _, errOut := mpp(t, "render", "dof", "../../examples/H.4.05", "-o", own); code != 0 {
		t.Fatalf("with publicacion: %d %s", code, errOut)
	}
	if txt := pdfText(t, own); !strings.Contains(txt, "Jueves 8 de diciembre de 2022") || !strings.Contains(txt, "Contenido ilustrativo. La fecha de publicación y las ligas") {
		t.Errorf("publicacion not used or not labelled: %.300s", txt)
	}
	code, _, errOut := mpp(t, "render", "dof", "../../examples/H.4.05", "-o", out, "--fecha-dof", "8 de diciembre de 2022",
		"--liga", "https://example.org/anexo.pdf", "--considerando", "36", "--considerando", "37")
	if code != 0 {
		t.Fatalf("render dof: %d %s", code, errOut)
	}
	txt := pdfText(t, out)
	for _, w := range []string{"INE/JGE248/2022", "[...] 36. El proceso", "37. El Manual de Proceso", "https://example.org/anexo.pdf"} {
		if !strings.Contains(txt, w) {
			t.Errorf("missing %q", w)
		}
	}
	// --plantillas replaces one template and keeps the others.
	tpl := filepath.Join(dir, "plantillas")
	os.MkdirAll(tpl, 0o755)
	writeFile(t, filepath.Join(tpl, "dof.pdf.tmpl"), "@titulo\nEXTRACTO PROPIO {{.Codigo}}\n")
	custom := filepath.Join(dir, "propio.pdf")
	if code, _, errOut := mpp(t, "render", "dof", "../../examples/H.4.05", "-o", custom, "--fecha-dof", "2022-12-08", "--liga", "https://x.org", "--plantillas", tpl); code != 0 {
		t.Fatalf("--plantillas: %d %s", code, errOut)
	}
	if txt := pdfText(t, custom); !strings.Contains(txt, "EXTRACTO PROPIO INE/JGE248/2022") || strings.Contains(txt, "GLOSARIO") {
		t.Errorf("override not used: %s", txt)
	}
	if code, stdout, _ := mpp(t, "render", "acuerdo", "../../examples/H.4.05", "--plantillas", tpl); code != 0 || !strings.HasPrefix(stdout, "INE/JGE248/2022") {
		t.Errorf("acuerdo txt with a partial --plantillas: %d", code)
	}
}

func TestBuild(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out")
	code, stdout, errOut := mpp(t, "build", "../../examples", "-o", out)
	if code != 0 {
		t.Fatalf("build: %d\n%s\n%s", code, stdout, errOut)
	}
	for _, exp := range []string{"H.4.05", "S.5.01"} {
		for _, f := range []string{"validacion.txt", "validacion.pdf", "manual.pdf", "dictamen.pdf", "acuerdo.pdf", "gaceta.pdf", "libro.xlsx", "acuerdo.txt", "extracto-dof.pdf"} {
			st, err := os.Stat(filepath.Join(out, exp, f))
			if err != nil || st.Size() == 0 {
				t.Errorf("%s/%s: %v", exp, f, err)
			}
			if !strings.Contains(stdout, f) {
				t.Errorf("no summary line for %s", f)
			}
		}
	}
	// Building again: refused without --forzar, nothing touched; with it,
	// the outputs are replaced, byte for byte the same.
	before, _ := os.ReadFile(filepath.Join(out, "H.4.05", "manual.pdf"))
	if code, _, errOut := mpp(t, "build", "../../examples/H.4.05", "-o", out); code != exitUsage || !strings.Contains(errOut, "ya existe; use --forzar") {
		t.Errorf("second build without --forzar: %d %s", code, errOut)
	}
	if code, _, errOut := mpp(t, "build", "../../examples/H.4.05", "-o", out, "--forzar"); code != 0 {
		t.Fatalf("second build: %d %s", code, errOut)
	}
	after, _ := os.ReadFile(filepath.Join(out, "H.4.05", "manual.pdf"))
	if string(before) != string(after) {
		t.Error("a second build gives a different manual.pdf")
	}
	// A manual with errors: documents are written, exit 1.
	broken := filepath.Join(t.TempDir(), "roto")
	copyDir(t, "../../examples/S.5.01", broken)
	b, _ := os.ReadFile(filepath.Join(broken, "manual.yaml"))
	writeFile(t, filepath.Join(broken, "manual.yaml"), strings.Replace(string(b), "responsable: Enlace de la CAI", "responsable: Rol que nadie declaró", 1))
	code, stdout, errOut = mpp(t, "build", broken, "-o", out, "--forzar")
	if code != exitFindings || !strings.Contains(stdout, "dictamen.pdf") || !strings.Contains(stdout, "no generado: el dictamen es favorable pero la validación tiene errores") {
		t.Errorf("build with errors: %d\n%s\n%s", code, stdout, errOut)
	}
}

// certificar → verificar passes; one character of one activity fails naming
// the field; reformatting the YAML passes; the certification PDF carries the
// fingerprints.
func TestCertifyAndVerify(t *testing.T) {
	exp := filepath.Join(t.TempDir(), "H.4.05")
	copyDir(t, "../../examples/H.4.05", exp)
	os.Remove(filepath.Join(exp, "certificacion.yaml"))
	code, out, errOut := mpp(t, "certificar", exp, "--folio", "INE/DJ/CERT/087/2022", "--fecha", "18 de noviembre de 2022", "--firmante", "Persona titular de la Dirección Jurídica", "--alcance", "acuerdo,manual")
	if code != 0 {
		t.Fatalf("certificar: %d %s %s", code, out, errOut)
	}
	_, huella, _ := mpp(t, "huella", exp)
	if !strings.Contains(out, huella[:20]) {
		t.Errorf("certificar and huella disagree:\n%s\n%s", out, huella)
	}
	checkOutline(t, filepath.Join(exp, "certificacion.pdf"))
	// Of 18 Nov 2022: the 2020 Lineamientos, article 11.3, not the
	// modification of 24 Nov 2022.
	if txt := pdfText(t, filepath.Join(exp, "certificacion.pdf")); !strings.Contains(txt, "artículo 11, apartado 11.3, de los Lineamientos aprobados mediante acuerdo INE/JGE91/2020") || strings.Contains(txt, "artículo 8, numeral 1") {
		t.Error("the certificación of 18 Nov 2022 does not cite article 11.3 of the 2020 Lineamientos")
	}
	if txt := pdfText(t, filepath.Join(exp, "certificacion.pdf")); !strings.Contains(txt, "CERTIFICACIÓN DEL CONTENIDO JURÍDICO") || !strings.Contains(txt, strings.Fields(huella)[1]) {
		t.Errorf("certification PDF: %.300s", txt)
	}
	if code, out, _ := mpp(t, "verificar", exp); code != 0 || strings.Count(out, "coincide") != 2 {
		t.Errorf("verificar after certificar: %d %s", code, out)
	}
	manual := filepath.Join(exp, "manual.yaml")
	orig, _ := os.ReadFile(manual)
	// Reformatted: comments, re-indented, quoted: still the certified content.
	reformatted := "# reformateado\n" + strings.ReplaceAll(string(orig), "\n    - numero:", "\n\n    # una actividad\n    - numero:")
	reformatted = strings.Replace(reformatted, "  version: '1.0'", "  version: \"1.0\"   # comentario", 1)
	// Two keys swapped in datos_generales.
	lines := strings.Split(reformatted, "\n")
	for i := range lines[:len(lines)-1] {
		if strings.HasPrefix(lines[i], "  nombre: Gestión del Portal Institucional") && strings.HasPrefix(lines[i+1], "  codigo: H.4.05") {
			lines[i], lines[i+1] = lines[i+1], lines[i]
			break
		}
	}
	reformatted = strings.Join(lines, "\n")
	if reformatted == string(orig) {
		t.Fatal("the reformatting changed nothing")
	}
	writeFile(t, manual, reformatted)
	if code, out, _ := mpp(t, "verificar", exp); code != 0 {
		t.Errorf("verificar after reformatting: %d %s", code, out)
	}
	// One character of one activity.
	writeFile(t, manual, strings.Replace(string(orig), "descripcion: Valida la publicación en Internet.", "descripcion: Valida la publicación en Intranet.", 1))
	code, out, _ = mpp(t, "verificar", exp)
	if code != exitFindings || !strings.Contains(out, "manual: CAMBIÓ") || !strings.Contains(out, "campos que cambiaron: subprocesos[1].procedimientos[1].actividades[6].descripcion") {
		t.Errorf("verificar after a change: %d\n%s", code, out)
	}
	if code, out, _ := mpp(t, "validate", exp); code != exitFindings || !strings.Contains(out, "FLU-006") {
		t.Errorf("validate after a change: %d\n%s", code, out)
	}
}

// A PDF rendered from the certified content passes verification; one
// rendered before the content changed and was certified again fails.
func TestVerifyPDFs(t *testing.T) {
	dir := t.TempDir()
	exp := filepath.Join(dir, "H.4.05")
	copyDir(t, "../../examples/H.4.05", exp)
	certify := func() {
		t.Helper()
		if code, out, errOut := mpp(t, "certificar", exp, "--folio", "F-1", "--fecha", "2022-11-18", "--firmante", "DJ", "--forzar", "--alcance", "acuerdo,manual"); code != 0 {
			t.Fatalf("certificar: %d %s %s", code, out, errOut)
		}
	}
	certify()
	before := filepath.Join(dir, "gaceta-antes.pdf")
	if code, _, errOut := mpp(t, "render", "gaceta", exp, "-o", before); code != 0 {
		t.Fatalf("render: %s", errOut)
	}
	if code, out, _ := mpp(t, "verificar", exp, before); code != 0 || !strings.Contains(out, "se hizo con el manual certificado") {
		t.Errorf("the certified Gaceta: %d %s", code, out)
	}
	manual := filepath.Join(exp, "manual.yaml")
	b, _ := os.ReadFile(manual)
	writeFile(t, manual, strings.Replace(string(b), "descripcion: Valida la publicación en Internet.", "descripcion: Valida la publicación en Intranet.", 1))
	certify()
	after := filepath.Join(dir, "gaceta-despues.pdf")
	if code, _, errOut := mpp(t, "render", "gaceta", exp, "-o", after); code != 0 {
		t.Fatalf("render: %s", errOut)
	}
	code, out, _ := mpp(t, "verificar", exp, before, after)
	if code != exitFindings || !strings.Contains(out, "gaceta-antes.pdf: NO se hizo con el manual certificado") ||
		!strings.Contains(out, "gaceta-despues.pdf: se hizo con el manual certificado") || !strings.Contains(out, "gaceta-antes.pdf: se hizo con el acuerdo certificado") {
		t.Errorf("verificar: %d\n%s", code, out)
	}
}

// A certified Gaceta saved again by qpdf (object streams, linearised)
// still verifies; a label alone in a text file, and a PDF whose attachment
// was swapped for another expediente's, do not.
func TestVerifyResavedAndForged(t *testing.T) {
	dir := t.TempDir()
	exp := filepath.Join(dir, "H.4.05")
	copyDir(t, "../../examples/H.4.05", exp)
	if code, out, errOut := mpp(t, "certificar", exp, "--folio", "F-1", "--fecha", "2022-11-18", "--firmante", "DJ", "--forzar", "--alcance", "acuerdo,manual"); code != 0 {
		t.Fatalf("certificar: %d %s %s", code, out, errOut)
	}
	g := filepath.Join(dir, "gaceta.pdf")
	if code, _, errOut := mpp(t, "render", "gaceta", exp, "-o", g); code != 0 {
		t.Fatalf("render: %s", errOut)
	}
	for i, args := range [][]string{{"--object-streams=generate"}, {"--linearize"}, {"--object-streams=generate", "--linearize"}} {
		out := filepath.Join(dir, fmt.Sprintf("resave-%d.pdf", i))
		if b, err := exec.Command("qpdf", append(args, g, out)...).CombinedOutput(); err != nil {
			t.Fatalf("qpdf: %v %s", err, b)
		}
		if code, stdout, _ := mpp(t, "verificar", exp, out); code != 0 || !strings.Contains(stdout, "se hizo con el manual certificado") || !strings.Contains(stdout, "se hizo con el acuerdo certificado") {
			t.Errorf("qpdf %v: %d\n%s", args, code, stdout)
		}
	}
	// A Gaceta made from an uncertified manual, with the certified label
	// appended after its end (the old reader took the last /Keywords in
	// the file): the PDF's own label and attachment are what count.
	forgedExp := filepath.Join(dir, "modificado")
	copyDir(t, "../../examples/H.4.05", forgedExp)
	mb, _ := os.ReadFile(filepath.Join(forgedExp, "manual.yaml"))
	writeFile(t, filepath.Join(forgedExp, "manual.yaml"), strings.Replace(string(mb), "Valida la publicación en Internet.", "Valida la publicación en Intranet.", 1))
	forged := filepath.Join(dir, "falsa.pdf")
	if code, _, errOut := mpp(t, "render", "gaceta", forgedExp, "-o", forged); code != 0 {
		t.Fatalf("render: %s", errOut)
	}
	_, prints, _ := mpp(t, "huella", exp)
	certifiedManual := strings.Fields(strings.Split(prints, "\n")[1])[1]
	fb, _ := os.ReadFile(forged)
	writeFile(t, forged, string(fb)+"\n1 0 obj\n<< /Keywords (mpp-huella manual "+certifiedManual+") >>\nendobj\n")
	if code, stdout, _ := mpp(t, "verificar", exp, forged); code != exitFindings || !strings.Contains(stdout, "NO se hizo con el manual certificado") {
		t.Errorf("forged label appended: %d\n%s", code, stdout)
	}
	// The label only, in a text file.
	b, _ := os.ReadFile(g)
	i := bytes.Index(b, []byte("/Keywords ("))
	j := bytes.IndexByte(b[i:], '\n')
	label := filepath.Join(dir, "label.pdf")
	writeFile(t, label, "%PDF-1.4\n"+string(b[i:i+j])+"\n")
	if code, stdout, _ := mpp(t, "verificar", exp, label); code != exitFindings || strings.Contains(stdout, "se hizo con") {
		t.Errorf("a label-only file: %d\n%s", code, stdout)
	}
	// The manual.yaml attachment swapped (pdfcpu removes it, qpdf adds
	// another expediente's canonical manual in its place): the label is
	// the certified one, the content is not.
	other := filepath.Join(dir, "manual.yaml")
	writeFile(t, other, "datos_generales: {codigo: S.5.01}\n")
	swapped := filepath.Join(dir, "swapped.pdf")
	stripped := filepath.Join(dir, "stripped.pdf")
	list, err := exec.Command("qpdf", "--list-attachments", "--verbose", g).Output()
	m := regexp.MustCompile(`(?m)^(\S+) -> .*\n.*\n  preferred name: manual\.yaml`).FindSubmatch(list)
	if err != nil || m == nil {
		t.Fatalf("qpdf --list-attachments: %v\n%s", err, list)
	}
	if out, err := exec.Command("qpdf", g, "--remove-attachment="+string(m[1]), "--", stripped).CombinedOutput(); err != nil {
		t.Fatalf("qpdf remove: %v %s", err, out)
	}
	if out, err := exec.Command("qpdf", stripped, "--add-attachment", other, "--", swapped).CombinedOutput(); err != nil {
		t.Fatalf("qpdf add: %v %s", err, out)
	}
	code, stdout, _ := mpp(t, "verificar", exp, swapped)
	if code != exitFindings || !strings.Contains(stdout, "no es la del manual.yaml adjunto") || strings.Contains(stdout, "se hizo con el manual certificado") {
		t.Errorf("swapped attachment: %d\n%s", code, stdout)
	}
	if code, stdout, _ := mpp(t, "verificar", exp, stripped); code != exitFindings || !strings.Contains(stdout, "no viene con su forma canónica adjunta (manual.yaml)") {
		t.Errorf("attachment removed: %d\n%s", code, stdout)
	}
}

// The DOF's Word file from the command line: by its name or --formato; a
// Word name for a PDF is refused; build writes it beside the preview.
func TestRenderDOFWord(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "extracto.docx")
	if code, _, errOut := mpp(t, "render", "dof", "../../examples/H.4.05", "-o", out); code != 0 {
		t.Fatalf("render dof -o .docx: %d %s", code, errOut)
	}
	b, err := os.ReadFile(out)
	if err != nil || !bytes.HasPrefix(b, []byte("PK")) {
		t.Fatalf("not a Word file: %v", err)
	}
	if code, _, errOut := mpp(t, "render", "dof", "../../examples/H.4.05", "--formato", "docx", "-o", filepath.Join(dir, "x.pdf")); code != exitUsage || !strings.Contains(errOut, "Word") {
		t.Errorf("docx into .pdf: %d %s", code, errOut)
	}
	if code, stdout, errOut := mpp(t, "build", "../../examples/H.4.05", "-o", filepath.Join(dir, "out")); code != 0 || !strings.Contains(stdout, "extracto-dof.docx") {
		t.Errorf("build: %d %s %s", code, stdout, errOut)
	}
}
