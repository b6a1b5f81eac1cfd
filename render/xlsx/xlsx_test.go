package xlsx_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/cipro-ine/mpp/manuals"
	"github.com/cipro-ine/mpp/manuals/profile"
	"github.com/cipro-ine/mpp/manuals/rules"
	"github.com/cipro-ine/mpp/manuals/synth"
	wb "github.com/cipro-ine/mpp/manuals/workbook"
	"github.com/cipro-ine/mpp/manuals/yamldoc"
	"github.com/cipro-ine/mpp/render/xlsx"
)

func load(t testing.TB, code string) xlsx.Input {
	t.Helper()
	e, err := manuals.LoadExpediente("../../examples/" + code)
	if err != nil {
		t.Fatal(err)
	}
	return xlsx.Input{Exp: e, Findings: rules.Run(e, profile.Default())}
}

func render(t testing.TB, in xlsx.Input) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := xlsx.Expediente(&b, in); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func open(t testing.TB, data []byte) *excelize.File {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	return f
}

func cell(t *testing.T, f *excelize.File, sheet, ref string) string {
	t.Helper()
	v, err := f.GetCellValue(sheet, ref)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func TestExpedienteWorkbook(t *testing.T) {
	f := open(t, render(t, load(t, "H.4.05")))
	wantSheets := []string{"Procesos", "Subprocesos", "Procedimientos", "Actividades", "Roles", "Controles", "Riesgos",
		"Indicadores", "Glosario", "Control de cambios", "Firmas", "Rondas de observaciones", "Hallazgos", "Listas"}
	if got := f.GetSheetList(); strings.Join(got, "|") != strings.Join(wantSheets, "|") {
		t.Fatalf("sheets %v", got)
	}
	// Headers, from the layout.
	for _, s := range []wb.Sheet{wb.Procesos, wb.Actividades, wb.Riesgos, wb.Hallazgos} {
		row, _ := f.GetRows(s.Name)
		for i, c := range s.Columns {
			if row[0][i] != c.Header {
				t.Errorf("%s header %d: %q, want %q", s.Name, i, row[0][i], c.Header)
			}
		}
	}
	// A sample of cells, read off the example by a person.
	checks := map[[2]string]string{
		{"Procesos", "A2"}:       "H.4.05",
		{"Procesos", "B2"}:       "Gestión del Portal Institucional",
		{"Procesos", "D2"}:       "24/11/2022",
		{"Procesos", "M2"}:       "12",
		{"Procesos", "N2"}:       "84",
		{"Subprocesos", "B3"}:    "H.4.05.2",
		{"Procedimientos", "C6"}: "H.4.05.1.05",
		{"Procedimientos", "D6"}: "Emisión de Dictamen de Micrositios",
		{"Actividades", "B2"}:    "H.4.05.1.01",
		{"Actividades", "C4"}:    "3",
		{"Actividades", "L4"}:    "¿La solicitud cumple con los criterios?",
		{"Actividades", "M4"}:    "Sí → 5\nNo → 4",
		{"Roles", "G1"}:          "H.4.05.1.01",
		{"Riesgos", "G2"}:        "6",
		{"Glosario", "B4"}:       "UTTyPDP",
		{"Hallazgos", "B2"}:      "ACU-007",
		{"Hallazgos", "H2"}:      "«CGPE» está en el glosario («Comité de Gestión y Publicación Electrónica») pero no se usa",
		{"Hallazgos", "C2"}:      "advertencia",
		{"Listas", "A2"}:         "error",
	}
	for at, want := range checks {
		if got := cell(t, f, at[0], at[1]); got != want {
			t.Errorf("%s!%s = %q, want %q", at[0], at[1], got, want)
		}
	}
	// Every sheet but Listas is one Excel table with a frozen header.
	for _, s := range f.GetSheetList() {
		if s == "Listas" {
			if v, _ := f.GetSheetVisible(s); v {
				t.Error("Listas is visible")
			}
			continue
		}
		tbls, err := f.GetTables(s)
		if err != nil || len(tbls) != 1 || !strings.HasPrefix(tbls[0].Range, "A1:") {
			t.Errorf("%s: tables %+v %v", s, tbls, err)
		}
		p, err := f.GetPanes(s)
		if err != nil || !p.Freeze || p.YSplit != 1 || p.TopLeftCell != "A2" {
			t.Errorf("%s: panes %+v %v", s, p, err)
		}
	}
	// Closed-set columns carry a list validation from the Listas sheet.
	for sheet, sqref := range map[string]string{"Riesgos": "E2:E1048576", "Hallazgos": "C2:C1048576", "Rondas de observaciones": "E2:E1048576", "Controles": "E2:E1048576"} {
		dvs, _ := f.GetDataValidations(sheet)
		found := false
		for _, dv := range dvs {
			if dv.Sqref == sqref && dv.Type == "list" && strings.HasPrefix(dv.Formula1, "Listas!") {
				found = true
			}
		}
		if !found {
			t.Errorf("%s: no list validation on %s: %+v", sheet, sqref, dvs)
		}
	}
	// Codes link to their rows in other sheets.
	links := map[[2]string]string{
		{"Procedimientos", "C2"}: "Actividades!A2",
		{"Procedimientos", "C3"}: "Actividades!A9",
		{"Subprocesos", "B3"}:    "Procedimientos!A13",
		{"Procesos", "A2"}:       "Subprocesos!A2",
		{"Riesgos", "B2"}:        "Procedimientos!A2",
	}
	for at, want := range links {
		ok, got, err := f.GetCellHyperLink(at[0], at[1])
		if err != nil || !ok || got != want {
			t.Errorf("%s!%s links to %q (%v), want %q", at[0], at[1], got, ok, want)
		}
	}
	// The link target is the procedure's first activity.
	if got := cell(t, f, "Actividades", "B9"); got != "H.4.05.1.02" {
		t.Errorf("Actividades!B9 = %q", got)
	}
	// The risk heat map.
	if cf, err := f.GetConditionalFormats("Riesgos"); err != nil || len(cf) != 2 {
		t.Errorf("conditional formats: %v %v", cf, err)
	}
	props, err := f.GetDocProps()
	if err != nil || props.Title != "Manual H.4.05 Gestión del Portal Institucional" || props.Creator != "mpp" ||
		props.Created != "2022-11-24T00:00:00Z" || props.Language != "es-MX" || props.Subject == "" {
		t.Errorf("doc props %+v %v", props, err)
	}
}

func TestDeterministic(t *testing.T) {
	for _, code := range []string{"H.4.05", "S.5.01"} {
		in := load(t, code)
		if !bytes.Equal(render(t, in), render(t, in)) {
			t.Errorf("%s: two renders differ", code)
		}
	}
	ins := []xlsx.Input{load(t, "H.4.05"), load(t, "S.5.01")}
	var a, b bytes.Buffer
	if err := xlsx.Catalog(&a, ins); err != nil {
		t.Fatal(err)
	}
	xlsx.Catalog(&b, ins)
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("two catalog renders differ")
	}
}

func roundTrip(t *testing.T, name string, m *manuals.Manual) {
	t.Helper()
	data := render(t, xlsx.Input{Exp: &manuals.Expediente{Dir: name, Manual: m}})
	back, err := wb.Read(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	want, _ := yamldoc.Encode(m)
	got, _ := yamldoc.Encode(back)
	if !bytes.Equal(got, want) {
		gl, wl := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
		for i := range wl {
			if i >= len(gl) || gl[i] != wl[i] {
				t.Fatalf("%s: YAML → XLSX → YAML differs at line %d:\n got %q\nwant %q", name, i+1, at(gl, i), wl[i])
			}
		}
		t.Fatalf("%s: extra lines", name)
	}
}

func at(s []string, i int) string {
	if i < len(s) {
		return s[i]
	}
	return "(fin)"
}

func TestRoundTripExamples(t *testing.T) {
	for _, code := range []string{"H.4.05", "S.5.01"} {
		roundTrip(t, code, load(t, code).Exp.Manual)
	}
}

func TestRoundTripGenerated(t *testing.T) {
	for i := 0; i < 50; i++ {
		roundTrip(t, string(synth.Code(i)), synth.Manual(42, i))
	}
}
