package manuals

import (
	"strings"
	"testing"
)

func TestParseDate(t *testing.T) {
	good := map[string]string{
		"2022-11-24":                 "2022-11-24",
		"24 de noviembre de 2022":    "2022-11-24",
		"09 de febrero de 2022":      "2022-02-09",
		"21 de diciembre del 2016":   "2016-12-21",
		"1 de Septiembre de 2020":    "2020-09-01",
		"1 de setiembre de 2020":     "2020-09-01",
		"29 de febrero de 2024":      "2024-02-29",
		"  8  de  julio  de  2020  ": "2020-07-08",
	}
	for in, want := range good {
		d, err := ParseDate(in)
		if err != nil || d.String() != want {
			t.Errorf("ParseDate(%q) = %v, %v; want %s", in, d, err, want)
		}
	}
	for _, in := range []string{"31 de febrero de 2022", "29 de febrero de 2023", "2022-13-01", "2022-00-10", "24 de brumario de 2022", "ayer", ""} {
		if _, err := ParseDate(in); err == nil {
			t.Errorf("ParseDate(%q) accepted an impossible date", in)
		}
	}
	d, _ := ParseDate("2022-11-24")
	if d.Long() != "24 de noviembre de 2022" {
		t.Errorf("Long() = %q", d.Long())
	}
}

func TestOrdinals(t *testing.T) {
	cases := map[string]int{
		"PRIMERO": 1, "SÉPTIMO": 7, "SEPTIMO": 7, "Décimo": 10, "DÉCIMO PRIMERO": 11, "UNDÉCIMO": 11,
		"DUODÉCIMO": 12, "DECIMOTERCERO": 13, "VIGÉSIMO": 20, "VIGÉSIMO SEGUNDO": 22, "TRIGÉSIMO NOVENO": 39,
		"PRIMERO.-": 1, "ACUERDOS": 0, "": 0, "PRIMERA": 0,
	}
	for in, want := range cases {
		if got := OrdinalValue(in); got != want {
			t.Errorf("OrdinalValue(%q) = %d, want %d", in, got, want)
		}
	}
	for n := 1; n <= 59; n++ {
		if got := OrdinalValue(OrdinalName(n)); got != n {
			t.Errorf("round trip %d -> %q -> %d", n, OrdinalName(n), got)
		}
	}
}

func TestRoman(t *testing.T) {
	cases := map[string]int{"I": 1, "IV": 4, "IX": 9, "XII": 12, "XIV": 14, "XL": 40, "XC": 90, "IIII": 0, "VX": 0, "IL": 0, "CIP": 0, "": 0}
	for in, want := range cases {
		if got := RomanValue(in); got != want {
			t.Errorf("RomanValue(%q) = %d, want %d", in, got, want)
		}
	}
}

func TestSiglaWords(t *testing.T) {
	text := "La UTTyPDP y la CIPro, conforme al acuerdo INE/JGE91/2020, la sentencia SG-JLI-6/2020, el proyecto G160910 y el considerando III, en el punto PRIMERO: Instituto, INE, Ley."
	var siglas []string
	for _, w := range Words(text) {
		if LooksLikeSigla(w.Text) {
			siglas = append(siglas, w.Text)
		}
	}
	if got := strings.Join(siglas, " "); got != "UTTyPDP CIPro INE" {
		t.Errorf("siglas = %q", got)
	}
}

func TestPuntoKinds(t *testing.T) {
	cases := map[string]PuntoKind{
		"Se aprueba la emisión del Manual de Proceso y Procedimientos":                               PuntoAprobacion,
		"El Manual … entrará en vigor al día siguiente de su aprobación":                             PuntoVigencia,
		"Con la entrada en vigor del Manual, quedarán sin efecto aquellas disposiciones":             PuntoDerogacion,
		"Se instruye a la Dirección Ejecutiva de Administración para que haga del conocimiento":      PuntoInstruccionDEA,
		"La interpretación del Manual … corresponderá a la Coordinación de Asuntos Internacionales.": PuntoInterpretacion,
		"Publíquese el presente acuerdo en la NormaINE":                                              PuntoPublicacion,
		"Las unidades responsables deberán actualizar las cédulas de cargos y puestos":               PuntoOtro,
	}
	for text, want := range cases {
		if got := (Punto{Texto: text}).Kind(); got != want {
			t.Errorf("Kind(%q) = %s, want %s", text, got, want)
		}
	}
}

func TestCode(t *testing.T) {
	c := Code("H.4.05.1.01")
	if c.Level() != LevelProcedimiento || c.Parent() != "H.4.05.1" || c.Parent().Parent() != "H.4.05" || c.Family() != "H" || c.Last() != "01" {
		t.Errorf("code helpers wrong for %s", c)
	}
	if Code("H.4.05").Parent() != "" {
		t.Error("a proceso has no parent")
	}
	for _, bad := range []string{"H.x.05", "H..4", "H-4-05", "4.05", "H.4.05x", "H"} {
		var c Code
		if err := c.DecodeScalar(bad); err == nil {
			t.Errorf("DecodeScalar(%q) accepted", bad)
		}
	}
}
