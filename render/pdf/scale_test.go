package pdf_test

import (
	"bytes"
	"strconv"
	"testing"

	"github.com/cipro-ine/mpp/manuals"
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
		p := &e.Manual.Subprocesos[0].Procedimientos[0]
		base := p.Actividades[0]
		acts := make([]manuals.Activity, n)
		for i := range acts {
			a := base
			a.Decision, a.Numero, a.Siguiente, a.Fin = nil, i+1, i+2, false
			if i == n-1 {
				a.Siguiente, a.Fin = 0, true
			}
			acts[i] = a
		}
		p.Actividades = acts
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
