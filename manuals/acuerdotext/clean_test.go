package acuerdotext

import (
	"strings"
	"testing"
)

func paraTexts(c *Cleaned) []string {
	var out []string
	for _, p := range c.Paras {
		out = append(out, p.Text)
	}
	return out
}

func TestClean(t *testing.T) {
	cases := []struct {
		name, in string
		want     []string
	}{
		{"markdown residue", "- 16.** El artículo 64.\n\n**EL CONSEJERO\nPRESIDENTE**\n- a. Sensibilización.",
			[]string{"16. El artículo 64.", "EL CONSEJERO PRESIDENTE", "a. Sensibilización."}},
		{"letter-spaced heading", "G L O S A R I O\n\nA N T E C E D E N T E S", []string{"GLOSARIO", "ANTECEDENTES"}},
		{"wrapped lines and end-of-line hyphen", "El proceso se documen-\ntó de extremo a\nextremo.", []string{"El proceso se documentó de extremo a extremo."}},
		{"hyphen before a capital stays", "Plan Estratégico del INE 2016-\nINE 2026.", []string{"Plan Estratégico del INE 2016- INE 2026."}},
		{"sentence cut by a page break (lower case)", "en los términos\n\nque ordene la LGIPE.", []string{"en los términos que ordene la LGIPE."}},
		{"sentence cut after a connector", "el Modelo de\n\nGestión por Procesos aprobado.", []string{"el Modelo de Gestión por Procesos aprobado."}},
		{"no join after a full stop", "Termina aquí.\n\nsigue en minúscula.", []string{"Termina aquí.", "sigue en minúscula."}},
		{"page number lines", "Primer párrafo.\n\n3\n\n- 4 -\n\nPágina 5 de 11\n\nSegundo párrafo.", []string{"Primer párrafo.", "Segundo párrafo."}},
		{"running header across pages", "INE/JGE9/2023\n\nHEADER PAGE\nuno del\n\fHEADER PAGE\nacuerdo.\n\fHEADER PAGE\nDos.\n\fHEADER PAGE\nTres.",
			[]string{"INE/JGE9/2023", "uno del acuerdo.", "Dos.", "Tres."}},
		{"running header read with a slip on one page", "INSTITUTO NACIONAL ELECTORAL INE/JGE9/2023\nuno del\n\fINSTITUTO NACIONAL ELECTORAL INE/JGE9/2023\nacuerdo y\n\fINSTITUTO NACIONAL ELECTORAL INE/IJGE9/2023\nde la Junta.\n\fINSTITUTO NACIONAL ELECTORAL INE/JGE9/2023\nTres.",
			[]string{"uno del acuerdo y de la Junta.", "Tres."}},
		{"a short line at a page's edge is no header for a slip", "Uno.\n\fPÁGINA\nDos.\n\fPÁGINA\nTres.\n\fPAGINAS\nCuatro.",
			[]string{"Uno.", "Dos.", "Tres.", "PAGINAS Cuatro."}},
		{"a misread numeral after a connector opens an antecedente", "del Instituto y\n\nTIT. El 29 de mayo.", []string{"del Instituto y", "TIT. El 29 de mayo."}},
		{"a page's number misread by OCR", "PRIMERO. Competencia.\n\nqa\n\f1. De conformidad con la ley.\n\nTT.\n\fque gen-\nera el INE.\n\fFin.",
			[]string{"PRIMERO. Competencia.", "1. De conformidad con la ley.", "que genera el INE.", "Fin."}},
		{"glosario column by column", "GLOSARIO\nCIP\nConsejo General\nDEA\n\nCartera Institucional de Proyectos\nConsejo General del Instituto Nacional\nElectoral\nDirección Ejecutiva de\nAdministración\n\nANTECEDENTES",
			[]string{"GLOSARIO", "CIP\tCartera Institucional de Proyectos", "Consejo General\tConsejo General del Instituto Nacional Electoral",
				"DEA\tDirección Ejecutiva de Administración", "ANTECEDENTES"}},
		{"glosario columns that do not pair stay", "GLOSARIO\nCIP\nCGPE\nDEA\n\nCartera Institucional de Proyectos\nDirección Ejecutiva de Administración\n\nANTECEDENTES",
			[]string{"GLOSARIO", "CIP CGPE DEA", "Cartera Institucional de Proyectos Dirección Ejecutiva de Administración", "ANTECEDENTES"}},
		{"page break mid-sentence with a capital", "la Unidad Técnica de\nServicios de\n\fInformática del Instituto.", []string{"la Unidad Técnica de Servicios de Informática del Instituto."}},
		{"items on consecutive lines", "III. El 29 de mayo.\nIV. El 26 de agosto.", []string{"III. El 29 de mayo.", "IV. El 26 de agosto."}},
		{"legal reference is not an item", "un inciso\nt) relativo a la atribución.", []string{"un inciso t) relativo a la atribución."}},
		{"inline numbered list is not an item", "Electoral,\n5. Fortalecer la cultura.", []string{"Electoral, 5. Fortalecer la cultura."}},
		{"semicolon list", "a. Definir el nivel;\nb. Definir los elementos.", []string{"a. Definir el nivel;", "b. Definir los elementos."}},
		{"glosario lines", "GLOSARIO\nCAI\tCoordinación de Asuntos Internacionales\nDEA: Dirección Ejecutiva\nde Administración",
			[]string{"GLOSARIO", "CAI\tCoordinación de Asuntos Internacionales", "DEA: Dirección Ejecutiva de Administración"}},
		{"quoted elision stays apart", "del Instituto y\n\n...\n\nAsimismo, en el artículo 63.", []string{"del Instituto y", "...", "Asimismo, en el artículo 63."}},
		{"non-breaking spaces", "documento normativo\n\n\u00a0\n\nque sustente", []string{"documento normativo que sustente"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := paraTexts(Clean(c.in))
			if strings.Join(got, "|") != strings.Join(c.want, "|") {
				t.Errorf("\n got %q\nwant %q", got, c.want)
			}
		})
	}
}

func TestCleanKeepsLinesAndPages(t *testing.T) {
	c := Clean("uno.\n\fdos\ncontinúa.\n\n--- página 7 ---\ntres.")
	if len(c.Paras) != 3 {
		t.Fatalf("%+v", c.Paras)
	}
	p := c.Paras[1]
	if p.First != 2 || p.Last != 3 || p.Page != 2 || len(p.Lines) != 2 {
		t.Errorf("second paragraph: %+v", p)
	}
	if c.Paras[2].Page != 7 {
		t.Errorf("page mark not honoured: %+v", c.Paras[2])
	}
	if c.NonBlank != 5 || len(c.Noise) != 1 || c.Noise[0] != 5 {
		t.Errorf("nonblank %d, noise %v", c.NonBlank, c.Noise)
	}
}
