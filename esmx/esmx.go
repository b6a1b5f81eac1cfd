// Package esmx writes numbers, percentages and counts the way Mexico writes
// Spanish (the NOM-008-SCFI convention INE's own documents follow): a
// decimal point, a comma between thousands, and the noun agreeing with the
// number («1 página», «2 páginas»).
package esmx

import (
	"strconv"
	"strings"
)

// Count writes n and its noun: Count(1, "página", "páginas") is «1 página».
func Count(n int, one, many string) string {
	return Int(n) + " " + Word(n, one, many)
}

// Word is one or many as n asks: the verb or adjective that agrees.
func Word(n int, one, many string) string {
	if n == 1 || n == -1 {
		return one
	}
	return many
}

// List joins items as Spanish lists them: «3», «3 y 7», «3, 5 y 7».
func List(items []string) string {
	switch n := len(items); n {
	case 0:
		return ""
	case 1:
		return items[0]
	default:
		return strings.Join(items[:n-1], ", ") + " y " + items[n-1]
	}
}

// Int writes n with a comma between thousands: 23755 → «23,755».
func Int(n int) string {
	s := strconv.Itoa(n)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return b.String()
}

// Decimal writes f with prec decimals and a decimal point: «13.3».
func Decimal(f float64, prec int) string {
	s := strconv.FormatFloat(f, 'f', prec, 64)
	whole, frac, hasFrac := strings.Cut(s, ".")
	n, err := strconv.Atoi(whole)
	if err != nil {
		return s
	}
	out := Int(n)
	if n == 0 && strings.HasPrefix(whole, "-") {
		out = "-0"
	}
	if hasFrac {
		out += "." + frac
	}
	return out
}

// Percent writes a fraction (0.5) as a percentage with one decimal:
// «50.0 %», with the space the NOM asks before the sign.
func Percent(f float64) string { return Decimal(f*100, 1) + " %" }
