package ocr

import (
	"math"
	"testing"
)

func TestScores(t *testing.T) {
	for _, c := range []struct {
		ref, hyp string
		cer, wer float64
	}{
		{"", "", 0, 0},
		{"abc", "abc", 0, 0},
		{"CIPro", "ClPro", 0.2, 1},
		{"a  b\nc", "a b c", 0, 0}, // whitespace is normalised
		{"Junta General Ejecutiva", "Junta Genera1 Ejecutiva", 1.0 / 23, 1.0 / 3},
		{"abc", "", 1, 1},
		{"", "x", 1, 1},
		{"año", "ano", 1.0 / 3, 1}, // characters, not bytes
	} {
		if cer := CER(c.ref, c.hyp); math.Abs(cer-c.cer) > 1e-9 {
			t.Errorf("CER(%q, %q) = %v, want %v", c.ref, c.hyp, cer, c.cer)
		}
		if wer := WER(c.ref, c.hyp); math.Abs(wer-c.wer) > 1e-9 {
			t.Errorf("WER(%q, %q) = %v, want %v", c.ref, c.hyp, wer, c.wer)
		}
	}
}
