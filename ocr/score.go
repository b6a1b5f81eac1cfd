// Package ocr turns page images into text with Tesseract (through
// gosseract), keeping for every word its page, line, box and confidence.
// This file holds the scorer that tests and benchmarks use to measure it.
package ocr

import "strings"

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
	return float64(levenshtein(r, h)) / float64(len(r))
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
	return float64(levenshtein(r, h)) / float64(len(r))
}

func normalize(s string) string { return strings.Join(strings.Fields(s), " ") }

// levenshtein is the edit distance between two sequences, in two rows.
func levenshtein[T comparable](a, b []T) int {
	prev, cur := make([]int, len(b)+1), make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
