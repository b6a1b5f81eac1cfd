package esmx

import (
	"strings"
	"testing"
)

func TestFormats(t *testing.T) {
	for _, c := range []struct{ got, want string }{
		{Count(1, "página", "páginas"), "1 página"},
		{Count(0, "página", "páginas"), "0 páginas"},
		{Count(2, "expediente", "expedientes"), "2 expedientes"},
		{Count(23755, "actividad", "actividades"), "23,755 actividades"},
		{Int(-1234567), "-1,234,567"},
		{Int(999), "999"},
		{Decimal(13.26, 1), "13.3"},
		{Decimal(1234.5, 2), "1,234.50"},
		{Decimal(-0.04, 1), "-0.0"},
		{Percent(1), "100.0 %"},
		{Percent(0.0625), "6.2 %"},
		{Word(1, "validó", "validaron"), "validó"},
	} {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
}

func TestList(t *testing.T) {
	for in, want := range map[string]string{"": "", "3": "3", "3 7": "3 y 7", "3 5 7": "3, 5 y 7"} {
		if got := List(strings.Fields(in)); got != want {
			t.Errorf("List(%q) = %q, want %q", in, got, want)
		}
	}
}
