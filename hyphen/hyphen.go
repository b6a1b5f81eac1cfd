// Package hyphen finds where a Spanish word may break at the end of a line,
// by Frank Liang's algorithm (the one TeX and LibreOffice use) over the
// Spanish patterns of LibreOffice's dictionaries (hyph_es_ES.dic, from
// Debian's hyphen-es, MPL-1.1+; LICENSE-hyph_es.txt). No Go library serving
// these patterns is published on the module proxy this project uses; the
// algorithm is a few dozen lines.
package hyphen

import (
	"bufio"
	"bytes"
	_ "embed"
	"strconv"
	"strings"
	"sync"
	"unicode"
)

//go:embed hyph_es_ES.dic
var spanishPatterns []byte

// Hyphenator holds one language's patterns.
type Hyphenator struct {
	pats        map[string][]uint8
	maxLen      int
	left, right int // letters kept before the first and after the last break
}

var (
	spanishOnce sync.Once
	spanish     *Hyphenator
)

// Spanish is the hyphenator for Spanish.
func Spanish() *Hyphenator {
	spanishOnce.Do(func() { spanish = Parse(spanishPatterns) })
	return spanish
}

// Parse reads patterns in LibreOffice's hyphen format: a charset line,
// optional LEFTHYPHENMIN / RIGHTHYPHENMIN lines, then one Liang pattern a
// line («4a5bor2i»).
func Parse(data []byte) *Hyphenator {
	h := &Hyphenator{pats: map[string][]uint8{}, left: 2, right: 2}
	sc := bufio.NewScanner(bytes.NewReader(data))
	first := true
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if first {
			first = false
			continue // the charset
		}
		if line == "" || strings.HasPrefix(line, "%") || strings.HasPrefix(line, "#") {
			continue
		}
		var n int
		switch {
		case parseInt(line, "LEFTHYPHENMIN ", &n):
			h.left = n
			continue
		case parseInt(line, "RIGHTHYPHENMIN ", &n):
			h.right = n
			continue
		case strings.ToUpper(line) == line && strings.ContainsAny(line, "ABCDEFGHIJKLMNOPQRSTUVWXYZ"):
			continue // other directives (COMPOUND…, NOHYPHEN)
		}
		var letters []rune
		vals := []uint8{0}
		for _, r := range line {
			if r >= '0' && r <= '9' {
				vals[len(vals)-1] = uint8(r - '0')
				continue
			}
			letters = append(letters, r)
			vals = append(vals, 0)
		}
		key := string(letters)
		h.pats[key] = vals
		h.maxLen = max(h.maxLen, len(letters))
	}
	return h
}

func parseInt(line, prefix string, n *int) bool {
	if !strings.HasPrefix(line, prefix) {
		return false
	}
	v, err := strconv.Atoi(strings.TrimSpace(line[len(prefix):]))
	if err != nil || v < 0 {
		return false
	}
	*n = v
	return true
}

// Points returns the rune offsets where word may break (word[:i] + "-" on
// one line, word[i:] on the next), in increasing order. Only a run of
// letters is hyphenated: leading and trailing punctuation stay where they
// are, and a word with digits or inner punctuation, or in capitals (a sigla
// such as UTTyPDP counts: two capitals or more), is not hyphenated.
func (h *Hyphenator) Points(word string) []int {
	rs := []rune(word)
	start, end := 0, len(rs)
	for start < end && !unicode.IsLetter(rs[start]) {
		start++
	}
	for end > start && !unicode.IsLetter(rs[end-1]) {
		end--
	}
	core := rs[start:end]
	if len(core) < h.left+h.right {
		return nil
	}
	upper := 0
	for _, r := range core {
		if !unicode.IsLetter(r) {
			return nil
		}
		if unicode.IsUpper(r) {
			upper++
		}
	}
	if upper >= 2 {
		return nil
	}
	w := make([]rune, 0, len(core)+2)
	w = append(w, '.')
	for _, r := range core {
		w = append(w, unicode.ToLower(r))
	}
	w = append(w, '.')
	vals := make([]uint8, len(w)+1)
	var key strings.Builder
	for i := range w {
		key.Reset()
		for j := i; j < len(w) && j-i < h.maxLen; j++ {
			key.WriteRune(w[j])
			if p, ok := h.pats[key.String()]; ok {
				for k, v := range p {
					if v > vals[i+k] {
						vals[i+k] = v
					}
				}
			}
		}
	}
	var out []int
	// Between core[i-1] and core[i] is vals[i+1] (w has the leading dot).
	for i := h.left; i <= len(core)-h.right; i++ {
		if vals[i+1]%2 == 1 {
			out = append(out, start+i)
		}
	}
	return out
}

// Hyphenate writes word with a hyphen at every point, for inspection
// («pro-ce-di-mien-to»).
func (h *Hyphenator) Hyphenate(word string) string {
	pts := h.Points(word)
	if len(pts) == 0 {
		return word
	}
	var b strings.Builder
	prev := 0
	rs := []rune(word)
	for _, p := range pts {
		b.WriteString(string(rs[prev:p]))
		b.WriteByte('-')
		prev = p
	}
	b.WriteString(string(rs[prev:]))
	return b.String()
}
