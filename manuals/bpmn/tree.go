package bpmn

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
)

// Error is a problem in a BPMN file, at a line when one is known.
type Error struct {
	File string
	Line int
	Msg  string
	// NotBPMN: the file is not BPMN 2.0 at all (not XML, another root).
	NotBPMN bool
}

// Is makes errors.Is(err, ErrNotBPMN) true for a file that is not BPMN.
func (e *Error) Is(target error) bool { return target == ErrNotBPMN && e.NotBPMN }

func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
	}
	return fmt.Sprintf("%s: %s", e.File, e.Msg)
}

// ErrNotBPMN marks a file that is not BPMN 2.0 XML at all.
var ErrNotBPMN = errors.New("no es BPMN 2.0")

// maxDepth bounds nesting: real diagrams nest a dozen levels.
const maxDepth = 256

// node is one XML element with its namespace-resolved name and attributes.
type node struct {
	name     xml.Name
	attrs    []xml.Attr
	kids     []*node
	text     strings.Builder
	line     int
	parent   *node
	foreignP bool // inside bpmn:extensionElements
}

func (n *node) is(space, local string) bool { return n.name.Space == space && n.name.Local == local }

func (n *node) attr(space, local string) string {
	for _, a := range n.attrs {
		if a.Name.Space == space && a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// id is the element's id attribute.
func (n *node) id() string { return n.attr("", "id") }

func (n *node) all(space, local string) []*node {
	var out []*node
	for _, k := range n.kids {
		if k.is(space, local) {
			out = append(out, k)
		}
	}
	return out
}

func (n *node) first(space, local string) *node {
	for _, k := range n.kids {
		if k.is(space, local) {
			return k
		}
	}
	return nil
}

func (n *node) content() string { return strings.TrimSpace(n.text.String()) }

// parse reads the whole document into a tree.
func parse(file string, data []byte) (*node, error) {
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = true
	var root, cur *node
	depth := 0
	for {
		line, _ := d.InputPos()
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			var se *xml.SyntaxError
			if errors.As(err, &se) {
				return nil, &Error{file, se.Line, fmt.Sprintf("no es XML bien formado: %s", xmlMsg(se.Msg)), true}
			}
			return nil, &Error{file, line, fmt.Sprintf("no es XML: %v", err), true}
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			if depth > maxDepth {
				return nil, &Error{file, line, fmt.Sprintf("más de %d niveles de anidamiento", maxDepth), false}
			}
			n := &node{name: t.Name, attrs: append([]xml.Attr(nil), t.Attr...), line: line, parent: cur}
			if cur == nil {
				if root != nil {
					return nil, &Error{file, line, "hay más de un elemento raíz", true}
				}
				root = n
			} else {
				cur.kids = append(cur.kids, n)
			}
			cur = n
		case xml.EndElement:
			depth--
			cur = cur.parent
		case xml.CharData:
			if cur != nil {
				cur.text.Write(t)
			}
		}
	}
	if root == nil {
		return nil, &Error{file, 0, "no contiene ningún elemento XML: no es BPMN 2.0", true}
	}
	if !root.is(NSModel, "definitions") {
		name := root.name.Local
		if root.name.Space != "" {
			name += " (" + root.name.Space + ")"
		}
		return nil, &Error{file, root.line, fmt.Sprintf("el elemento raíz es «%s», no bpmn:definitions del espacio %s: no es BPMN 2.0", name, NSModel), true}
	}
	return root, nil
}

// xmlMsg gives encoding/xml's most common messages in Spanish.
func xmlMsg(m string) string {
	switch {
	case strings.HasPrefix(m, "unexpected EOF"):
		return "el archivo termina antes de cerrar sus elementos"
	case strings.HasPrefix(m, "element <") && strings.Contains(m, "closed by"):
		return "un elemento se cierra con otro nombre: " + m
	case strings.Contains(m, "invalid UTF-8"):
		return "texto que no es UTF-8 válido"
	case strings.Contains(m, `"--" not allowed in comments`):
		return "un comentario contiene «--»"
	case strings.HasPrefix(m, "invalid character entity"):
		return "una entidad de carácter no válida (" + strings.TrimPrefix(m, "invalid character entity ") + ")"
	case strings.HasPrefix(m, "unexpected end element"):
		return "cierra un elemento que no está abierto (" + strings.TrimPrefix(m, "unexpected end element ") + ")"
	case strings.HasPrefix(m, "attribute name without = in element"):
		return "un atributo sin «=»"
	case strings.HasPrefix(m, "expected element name after <"):
		return "falta el nombre de un elemento después de «<»"
	}
	return "el analizador de XML dice: " + m
}
