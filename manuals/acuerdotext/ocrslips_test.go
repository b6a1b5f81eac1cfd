package acuerdotext

import (
	"fmt"
	"os"
	"slices"
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
