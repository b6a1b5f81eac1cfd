package pdf

import (
	"bytes"
	"fmt"
	"io"
	"regexp"
	"sort"
	"strconv"

	"codeberg.org/go-pdf/fpdf"
)

// fpdf (v0.12.0, the latest) writes every outline and link destination as
// object 1+2·page, assuming the page objects come first; but it writes the
// embedded files (the source attachment every mpp PDF carries) before the
// pages, so each destination points at an object before its page, or at
// the embedded file itself. output corrects the cause after fpdf is done:
// it reads the real page objects from the page tree (/Kids of object 1),
// rewrites each destination to its page's object and writes the
// cross-reference table anew. Only the dictionaries are touched, never a
// stream, and the result is as deterministic as fpdf's.

var (
	kidsRE = regexp.MustCompile(`/Kids \[((?:\d+ 0 R\s*)*)\]`)
	refRE  = regexp.MustCompile(`(\d+) 0 R`)
	destRE = regexp.MustCompile(`/Dest \[(\d+) 0 R`)
)

// output writes f's document to w with its destinations corrected.
func output(f *fpdf.Fpdf, w io.Writer) error {
	var b bytes.Buffer
	if err := f.Output(&b); err != nil {
		return err
	}
	fixed, err := fixDestinations(b.Bytes())
	if err != nil {
		return err
	}
	_, err = w.Write(fixed)
	return err
}

func fixDestinations(pdf []byte) ([]byte, error) {
	xref := bytes.LastIndex(pdf, []byte("\nxref\n"))
	trailer := bytes.LastIndex(pdf, []byte("\ntrailer\n"))
	if xref < 0 || trailer < xref {
		return nil, fmt.Errorf("PDF sin tabla de referencias cruzadas")
	}
	xref++
	// Objects, where fpdf's own cross-reference table puts them.
	type obj struct{ num, start, end int }
	var objs []obj
	lines := bytes.Split(pdf[xref:trailer], []byte("\n"))
	if len(lines) < 2 {
		return nil, fmt.Errorf("tabla de referencias cruzadas vacía")
	}
	for i, l := range lines[2:] {
		if len(l) < 18 || l[17] != 'n' {
			continue // the free entry 0, or the empty last line
		}
		off, err := strconv.Atoi(string(l[:10]))
		if err != nil || off <= 0 || off >= xref {
			return nil, fmt.Errorf("entrada %d de la tabla de referencias cruzadas inválida", i)
		}
		objs = append(objs, obj{num: i, start: off})
	}
	if len(objs) == 0 {
		return nil, fmt.Errorf("PDF sin objetos")
	}
	sort.Slice(objs, func(i, j int) bool { return objs[i].start < objs[j].start })
	for i := range objs {
		objs[i].end = xref
		if i+1 < len(objs) {
			objs[i].end = objs[i+1].start
		}
	}
	// The real page objects, in page order.
	var pages []int
	for _, o := range objs {
		if o.num != 1 {
			continue
		}
		m := kidsRE.FindSubmatch(pdf[o.start:o.end])
		if m == nil {
			return nil, fmt.Errorf("PDF sin árbol de páginas")
		}
		for _, r := range refRE.FindAllSubmatch(m[1], -1) {
			n, _ := strconv.Atoi(string(r[1]))
			pages = append(pages, n)
		}
	}
	remap := func(dict []byte) []byte {
		return destRE.ReplaceAllFunc(dict, func(d []byte) []byte {
			n, _ := strconv.Atoi(string(destRE.FindSubmatch(d)[1]))
			if p := (n - 1) / 2; (n-1)%2 == 0 && p >= 1 && p <= len(pages) {
				return []byte("/Dest [" + strconv.Itoa(pages[p-1]) + " 0 R")
			}
			return d
		})
	}
	var out bytes.Buffer
	out.Grow(len(pdf) + 64)
	out.Write(pdf[:objs[0].start])
	offsets := map[int]int{}
	for _, o := range objs {
		offsets[o.num] = out.Len()
		body := pdf[o.start:o.end]
		dict := body
		var rest []byte
		if i := bytes.Index(body, []byte("\nstream\n")); i >= 0 {
			dict, rest = body[:i], body[i:]
		}
		out.Write(remap(dict))
		out.Write(rest)
	}
	size := len(lines) - 2 // entries, the free one included
	if size < 1 {
		return nil, fmt.Errorf("tabla de referencias cruzadas vacía")
	}
	start := out.Len()
	fmt.Fprintf(&out, "xref\n0 %d\n0000000000 65535 f \n", size)
	for n := 1; n < size; n++ {
		off, ok := offsets[n]
		if !ok {
			return nil, fmt.Errorf("el objeto %d no está en el archivo", n)
		}
		fmt.Fprintf(&out, "%010d 00000 n \n", off)
	}
	end := bytes.LastIndex(pdf, []byte("\nstartxref\n"))
	if end < trailer {
		return nil, fmt.Errorf("PDF sin startxref")
	}
	out.Write(pdf[trailer+1 : end+1])
	fmt.Fprintf(&out, "startxref\n%d\n%%%%EOF\n", start)
	return out.Bytes(), nil
}
