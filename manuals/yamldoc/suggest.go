package yamldoc

import (
	"strings"
	"unicode"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"

	"github.com/cipro-ine/mpp/editdist"
)

// Fold lower-cases s and drops its accents: "Votación" → "votacion".
func Fold(s string) string {
	if out, ok := foldLatin(s); ok {
		return out
	}
	t := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
	out, _, err := transform.String(t, s)
	if err != nil {
		out = s
	}
	return strings.ToLower(out)
}

// latinFold maps the accented letters of Spanish (and other Latin-1
// letters) to their base letter; foldLatin uses it to avoid the Unicode
// normaliser on the text mpp reads most.
var latinFold = map[rune]rune{
	'á': 'a', 'à': 'a', 'â': 'a', 'ä': 'a', 'ã': 'a', 'Á': 'a', 'À': 'a', 'Â': 'a', 'Ä': 'a', 'Ã': 'a',
	'é': 'e', 'è': 'e', 'ê': 'e', 'ë': 'e', 'É': 'e', 'È': 'e', 'Ê': 'e', 'Ë': 'e',
	'í': 'i', 'ì': 'i', 'î': 'i', 'ï': 'i', 'Í': 'i', 'Ì': 'i', 'Î': 'i', 'Ï': 'i',
	'ó': 'o', 'ò': 'o', 'ô': 'o', 'ö': 'o', 'õ': 'o', 'Ó': 'o', 'Ò': 'o', 'Ô': 'o', 'Ö': 'o', 'Õ': 'o',
	'ú': 'u', 'ù': 'u', 'û': 'u', 'ü': 'u', 'Ú': 'u', 'Ù': 'u', 'Û': 'u', 'Ü': 'u',
	'ñ': 'n', 'Ñ': 'n', 'ç': 'c', 'Ç': 'c',
}

// foldLatin folds s when every non-ASCII rune is in latinFold.
func foldLatin(s string) (string, bool) {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r < 0x80:
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
			b.WriteByte(byte(r))
		default:
			f, ok := latinFold[r]
			if !ok {
				if unicode.IsLetter(r) || unicode.Is(unicode.Mn, r) {
					return "", false
				}
				f = r
			}
			b.WriteRune(f)
		}
	}
	return b.String(), true
}

// suggest returns the candidate closest to key, or "" when none is close.
func suggest(key string, candidates []string) string {
	return editdist.Closest(key, candidates, Fold)
}
