package pdf_test

import (
	"bytes"
	"errors"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/cipro-ine/mpp/manuals"
	"github.com/cipro-ine/mpp/manuals/profile"
	"github.com/cipro-ine/mpp/manuals/rules"
	"github.com/cipro-ine/mpp/render/pdf"
)

func dictamenPDF(t *testing.T, e *manuals.Expediente, draft bool) ([]byte, error) {
	t.Helper()
	prof := profile.Default()
	var b bytes.Buffer
	err := pdf.Dictamen(&b, pdf.DictamenInput{Exp: e, Findings: rules.Run(e, prof), Profile: prof, Draft: draft}, pdf.Options{})
	return b.Bytes(), err
}

func TestDictamen(t *testing.T) {
	e := example(t, "H.4.05")
	data, err := dictamenPDF(t, e, false)
	if err != nil {
		t.Fatal(err)
	}
	txt := strings.Join(pageTexts(t, data), " ")
	for _, w := range []string{
		"INSTITUTO NACIONAL ELECTORAL DIRECCIÓN EJECUTIVA DE ADMINISTRACIÓN COORDINACIÓN DE INNOVACIÓN Y PROCESOS",
		"Folio: INE/DEA/CIPRO/DT/031/2022", "Ciudad de México, a 15 de noviembre de 2022", "DICTAMEN TÉCNICO",
		"Contenido ilustrativo. Datos ilustrativos de este dictamen (no constan en el acuerdo): folio, rondas, firmantes.",
		"2 subprocesos, 12 procedimientos, 84 actividades",
		"El 26 de septiembre de 2022, la Coordinación de Innovación y Procesos comunicó a la unidad responsable 14 observaciones (ronda 1), que fueron atendidas el 14 de octubre de 2022.",
		// Of 15 Nov 2022, before the 2022 modification: issued under
		// article 11.2 of the 2020 Lineamientos, as the acuerdo's
		// considerando 37 says, in that regime's wording.
		"Artículo 11, apartado 11.2, numerales 1 a 4, de los Lineamientos",
		"reúne las condiciones y los requerimientos para ser sometido al proceso de aprobación",
		// The Lineamientos' criteria, each with its checks.
		"1. Codificación y estructura del proceso: Cumple.", "COD-001",
		"2. Procedimientos: reglas de operación, responsables y flujo de las actividades: Cumple.", "MAN-005", "MAN-009",
		"6. Atención de las observaciones de la CIPro: Cumple.", "FLU-002",
		"Ana Laura Martínez de Lara", "Titular de la Dirección Ejecutiva de Administración",
	} {
		if !strings.Contains(txt, w) {
			t.Errorf("dictamen lacks %q", w)
		}
	}
	// Not criteria of the manual: the tool's own checks, the acuerdo's
	// drafting, later stages.
	for _, id := range []string{"ING-001", "ING-002", "PER-001", "ACU-006", "FLU-005", "FLU-006", "XDOC-002"} {
		if strings.Contains(txt, id) {
			t.Errorf("the dictamen lists %s", id)
		}
	}
	if strings.Contains(txt, "Artículo 7, numerales") || strings.Contains(txt, "modificados por la Junta General Ejecutiva el 24 de noviembre de 2022") {
		t.Error("the dictamen of 15 Nov 2022 cites the modification of 24 Nov 2022")
	}
	// A dictamen dated after the modification speaks of article 7.
	later := *e
	d := *e.Dictamen
	d.Fecha = manuals.Date{Year: 2022, Month: 12, Day: 5}
	later.Dictamen = &d
	if txt := strings.Join(pageTexts(t, mustPDF(dictamenPDF(t, &later, true))), " "); !strings.Contains(txt, "Artículo 7, numerales 1, 2 y 3, de los Lineamientos") {
		t.Error("a dictamen of 5 Dec 2022 does not cite article 7 of the 2022 modification")
	}
	// The 2020 regime speaks of article 11.2.
	if txt := strings.Join(pageTexts(t, mustPDF(dictamenPDF(t, example(t, "S.5.01"), false))), " "); !strings.Contains(txt, "Artículo 11, apartado 11.2, numerales 1 a 4") || !strings.Contains(txt, "reúne las condiciones y los requerimientos") {
		t.Error("2020 regime wording missing")
	}
	// A favourable dictamen is refused while validation has errors.
	broken := *e
	m := *e.Manual
	m.Subprocesos = append([]manuals.Subprocess(nil), m.Subprocesos...)
	m.Subprocesos[0].Procedimientos = append([]manuals.Procedure(nil), m.Subprocesos[0].Procedimientos...)
	m.Subprocesos[0].Procedimientos[0].ReglasOperacion = nil // MAN-005
	broken.Manual = &m
	if _, err := dictamenPDF(t, &broken, false); !errors.Is(err, pdf.ErrFavourableWithErrors) {
		t.Errorf("favourable with errors: %v", err)
	}
	draft, err := dictamenPDF(t, &broken, true)
	if err != nil {
		t.Fatal(err)
	}
	if txt := strings.Join(pageTexts(t, draft), " "); !strings.Contains(txt, "MAN-005") || !strings.Contains(txt, "2. Procedimientos: reglas de operación, responsables y flujo de las actividades: No cumple.") {
		t.Error("draft dictamen lacks the failing criterion")
	}
	// A sigla of the manual without its glosario entry: MAN-011, a warning,
	// under its criterion.
	m2 := *e.Manual
	m2.Alcance += " Lo coordina la CNDH."
	warned := *e
	warned.Manual = &m2
	if txt := strings.Join(pageTexts(t, mustPDF(dictamenPDF(t, &warned, false))), " "); !strings.Contains(txt, "4. Claridad: siglas definidas en el glosario: Cumple con observaciones.") || !strings.Contains(txt, "«CNDH»") {
		t.Error("the warning of MAN-011 is not under its criterion")
	}
}

func mustPDF(b []byte, err error) []byte {
	if err != nil {
		panic(err)
	}
	return b
}

func TestAcuerdoAndGaceta(t *testing.T) {
	e := example(t, "H.4.05")
	var a, g bytes.Buffer
	if err := pdf.Acuerdo(&a, e.Acuerdo, pdf.Options{}); err != nil {
		t.Fatal(err)
	}
	txt := strings.Join(pageTexts(t, a.Bytes()), " ")
	for _, w := range []string{"INE/JGE248/2022", "GLOSARIO", "ANTECEDENTES", "XII. El día de la fecha 24 de noviembre de 2022",
		"CONSIDERANDOS", "PRIMERO. Competencia.", "a. Sensibilización.", "36. El proceso “Gestión del Portal Institucional”",
		"De acuerdo con el sistema de codificación le corresponde el código H.4.05.", "ACUERDOS", "SÉPTIMO. - Publíquese",
		"DR. LORENZO CÓRDOVA VIANELLO"} {
		if !strings.Contains(txt, w) {
			t.Errorf("acuerdo lacks %q", w)
		}
	}
	if err := pdf.Gaceta(&g, e, pdf.Options{}); err != nil {
		t.Fatal(err)
	}
	pages := pageTexts(t, g.Bytes())
	all := strings.Join(pages, " ")
	if !strings.Contains(pages[1], "INE/JGE248/2022") || !strings.Contains(all, "Manual de Proceso y Procedimientos Gestión del Portal Institucional Código: H.4.05") {
		t.Error("the Gaceta edition lacks the acuerdo or the manual")
	}
	titles := strings.Join(outlineTitles(t, g.Bytes()), "\n")
	for _, w := range []string{"Acuerdo INE/JGE248/2022\n  GLOSARIO", "Anexo: Manual de Proceso y Procedimientos H.4.05 Gestión del Portal Institucional\n  Introducción",
		"  Subproceso H.4.05.2 Gestión de la Opinión Pública\n    H.4.05.2.01 Atención de los Comentarios y de la Opinión Pública a través de los Portales de Internet e Intranet\n      Objetivo"} {
		if !strings.Contains(titles, w) {
			t.Errorf("Gaceta outline lacks %q", w)
		}
	}
	// The manual's index inside the Gaceta points to the edition's pages.
	for i, p := range pages {
		if strings.Contains(p, "ÍNDICE") {
			m := regexp.MustCompile(`Control de cambios \.+ (\d+)`).FindStringSubmatch(p)
			if m == nil {
				t.Fatalf("index of page %d unreadable", i)
			}
			n, _ := strconv.Atoi(m[1])
			if !strings.Contains(pages[n], "Control de cambios Versión Fecha Descripción Responsable") {
				t.Errorf("the Gaceta index says Control de cambios is on page %d", n)
			}
		}
	}
}
