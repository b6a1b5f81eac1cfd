// Package yamldoc decodes YAML documents strictly into Go structs and
// describes those structs as JSON Schema. It exists because gopkg.in/yaml.v3's
// own strict mode stops at the first problem, reports no column, offers no
// suggestion and speaks English, while mpp's users need every problem of a
// hand-written file at once, in Spanish, with file:line:column.
//
// Struct fields are read from their `yaml` tags (with ",inline" and
// ",omitempty" as in yaml.v3), plus three of mpp's own: `mpp:"req"` for a
// required field, `enum:"a,b"` for a closed set of values and `doc:"…"` for the
// description that editors show.
package yamldoc

import (
	"reflect"
	"strings"
	"sync"
)

type field struct {
	name     string
	index    []int
	required bool
	enum     []string
	doc      string
}

type structInfo struct {
	fields []field
	byName map[string]*field
}

var infoCache sync.Map // reflect.Type -> *structInfo

func fieldsOf(t reflect.Type) *structInfo {
	if v, ok := infoCache.Load(t); ok {
		return v.(*structInfo)
	}
	si := &structInfo{byName: map[string]*field{}}
	collect(t, nil, si)
	for i := range si.fields {
		si.byName[si.fields[i].name] = &si.fields[i]
	}
	infoCache.Store(t, si)
	return si
}

func collect(t reflect.Type, prefix []int, si *structInfo) {
	for i := 0; i < t.NumField(); i++ {
		sf := t.Field(i)
		tag := sf.Tag.Get("yaml")
		if tag == "-" || !sf.IsExported() {
			continue
		}
		name, opts, _ := strings.Cut(tag, ",")
		idx := append(append([]int(nil), prefix...), i)
		if strings.Contains(","+opts+",", ",inline,") {
			collect(sf.Type, idx, si)
			continue
		}
		if name == "" {
			name = strings.ToLower(sf.Name)
		}
		f := field{name: name, index: idx, required: sf.Tag.Get("mpp") == "req", doc: sf.Tag.Get("doc")}
		if e := sf.Tag.Get("enum"); e != "" {
			f.enum = strings.Split(e, ",")
		}
		si.fields = append(si.fields, f)
	}
}

// FieldNames lists the YAML keys a struct type accepts, in declaration order.
func FieldNames(t reflect.Type) []string {
	var out []string
	for _, f := range fieldsOf(t).fields {
		out = append(out, f.name)
	}
	return out
}
