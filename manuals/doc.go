// Package manuals holds mpp's document model: the expediente of one Manual de
// Proceso y Procedimientos and the documents in it (manual, acuerdo, dictamen
// técnico, certificación). Readers (YAML, acuerdo text, OCR) produce these
// types; validators and writers (PDF, XLSX) consume them and never re-read the
// source text.
//
// YAML keys and user-visible words are Spanish, as the documents are;
// identifiers are English.
package manuals

import (
	"strconv"

	"go.yaml.in/yaml/v3"
)

// Pos is where an element starts in the file it was read from (1-based), its
// path from the document's root («subprocesos[1].procedimientos[2]», lists
// counted from 1), and where each of its keys is. The YAML loader fills it;
// a reader of another format may leave it zero. Findings take their
// position and path from it, so what a message or a SARIF log points at is
// what the loader saw.
type Pos struct {
	Line   int    `yaml:"-"`
	Column int    `yaml:"-"`
	Path   string `yaml:"-"`
	keys   map[string][2]int
}

// SetPos implements yamldoc.Positioned.
func (p *Pos) SetPos(line, column int, path string) { p.Line, p.Column, p.Path = line, column, path }

// SetKeyPos implements yamldoc.Positioned.
func (p *Pos) SetKeyPos(key string, line, column int) {
	if p.keys == nil {
		p.keys = map[string][2]int{}
	}
	p.keys[key] = [2]int{line, column}
}

// Key returns the position and path of one of the element's keys; the
// element's own position (with the key's path) when the key was not
// written.
func (p Pos) Key(key string) Pos {
	path := key
	if p.Path != "" {
		path = p.Path + "." + key
	}
	if k, ok := p.keys[key]; ok {
		return Pos{Line: k[0], Column: k[1], Path: path}
	}
	return Pos{Line: p.Line, Column: p.Column, Path: path}
}

// Position returns the element's position; it lets rules accept any element.
func (p Pos) Position() Pos { return p }

// Source is where an element came from in the text an acuerdo was ingested
// from: its line range and, when the text came from OCR, the page.
type Source struct {
	Pos    `yaml:"-"`
	Desde  int `yaml:"desde" doc:"Primera línea del texto fuente."`
	Hasta  int `yaml:"hasta" doc:"Última línea del texto fuente."`
	Pagina int `yaml:"pagina,omitempty" doc:"Página del escaneo, cuando el texto vino de OCR."`
}

// MarshalYAML writes a source range on one line: {desde: 12, hasta: 14}.
func (s Source) MarshalYAML() (any, error) {
	n := &yaml.Node{Kind: yaml.MappingNode, Style: yaml.FlowStyle}
	add := func(k string, v int) {
		n.Content = append(n.Content,
			&yaml.Node{Kind: yaml.ScalarNode, Value: k},
			&yaml.Node{Kind: yaml.ScalarNode, Tag: "!!int", Value: strconv.Itoa(v)})
	}
	add("desde", s.Desde)
	add("hasta", s.Hasta)
	if s.Pagina > 0 {
		add("pagina", s.Pagina)
	}
	return n, nil
}
