package rules

import (
	"strconv"
	"strings"
	"testing"

	"github.com/cipro-ine/mpp/manuals"
	"github.com/cipro-ine/mpp/manuals/profile"
	"github.com/cipro-ine/mpp/manuals/synth"
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

// longProcedure makes H.4.05 with one procedure of n activities in a chain.
func longProcedure(b *testing.B, n int) *manuals.Expediente {
	e, err := manuals.LoadExpediente("../../examples/H.4.05")
	if err != nil {
		b.Fatal(err)
	}
	synth.Chain(&e.Manual.Subprocesos[0].Procedimientos[0], n)
	return e
}

// BenchmarkLongProcedure: every rule on a procedure of n activities, ×1,
// ×4, ×16 (issue 16, item 10: 16k → 64k activities took 16× the time;
// MAN-009 found the activities that reach an end by a fixed point that
// took one pass per activity of a chain).
func BenchmarkLongProcedure(b *testing.B) {
	prof := profile.Default()
	for _, n := range []int{4_000, 16_000, 64_000} {
		e := longProcedure(b, n)
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			for range b.N {
				Run(e, prof)
			}
		})
	}
}
