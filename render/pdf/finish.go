package pdf

import (
	"bytes"
	"compress/zlib"
	"crypto/md5"
	"fmt"
	"io"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf16"
)

// What fpdf writes is finished here, in one pass over its objects:
//
//   - Destinations. fpdf (v0.12.0, the latest) writes every outline and
//     link destination as object 1+2·page, assuming the page objects come
//     first; with embedded files written before the pages, every bookmark
//     fell early or on the embedded file itself. The real page objects are
//     read from the page tree (/Kids of object 1) and each /Dest rewritten
//     to its page's object, in dictionaries only, never inside a stream.
//   - The source attachments, as PDF/A-3 associated files: fpdf embeds
//     files without a MIME type, with an empty /F and no relationship, and
//     the catalog has no /AF. mpp no longer gives fpdf the attachments; it
//     appends them here: an EmbeddedFile stream with its /Subtype and
//     /Params (size, MD5, date), a file specification with /F, /UF, /Desc
//     and /AFRelationship /Source, the catalog's /EmbeddedFiles name tree
//     and /AF.
//   - The trailer's /ID, which fpdf does not write: two MD5 digests of the
//     file (equal, as for a new file), so that the same input gives the same
//     bytes. And its /Info: fpdf points it at the object before the catalog,
//     which is the output intent's ICC profile once there is one; it is set
//     to the Info dictionary itself.
//
// Then the cross-reference table is written anew.

var (
	kidsRE  = regexp.MustCompile(`/Kids \[((?:\d+ 0 R\s*)*)\]`)
	refRE   = regexp.MustCompile(`(\d+) 0 R`)
	destRE  = regexp.MustCompile(`/Dest \[(\d+) 0 R`)
	rootRE  = regexp.MustCompile(`/Root (\d+) 0 R`)
	sizeRE  = regexp.MustCompile(`/Size \d+`)
	infoRE  = regexp.MustCompile(`/Info \d+ 0 R`)
	namesRE = regexp.MustCompile(`/EmbeddedFiles << /Names \[[^\]]*\] >>`)
)

// attachment is a file embedded in the PDF as an associated file.
type attachment struct {
	name, desc, mime string
	data             []byte
}

// output writes the document to w, finished.
func (d *doc) output(w io.Writer) error {
	var b bytes.Buffer
	if err := d.f.Output(&b); err != nil {
		return err
	}
	out, err := finish(b.Bytes(), d.attachments, d.date)
	if err != nil {
		return err
	}
	_, err = w.Write(out)
	return err
}

type pdfObj struct{ num, start, end int }

func finish(pdf []byte, atts []attachment, date time.Time) ([]byte, error) {
	xref := bytes.LastIndex(pdf, []byte("\nxref\n"))
	trailer := bytes.LastIndex(pdf, []byte("\ntrailer\n"))
	end := bytes.LastIndex(pdf, []byte("\nstartxref\n"))
	if xref < 0 || trailer < xref || end < trailer {
		return nil, fmt.Errorf("PDF sin tabla de referencias cruzadas")
	}
	xref++
	// Objects, where fpdf's own cross-reference table puts them.
	var objs []pdfObj
	lines := bytes.Split(pdf[xref:trailer], []byte("\n"))
	if len(lines) < 3 {
		return nil, fmt.Errorf("tabla de referencias cruzadas vacía")
	}
	size := len(lines) - 2 // entries, the free one included
	for i, l := range lines[2:] {
		if len(l) < 18 || l[17] != 'n' {
			continue // the free entry 0
		}
		off, err := strconv.Atoi(string(l[:10]))
		if err != nil || off <= 0 || off >= xref {
			return nil, fmt.Errorf("entrada %d de la tabla de referencias cruzadas inválida", i)
		}
		objs = append(objs, pdfObj{num: i, start: off})
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
	trail := pdf[trailer+1 : end+1]
	m := rootRE.FindSubmatch(trail)
	if m == nil {
		return nil, fmt.Errorf("PDF sin catálogo")
	}
	root, _ := strconv.Atoi(string(m[1]))

	// The Info dictionary: fpdf's always opens with the producer.
	info := -1
	for _, o := range objs {
		if bytes.HasPrefix(pdf[o.start:o.end], []byte(strconv.Itoa(o.num)+" 0 obj\n<<\n/Producer ")) {
			info = o.num
		}
	}
	if info < 0 {
		return nil, fmt.Errorf("PDF sin diccionario Info")
	}
	// The real page objects, in page order.
	var pages []int
	for _, o := range objs {
		if o.num != 1 {
			continue
		}
		k := kidsRE.FindSubmatch(pdf[o.start:o.end])
		if k == nil {
			return nil, fmt.Errorf("PDF sin árbol de páginas")
		}
		for _, r := range refRE.FindAllSubmatch(k[1], -1) {
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

	// The attachments' objects come after fpdf's.
	var extra bytes.Buffer
	var names []string
	specs := map[string]int{}
	var af []string
	pdfDate := "D:" + date.Format("20060102150405")
	next := size
	extraOffsets := map[int]int{}
	sorted := append([]attachment(nil), atts...)
	sort.Slice(sorted, func(i, j int) bool { return sorted[i].name < sorted[j].name })
	for _, a := range sorted {
		var z bytes.Buffer
		zw := zlib.NewWriter(&z)
		zw.Write(a.data)
		zw.Close()
		sum := md5.Sum(a.data)
		stream := next
		extraOffsets[stream] = extra.Len()
		fmt.Fprintf(&extra, "%d 0 obj\n<< /Type /EmbeddedFile /Subtype %s /Filter /FlateDecode /Length %d /Params << /Size %d /CheckSum <%x> /ModDate %s >> >>\nstream\n",
			stream, pdfName(a.mime), z.Len(), len(a.data), sum, pdfLiteral(pdfDate))
		extra.Write(z.Bytes())
		extra.WriteString("\nendstream\nendobj\n")
		spec := next + 1
		extraOffsets[spec] = extra.Len()
		fmt.Fprintf(&extra, "%d 0 obj\n<< /Type /Filespec /F %s /UF %s /Desc %s /AFRelationship /Source /EF << /F %d 0 R /UF %d 0 R >> >>\nendobj\n",
			spec, pdfLiteral(a.name), pdfText(a.name), pdfText(a.desc), stream, stream)
		next += 2
		names = append(names, a.name)
		specs[a.name] = spec
		af = append(af, fmt.Sprintf("%d 0 R", spec))
	}
	catalog := func(dict []byte) []byte {
		var tree strings.Builder
		tree.WriteString("/EmbeddedFiles << /Names [")
		for _, n := range names {
			fmt.Fprintf(&tree, " %s %d 0 R", pdfLiteral(n), specs[n])
		}
		tree.WriteString(" ] >>")
		dict = namesRE.ReplaceAll(dict, []byte(tree.String()))
		if len(af) > 0 {
			dict = bytes.Replace(dict, []byte("/Type /Catalog\n"), []byte("/Type /Catalog\n/AF ["+strings.Join(af, " ")+"]\n"), 1)
		}
		return dict
	}

	var out bytes.Buffer
	out.Grow(len(pdf) + extra.Len() + 256)
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
		dict = remap(dict)
		if o.num == root {
			dict = catalog(dict)
		}
		out.Write(dict)
		out.Write(rest)
	}
	base := out.Len()
	out.Write(extra.Bytes())
	for n, off := range extraOffsets {
		offsets[n] = base + off
	}
	start := out.Len()
	fmt.Fprintf(&out, "xref\n0 %d\n0000000000 65535 f \n", next)
	for n := 1; n < next; n++ {
		off, ok := offsets[n]
		if !ok {
			return nil, fmt.Errorf("el objeto %d no está en el archivo", n)
		}
		fmt.Fprintf(&out, "%010d 00000 n \n", off)
	}
	id := md5.Sum(out.Bytes())
	t := sizeRE.ReplaceAll(trail, []byte("/Size "+strconv.Itoa(next)))
	t = infoRE.ReplaceAll(t, []byte("/Info "+strconv.Itoa(info)+" 0 R"))
	t = bytes.Replace(t, []byte("\n>>\n"), []byte(fmt.Sprintf("\n/ID [<%x> <%x>]\n>>\n", id, id)), 1)
	out.Write(t)
	fmt.Fprintf(&out, "startxref\n%d\n%%%%EOF\n", start)
	return out.Bytes(), nil
}

// pdfLiteral writes s (ASCII) as a PDF literal string.
func pdfLiteral(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `(`, `\(`, `)`, `\)`, "\r", `\r`, "\n", `\n`)
	return "(" + r.Replace(s) + ")"
}

// pdfText writes s as a PDF text string: UTF-16BE with its byte-order
// mark, in hexadecimal.
func pdfText(s string) string {
	var b strings.Builder
	b.WriteString("<FEFF")
	for _, u := range utf16.Encode([]rune(s)) {
		fmt.Fprintf(&b, "%04X", u)
	}
	b.WriteString(">")
	return b.String()
}

// pdfName writes a MIME type as a PDF name («application/x-yaml» →
// /application#2Fx-yaml).
func pdfName(s string) string {
	var b strings.Builder
	b.WriteByte('/')
	for _, c := range []byte(s) {
		if c < '!' || c > '~' || strings.IndexByte("/#()<>[]{}%", c) >= 0 {
			fmt.Fprintf(&b, "#%02X", c)
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}
