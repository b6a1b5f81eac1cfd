package bpmn

import (
	"bufio"
	"encoding/xml"
	"strings"
)

// emitter writes indented XML, element by element. Names carry their
// prefix; the namespaces are declared once on the root.
type emitter struct {
	w     *bufio.Writer
	stack []string
	err   error
}

func (x *emitter) raw(s string) {
	if x.err == nil {
		_, x.err = x.w.WriteString(s)
	}
}

func (x *emitter) indent() { x.raw(strings.Repeat("  ", len(x.stack))) }

func (x *emitter) start(name string, attrs []string) {
	x.indent()
	x.raw("<" + name)
	for i := 0; i+1 < len(attrs); i += 2 {
		x.raw(" " + attrs[i] + `="`)
		x.escape(attrs[i+1])
		x.raw(`"`)
	}
}

// open starts an element that will hold others.
func (x *emitter) open(name string, attrs ...string) {
	x.start(name, attrs)
	x.raw(">\n")
	x.stack = append(x.stack, name)
}

// close ends the innermost open element.
func (x *emitter) close() {
	name := x.stack[len(x.stack)-1]
	x.stack = x.stack[:len(x.stack)-1]
	x.indent()
	x.raw("</" + name + ">\n")
}

// leaf writes an element with text (or empty).
func (x *emitter) leaf(name, text string, attrs ...string) {
	x.start(name, attrs)
	if text == "" {
		x.raw("/>\n")
		return
	}
	x.raw(">")
	x.escape(text)
	x.raw("</" + name + ">\n")
}

// escape writes s as XML character data; new lines and tabs become
// character references, which attribute values need to keep them.
func (x *emitter) escape(s string) {
	if x.err == nil {
		x.err = xml.EscapeText(x.w, []byte(s))
	}
}
