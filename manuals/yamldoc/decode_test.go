package yamldoc_test

import (
	"errors"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/cipro-ine/mpp/manuals"
	"github.com/cipro-ine/mpp/manuals/yamldoc"
)

func decodeErrs(t *testing.T, src string, v any) yamldoc.ErrorList {
	t.Helper()
	err := yamldoc.Decode("x.yaml", []byte(src), v)
	if err == nil {
		t.Fatalf("expected an error for:\n%s", src)
	}
	var l yamldoc.ErrorList
	if !errors.As(err, &l) {
		t.Fatalf("error is %T, not an ErrorList", err)
	}
	return l
}

func TestDecodeErrorsCarryPositionAndSpanish(t *testing.T) {
	cases := []struct {
		name, src string
		v         any
		want      string // "line:col: substring"
	}{
		{"unknown key with suggestion", "datos_generales: {nombre: a, codigo: H.4.05}\nobjetivos: algo\n", &manuals.Manual{},
			"2:1: campo desconocido «objetivos» en la raíz del documento; ¿quiso decir «objetivo»?"},
		{"unknown key without accent", "codigo: INE/JGE1/2022\nvotación: {tipo: unanime}\n", &manuals.Acuerdo{},
			"2:1: campo desconocido «votación» en la raíz del documento; ¿quiso decir «votacion»?"},
		{"nested unknown key", "datos_generales: {nombre: a, codigo: H.4.05}\nsubprocesos:\n  - codigo: H.4.05.1\n    nombre: b\n    procedimeintos: []\n", &manuals.Manual{},
			"5:5: campo desconocido «procedimeintos» en «subprocesos[1]»; ¿quiso decir «procedimientos»?"},
		{"wrong type int", "codigo: INE/JGE1/2022\nconsiderandos:\n  - ordinal: PRIMERO\n    considerandos:\n      - numero: uno\n        texto: a\n", &manuals.Acuerdo{},
			"5:17: «considerandos[1].considerandos[1].numero» debe ser un número entero, no «uno»"},
		{"wrong type list", "datos_generales: {nombre: a, codigo: H.4.05}\nmarco_normativo: CPEUM\n", &manuals.Manual{},
			"2:18: «marco_normativo» debe ser una lista"},
		{"impossible date", "codigo: INE/JGE1/2022\nsesion: {tipo: ordinaria, fecha: 31 de febrero de 2022}\n", &manuals.Acuerdo{},
			"2:34: «sesion.fecha»: el 31 de febrero de 2022 no existe"},
		{"impossible ISO date", "fecha: 2022-02-30\nresultado: favorable\n", &manuals.Dictamen{},
			"1:8: «fecha»: el 30 de febrero de 2022 no existe"},
		{"not a date", "fecha: mañana\n", &manuals.Dictamen{},
			"1:8: «fecha»: «mañana» no es una fecha"},
		{"malformed code", "datos_generales: {nombre: a, codigo: H.x.05}\n", &manuals.Manual{},
			"1:38: «datos_generales.codigo»: «H.x.05» no es un código de proceso"},
		{"enum value", "fecha: 2022-01-01\nresultado: aprobado\n", &manuals.Dictamen{},
			"2:12: «resultado»: «aprobado» no es un valor válido; use uno de: favorable, no_favorable"},
		{"required field", "datos_generales: {nombre: a}\n", &manuals.Manual{},
			"1:18: falta el campo obligatorio «codigo» en «datos_generales»"},
		{"duplicate key", "fecha: 2022-01-01\nfecha: 2022-01-02\n", &manuals.Dictamen{},
			"2:1: el campo «fecha» aparece dos veces"},
		{"bool", "fecha: 2022-01-01\nmejora: quizá\n", &manuals.Dictamen{},
			"2:9: «mejora» debe ser true o false"},
		{"syntax", "fecha: 2022-01-01\n  resultado: favorable\n", &manuals.Dictamen{},
			"2: YAML mal formado"},
		{"syntax in a flow map", "fecha: 2022-01-01\nfirmantes:\n  - {nombre: a,, puesto: b}\n", &manuals.Dictamen{},
			"YAML mal formado: falta un valor"},
		{"empty", "", &manuals.Dictamen{}, "x.yaml: el archivo está vacío"},
		{"binary", "fecha: \x00\x01", &manuals.Dictamen{}, "1: el archivo no es texto"},
		{"latin-1", "fecha: 2022-01-01\nfolio: Direcci\xf3n\n", &manuals.Dictamen{}, "2: el archivo no está en UTF-8"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			l := decodeErrs(t, c.src, c.v)
			got := l.Error()
			if !strings.Contains(got, c.want) {
				t.Errorf("got  %q\nwant substring %q", got, c.want)
			}
		})
	}
}

func TestDecodeReportsEveryProblemAtOnce(t *testing.T) {
	src := "fecha: 2022-02-30\nresultdo: favorable\nfolios: x\n"
	l := decodeErrs(t, src, &manuals.Dictamen{})
	if len(l) != 3 {
		t.Fatalf("want 3 errors, got %d:\n%v", len(l), l)
	}
	for i, line := range []int{1, 2, 3} {
		if l[i].Line != line {
			t.Errorf("error %d at line %d, want %d", i, l[i].Line, line)
		}
	}
}

func TestDecodeAcceptsBothDateFormsAndAccentedEnums(t *testing.T) {
	var a manuals.Acuerdo
	src := "codigo: INE/JGE52/2022\nsesion: {tipo: Ordinaria, fecha: 17 de febrero de 2022}\nvotacion:\n  tipo: unánime\n  fecha: 2022-02-17\n  ausentes:\n    - {cargo: DERFE, momento: sesión}\n"
	if err := yamldoc.Decode("a.yaml", []byte(src), &a); err != nil {
		t.Fatal(err)
	}
	if a.Sesion.Fecha.Compare(a.Votacion.Fecha) != 0 || a.Sesion.Fecha.String() != "2022-02-17" {
		t.Errorf("dates differ: %v %v", a.Sesion.Fecha, a.Votacion.Fecha)
	}
	if a.Votacion.Tipo != "unanime" || a.Sesion.Tipo != "ordinaria" || a.Votacion.Ausentes[0].Momento != "sesion" {
		t.Errorf("enums not normalised: %q %q %q", a.Votacion.Tipo, a.Sesion.Tipo, a.Votacion.Ausentes[0].Momento)
	}
	if a.Votacion.Pos.Line != 4 || a.Votacion.Pos.Key("fecha").Line != 5 {
		t.Errorf("positions: vote at %d, its fecha at %d", a.Votacion.Pos.Line, a.Votacion.Pos.Key("fecha").Line)
	}
}

func TestDecodeRefusesAliasBomb(t *testing.T) {
	var b strings.Builder
	b.WriteString("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n")
	for i := 1; i < 9; i++ {
		fmt.Fprintf(&b, "a%d: &a%d [*a%d, *a%d, *a%d, *a%d, *a%d, *a%d, *a%d, *a%d, *a%d, *a%d]\n", i, i, i-1, i-1, i-1, i-1, i-1, i-1, i-1, i-1, i-1, i-1)
	}
	b.WriteString("fecha: 2022-01-01\nmarco_normativo: *a8\n")
	type doc struct {
		Fecha          manuals.Date             `yaml:"fecha"`
		MarcoNormativo [][][][][][][][][]string `yaml:"marco_normativo"`
		A0             []string                 `yaml:"a0"`
		A1             [][]string               `yaml:"a1"`
		A2             [][][]string             `yaml:"a2"`
		A3             [][][][]string           `yaml:"a3"`
		A4             [][][][][]string         `yaml:"a4"`
		A5             [][][][][][]string       `yaml:"a5"`
		A6             [][][][][][][]string     `yaml:"a6"`
		A7             [][][][][][][][]string   `yaml:"a7"`
		A8             [][][][][][][][][]string `yaml:"a8"`
	}
	l := decodeErrs(t, b.String(), &doc{})
	if !strings.Contains(l.Error(), "demasiados alias") {
		t.Errorf("want the alias budget to stop it, got %v", l)
	}
}

func TestDecodeRefusesDeepNesting(t *testing.T) {
	// The model has no recursive types, so nesting deeper than a field allows
	// stops at that field, with its path, instead of recursing.
	var m manuals.Manual
	src := "datos_generales: {nombre: a, codigo: H.4.05}\nmarco_normativo: " + strings.Repeat("[", 5000) + strings.Repeat("]", 5000) + "\n"
	l := decodeErrs(t, src, &m)
	if want := "«marco_normativo[1]» debe ser texto, no una lista"; !strings.Contains(l.Error(), want) {
		t.Errorf("got %v, want %q", l, want)
	}
}

func TestAppendKeepsEverythingElse(t *testing.T) {
	type entry struct {
		Version string `yaml:"version"`
		Nota    string `yaml:"nota"`
	}
	in := `# cabecera
nombre: Manual   # comentario
control_cambios:
  - version: "1.0"   # primera
    nota: Emisión.
  # comentario que pertenece a firmas
firmas:
  elaboro: X
`
	out, err := yamldoc.Append("m.yaml", []byte(in), "control_cambios", entry{"1.1", "Cambio."})
	if err != nil {
		t.Fatal(err)
	}
	want := `# cabecera
nombre: Manual   # comentario
control_cambios:
  - version: "1.0"   # primera
    nota: Emisión.
  - version: "1.1"
    nota: Cambio.
  # comentario que pertenece a firmas
firmas:
  elaboro: X
`
	if string(out) != want {
		t.Errorf("got:\n%s\nwant:\n%s", out, want)
	}
	// At the end of the document, and created when missing.
	out, err = yamldoc.Append("m.yaml", []byte("a: 1\nl:\n- version: x\n  nota: y"), "l", entry{"2", "z"})
	if err != nil || string(out) != "a: 1\nl:\n- version: x\n  nota: y\n- version: \"2\"\n  nota: z\n" {
		t.Errorf("at the end: %q %v", out, err)
	}
	out, err = yamldoc.Append("m.yaml", []byte("a: 1\n"), "l", entry{"2", "z"})
	if err != nil || string(out) != "a: 1\nl:\n- version: \"2\"\n  nota: z\n" {
		t.Errorf("missing key: %q %v", out, err)
	}
	if _, err := yamldoc.Append("m.yaml", []byte("a: 1\nl: []\n"), "l", entry{}); err == nil || !strings.Contains(err.Error(), "m.yaml:2") {
		t.Errorf("flow list: %v", err)
	}
}

// Malformed YAML of many kinds gets a Spanish message with its line, and
// none of the YAML library's English.
func TestSyntaxErrorsInSpanish(t *testing.T) {
	english := regexp.MustCompile(`\b(found|did not|could not|expected|mapping|character|line|yaml|while|parsing|invalid)\b`)
	for _, src := range []string{
		"a: \"\\q\"\n",
		"a:\n\tb: 1\n",
		"a: b: c\n",
		"a: [1, 2\n",
		"a: {b: 1\n",
		"a: \"sin cerrar\n",
		"- a\nb: 1\n",
		"a: *nada\n",
		"a: &\n",
		"a: @x\n",
		"a: `x`\n",
		"? a\n? b\n: c: d\n",
		"a: |0\n  x\n",
		"a: !rara x\n",
		"a: 1\n--- \nb: 2\n...\nc\n",
		"a: \"\\u12\"\n",
	} {
		var v struct {
			A string `yaml:"a"`
		}
		err := yamldoc.Decode("x.yaml", []byte(src), &v)
		if err == nil {
			t.Errorf("%q: no error", src)
			continue
		}
		msg := err.Error()
		if !strings.HasPrefix(msg, "x.yaml:") || english.MatchString(strings.TrimPrefix(msg, "x.yaml")) {
			t.Errorf("%q: %s", src, msg)
		}
	}
}

// A thousand aliases of one 1 MB string are a gigabyte of text once
// expanded: refused by the bytes they produce, at once (issue 16, item 9).
func TestAliasAmplificationByBytes(t *testing.T) {
	var b strings.Builder
	b.WriteString("a: &big " + strings.Repeat("x", 1<<20) + "\nb:\n")
	for range 1000 {
		b.WriteString("  - *big\n")
	}
	var v struct {
		A string   `yaml:"a"`
		B []string `yaml:"b"`
	}
	err := yamldoc.Decode("alias.yaml", []byte(b.String()), &v)
	if err == nil || !strings.Contains(err.Error(), "expande demasiado texto con alias") {
		t.Errorf("alias amplification: %v", err)
	}
}

// An alias used as a key is refused: yaml.v3 and other readers disagree on
// what it means (issue 16).
func TestAliasAsKeyRefused(t *testing.T) {
	var v struct {
		A string `yaml:"a"`
		B string `yaml:"b"`
	}
	err := yamldoc.Decode("k.yaml", []byte("a: &k b\n*k : valor\n"), &v)
	if err == nil || !strings.Contains(err.Error(), "k.yaml:2:1: una clave debe ser un nombre escrito, no un alias") {
		t.Errorf("%v", err)
	}
}
