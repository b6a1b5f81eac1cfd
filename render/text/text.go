// Package text writes documents of the model as clean plain text, from the
// templates in templates/.
package text

import (
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"regexp"
	"text/template"

	"github.com/cipro-ine/mpp/manuals"
	"github.com/cipro-ine/mpp/templates"
)

var funcs = template.FuncMap{
	"texto": manuals.EscapeTextLines,
	"plural": func(n int, one, many string) string {
		if n == 1 {
			return "1 " + one
		}
		return fmt.Sprintf("%d %s", n, many)
	},
}

var blankRuns = regexp.MustCompile(`\n{3,}`)

// Acuerdo writes the acuerdo as clean text in the layout `mpp ingest` reads:
// ingesting it gives the same acuerdo back. tpl may be nil for the embedded
// templates.
func Acuerdo(w io.Writer, a *manuals.Acuerdo, tpl fs.FS) error {
	if tpl == nil {
		tpl = templates.FS
	}
	t, err := template.New("acuerdo.txt.tmpl").Funcs(funcs).ParseFS(tpl, "acuerdo.txt.tmpl")
	if err != nil {
		return fmt.Errorf("plantilla acuerdo.txt.tmpl: %w", err)
	}
	b, err := templates.Execute(t, a)
	if err != nil {
		return fmt.Errorf("plantilla acuerdo.txt.tmpl: %w", err)
	}
	out := blankRuns.ReplaceAll(bytes.TrimLeft(b, "\n"), []byte("\n\n"))
	_, err = w.Write(out)
	return err
}
