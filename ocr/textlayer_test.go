package ocr_test

import (
	"strings"
	"testing"

	"github.com/cipro-ine/mpp/ocr"
)

// Running Spanish is text; symbols, a glyph-index soup or a page number
// alone are not.
func TestPlausibleText(t *testing.T) {
	for s, want := range map[string]bool{
		"El proceso Gestión del Portal Institucional es ejecutado por la UTTyPDP, quien promueve el acceso a la información.": true,
		"ACUERDO DE LA JUNTA GENERAL EJECUTIVA DEL INSTITUTO NACIONAL ELECTORAL, POR EL QUE SE APRUEBA EL MANUAL":             true,
		"3":              false,
		"Página 3 de 16": false,
		strings.Repeat("\u25a1\u25a0\u2592 ", 40):                                    false,
		"Qzxv Wrtp Kljh Mnbv Cxzq Plkm Nbvc Xzaq Wsxc Edcv Rfvb Tgbn Yhnm Ujmk Iklo": false,
	} {
		if got := ocr.PlausibleText(s); got != want {
			t.Errorf("%q: %v, want %v", s, got, want)
		}
	}
}
