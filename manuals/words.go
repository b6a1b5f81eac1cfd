package manuals

import (
	"regexp"
	"strings"
	"unicode"

	"github.com/cipro-ine/mpp/manuals/yamldoc"
)

// Fold lower-cases s and drops accents, for comparisons that must not depend
// on case or on an accent lost in OCR.
func Fold(s string) string { return yamldoc.Fold(s) }

// SameName compares two names the way a reader does: case, accents, runs of
// spaces and a trailing period do not count.
func SameName(a, b string) bool { return NormName(a) == NormName(b) }

// NormName is the form SameName compares.
func NormName(s string) string {
	s = strings.Join(strings.Fields(Fold(s)), " ")
	return strings.TrimRight(s, ". ")
}

func splitTerms(s string) []string {
	var out []string
	for _, t := range strings.Split(s, "/") {
		if t = strings.TrimSpace(t); t != "" {
			out = append(out, t)
		}
	}
	return out
}

var ordinalUnits = map[string]int{
	"primero": 1, "segundo": 2, "tercero": 3, "cuarto": 4, "quinto": 5,
	"sexto": 6, "septimo": 7, "setimo": 7, "octavo": 8, "noveno": 9,
}
var ordinalTens = map[string]int{
	"decimo": 10, "vigesimo": 20, "trigesimo": 30, "cuadragesimo": 40, "quincuagesimo": 50,
}

// OrdinalValue reads a Spanish ordinal as the acuerdos write them (PRIMERO,
// SÉPTIMO, DÉCIMO PRIMERO, UNDÉCIMO, VIGÉSIMO SEGUNDO); 0 if it is not one.
func OrdinalValue(s string) int {
	words := strings.Fields(strings.NewReplacer("-", " ", ".", " ").Replace(Fold(s)))
	switch len(words) {
	case 1:
		w := words[0]
		switch w {
		case "undecimo":
			return 11
		case "duodecimo":
			return 12
		}
		if v, ok := ordinalUnits[w]; ok {
			return v
		}
		if v, ok := ordinalTens[w]; ok {
			return v
		}
		// DECIMOPRIMERO, VIGESIMOSEGUNDO
		for t, tv := range ordinalTens {
			if rest, ok := strings.CutPrefix(w, t); ok {
				if uv, ok := ordinalUnits[rest]; ok {
					return tv + uv
				}
			}
		}
	case 2:
		tv, ok1 := ordinalTens[words[0]]
		uv, ok2 := ordinalUnits[words[1]]
		if ok1 && ok2 {
			return tv + uv
		}
	}
	return 0
}

var ordinalUnitNames = []string{"", "PRIMERO", "SEGUNDO", "TERCERO", "CUARTO", "QUINTO", "SEXTO", "SÉPTIMO", "OCTAVO", "NOVENO"}
var ordinalTenNames = []string{"", "DÉCIMO", "VIGÉSIMO", "TRIGÉSIMO", "CUADRAGÉSIMO", "QUINCUAGÉSIMO"}

// OrdinalName writes n (1–59) as the acuerdos do: SÉPTIMO, DÉCIMO PRIMERO.
func OrdinalName(n int) string {
	if n < 1 || n > 59 {
		return ""
	}
	t, u := n/10, n%10
	switch {
	case t == 0:
		return ordinalUnitNames[u]
	case u == 0:
		return ordinalTenNames[t]
	}
	return ordinalTenNames[t] + " " + ordinalUnitNames[u]
}

var romanRe = regexp.MustCompile(`^(CD|C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$`)

// RomanValue reads a Roman numeral up to 499 (antecedentes); 0 if invalid.
func RomanValue(s string) int {
	s = strings.TrimSpace(s)
	if s == "" || !romanRe.MatchString(s) {
		return 0
	}
	vals := map[byte]int{'I': 1, 'V': 5, 'X': 10, 'L': 50, 'C': 100, 'D': 500}
	total := 0
	for i := 0; i < len(s); i++ {
		v := vals[s[i]]
		if i+1 < len(s) && vals[s[i+1]] > v {
			total -= v
		} else {
			total += v
		}
	}
	return total
}

// RomanNumeral writes n (1 … 499) as a Roman numeral.
func RomanNumeral(n int) string {
	vals := []int{400, 100, 90, 50, 40, 10, 9, 5, 4, 1}
	syms := []string{"CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"}
	var b strings.Builder
	for i, v := range vals {
		for n >= v {
			b.WriteString(syms[i])
			n -= v
		}
	}
	return b.String()
}

// IsRoman reports whether s is a valid Roman numeral (I … CDXCIX).
func IsRoman(s string) bool { return RomanValue(s) > 0 }

// PuntoKind is the role a punto de acuerdo plays.
type PuntoKind string

// The kinds of punto an acuerdo approving a manual must contain.
const (
	PuntoAprobacion     PuntoKind = "aprobacion"
	PuntoVigencia       PuntoKind = "vigencia"
	PuntoDerogacion     PuntoKind = "derogacion"
	PuntoInstruccionDEA PuntoKind = "instruccion_dea"
	PuntoInterpretacion PuntoKind = "interpretacion"
	PuntoPublicacion    PuntoKind = "publicacion"
	PuntoOtro           PuntoKind = "otro"
)

// PuntoKinds lists the mandatory kinds in their usual order, with the words
// users read.
var PuntoKinds = []struct {
	Kind  PuntoKind
	Label string
}{
	{PuntoAprobacion, "aprobación del manual"},
	{PuntoVigencia, "entrada en vigor al día siguiente"},
	{PuntoDerogacion, "derogación de disposiciones que se contrapongan"},
	{PuntoInstruccionDEA, "instrucción a la DEA para darlo a conocer"},
	{PuntoInterpretacion, "interpretación"},
	{PuntoPublicacion, "publicación"},
}

// Kind classifies a punto by its wording.
func (p Punto) Kind() PuntoKind {
	t := Fold(p.Texto)
	switch {
	case strings.HasPrefix(t, "se aprueba"):
		return PuntoAprobacion
	case strings.Contains(t, "entrara en vigor"):
		return PuntoVigencia
	case strings.Contains(t, "sin efecto"):
		return PuntoDerogacion
	case strings.HasPrefix(t, "se instruye") && (strings.Contains(t, "direccion ejecutiva de administracion") || strings.Contains(t, " dea ")):
		return PuntoInstruccionDEA
	case strings.HasPrefix(t, "la interpretacion"):
		return PuntoInterpretacion
	case strings.HasPrefix(t, "publiquese"):
		return PuntoPublicacion
	}
	return PuntoOtro
}

// PuntoOfKind returns the first punto of that kind, or nil.
func (a *Acuerdo) PuntoOfKind(k PuntoKind) *Punto {
	for i := range a.Puntos {
		if a.Puntos[i].Kind() == k {
			return &a.Puntos[i]
		}
	}
	return nil
}

var quoted = regexp.MustCompile(`[“"«]([^”"»]+)[”"»]`)

// QuotedNames returns the texts between quotes (“…”, "…", «…»).
func QuotedNames(s string) []string {
	var out []string
	for _, m := range quoted.FindAllStringSubmatch(s, -1) {
		out = append(out, strings.TrimSpace(m[1]))
	}
	return out
}

// Word is a token of running text and its byte offset.
type Word struct {
	Text   string
	Offset int
}

// acuerdoRef matches identifiers that contain capitals but are not siglas:
// acuerdo codes (INE/JGE91/2020, INE/CG870/2016), rulings (SG-JLI-6/2020),
// project keys (G160910).
var acuerdoRef = regexp.MustCompile(`[A-Za-z]+(/[A-Za-z]*\d+[A-Za-z\d-]*)+(/\d{4})?|[A-Z]+(-[A-Z]+)*-\d+(/\d{4})?|[A-Z]+\d+[A-Za-z\d]*`)

// BlankRefs replaces acuerdo codes, rulings and project keys with spaces of
// the same length, so that offsets still hold and "JGE" inside
// "INE/JGE91/2020" does not count as a use of the sigla.
func BlankRefs(s string) string {
	return acuerdoRef.ReplaceAllStringFunc(s, func(m string) string { return strings.Repeat(" ", len(m)) })
}

// Words splits running text into words (letters only), after BlankRefs.
func Words(s string) []Word {
	s = BlankRefs(s)
	var out []Word
	start := -1
	for i, r := range s {
		isW := unicode.IsLetter(r)
		if isW && start < 0 {
			start = i
		}
		if !isW && start >= 0 {
			out = append(out, Word{s[start:i], start})
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, Word{s[start:], start})
	}
	return out
}

// LooksLikeSigla reports whether a word reads as a sigla: two or more
// capitals (INE, CIPro, UTTyPDP), not a Roman numeral, not a word in
// capitals that the profile lists as ordinary (an ordinal, a heading).
func LooksLikeSigla(w string) bool {
	upper := 0
	for _, r := range w {
		if unicode.IsUpper(r) {
			upper++
		}
	}
	if upper < 2 || IsRoman(w) {
		return false
	}
	if OrdinalValue(w) > 0 {
		return false
	}
	return true
}
