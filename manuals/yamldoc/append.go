package yamldoc

import (
	"bytes"
	"fmt"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Append adds item at the end of the block list under the top-level key of
// a YAML document, touching nothing else: comments, key order, quoting and
// indentation stay as their author wrote them. The list is created at the
// end of the document when the key is missing.
func Append(file string, data []byte, key string, item any) ([]byte, error) {
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	if len(root.Content) == 0 || root.Content[0].Kind != yaml.MappingNode {
		return nil, fmt.Errorf("%s: el documento no es un mapa de claves", file)
	}
	eol := "\n"
	if bytes.Contains(data, []byte("\r\n")) {
		eol = "\r\n"
	}
	body, err := Encode(item)
	if err != nil {
		return nil, err
	}
	itemLines := strings.Split(strings.TrimRight(string(body), "\n"), "\n")
	listItem := func(indent int) string {
		var b strings.Builder
		pad := strings.Repeat(" ", indent)
		for i, l := range itemLines {
			if i == 0 {
				b.WriteString(pad + "- " + l + eol)
			} else {
				b.WriteString(pad + "  " + l + eol)
			}
		}
		return b.String()
	}
	top := root.Content[0]
	k := -1
	for i := 0; i+1 < len(top.Content); i += 2 {
		if top.Content[i].Value == key {
			k = i
			break
		}
	}
	text := string(data)
	if k < 0 {
		if text != "" && !strings.HasSuffix(text, "\n") {
			text += eol
		}
		return []byte(text + key + ":" + eol + listItem(0)), nil
	}
	list := top.Content[k+1]
	if list.Kind != yaml.SequenceNode || list.Style&yaml.FlowStyle != 0 || len(list.Content) == 0 {
		return nil, fmt.Errorf("%s:%d: «%s» debe ser una lista en bloque, con un elemento por renglón que empiece con «- », para agregarle un elemento", file, list.Line, key)
	}
	lines := strings.SplitAfter(text, "\n")
	first := lines[list.Content[0].Line-1]
	dash := strings.Index(first, "-")
	if dash < 0 || dash >= list.Content[0].Column-1 {
		return nil, fmt.Errorf("%s:%d: no se encontró el guion del primer elemento de «%s»", file, list.Content[0].Line, key)
	}
	// The list ends where the next top-level key begins, less the blank
	// and comment lines that lead into that key.
	end := len(lines)
	if k+2 < len(top.Content) {
		end = top.Content[k+2].Line - 1
	}
	for end > 0 {
		t := strings.TrimSpace(lines[end-1])
		if t == "" || (strings.HasPrefix(t, "#") && len(lines[end-1])-len(strings.TrimLeft(lines[end-1], " ")) <= dash) {
			end--
			continue
		}
		break
	}
	if end > 0 && !strings.HasSuffix(lines[end-1], "\n") {
		lines[end-1] += eol
	}
	out := strings.Join(lines[:end], "") + listItem(dash) + strings.Join(lines[end:], "")
	return []byte(out), nil
}
