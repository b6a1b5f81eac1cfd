package acuerdotext

import (
	"fmt"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/cipro-ine/mpp/manuals/profile"
)

// scaled makes an acuerdo of about n bytes from the JGE248 seed by inserting
// considerandos (copies of 24–35, renumbered) before the process
// considerando: the shape a long acuerdo really has.
func scaled(tb testing.TB, n int) []byte {
	tb.Helper()
	raw, err := os.ReadFile(seeds["JGE248"])
	if err != nil {
		missingSeed(tb, err)
	}
	lines := strings.Split(string(raw), "\n")
	start, at := -1, -1
	for i, l := range lines {
		if strings.HasPrefix(l, "24. Con la aprobación") {
			start = i
		}
		if strings.HasPrefix(l, "- 36.**") {
			at = i
		}
	}
	block := lines[start:at]
	numRe := regexp.MustCompile(`^(- )?(\d+)\.(\*\*)? `)
	var extra []string
	next := 36
	for size := len(raw); size < n; {
		for _, l := range block {
			if m := numRe.FindStringSubmatch(l); m != nil {
				l = m[1] + strconv.Itoa(next) + "." + m[3] + " " + l[len(m[0]):]
				next++
			}
			extra = append(extra, l)
			size += len(l) + 1
		}
	}
	shift := next - 36
	var out []string
	out = append(out, lines[:at]...)
	out = append(out, extra...)
	for _, l := range lines[at:] {
		if m := numRe.FindStringSubmatch(l); m != nil {
			if v, _ := strconv.Atoi(m[2]); v >= 36 && v <= 38 {
				l = m[1] + strconv.Itoa(v+shift) + "." + m[3] + " " + l[len(m[0]):]
			}
		}
		out = append(out, l)
	}
	return []byte(strings.Join(out, "\n"))
}

// BenchmarkIngest: a real acuerdo (35 KB) and larger ones up to 1 MB; time
// per byte stays flat when the parser is linear.
func BenchmarkIngest(b *testing.B) {
	prof := profile.Default()
	inputs := []struct {
		name string
		data []byte
	}{}
	for name, p := range seeds {
		raw, err := os.ReadFile(p)
		if err != nil {
			missingSeed(b, err)
		}
		inputs = append(inputs, struct {
			name string
			data []byte
		}{name, raw})
	}
	for _, n := range []int{100_000, 300_000, 1_000_000} {
		inputs = append(inputs, struct {
			name string
			data []byte
		}{fmt.Sprintf("%dKB", n/1000), scaled(b, n)})
	}
	for _, in := range inputs {
		r, err := Ingest(in.data, prof)
		if err != nil || r.Coverage() != 1 || len(r.Missing) > 0 {
			b.Fatalf("%s: coverage %v, missing %v, %v", in.name, r.Coverage(), r.Missing, err)
		}
		b.Run(in.name, func(b *testing.B) {
			b.SetBytes(int64(len(in.data)))
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				if _, err := Ingest(in.data, prof); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// TestWriteBenchInputs writes the scaled acuerdos for bench/ingest.sh (only
// when MPP_BENCH_OUT names a folder).
func TestWriteBenchInputs(t *testing.T) {
	dir := os.Getenv("MPP_BENCH_OUT")
	if dir == "" {
		t.Skip("MPP_BENCH_OUT not set")
	}
	for _, n := range []int{100_000, 300_000, 1_000_000} {
		p := fmt.Sprintf("%s/acuerdo-%dKB.txt", dir, n/1000)
		if err := os.WriteFile(p, scaled(t, n), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// BenchmarkLongToken: the seed with one token of n letters, capitals and
// look-alike digits mixed (each a candidate for an OCR swap), ×1, ×4, ×16
// (issue 16, item 10: 0.19 s → 38 s from 58 KB to 740 KB before).
func BenchmarkLongToken(b *testing.B) {
	raw, err := os.ReadFile(seeds["JGE248"])
	if err != nil {
		missingSeed(b, err)
	}
	prof := profile.Default()
	for _, n := range []int{50_000, 200_000, 800_000} {
		tok := make([]byte, n)
		for i := range tok {
			tok[i] = "abcdeFGHIJl1"[i*7%12]
		}
		mid := len(raw) / 2
		mid += strings.IndexByte(string(raw[mid:]), '\n')
		in := append(append(append([]byte{}, raw[:mid]...), ' '), append(tok, raw[mid:]...)...)
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			b.SetBytes(int64(len(in)))
			for range b.N {
				if _, err := Ingest(in, prof); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
