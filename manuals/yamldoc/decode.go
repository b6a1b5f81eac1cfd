package yamldoc

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"reflect"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// Scalar is implemented by types that read themselves from one YAML scalar
// (dates, codes). The error text is Spanish; the decoder adds the position.
type Scalar interface {
	DecodeScalar(string) error
}

// Positioned is implemented by types that want to know where they start and
// where each of their keys is.
type Positioned interface {
	// SetPos records where the element starts and its path from the
	// document's root, as messages and --formato json write it:
	// «subprocesos[1].procedimientos[2]» (lists count from 1; "" is the
	// root).
	SetPos(line, column int, path string)
	SetKeyPos(key string, line, column int)
}

// Error is one problem in one file, at a position (Line 0 when unknown).
type Error struct {
	File   string
	Line   int
	Column int
	Msg    string
}

func (e *Error) Error() string {
	switch {
	case e.Line > 0 && e.Column > 0:
		return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Line, e.Column, e.Msg)
	case e.Line > 0:
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
	}
	return fmt.Sprintf("%s: %s", e.File, e.Msg)
}

// ErrorList is every problem found in a file, in the order of the file.
type ErrorList []*Error

func (l ErrorList) Error() string {
	parts := make([]string, len(l))
	for i, e := range l {
		parts[i] = e.Error()
	}
	return strings.Join(parts, "\n")
}

// Limits that keep a hostile file from exhausting the machine.
const (
	maxErrors = 50
	// maxNodes bounds the nodes visited, aliases expanded: a "billion laughs"
	// file is small but expands to billions of nodes.
	maxNodes = 2_000_000
	maxDepth = 100
	// maxText bounds the text decoded with aliases expanded: a 1 MB string
	// named by a thousand aliases is a gigabyte for every rule to read.
	maxText = 64 << 20
)

var errStop = errors.New("stop")

type decoder struct {
	file  string
	errs  ErrorList
	nodes int
	bytes int // text decoded, aliases expanded
}

// Decode reads data (the contents of file) into v, a pointer to a struct.
// It returns nil or an ErrorList.
func Decode(file string, data []byte, v any) error {
	d := &decoder{file: file}
	if err := d.checkText(data); err != nil {
		return ErrorList{err}
	}
	var doc yaml.Node
	dec := yaml.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&doc); err != nil && !errors.Is(err, io.EOF) {
		return ErrorList{syntaxError(file, err)}
	}
	// A second document («---») would be silently ignored: refuse it.
	var more yaml.Node
	if err := dec.Decode(&more); err == nil {
		return ErrorList{{File: file, Line: more.Line, Column: more.Column, Msg: "el archivo tiene más de un documento YAML (separados por «---»); mpp lee uno solo por archivo"}}
	} else if !errors.Is(err, io.EOF) {
		return ErrorList{syntaxError(file, err)}
	}
	if doc.Kind == 0 || len(doc.Content) == 0 {
		return ErrorList{{File: file, Msg: "el archivo está vacío"}}
	}
	func() {
		defer func() {
			if r := recover(); r != nil && r != errStop {
				panic(r)
			}
		}()
		d.value(doc.Content[0], reflect.ValueOf(v).Elem(), "", 0)
	}()
	if len(d.errs) > 0 {
		sort.SliceStable(d.errs, func(i, j int) bool {
			a, b := d.errs[i], d.errs[j]
			return a.Line < b.Line || a.Line == b.Line && a.Column < b.Column
		})
		return d.errs
	}
	return nil
}

func (d *decoder) checkText(data []byte) *Error {
	if i := bytes.IndexByte(data, 0); i >= 0 {
		return &Error{File: d.file, Line: bytes.Count(data[:i], []byte{'\n'}) + 1,
			Msg: "el archivo no es texto (contiene bytes nulos); ¿es un archivo binario?"}
	}
	if !utf8.Valid(data) {
		line := 1
		for i := 0; i < len(data); {
			r, n := utf8.DecodeRune(data[i:])
			if r == utf8.RuneError && n == 1 {
				break
			}
			if r == '\n' {
				line++
			}
			i += n
		}
		return &Error{File: d.file, Line: line,
			Msg: "el archivo no está en UTF-8; guárdelo como UTF-8 (en el editor: «Guardar con codificación UTF-8»)"}
	}
	return nil
}

var lineInMsg = regexp.MustCompile(`line (\d+):?\s*`)

// syntaxError turns yaml.v3's English parse errors into Spanish ones.
func syntaxError(file string, err error) *Error {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	e := &Error{File: file}
	if m := lineInMsg.FindStringSubmatch(msg); m != nil {
		e.Line, _ = strconv.Atoi(m[1])
		msg = lineInMsg.ReplaceAllString(msg, "")
	}
	known := map[string]string{
		"mapping values are not allowed in this context":         "aquí no puede ir «clave: valor»; revise la sangría o ponga el texto entre comillas",
		"did not find expected key":                              "se esperaba una clave; revise la sangría",
		"found character that cannot start any token":            "hay un carácter que no puede iniciar un valor (¿un tabulador? use espacios)",
		"could not find expected ':'":                            "falta «:» después de la clave",
		"did not find expected '-' indicator":                    "se esperaba un elemento de lista «- »; revise la sangría",
		"found unexpected end of stream":                         "el archivo termina a la mitad de un valor (¿comillas sin cerrar?)",
		"found undefined alias":                                  "alias (*nombre) sin ancla (&nombre) definida",
		"block sequence entries are not allowed in this context": "aquí no puede empezar una lista; revise la sangría",
		"did not find expected node content":                     "falta un valor (¿una coma o unos dos puntos de más? ponga el texto entre comillas)",
		"did not find expected ',' or '}'":                       "falta «,» o «}» en un mapa entre llaves",
		"did not find expected ',' or ']'":                       "falta «,» o «]» en una lista entre corchetes",
		"found a tab character":                                  "hay un tabulador en la sangría; use espacios",
		"control characters are not allowed":                     "hay caracteres de control (invisibles) en el texto",
		"found unknown escape character":                         "una secuencia de escape «\\…» que YAML no conoce dentro de comillas dobles; use comillas simples",
		"found invalid Unicode character escape code":            "un escape «\\u…» que no es un carácter Unicode válido",
		"did not find expected hexdecimal number":                "un escape «\\x…» o «\\u…» incompleto dentro de comillas dobles",
		"mapping keys are not allowed in this context":           "aquí no puede ir una clave; revise la sangría",
		"found unexpected document indicator":                    "una línea «---» o «...» a la mitad de un valor",
		"did not find expected alphabetic or numeric character":  "un ancla o alias (&nombre, *nombre) sin nombre válido",
		"did not find expected comment or line break":            "hay texto después de un valor que debería terminar la línea",
		"did not find expected whitespace or line break":         "falta un espacio después de «-» o «:»",
		"found undefined tag handle":                             "una etiqueta «!…» desconocida",
		"found an indentation indicator equal to 0":              "un bloque «|» o «>» con indicador de sangría 0",
		"did not find expected <document start>":                 "se esperaba el inicio de un documento",
		"invalid Unicode character":                              "hay un carácter Unicode inválido",
		"invalid leading UTF-8 octet":                            "el archivo no está en UTF-8",
		"invalid trailing UTF-8 octet":                           "el archivo no está en UTF-8",
		"incorrect leading UTF-8 octet":                          "el archivo no está en UTF-8",
		"incorrect trailing UTF-8 octet":                         "el archivo no está en UTF-8",
		"invalid length of a UTF-8 sequence":                     "el archivo no está en UTF-8",
	}
	for en, es := range known {
		if strings.Contains(msg, en) {
			e.Msg = "YAML mal formado: " + es
			return e
		}
	}
	// A message of the YAML library this table does not know: say what and
	// where in Spanish, without the library's English.
	e.Msg = "YAML mal formado: revise la sintaxis en esta línea (sangría, comillas, «:» y «-»)"
	return e
}

func (d *decoder) fail(n *yaml.Node, format string, args ...any) {
	d.errs = append(d.errs, &Error{File: d.file, Line: n.Line, Column: n.Column, Msg: fmt.Sprintf(format, args...)})
	if len(d.errs) >= maxErrors {
		panic(errStop)
	}
}

func where(path string) string {
	if path == "" {
		return "la raíz del documento"
	}
	return "«" + path + "»"
}

func (d *decoder) value(n *yaml.Node, v reflect.Value, path string, depth int) {
	d.nodes++
	if d.nodes > maxNodes {
		d.fail(n, "el documento es demasiado grande o expande demasiados alias (&/*); límite: %d nodos", maxNodes)
		panic(errStop)
	}
	if depth > maxDepth {
		d.fail(n, "anidamiento demasiado profundo (más de %d niveles)", maxDepth)
		panic(errStop)
	}
	if n.Kind == yaml.AliasNode {
		d.value(n.Alias, v, path, depth+1)
		return
	}
	if n.Kind == yaml.ScalarNode {
		if d.bytes += len(n.Value); d.bytes > maxText {
			d.fail(n, "el documento expande demasiado texto con alias (&/*): más de %d MB", maxText>>20)
			panic(errStop)
		}
	}
	if strings.HasPrefix(n.Tag, "!") && !strings.HasPrefix(n.Tag, "!!") {
		d.fail(n, "%s: la etiqueta «%s» no es de YAML estándar; quítela", where(path), n.Tag)
		return
	}
	if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		return // an empty value leaves the zero value
	}
	if v.Kind() == reflect.Pointer {
		if v.IsNil() {
			v.Set(reflect.New(v.Type().Elem()))
		}
		v = v.Elem()
	}
	if s, ok := v.Addr().Interface().(Scalar); ok {
		if n.Kind != yaml.ScalarNode {
			d.fail(n, "%s debe ser un valor simple, no %s", where(path), kindName(n))
			return
		}
		if err := s.DecodeScalar(n.Value); err != nil {
			d.fail(n, "%s: %v", where(path), err)
		}
		return
	}
	switch v.Kind() {
	case reflect.Struct:
		d.object(n, v, path, depth)
	case reflect.Slice:
		if n.Kind != yaml.SequenceNode {
			d.fail(n, "%s debe ser una lista («- elemento»), no %s", where(path), kindName(n))
			return
		}
		s := reflect.MakeSlice(v.Type(), len(n.Content), len(n.Content))
		for i, c := range n.Content {
			d.value(c, s.Index(i), fmt.Sprintf("%s[%d]", path, i+1), depth+1)
		}
		v.Set(s)
	case reflect.String:
		if n.Kind != yaml.ScalarNode {
			d.fail(n, "%s debe ser texto, no %s", where(path), kindName(n))
			return
		}
		v.SetString(strings.TrimSpace(n.Value))
	case reflect.Int:
		if n.Kind != yaml.ScalarNode {
			d.fail(n, "%s debe ser un número entero, no %s", where(path), kindName(n))
			return
		}
		i, err := strconv.Atoi(strings.TrimSpace(n.Value))
		if err != nil {
			d.fail(n, "%s debe ser un número entero, no «%s»", where(path), n.Value)
			return
		}
		v.SetInt(int64(i))
	case reflect.Float64:
		if n.Kind != yaml.ScalarNode {
			d.fail(n, "%s debe ser un número, no %s", where(path), kindName(n))
			return
		}
		f, err := strconv.ParseFloat(strings.TrimSpace(n.Value), 64)
		if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
			d.fail(n, "%s debe ser un número, no «%s»", where(path), n.Value)
			return
		}
		v.SetFloat(f)
	case reflect.Bool:
		b, ok := parseBool(n)
		if !ok {
			d.fail(n, "%s debe ser true o false (sí/no), no «%s»", where(path), n.Value)
			return
		}
		v.SetBool(b)
	default:
		panic("yamldoc: unsupported kind " + v.Kind().String())
	}
}

func parseBool(n *yaml.Node) (bool, bool) {
	if n.Kind != yaml.ScalarNode {
		return false, false
	}
	switch strings.ToLower(strings.TrimSpace(n.Value)) {
	case "true", "sí", "si":
		return true, true
	case "false", "no":
		return false, true
	}
	return false, false
}

func (d *decoder) object(n *yaml.Node, v reflect.Value, path string, depth int) {
	if n.Kind != yaml.MappingNode {
		d.fail(n, "%s debe ser un mapa de «clave: valor», no %s", where(path), kindName(n))
		return
	}
	pos, _ := v.Addr().Interface().(Positioned)
	if pos != nil {
		pos.SetPos(n.Line, n.Column, path)
	}
	si := fieldsOf(v.Type())
	seen := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, val := n.Content[i], n.Content[i+1]
		key := k.Value
		sub := key
		if path != "" {
			sub = path + "." + key
		}
		if key == "<<" {
			d.fail(k, "las claves de fusión («<<») no se admiten: escriba los campos")
			continue
		}
		if k.Kind != yaml.ScalarNode {
			// Other readers take an alias key as the anchored value; yaml.v3
			// gives its name. Neither is what a manual means.
			d.fail(k, "una clave debe ser un nombre escrito, no %s", map[bool]string{true: "un alias (*nombre)", false: kindName(k)}[k.Kind == yaml.AliasNode])
			continue
		}
		f, ok := si.byName[key]
		if !ok {
			msg := fmt.Sprintf("campo desconocido «%s» en %s", key, where(path))
			if s := suggest(key, FieldNames(v.Type())); s != "" {
				msg += fmt.Sprintf("; ¿quiso decir «%s»?", s)
			} else {
				msg += "; campos válidos: " + strings.Join(FieldNames(v.Type()), ", ")
			}
			d.fail(k, "%s", msg)
			continue
		}
		if seen[key] {
			d.fail(k, "el campo «%s» aparece dos veces en %s", key, where(path))
			continue
		}
		seen[key] = true
		if pos != nil {
			pos.SetKeyPos(key, k.Line, k.Column)
		}
		fv := v.FieldByIndex(f.index)
		d.value(val, fv, sub, depth+1)
		if f.enum != nil {
			d.checkEnum(val, fv, f.enum, sub)
		}
	}
	for _, f := range si.fields {
		if f.required && !seen[f.name] {
			d.fail(n, "falta el campo obligatorio «%s» en %s", f.name, where(path))
		}
	}
}

// checkEnum validates (and normalises: accents dropped) a closed-set value.
func (d *decoder) checkEnum(n *yaml.Node, v reflect.Value, enum []string, path string) {
	check := func(node *yaml.Node, s reflect.Value) {
		got := Fold(s.String())
		for _, e := range enum {
			if got == e {
				s.SetString(e)
				return
			}
		}
		if s.String() == "" {
			return
		}
		d.fail(node, "%s: «%s» no es un valor válido; use uno de: %s", where(path), s.String(), strings.Join(enum, ", "))
	}
	switch v.Kind() {
	case reflect.String:
		check(n, v)
	case reflect.Slice:
		for i := 0; i < v.Len() && i < len(n.Content); i++ {
			check(n.Content[i], v.Index(i))
		}
	}
}

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "un mapa"
	case yaml.SequenceNode:
		return "una lista"
	case yaml.ScalarNode:
		return "«" + n.Value + "»"
	}
	return "otra cosa"
}
