package report

import "testing"

func TestPrintable(t *testing.T) {
	for in, want := range map[string]string{
		"hola":                    "hola",
		"a\x1b[2Jb":               `a\x1b[2Jb`,
		"título\x1b]0;pwned\x07":  `título\x1b]0;pwned\x07`,
		"línea\nsiguiente\ttab":   "línea\nsiguiente\ttab",
		"\u009b31m":               `\x9b31m`,
		"izq\u202edcha":           `izq\u202edcha`,
		"Gestión del Portal ñ «»": "Gestión del Portal ñ «»",
	} {
		if got := Printable(in); got != want {
			t.Errorf("%q: %q, want %q", in, got, want)
		}
	}
}
