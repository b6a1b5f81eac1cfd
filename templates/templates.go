// Package templates holds the fixed prose and layout of every document mpp
// writes, one file per document part, embedded in the binary so that a
// wording change is a template change, not a code change.
package templates

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"text/template"
)

// FS is the embedded template tree.
//
//go:embed *.tmpl
var FS embed.FS

// Overlay returns the templates with those in dir taking precedence, file by
// file (--plantillas): a wording change needs only the file that changes.
func Overlay(dir string) fs.FS {
	if dir == "" {
		return FS
	}
	return overlay{os.DirFS(dir)}
}

type overlay struct{ top fs.FS }

func (o overlay) Open(name string) (fs.File, error) {
	if f, err := o.top.Open(name); err == nil {
		return f, nil
	}
	return FS.Open(name)
}

// MaxOutput bounds what one template may expand to: the largest document
// mpp writes is some megabytes of text, and a --plantillas template that
// nests {{template}} calls can otherwise grow exponentially.
const MaxOutput = 64 << 20

// ErrTooLarge is a template whose output passed MaxOutput.
var ErrTooLarge = errors.New("la plantilla produce demasiado texto")

// Execute runs t over data and returns its output, at most MaxOutput bytes.
func Execute(t *template.Template, data any) ([]byte, error) {
	w := &limited{max: MaxOutput}
	if err := t.Execute(w, data); err != nil {
		if errors.Is(err, ErrTooLarge) {
			return nil, fmt.Errorf("%w (más de %d MB); revise --plantillas", ErrTooLarge, MaxOutput>>20)
		}
		return nil, err
	}
	return w.buf.Bytes(), nil
}

type limited struct {
	buf bytes.Buffer
	max int
}

func (l *limited) Write(p []byte) (int, error) {
	if l.buf.Len()+len(p) > l.max {
		return 0, ErrTooLarge
	}
	return l.buf.Write(p)
}
