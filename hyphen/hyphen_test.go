package hyphen_test

import (
	"testing"

	"github.com/cipro-ine/mpp/hyphen"
)

// Syllables as the Ortografía de la lengua española (RAE, 2010) divides
// them, written here by hand: the patterns must give these breaks and no
// others (with at least two letters on each side).
func TestSpanishWords(t *testing.T) {
	for word, want := range map[string]string{
		"procedimientos":  "pro-ce-di-mien-tos",
		"responsable":     "res-pon-sa-ble",
		"probabilidad":    "pro-ba-bi-li-dad",
		"observaciones":   "ob-ser-va-cio-nes",
		"Institucional":   "Ins-ti-tu-cio-nal",
		"comunicación":    "co-mu-ni-ca-ción",
		"publicación":     "pu-bli-ca-ción",
		"electoral":       "elec-to-ral",
		"lineamientos":    "li-nea-mien-tos",
		"transparencia":   "trans-pa-ren-cia",
		"procedimientos.": "pro-ce-di-mien-tos.",
		"(Sí:":            "(Sí:",
		"UTTyPDP":         "UTTyPDP",
		"INE/JGE248/2022": "INE/JGE248/2022",
		"H.4.05.1.01":     "H.4.05.1.01",
		"de":              "de",
	} {
		if got := hyphen.Spanish().Hyphenate(word); got != want {
			t.Errorf("%s: %s, want %s", word, got, want)
		}
	}
}
