// Package diff compares two versions of a manual or of an acuerdo the way a
// reviewer of the Dirección Jurídica reads them: procedures added, removed,
// renamed or moved; objectives and activity descriptions changed word by
// word; roles, risks, glosario entries and puntos de acuerdo changed.
package diff

import (
	"fmt"
	"strings"
)

// Kinds of change.
const (
	Added    = "agregado"
	Removed  = "eliminado"
	Renamed  = "renombrado"
	Moved    = "movido"
	Modified = "modificado"
)

// Change is one edit between two versions.
type Change struct {
	Kind  string `json:"tipo"`
	What  string `json:"elemento"`          // "procedimiento", "actividad", "objetivo", …
	Where string `json:"donde"`             // the code, ID or ordinal it concerns
	Path  string `json:"ruta,omitempty"`    // field path in the newer version (in the older one when removed)
	Old   string `json:"antes,omitempty"`   // text before
	New   string `json:"despues,omitempty"` // text after
	// Context says what a move concerns: the activity's description, the
	// procedure's name.
	Context string   `json:"contexto,omitempty"`
	Words   []WordOp `json:"palabras,omitempty"`
}

// WordOp is a run of words kept (=), deleted (-) or inserted (+).
type WordOp struct {
	Op   string `json:"op"`
	Text string `json:"texto"`
}

// Summary counts the changes by kind, in Spanish.
func Summary(cs []Change) string {
	if len(cs) == 0 {
		return "sin cambios"
	}
	n := map[string]int{}
	for _, c := range cs {
		n[c.Kind]++
	}
	var parts []string
	for _, k := range []string{Added, Removed, Renamed, Moved, Modified} {
		if n[k] > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", n[k], pluralKind(k, n[k])))
		}
	}
	return strings.Join(parts, ", ")
}

func pluralKind(k string, n int) string {
	if n == 1 {
		return k
	}
	return k + "s"
}

// maxEdits bounds the edit script Myers' algorithm looks for: past it two
// sequences are far apart, and their middle is taken as replaced whole.
const maxEdits = 4000

// common returns the pairs (i, j) of a longest common subsequence of x and
// y. The common prefix and suffix are taken off first, then Myers' O(ND)
// algorithm finds the middle's, so a long text with a few edits costs its
// length, not its length squared.
func common(x, y []string) [][2]int {
	var out [][2]int
	p := 0
	for p < len(x) && p < len(y) && x[p] == y[p] {
		out = append(out, [2]int{p, p})
		p++
	}
	s := 0
	for s < len(x)-p && s < len(y)-p && x[len(x)-1-s] == y[len(y)-1-s] {
		s++
	}
	for _, m := range myers(x[p:len(x)-s], y[p:len(y)-s]) {
		out = append(out, [2]int{m[0] + p, m[1] + p})
	}
	for k := s; k > 0; k-- {
		out = append(out, [2]int{len(x) - k, len(y) - k})
	}
	return out
}

// myers returns the matched pairs of a shortest edit script from x to y
// (Myers 1986, the greedy forward search with its trace), or none when the
// script would be longer than maxEdits.
func myers(x, y []string) [][2]int {
	n, m := len(x), len(y)
	if n == 0 || m == 0 {
		return nil
	}
	limit := min(n+m, maxEdits)
	off := limit + 1
	v := make([]int, 2*limit+3)
	var trace [][]int
	found := -1
	for d := 0; d <= limit && found < 0; d++ {
		trace = append(trace, append([]int(nil), v...))
		for k := -d; k <= d; k += 2 {
			var i int
			if k == -d || k != d && v[off+k-1] < v[off+k+1] {
				i = v[off+k+1] // down: an insertion
			} else {
				i = v[off+k-1] + 1 // right: a deletion
			}
			j := i - k
			for i < n && j < m && x[i] == y[j] {
				i++
				j++
			}
			v[off+k] = i
			if i >= n && j >= m {
				found = d
				break
			}
		}
	}
	if found < 0 {
		return nil
	}
	// Walk the trace back from (n, m): each step is a snake (matches)
	// preceded by one move from the previous diagonal.
	var rev [][2]int
	i, j := n, m
	for d := found; d > 0; d-- {
		vd := trace[d] // the furthest points after d-1 edits
		k := i - j
		pk := k - 1 // came right, by a deletion
		if k == -d || k != d && vd[off+k-1] < vd[off+k+1] {
			pk = k + 1 // came down, by an insertion
		}
		pi := vd[off+pk]
		mi := pi // where the move ends and the snake starts
		if pk == k-1 {
			mi = pi + 1
		}
		for i > mi {
			i--
			j--
			rev = append(rev, [2]int{i, j})
		}
		i, j = pi, pi-pk
	}
	for i > 0 && j > 0 {
		i--
		j--
		rev = append(rev, [2]int{i, j})
	}
	out := make([][2]int, len(rev))
	for k := range rev {
		out[k] = rev[len(rev)-1-k]
	}
	return out
}

// Words diffs two texts word by word (a longest common subsequence over the
// words), merging runs of the same operation.
func Words(a, b string) []WordOp {
	x, y := strings.Fields(a), strings.Fields(b)
	// Runs are gathered as word lists and joined once: appending to a
	// string a word at a time costs a long run's length squared.
	type run struct {
		op    string
		words []string
	}
	var runs []run
	add := func(op, w string) {
		if n := len(runs); n > 0 && runs[n-1].op == op {
			runs[n-1].words = append(runs[n-1].words, w)
			return
		}
		runs = append(runs, run{op, []string{w}})
	}
	i, j := 0, 0
	for _, p := range append(common(x, y), [2]int{len(x), len(y)}) {
		for ; i < p[0]; i++ {
			add("-", x[i])
		}
		for ; j < p[1]; j++ {
			add("+", y[j])
		}
		if p[0] < len(x) {
			add("=", x[i])
			i++
			j++
		}
	}
	out := make([]WordOp, len(runs))
	for k, r := range runs {
		out[k] = WordOp{r.op, strings.Join(r.words, " ")}
	}
	return out
}

// text records a change of a text field, with its word diff.
func text(out *[]Change, what, where, path, a, b string) {
	if strings.Join(strings.Fields(a), " ") == strings.Join(strings.Fields(b), " ") {
		return
	}
	kind := Modified
	switch {
	case strings.TrimSpace(a) == "":
		kind = Added
	case strings.TrimSpace(b) == "":
		kind = Removed
	}
	*out = append(*out, Change{Kind: kind, What: what, Where: where, Path: path, Old: a, New: b, Words: Words(a, b)})
}

// lists diffs two lists of short texts (reglas, insumos…) as sets in order.
func lists(out *[]Change, what, where, path string, a, b []string) {
	text(out, what, where, path, strings.Join(a, "\n"), strings.Join(b, "\n"))
}

// feminine tells which elements take the feminine form of the kind.
func feminine(what string) bool {
	for _, p := range []string{"actividad", "entrada", "valoración", "descripción", "definición", "unidad", "salidas", "reglas"} {
		if strings.HasPrefix(what, p) {
			return true
		}
	}
	return false
}

// KindOf writes the kind in agreement with the element: "actividad movida",
// "controles modificados".
func KindOf(c Change) string {
	k := c.Kind
	if feminine(c.What) {
		k = strings.TrimSuffix(k, "o") + "a"
	}
	if first, _, _ := strings.Cut(c.What, " "); strings.HasSuffix(first, "s") {
		k += "s" // "controles modificados", "salidas de la actividad modificadas"
	}
	return k
}

// maxDescribed is how many changes Describe lists one by one; past it, the
// entry counts them and names the procedures they touch.
const maxDescribed = 8

// Describe writes the changes as one entry of a manual's control de cambios.
func Describe(cs []Change) string {
	if len(cs) == 0 {
		return "Sin cambios de contenido respecto de la versión anterior."
	}
	if len(cs) <= maxDescribed {
		parts := make([]string, len(cs))
		for i, c := range cs {
			parts[i] = fmt.Sprintf("%s %s (%s)", c.What, KindOf(c), c.Where)
		}
		return "Cambios respecto de la versión anterior: " + strings.Join(parts, "; ") + "."
	}
	var codes []string
	seen := map[string]bool{}
	for _, c := range cs {
		code, _, _ := strings.Cut(c.Where, " ")
		if strings.Count(code, ".") == 4 && !seen[code] {
			seen[code] = true
			codes = append(codes, code)
		}
	}
	s := "Cambios respecto de la versión anterior: " + Summary(cs)
	if len(codes) > 0 {
		s += ", en los procedimientos " + strings.Join(codes, ", ")
	}
	return s + "."
}

// Result is a comparison ready for a writer: what was compared and the
// changes, in the order of the newer document.
type Result struct {
	Document string   `json:"documento"` // "manual" or "acuerdo"
	Old      string   `json:"anterior"`  // the older file's name
	New      string   `json:"nueva"`     // the newer file's name
	Summary  string   `json:"resumen"`
	Changes  []Change `json:"cambios"`
}

// NewResult wraps the changes found between two documents of a kind.
func NewResult(document, old, new string, cs []Change) Result {
	if cs == nil {
		cs = []Change{}
	}
	return Result{Document: document, Old: old, New: new, Summary: Summary(cs), Changes: cs}
}

// Ellipsis marks unchanged words left out by Context.
const Ellipsis = "…"

// Context shortens the runs of unchanged words of a word diff to n words on
// each side of a change, so that a long paragraph with one word changed
// shows that word in its sentence and not the whole paragraph.
func Context(ops []WordOp, n int) []WordOp {
	out := make([]WordOp, 0, len(ops))
	for i, op := range ops {
		if op.Op != "=" {
			out = append(out, op)
			continue
		}
		w := strings.Fields(op.Text)
		keepHead, keepTail := n, n
		if i == 0 {
			keepHead = 0 // nothing before it to give context to
		}
		if i == len(ops)-1 {
			keepTail = 0
		}
		if len(w) <= keepHead+keepTail+1 {
			out = append(out, op)
			continue
		}
		var parts []string
		if keepHead > 0 {
			parts = append(parts, strings.Join(w[:keepHead], " "))
		}
		parts = append(parts, Ellipsis)
		if keepTail > 0 {
			parts = append(parts, strings.Join(w[len(w)-keepTail:], " "))
		}
		out = append(out, WordOp{"=", strings.Join(parts, " ")})
	}
	return out
}
