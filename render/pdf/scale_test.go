package pdf_test

import (
	"bytes"
	"strconv"
	"testing"

	"github.com/cipro-ine/mpp/manuals"
	"github.com/cipro-ine/mpp/manuals/synth"
	"github.com/cipro-ine/mpp/render/pdf"
)

// BenchmarkManualLongProcedure: the manual of H.4.05 with one procedure of
// n activities in a chain, ×1, ×4, ×16 (issue 16, item 10: build of 100k
// activities took over 300 s; the template's blocks were built a line at a
// time, each line copying the block's text so far).
func BenchmarkManualLongProcedure(b *testing.B) {
	for _, n := range []int{1_000, 4_000, 16_000} {
		e, err := manuals.LoadExpediente("../../examples/H.4.05")
		if err != nil {
			b.Fatal(err)
		}
		synth.Chain(&e.Manual.Subprocesos[0].Procedimientos[0], n)
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			for range b.N {
				var out bytes.Buffer
				if err := pdf.Manual(&out, e, pdf.Options{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
