// Package templates holds the fixed prose and layout of every document mpp
// writes, one file per document part, embedded in the binary so that a
// wording change is a template change, not a code change.
package templates

import (
	"embed"
	"io/fs"
	"os"
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
