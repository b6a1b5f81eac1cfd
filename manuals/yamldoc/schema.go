package yamldoc

import (
	"encoding/json"
	"reflect"
)

// Schemer is implemented by types that describe their own JSON Schema.
type Schemer interface {
	JSONSchema() map[string]any
}

// Schema returns the JSON Schema (draft 2020-12) of the struct type of v,
// with the title and description given, as indented JSON. Struct types are
// shared through $defs. Output is deterministic.
func Schema(v any, title, description string) ([]byte, error) {
	g := &schemaGen{defs: map[string]any{}}
	root := g.of(reflect.TypeOf(v))
	out := map[string]any{
		"$schema":     "https://json-schema.org/draft/2020-12/schema",
		"title":       title,
		"description": description,
		"$ref":        root["$ref"],
		"$defs":       g.defs,
	}
	b, err := json.MarshalIndent(out, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(b, '\n'), nil
}

type schemaGen struct {
	defs map[string]any
}

var schemerType = reflect.TypeOf((*Schemer)(nil)).Elem()

func (g *schemaGen) of(t reflect.Type) map[string]any {
	if t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t.Implements(schemerType) {
		return reflect.Zero(t).Interface().(Schemer).JSONSchema()
	}
	switch t.Kind() {
	case reflect.Struct:
		name := t.Name()
		if _, ok := g.defs[name]; !ok {
			g.defs[name] = nil // reserve: recursive types terminate
			g.defs[name] = g.object(t)
		}
		return map[string]any{"$ref": "#/$defs/" + name}
	case reflect.Slice:
		return map[string]any{"type": "array", "items": g.of(t.Elem())}
	case reflect.String:
		return map[string]any{"type": "string"}
	case reflect.Int:
		return map[string]any{"type": "integer"}
	case reflect.Float64:
		return map[string]any{"type": "number"}
	case reflect.Bool:
		return map[string]any{"type": "boolean"}
	}
	panic("yamldoc: no schema for " + t.String())
}

func (g *schemaGen) object(t reflect.Type) map[string]any {
	props := map[string]any{}
	var required []string
	for _, f := range fieldsOf(t).fields {
		ft := t.FieldByIndex(f.index).Type
		s := g.of(ft)
		if f.enum != nil {
			if ft.Kind() == reflect.Slice {
				s = map[string]any{"type": "array", "items": map[string]any{"type": "string", "enum": f.enum}}
			} else {
				s = map[string]any{"type": "string", "enum": f.enum}
			}
		}
		if f.doc != "" {
			if _, isRef := s["$ref"]; isRef {
				s = map[string]any{"allOf": []any{s}, "description": f.doc}
			} else {
				c := map[string]any{}
				for k, v := range s {
					c[k] = v
				}
				c["description"] = f.doc
				s = c
			}
		}
		props[f.name] = s
		if f.required {
			required = append(required, f.name)
		}
	}
	obj := map[string]any{"type": "object", "additionalProperties": false, "properties": props}
	if len(required) > 0 {
		obj["required"] = required
	}
	return obj
}
