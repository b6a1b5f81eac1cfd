package ocr_test

import (
	"fmt"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// callPattern is a footnote call as a text layer gives it: a number glued
// to a word or its punctuation, «Junta.1», «discriminación.1».
var callPattern = regexp.MustCompile(`\p{Ll}[.,;:]?[”"]?([1-9]\d?)(?:\s|$)`)

// calls are the numbers of the calls in a text, in order.
func calls(s string) []string {
	var out []string
	for _, m := range callPattern.FindAllStringSubmatch(s, -1) {
		out = append(out, m[1])
	}
	return out
}

// TestFootnoteCalls: the raised numbers of footnote calls (Tesseract reads
// them as «'», «*», «?») come back as the digits the page prints, every
// one and no other, on pages of three producers scanned by ImageMagick;
// a note's own raised number opens its line.
func TestFootnoteCalls(t *testing.T) {
	e := pageEngine(t)
	for _, c := range []struct {
		producer, acuerdo string
		page              int
		note              string // the start of the note's line, when on the page
	}{
		{"groff", "INE-JGE248-2022", 1, "1 Consultable"},
		{"libreoffice", "INE-JGE248-2022", 2, "1 Consultable"},
		{"chromium", "INE-JGE115-2023", 1, ""},
		{"groff", "INE-JGE115-2023", 2, ""},
	} {
		t.Run(fmt.Sprintf("%s/%s/p%d", c.producer, c.acuerdo, c.page), func(t *testing.T) {
			pdf := filepath.Join("..", "testdata", "acuerdos", c.producer, c.acuerdo+".pdf")
			p, err := e.Page(scanPage(t, pdf, c.page, 0.9, 55), c.page)
			if err != nil {
				t.Fatal(err)
			}
			want, got := calls(layerText(t, pdf, c.page)), calls(p.Text)
			if len(want) == 0 {
				t.Fatal("la página no tiene llamadas: el caso no prueba nada")
			}
			if !slices.Equal(got, want) {
				t.Errorf("llamadas %q, la página imprime %q\n--- leído\n%s", got, want, p.Text)
			}
			if c.note != "" && !regexp.MustCompile(`(?m)^`+strings.Replace(regexp.QuoteMeta(c.note), " ", " ?", 1)).MatchString(p.Text) {
				t.Errorf("ninguna línea empieza por %q\n--- leído\n%s", c.note, p.Text)
			}
		})
	}
}
