package editdist

import "testing"

func TestLevenshtein(t *testing.T) {
	for _, c := range []struct {
		a, b string
		d    int
	}{{"", "", 0}, {"abc", "", 3}, {"", "ab", 2}, {"kitten", "sitting", 3}, {"objetivos", "objetivo", 1}, {"año", "ano", 1}, {"CIPro", "ClPro", 1}} {
		if d := Strings(c.a, c.b); d != c.d {
			t.Errorf("Strings(%q, %q) = %d, want %d", c.a, c.b, d, c.d)
		}
	}
	if d := Levenshtein([]string{"la", "junta", "general"}, []string{"la", "general"}); d != 1 {
		t.Errorf("over words: %d", d)
	}
}
