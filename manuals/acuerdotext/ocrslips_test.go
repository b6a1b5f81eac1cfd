package acuerdotext

import (
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/cipro-ine/mpp/manuals"
	"github.com/cipro-ine/mpp/manuals/profile"
)

// The slips OCR makes on Arial (measured on the seeds' scans): the J of
// JGE read as I, the I of a roman numeral read as 1, l or |. They are taken
// back where the sequence or the code's shape leaves no doubt, and recorded.
func TestOCRSlipsInCodesAndNumerals(t *testing.T) {
	b, err := os.ReadFile(seeds["JGE248"])
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Replace(string(b), "INE/JGE248/2022", "INE/IGE248/2022", 1)
	text = strings.Replace(text, "- II. El 23 de enero", "- 11. El 23 de enero", 1)
	text = strings.Replace(text, "III. El 29 de mayo", "|||. El 29 de mayo", 1)
	text = strings.Replace(text, "acuerdo INE/JGE155/2019", "acuerdo INE/IJGE155/2019", 1)
	// A full stop read as a comma; in OCR text (mpp ocr's) paragraphs are
	// apart.
	text = strings.Replace(text, "\n- IV. El 26 de agosto", "\n\nIV, El 26 de agosto", 1)
	text = strings.Replace(text, "\n4. De conformidad", "\n\n4, De conformidad", 1)
	// Not the next considerando: stays inside the one before.
	text = strings.Replace(text, "\n15. El artículo 59", "\n\n17, El artículo 59", 1)
	if text == string(b) {
		t.Fatal("the slips were not introduced")
	}
	r, err := Ingest([]byte(text), profile.Default())
	if err != nil {
		t.Fatal(err)
	}
	a := r.Acuerdo
	if a.Codigo != "INE/JGE248/2022" || len(a.Antecedentes) != 12 || a.Antecedentes[1].Romano != "II" || a.Antecedentes[2].Romano != "III" {
		t.Errorf("code %q, %d antecedentes", a.Codigo, len(a.Antecedentes))
	}
	var got []string
	for _, c := range a.Correcciones {
		got = append(got, c.Original+" → "+c.Corregido)
	}
	all := strings.Join(got, "; ")
	if len(a.Considerandos) == 0 || len(a.Considerandos[0].Considerandos) < 4 || a.Considerandos[0].Considerandos[3].Numero != 4 {
		t.Errorf("considerando «4,» not taken back: %+v", a.Considerandos)
	}
	var nums []int
	var c14 string
	for _, g := range a.Considerandos {
		for _, c := range g.Considerandos {
			nums = append(nums, c.Numero)
			if c.Numero == 14 {
				c14 = c.Texto
			}
		}
	}
	if slices.Contains(nums, 15) || len(nums) != 37 || !strings.Contains(c14, "17, El artículo 59") {
		t.Errorf("«17,» out of sequence: %d considerandos %v", len(nums), nums)
	}
	for _, w := range []string{"INE/IGE248/2022 → INE/JGE248/2022", "11. → II.", "|||. → III.", "INE/IJGE155/2019 → INE/JGE155/2019", "IV, → IV.", "4, → 4."} {
		if !strings.Contains(all, w) {
			t.Errorf("correction %q not recorded: %s", w, all)
		}
	}
	// A numeral that is not the next one is not taken for an antecedente.
	text = strings.Replace(string(b), "- II. El 23 de enero", "- 1111. El 23 de enero", 1)
	r, _ = Ingest([]byte(text), profile.Default())
	if n := len(r.Acuerdo.Antecedentes); n != 11 {
		t.Errorf("«1111.» became an antecedente: %d", n)
	}
}

// Antecedentes run past LXXXIX: XC, XCI… C, CI are new antecedentes, not
// paragraphs of LXXXIX (issue 16); a «C.» out of sequence is not one.
func TestAntecedentesPastEightyNine(t *testing.T) {
	var b strings.Builder
	b.WriteString("INE/JGE1/2023\n\nACUERDO DE LA JUNTA GENERAL EJECUTIVA POR EL QUE SE APRUEBA EL MANUAL\n\nANTECEDENTES\n\n")
	for i := 1; i <= 102; i++ {
		fmt.Fprintf(&b, "%s. Antecedente número %d de la serie.\n\n", manuals.RomanNumeral(i), i)
		if i == 50 {
			b.WriteString("C. Juan Pérez, titular de la unidad, firmó el oficio.\n\n")
		}
	}
	b.WriteString("CONSIDERANDOS\n\nPRIMERO. Competencia.\n\n1. Texto.\n\nACUERDOS\n\nPRIMERO. - Se aprueba.\n")
	r, err := Ingest([]byte(b.String()), profile.Default())
	if err != nil {
		t.Fatal(err)
	}
	ants := r.Acuerdo.Antecedentes
	if len(ants) != 102 {
		t.Fatalf("%d antecedentes, want 102", len(ants))
	}
	for i, a := range ants {
		if a.Romano != manuals.RomanNumeral(i+1) {
			t.Errorf("antecedente %d is %q", i+1, a.Romano)
		}
	}
	if !strings.Contains(ants[49].AllText(), "C. Juan Pérez") {
		t.Errorf("the «C.» paragraph is not in antecedente L: %q", ants[49].AllText())
	}
}

// The slips OCR made on the corpus's scans by other producers
// (testdata/acuerdos, MPP_ESCANEOS): roman numerals read «Il.», «TIT.»,
// «Vill.», «VII» (VIII with an I and its stop lost), a glosario sigla read
// «CAl» and the unit that cites it «CAT», the process's codes read with a 5
// or a $ for their S or a 5 glued before it, a stop read as a letter or a
// comma («HA3.01.1», «H.3.01.2,03»), the first number read twice
// («H.44.05.2», groff's INE/JGE248/2022 at 300 dpi), «tiene corno objetivo». Each is
// taken back, and what is not a slip stays: «III» where II comes next is
// not II, «VI» where V comes next is not V.
func TestOCRSlipsOfOtherScans(t *testing.T) {
	for _, c := range []struct {
		tok  string
		want int
		ok   bool
	}{
		{"Il", 1, true}, {"|", 1, true}, {"L", 1, true}, {"IL", 2, true}, {"TL", 2, true}, {"TIT", 3, true},
		{"TI", 3, true}, {"TV", 4, true}, {"VIL", 7, true}, {"Vill", 8, true}, {"VII", 8, true}, {"XL", 11, true},
		{"III", 2, false}, {"VI", 5, false}, {"V", 4, false}, {"X", 9, false}, {"IX", 11, false}, {"XV", 5, false},
	} {
		if got, ok := romanSlip(c.tok, c.want); ok != c.ok || ok && got != manuals.RomanNumeral(c.want) {
			t.Errorf("romanSlip(%q, %d) = %q, %v; want %v", c.tok, c.want, got, ok, c.ok)
		}
	}

	b, err := os.ReadFile(seeds["JGE52"])
	if err != nil {
		t.Fatal(err)
	}
	a := ingestWithSlips(t, string(b), [][2]string{
		{"- I. El", "Il. El"}, {"- III.** El", "TIT. El"}, {"- VIII. El", "VII El"},
		{"CAI\tCoordinación", "CAl\tCoordinación"}, {"por la CAI a quien", "por la CAT a quien"},
		{"\tS.5.01.2.01", "\t5S.5.01.2.01"}, {"Comparada, tiene como objetivo", "Comparada, tiene corno objetivo"},
		{"S.5.01.1 Coordinación", "5.5.01.1 Coordinación"}, {"Comparada S.5.01.1.02", "Comparada $.5.01.1.02"},
		{"S.5.01.2 Vinculación y", "SA5.01.2 Vinculación y"}, {"Internacional S.5.01.2.02", "Internacional S.5.01.2,02"},
		{"\tS.5.01.1.01 Investigación", "\tS.55.01.1.01 Investigación"},
	})
	checkAntecedentes(t, a, 10)
	if a.Proceso.UR != "CAI" || a.Glosario[0].Sigla != "CAI" && a.Glosario[1].Sigla != "CAI" {
		t.Errorf("UR %q, glosario %v", a.Proceso.UR, a.Glosario[:2])
	}
	var codes []string
	for _, s := range a.Proceso.Subprocesos {
		codes = append(codes, string(s.Codigo))
		for _, p := range s.Procedimientos {
			codes = append(codes, string(p.Codigo))
		}
	}
	if want := "S.5.01.1 S.5.01.1.01 S.5.01.1.02 S.5.01.2 S.5.01.2.01 S.5.01.2.02"; strings.Join(codes, " ") != want {
		t.Errorf("table codes %v, want %s", codes, want)
	}
	var fixes []string
	for _, c := range a.Correcciones {
		fixes = append(fixes, c.Original+"→"+c.Corregido)
	}
	if len(a.Proceso.Objetivos) != 4 {
		t.Errorf("procedure objectives: %v", a.Proceso.Objetivos)
	}
	for _, want := range []string{"Il.→I.", "TIT.→III.", "VII→VIII.", "CAl→CAI", "CAT→CAI", "5.5.01.1→S.5.01.1", "$.5.01.1.02→S.5.01.1.02", "5S.5.01.2.01→S.5.01.2.01", "SA5.01.2→S.5.01.2", "S.5.01.2,02→S.5.01.2.02", "S.55.01.1.01→S.5.01.1.01"} {
		if !slices.Contains(fixes, want) {
			t.Errorf("no correction %s recorded: %v", want, fixes)
		}
	}
}

// The slips OCR made on the seeded scans of groff's INE/JGE52/2022 and
// INE/JGE248/2022 (TestAcuerdoCorpus with MPP_ESCANEOS): «[.» for I, «MI.»
// for III (two I's run together), a footnote's raised number read «>»,
// and a call whose stop was lost («aprobación2»), after which the next
// considerando («13.») was taken for the same paragraph. Each is taken
// back and what needs it is recorded.
func TestOCRSlipsOfGroffScans(t *testing.T) {
	b, err := os.ReadFile("../../testdata/acuerdos/groff/INE-JGE52-2022.layout.txt")
	if err != nil {
		t.Fatal(err)
	}
	a := ingestWithSlips(t, string(b), [][2]string{
		{"I. El 21 de diciembre", "[. El 21 de diciembre"}, {"III. El 29 de mayo", "MI. El 29 de mayo"},
		{"para su aprobación.2\n", "para su aprobación2\n"},
		{"  3\n      El dictamen técnico obra", ">El dictamen técnico obra"},
	})
	checkAntecedentes(t, a, 10)
	var nums []string
	for _, g := range a.Considerandos {
		for _, c := range g.Considerandos {
			nums = append(nums, strconv.Itoa(c.Numero))
		}
	}
	if len(nums) != 41 || nums[12] != "13" {
		t.Errorf("considerandos %v", nums)
	}
	if len(a.NotasAlPie) != 3 || !strings.HasPrefix(a.NotasAlPie[2].Texto, "El dictamen técnico") {
		t.Errorf("notes %+v", a.NotasAlPie)
	}
	var fixes []string
	for _, c := range a.Correcciones {
		fixes = append(fixes, c.Original+"→"+c.Corregido)
	}
	for _, want := range []string{"[.→I.", "MI.→III.", ">→3"} {
		if !slices.Contains(fixes, want) {
			t.Errorf("no correction %s recorded: %v", want, fixes)
		}
	}
}

// ingestWithSlips reads text with each slip put in place of what it stands
// for (once; the text must have it).
func ingestWithSlips(t *testing.T, text string, slips [][2]string) *manuals.Acuerdo {
	t.Helper()
	for _, r := range slips {
		if !strings.Contains(text, r[0]) {
			t.Fatalf("the text has no %q", r[0])
		}
		text = strings.Replace(text, r[0], r[1], 1)
	}
	r, err := Ingest([]byte(text), profile.Default())
	if err != nil {
		t.Fatal(err)
	}
	return r.Acuerdo
}

// checkAntecedentes checks the antecedentes are I to n, in order.
func checkAntecedentes(t *testing.T, a *manuals.Acuerdo, n int) {
	t.Helper()
	var got, want []string
	for _, an := range a.Antecedentes {
		got = append(got, an.Romano)
	}
	for i := 1; i <= n; i++ {
		want = append(want, manuals.RomanNumeral(i))
	}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("antecedentes %v, want %v", got, want)
	}
}
