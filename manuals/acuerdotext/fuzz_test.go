package acuerdotext

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/cipro-ine/mpp/manuals/profile"
)

// fuzzSeeds seeds the fuzzers with windows of at most 1.5 KB over every
// region of both acuerdos and their variants: Go's fuzzing engine slows to a
// crawl on 36 KB inputs, and the whole documents are covered by the unit
// tests.
func fuzzSeeds(f *testing.F) {
	f.Add([]byte("GLOSARIO\nA\tB\n\fPágina 1 de 2\n- 1.** x\n\tCONSIDERANDOS"))
	var docs []string
	for _, p := range seeds {
		if b, err := os.ReadFile(p); err == nil {
			docs = append(docs, string(b))
			for _, v := range variants {
				docs = append(docs, v(string(b)))
			}
		}
	}
	for _, code := range []string{"S.5.01", "H.4.05"} {
		docs = append(docs, string(renderText(f, loadExample(f, code))))
	}
	for _, d := range docs {
		for _, w := range windows(d, 1500) {
			f.Add([]byte(w))
		}
	}
}

// windows cuts s at line boundaries into pieces of at most n bytes (a longer
// line is cut to n).
func windows(s string, n int) []string {
	var out []string
	var cur strings.Builder
	for _, l := range strings.SplitAfter(s, "\n") {
		if len(l) > n {
			l = strings.ToValidUTF8(l[:n], "")
		}
		if cur.Len()+len(l) > n {
			out = append(out, cur.String())
			cur.Reset()
		}
		cur.WriteString(l)
	}
	if cur.Len() > 0 {
		out = append(out, cur.String())
	}
	return out
}

// FuzzClean: any text cleans into paragraphs whose source lines are real,
// ordered and counted once.
func FuzzClean(f *testing.F) {
	fuzzSeeds(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		text := string(data)
		c := Clean(text)
		raw := strings.Split(text, "\n")
		seen := map[int]bool{}
		for _, l := range c.Noise {
			seen[l] = true
		}
		for _, p := range c.Paras {
			if p.First > p.Last || len(p.Lines) == 0 || p.Lines[0] != p.First || p.Lines[len(p.Lines)-1] != p.Last {
				t.Fatalf("bad line range %+v", p)
			}
			for _, l := range p.Lines {
				// Only a line cut by a form feed may lie in two paragraphs.
				if seen[l] && !strings.Contains(raw[l-1], "\f") {
					t.Fatalf("line %d placed twice", l)
				}
				seen[l] = true
			}
		}
		if len(seen) > c.NonBlank {
			t.Fatalf("%d lines placed of %d non-blank", len(seen), c.NonBlank)
		}
	})
}

// FuzzIngest: any bytes either are refused as not text or give an
// acuerdo.yaml that loads back.
func FuzzIngest(f *testing.F) {
	fuzzSeeds(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		checkValidOutput(t, data)
	})
}

// FuzzIngestLines: any lines, pages and cells (what OCR and a PDF's text
// layer hand the reader: the input's form feeds are pages, its tabs
// cells) give an acuerdo.yaml that loads back, with no more lines placed
// than were given.
func FuzzIngestLines(f *testing.F) {
	fuzzSeeds(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		if !utf8.Valid(data) {
			return
		}
		var lines []Line
		num, given := 0, 0
		for pg, page := range strings.Split(string(data), "\f") {
			for _, l := range strings.Split(page, "\n") {
				num++
				if strings.TrimSpace(strings.ReplaceAll(l, "\t", "")) == "" {
					continue
				}
				given++
				x := Line{Text: l, Page: pg + 1, Num: num}
				if strings.Contains(l, "\t") {
					x.Cells = strings.Split(l, "\t")
				}
				lines = append(lines, x)
			}
		}
		r := IngestLines(lines, profile.Default())
		if r.NonBlank != given {
			t.Fatalf("%d non-blank lines counted of %d given", r.NonBlank, given)
		}
		checkLoadsBack(t, r, fmt.Sprintf("lines %+v", lines))
	})
}

func TestFuzzCorpusDir(t *testing.T) {
	// Crashers found by fuzzing land in testdata/fuzz/<Target>/ and run as
	// regular tests; this only checks the folder names are right.
	for _, d := range []string{"FuzzClean", "FuzzIngest", "FuzzIngestLines"} {
		if _, err := os.Stat(filepath.Join("testdata", "fuzz", d)); err != nil && !os.IsNotExist(err) {
			t.Error(err)
		}
	}
}
