package manuals

import (
	"fmt"
	"regexp"
	"strings"
)

// Code is a process-map code: H.4.05 (proceso), H.4.05.1 (subproceso),
// H.4.05.1.01 (procedimiento). Loading accepts any letter followed by
// dot-separated numbers; the exact widths per level are rule COD-001's
// business, so that a near miss is reported with the others rather than
// stopping the load.
type Code string

// Levels of a code, by number of parts.
const (
	LevelProceso       = 3
	LevelSubproceso    = 4
	LevelProcedimiento = 5
)

var codeShape = regexp.MustCompile(`^[A-Za-z](\.[0-9]+)+$`)

// DecodeScalar implements yamldoc.Scalar.
func (c *Code) DecodeScalar(s string) error {
	s = strings.TrimSpace(s)
	if s == "" {
		*c = ""
		return nil
	}
	if !codeShape.MatchString(s) {
		return fmt.Errorf("«%s» no es un código de proceso: se espera una letra y números separados por puntos, como H.4.05.1.01", s)
	}
	*c = Code(s)
	return nil
}

// JSONSchema implements yamldoc.Schemer.
func (Code) JSONSchema() map[string]any {
	return map[string]any{
		"type":        "string",
		"description": "Código del mapa de procesos: H.4.05 (proceso), H.4.05.1 (subproceso), H.4.05.1.01 (procedimiento).",
		"pattern":     `^[A-Za-z](\.[0-9]+)+$`,
	}
}

// Parts splits the code at its dots.
func (c Code) Parts() []string {
	if c == "" {
		return nil
	}
	return strings.Split(string(c), ".")
}

// Level is the number of parts: 3 proceso, 4 subproceso, 5 procedimiento.
func (c Code) Level() int { return len(c.Parts()) }

// Parent drops the last part ("" for a proceso or shorter).
func (c Code) Parent() Code {
	p := c.Parts()
	if len(p) <= LevelProceso {
		return ""
	}
	return Code(strings.Join(p[:len(p)-1], "."))
}

// Family is the leading letter.
func (c Code) Family() string {
	if c == "" {
		return ""
	}
	return string(c[0])
}

// Last is the final part ("05", "1", "01").
func (c Code) Last() string {
	p := c.Parts()
	if len(p) == 0 {
		return ""
	}
	return p[len(p)-1]
}
