// Package templates holds the fixed prose and layout of every document mpp
// writes, one file per document part, embedded in the binary so that a
// wording change is a template change, not a code change.
package templates

import "embed"

// FS is the embedded template tree.
//
//go:embed *.tmpl
var FS embed.FS
