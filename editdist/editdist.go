// Package editdist measures how far apart two sequences are: the Levenshtein
// distance, over runes for suggestions and OCR character error rates, over
// words for word error rates.
package editdist

import "strings"

// Levenshtein is the number of insertions, deletions and substitutions that
// turn a into b, computed in two rows.
func Levenshtein[T comparable](a, b []T) int {
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

// Strings is the distance between two strings, in characters (not bytes).
func Strings(a, b string) int { return Levenshtein([]rune(a), []rune(b)) }

// Closest returns the candidate closest to key once both are folded by
// fold (case, accents), or "" when none is close: within a third of the
// key's length (at least 2), a prefix either way counting as 2.
func Closest(key string, candidates []string, fold func(string) string) string {
	fk := fold(key)
	best, bestD := "", 1<<30
	for _, c := range candidates {
		fc := fold(c)
		if fc == fk {
			return c
		}
		d := Strings(fk, fc)
		if strings.HasPrefix(fc, fk) || strings.HasPrefix(fk, fc) {
			d = min(d, 2)
		}
		if d < bestD {
			best, bestD = c, d
		}
	}
	if bestD <= max(2, len([]rune(fk))/3) {
		return best
	}
	return ""
}
