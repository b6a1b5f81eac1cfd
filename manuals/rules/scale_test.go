package rules

import (
	"strconv"
	"strings"
	"testing"

	"github.com/cipro-ine/mpp/manuals"
	"github.com/cipro-ine/mpp/manuals/profile"
)

// BenchmarkDistinctSiglas: an acuerdo whose considerando holds n distinct
// all-capital words, every rule run, ×1, ×4, ×16 (issue 16, item 10: 0.48
// / 5.6 / 58 s at 2k / 8k / 32k words before ACU-008 kept the spellings of
// each sigla apart).
func BenchmarkDistinctSiglas(b *testing.B) {
	e, err := manuals.LoadExpediente("../../examples/H.4.05")
	if err != nil {
		b.Fatal(err)
	}
	prof := profile.Default()
	base := e.Acuerdo.Considerandos[0].Considerandos[0].Texto
	for _, n := range []int{2_000, 8_000, 32_000} {
		words := make([]string, n)
		for i := range words {
			w := []byte{}
			for x := i + 1; x > 0; x /= 20 {
				w = append(w, "BCDFGHJKLMNPQRSTVWXZ"[x%20])
			}
			words[i] = "Q" + string(w)
		}
		e.Acuerdo.Considerandos[0].Considerandos[0].Texto = base + " " + strings.Join(words, " ")
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			for range b.N {
				Run(e, prof)
			}
		})
	}
}
