package diff

import (
	"math/rand"
	"strconv"
	"strings"
	"testing"
)

// lcsLength is the textbook dynamic program, as the reference.
func lcsLength(x, y []string) int {
	prev := make([]int, len(y)+1)
	for i := len(x) - 1; i >= 0; i-- {
		cur := make([]int, len(y)+1)
		for j := len(y) - 1; j >= 0; j-- {
			if x[i] == y[j] {
				cur[j] = prev[j+1] + 1
			} else {
				cur[j] = max(prev[j], cur[j+1])
			}
		}
		prev = cur
	}
	return prev[0]
}

// common gives a common subsequence, and a longest one.
func TestCommonIsALongestCommonSubsequence(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	words := []string{"a", "b", "c", "d", "e"}
	for round := 0; round < 3000; round++ {
		x, y := make([]string, r.Intn(30)), make([]string, r.Intn(30))
		for i := range x {
			x[i] = words[r.Intn(len(words))]
		}
		for i := range y {
			y[i] = words[r.Intn(len(words))]
		}
		got := common(x, y)
		pi, pj := -1, -1
		for _, p := range got {
			if p[0] <= pi || p[1] <= pj || x[p[0]] != y[p[1]] {
				t.Fatalf("%v %v: not a common subsequence: %v", x, y, got)
			}
			pi, pj = p[0], p[1]
		}
		if want := lcsLength(x, y); len(got) != want {
			t.Fatalf("%v %v: %d pairs, the LCS has %d", x, y, len(got), want)
		}
	}
}

// Words rebuilds both texts from its operations.
func TestWordsRebuildsBoth(t *testing.T) {
	r := rand.New(rand.NewSource(2))
	words := []string{"el", "manual", "de", "la", "UR"}
	for round := 0; round < 1000; round++ {
		a, b := make([]string, r.Intn(20)), make([]string, r.Intn(20))
		for i := range a {
			a[i] = words[r.Intn(len(words))]
		}
		for i := range b {
			b[i] = words[r.Intn(len(words))]
		}
		var old, nw []string
		for _, op := range Words(strings.Join(a, " "), strings.Join(b, " ")) {
			if op.Op != "+" {
				old = append(old, op.Text)
			}
			if op.Op != "-" {
				nw = append(nw, op.Text)
			}
		}
		if strings.Join(old, " ") != strings.Join(a, " ") || strings.Join(nw, " ") != strings.Join(b, " ") {
			t.Fatalf("%v → %v: rebuilt %v → %v", a, b, old, nw)
		}
	}
}

// BenchmarkWordsLongField: one long field with a few edits, ×1, ×4, ×16
// (issue 16, item 10). Time must grow with the length, not its square.
func BenchmarkWordsLongField(b *testing.B) {
	for _, n := range []int{5_000, 20_000, 80_000} {
		a := make([]string, n)
		for i := range a {
			a[i] = "palabra" + strings.Repeat("x", i%7)
		}
		edited := append([]string(nil), a...)
		for i := 0; i < n; i += n / 10 {
			edited[i] = "cambio"
		}
		x, y := strings.Join(a, " "), strings.Join(edited, " ")
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			for range b.N {
				Words(x, y)
			}
		})
	}
}
