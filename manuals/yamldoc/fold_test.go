package yamldoc

import (
	"testing"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
	"strings"
	"unicode"
)

// The Latin fast path folds exactly as the Unicode normaliser does.
func TestFoldFastPathAgrees(t *testing.T) {
	slow := func(s string) string {
		out, _, _ := transform.String(transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC), s)
		return strings.ToLower(out)
	}
	for _, s := range []string{"Votación", "ÁÉÍÓÚÜÑ áéíóúüñ", "Ma del Refugio García López", "SÉPTIMO", "Çà ôï", "“NormaINE” — ¿sí? ¡no!", "plain ASCII 123"} {
		fast, ok := foldLatin(s)
		if !ok {
			t.Errorf("%q took the slow path", s)
		}
		if fast != slow(s) {
			t.Errorf("Fold(%q): fast %q, slow %q", s, fast, slow(s))
		}
	}
	if _, ok := foldLatin("Ελλάδα"); ok {
		t.Error("Greek should take the normaliser path")
	}
	if Fold("Ελλάδα") != "ελλαδα" {
		t.Errorf("Fold(Greek) = %q", Fold("Ελλάδα"))
	}
}
