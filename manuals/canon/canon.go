// Package canon gives each document of an expediente a canonical form and
// its SHA-256 fingerprint: what the Dirección Jurídica certifies. The form
// ignores what no reader sees — YAML formatting, key order, comments, runs
// of white space, source line numbers and transcription notes — and keeps
// everything else.
package canon

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"regexp"
	"sort"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/cipro-ine/mpp/manuals"
)

// Documents that can be certified.
const (
	Acuerdo = "acuerdo"
	Manual  = "manual"
)

// ignored keys: provenance and metadata that are not the document's content.
var ignored = map[string]bool{"origen": true, "correcciones": true, "revision_ocr": true, "notas": true, "sin_clasificar": true, "publicacion": true}

var spaces = regexp.MustCompile(`[ \t\x{00a0}]+`)

// Form returns the canonical form of doc ("acuerdo" or "manual") in e, or nil
// when the expediente does not have it.
func Form(e *manuals.Expediente, doc string) ([]byte, error) {
	var v any
	switch {
	case doc == Acuerdo && e.Acuerdo != nil:
		v = e.Acuerdo
	case doc == Manual && e.Manual != nil:
		v = e.Manual
	default:
		return nil, nil
	}
	return Of(v)
}

// Of returns the canonical form of any part of the model (a procedure, say),
// by the same normalisation as Form.
func Of(v any) ([]byte, error) {
	b, err := yaml.Marshal(v)
	if err != nil {
		return nil, err
	}
	var n yaml.Node
	if err := yaml.Unmarshal(b, &n); err != nil {
		return nil, err
	}
	normalize(&n)
	var out strings.Builder
	enc := yaml.NewEncoder(&out)
	enc.SetIndent(2)
	if err := enc.Encode(&n); err != nil {
		return nil, err
	}
	enc.Close()
	return []byte(out.String()), nil
}

func normalize(n *yaml.Node) {
	n.HeadComment, n.LineComment, n.FootComment = "", "", ""
	n.Style &^= yaml.FlowStyle
	if n.Kind == yaml.ScalarNode && n.Tag == "!!str" {
		lines := strings.Split(n.Value, "\n")
		for i, l := range lines {
			lines[i] = strings.TrimSpace(spaces.ReplaceAllString(l, " "))
		}
		n.Value = strings.TrimSpace(strings.Join(lines, "\n"))
		n.Style = 0
	}
	if n.Kind == yaml.MappingNode {
		var keep []*yaml.Node
		for i := 0; i+1 < len(n.Content); i += 2 {
			if !ignored[n.Content[i].Value] {
				keep = append(keep, n.Content[i], n.Content[i+1])
			}
		}
		n.Content = keep
	}
	for _, c := range n.Content {
		normalize(c)
	}
}

// Fingerprint is "sha256:" and the hex digest of a canonical form.
func Fingerprint(form []byte) string {
	sum := sha256.Sum256(form)
	return "sha256:" + hex.EncodeToString(sum[:])
}

// Changes lists the field paths (subprocesos[2].procedimientos[4].objetivo,
// 1-based) where two canonical forms of the same document differ.
func Changes(before, after []byte) ([]string, error) {
	var a, b yaml.Node
	if err := yaml.Unmarshal(before, &a); err != nil {
		return nil, err
	}
	if err := yaml.Unmarshal(after, &b); err != nil {
		return nil, err
	}
	var out []string
	diff(root(&a), root(&b), "", &out)
	sort.Strings(out)
	return out, nil
}

func root(n *yaml.Node) *yaml.Node {
	if n.Kind == yaml.DocumentNode && len(n.Content) > 0 {
		return n.Content[0]
	}
	return n
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

func diff(a, b *yaml.Node, path string, out *[]string) {
	switch {
	case a == nil || b == nil || a.Kind != b.Kind:
		*out = append(*out, orRoot(path))
	case a.Kind == yaml.MappingNode:
		av, bv := fields(a), fields(b)
		keys := map[string]bool{}
		for k := range av {
			keys[k] = true
		}
		for k := range bv {
			keys[k] = true
		}
		for k := range keys {
			diff(av[k], bv[k], join(path, k), out)
		}
	case a.Kind == yaml.SequenceNode:
		for i := 0; i < len(a.Content) || i < len(b.Content); i++ {
			var x, y *yaml.Node
			if i < len(a.Content) {
				x = a.Content[i]
			}
			if i < len(b.Content) {
				y = b.Content[i]
			}
			diff(x, y, fmt.Sprintf("%s[%d]", path, i+1), out)
		}
	case a.Value != b.Value:
		*out = append(*out, orRoot(path))
	}
}

func orRoot(p string) string {
	if p == "" {
		return "(documento)"
	}
	return p
}

func fields(n *yaml.Node) map[string]*yaml.Node {
	m := map[string]*yaml.Node{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		m[n.Content[i].Value] = n.Content[i+1]
	}
	return m
}
