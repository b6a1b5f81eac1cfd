package manuals

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"
)

// Date is a calendar date with no time of day or zone: acuerdos, dictámenes and
// sessions are dated by day, and a zone would make the same document render
// differently on two machines.
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// MonthNames are the Spanish month names, lower case, January first.
var MonthNames = [12]string{"enero", "febrero", "marzo", "abril", "mayo", "junio",
	"julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"}

var (
	isoDate  = regexp.MustCompile(`^(\d{4})-(\d{1,2})-(\d{1,2})$`)
	longDate = regexp.MustCompile(`(?i)^(\d{1,2})\s+de\s+([a-záéíóú]+)\s+(?:de|del)\s+(\d{4})$`)
)

// NewDate builds a date, rejecting impossible ones (31 de febrero).
func NewDate(y int, m time.Month, d int) (Date, error) {
	if m < 1 || m > 12 {
		return Date{}, fmt.Errorf("el mes %d no existe", int(m))
	}
	t := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	if d < 1 || t.Day() != d || t.Month() != m {
		return Date{}, fmt.Errorf("el %d de %s de %d no existe", d, MonthNames[m-1], y)
	}
	return Date{y, m, d}, nil
}

// ParseDate accepts `2022-11-24`, `24 de noviembre de 2022` and the variants the
// acuerdos use (`09 de febrero de 2022`, `21 de diciembre del 2016`).
func ParseDate(s string) (Date, error) {
	s = strings.Join(strings.Fields(s), " ")
	if m := isoDate.FindStringSubmatch(s); m != nil {
		y, _ := strconv.Atoi(m[1])
		mo, _ := strconv.Atoi(m[2])
		d, _ := strconv.Atoi(m[3])
		return NewDate(y, time.Month(mo), d)
	}
	if m := longDate.FindStringSubmatch(s); m != nil {
		d, _ := strconv.Atoi(m[1])
		y, _ := strconv.Atoi(m[3])
		mo := monthNumber(m[2])
		if mo == 0 {
			return Date{}, fmt.Errorf("«%s» no es un mes", m[2])
		}
		return NewDate(y, mo, d)
	}
	return Date{}, fmt.Errorf("«%s» no es una fecha; escriba 2022-11-24 o 24 de noviembre de 2022", s)
}

func monthNumber(name string) time.Month {
	name = strings.ToLower(name)
	if name == "setiembre" {
		return time.September
	}
	for i, n := range MonthNames {
		if n == name {
			return time.Month(i + 1)
		}
	}
	return 0
}

// IsZero reports whether the date was never set.
func (d Date) IsZero() bool { return d.Year == 0 }

// Compare returns -1, 0 or +1 as d is before, equal to or after e.
func (d Date) Compare(e Date) int {
	a, b := d.Year*10000+int(d.Month)*100+d.Day, e.Year*10000+int(e.Month)*100+e.Day
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// Before reports whether d is strictly before e.
func (d Date) Before(e Date) bool { return d.Compare(e) < 0 }

// After reports whether d is strictly after e.
func (d Date) After(e Date) bool { return d.Compare(e) > 0 }

// String is the ISO form, the one mpp writes.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, int(d.Month), d.Day)
}

// Long is the form the acuerdos use: "24 de noviembre de 2022".
func (d Date) Long() string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%d de %s de %d", d.Day, MonthNames[d.Month-1], d.Year)
}

// DecodeScalar implements yamldoc.Scalar.
func (d *Date) DecodeScalar(s string) error {
	v, err := ParseDate(s)
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// MarshalYAML writes the ISO form, or null for a date never set.
func (d Date) MarshalYAML() (any, error) {
	if d.IsZero() {
		return nil, nil
	}
	return &yaml.Node{Kind: yaml.ScalarNode, Value: d.String()}, nil
}

// JSONSchema implements yamldoc.Schemer.
func (Date) JSONSchema() map[string]any {
	return map[string]any{
		"type":        "string",
		"description": "Fecha: 2022-11-24 o «24 de noviembre de 2022».",
		"pattern":     `^(\d{4}-\d{1,2}-\d{1,2}|\d{1,2} de [A-Za-záéíóú]+ del? \d{4})$`,
	}
}
