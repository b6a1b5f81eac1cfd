// Package ocr turns page images into text with Tesseract (through
// gosseract), keeping for every word its page, line, box and confidence.
// This file holds the scorer that tests and benchmarks use to measure it.
package ocr

import (
	"strings"

	"github.com/cipro-ine/mpp/editdist"
)

// CER is the character error rate of hyp against the reference text ref:
// the Levenshtein distance over characters divided by the reference's
// length, after collapsing every run of whitespace to one space.
func CER(ref, hyp string) float64 {
	r, h := []rune(normalize(ref)), []rune(normalize(hyp))
	if len(r) == 0 {
		if len(h) == 0 {
			return 0
		}
		return 1
	}
	return float64(editdist.Levenshtein(r, h)) / float64(len(r))
}

// WER is the word error rate: the same over words.
func WER(ref, hyp string) float64 {
	r, h := strings.Fields(ref), strings.Fields(hyp)
	if len(r) == 0 {
		if len(h) == 0 {
			return 0
		}
		return 1
	}
	return float64(editdist.Levenshtein(r, h)) / float64(len(r))
}

func normalize(s string) string { return strings.Join(strings.Fields(s), " ") }
