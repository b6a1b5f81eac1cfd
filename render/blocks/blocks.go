// Package blocks is the small block language in which a template writes a
// document (tag lines and their text), parsed into typed blocks that each
// writer lays out in its own medium: render/pdf on pages, render/docx as
// WordprocessingML. The fixed prose lives in templates/.
package blocks

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"io/fs"
	"net/url"
	"regexp"
	"strings"
	"text/template"

	"github.com/cipro-ine/mpp/templates"
)

// LineBreak, in a block's text, forces a new line inside a paragraph or a
// table cell (one procedure per line in the «Mapa del proceso»).
const LineBreak = "\v"

// A template writes a document as blocks: a line "@tag" opens a block and the
// lines after it, up to the next "@" line, are its text (a line break stays a
// line break; blank lines are ignored). Tags:
//
//	@titulo      bold, centred
//	@encabezado  bold, centred, and a bookmark in the PDF outline
//	@parrafo     justified
//	@negritas    bold, justified
//	@derecha     right-aligned
//	@elision     an elision mark, "[...]"
//	@tabla       a table: one row per line, cells separated by tabs; the first row is the header
//	@qr          a QR code of the text (a link), with the link printed beside it
//	@seccion     a numbered section: heading, outline entry, index entry
//	@subseccion  the same, one level down
//	@subproceso  a subproceso's heading: outline and index entry; the sections
//	             after it go one level down until @finsubprocesos
//	@indice      the table of contents, with true page numbers
//	@portada     the cover: first line large, the rest as lines
//	@nuevapagina a page break
//	@espacio     blank space, in mm (default 15): the place of a signature
//	@ilustrativo a labelled box: the content is illustrative
//	@diagrama    the swimlane flow diagram of a procedure (text: its code)
//	@matriz      the impact × probability matrix of a procedure (text: its code)
//	@cambios     the changes of a comparison, as a redline
//
// A tag may carry arguments on its line: "@tabla 8 18 36 13 13 12" gives
// the column widths in percent.
type Block struct {
	Tag  string
	Args []string
	Text string
	Line int
}

// Tags are the block tags a template may use.
var Tags = map[string]bool{"titulo": true, "encabezado": true, "parrafo": true, "negritas": true, "derecha": true, "elision": true,
	"tabla": true, "qr": true, "seccion": true, "subseccion": true, "indice": true, "portada": true, "nuevapagina": true,
	"ilustrativo": true, "diagrama": true, "matriz": true, "cambios": true, "espacio": true,
	"subproceso": true, "finsubprocesos": true}

// textless tags stand alone.
var textless = map[string]bool{"indice": true, "nuevapagina": true, "espacio": true, "finsubprocesos": true}

// A block tag written by a template is marked in the template's source
// when it is loaded (markTags), never in the text the template inserts, so
// a line «@nuevapagina» in a punto de acuerdo is printed as text instead of
// breaking the page and losing the rest of the punto. The mark is new for
// every document (newMark): no text, whatever characters YAML's escapes let
// it hold, can carry one. It never reaches the output.
func newMark() string {
	var b [12]byte
	if _, err := rand.Read(b[:]); err != nil {
		panic(err) // crypto/rand does not fail on Linux
	}
	return "\x00" + hex.EncodeToString(b[:]) + "\x00"
}

// tagInSource is a block tag in a template's source: at the start of a line
// or right after an action.
var tagInSource = regexp.MustCompile(`(^|\n|\}\})([ \t]*)@([a-záéíóúñ]+)`)

// markTags marks the block tags of a template's source, refusing unknown
// ones.
func markTags(name, src, mark string) (string, error) {
	var bad string
	out := tagInSource.ReplaceAllStringFunc(src, func(m string) string {
		sub := tagInSource.FindStringSubmatch(m)
		if !Tags[sub[3]] {
			if bad == "" {
				bad = sub[3]
			}
			return m
		}
		return sub[1] + sub[2] + mark + "@" + sub[3]
	})
	if bad != "" {
		return "", fmt.Errorf("%s: etiqueta de bloque desconocida «@%s»", name, bad)
	}
	return out, nil
}

// parse reads the blocks of a template's output, whose tags carry mark.
func parse(s, mark string) ([]Block, error) {
	var out []Block
	// A block's lines are gathered and joined once: adding a line at a
	// time to its text costs a long table's length squared.
	var lines [][]string
	for i, l := range strings.Split(s, "\n") {
		t := strings.TrimSpace(l)
		if strings.HasPrefix(t, mark+"@") {
			f := strings.Fields(strings.TrimPrefix(t, mark+"@"))
			if len(f) == 0 || !Tags[f[0]] {
				return nil, fmt.Errorf("línea %d: etiqueta de bloque desconocida «%s»", i+1, strings.TrimPrefix(t, mark))
			}
			out = append(out, Block{Tag: f[0], Args: f[1:], Line: i + 1})
			lines = append(lines, nil)
			continue
		}
		if t == "" {
			continue
		}
		if len(out) == 0 {
			return nil, fmt.Errorf("línea %d: texto fuera de un bloque (falta «@parrafo»?)", i+1)
		}
		lines[len(lines)-1] = append(lines[len(lines)-1], strings.TrimRight(l, " \t\r"))
	}
	for i := range out {
		out[i].Text = strings.Join(lines[i], "\n")
	}
	kept := out[:0]
	for _, b := range out {
		if textless[b.Tag] || strings.TrimSpace(b.Text) != "" {
			kept = append(kept, b)
		}
	}
	return kept, nil
}

// FromTemplate executes the template file name (with the partials listed
// after it) over data and parses its output as blocks. tpl, when not nil,
// replaces the embedded templates.
func FromTemplate(tpl fs.FS, data any, name string, partials ...string) ([]Block, error) {
	if tpl == nil {
		tpl = templates.FS
	}
	var t *template.Template
	mark := newMark()
	for _, n := range append([]string{name}, partials...) {
		src, err := fs.ReadFile(tpl, n)
		if err != nil {
			return nil, fmt.Errorf("plantilla %s: %w", n, err)
		}
		marked, err := markTags(n, string(src), mark)
		if err != nil {
			return nil, fmt.Errorf("plantilla %w", err)
		}
		if t == nil {
			t = template.New(n).Funcs(funcs)
		} else {
			t = t.New(n)
		}
		if _, err := t.Parse(marked); err != nil {
			return nil, fmt.Errorf("plantilla %s: %w", n, err)
		}
	}
	t = t.Lookup(name)
	src, err := templates.Execute(t, data)
	if err != nil {
		return nil, fmt.Errorf("plantilla %s: %w", name, err)
	}
	bs, err := parse(string(src), mark)
	if err != nil {
		return nil, fmt.Errorf("plantilla %s: %w", name, err)
	}
	return bs, nil
}

// funcs are the helpers every template may call.
var funcs = template.FuncMap{
	"plural": func(n int, one, many string) string {
		if n == 1 {
			return "1 " + one
		}
		return fmt.Sprintf("%d %s", n, many)
	},
	"celda": func(v any) string { return Cell(fmt.Sprint(v)) },
	"inc":   func(i int) int { return i + 1 },
	"upper": strings.ToUpper,
}

// Cell makes text safe for a table cell: no tabs, no line breaks but the
// forced ones (lineBreak) the writer puts.
func Cell(s string) string {
	parts := strings.Split(s, LineBreak)
	for i, p := range parts {
		parts[i] = strings.Join(strings.Fields(strings.NewReplacer("\t", " ", "\n", " ").Replace(p)), " ")
	}
	return strings.Join(parts, LineBreak)
}

// WebLink: an absolute http or https address.
func WebLink(s string) bool {
	u, err := url.Parse(strings.TrimSpace(s))
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
}
