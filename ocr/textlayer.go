package ocr

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"unicode"
)

// A PDF born digital (Word, LibreOffice, a browser) carries its text: read
// from its text layer it is exact and takes a fraction of a second, where
// recognising its rasterised pages takes seconds a page and misreads some.
// TextLayer reads every page's layer with poppler's pdftotext -layout
// (which keeps the columns of a glosario or a table apart) and says, page
// by page, whether it is text at all: a layer of garbage (a font without a
// usable encoding) is not.

// TextLayer returns one Page a PDF page with the text of its layer, and
// whether that text is usable Spanish.
func TextLayer(ctx context.Context, path string) ([]Page, []bool, error) {
	if _, err := readHead(path); err != nil {
		return nil, nil, err
	}
	out, err := poppler(ctx, "pdftotext", "-q", "-layout", "-enc", "UTF-8", path, "-")
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w", path, err)
	}
	texts := strings.Split(string(out), "\f")
	if n := len(texts); n > 1 && strings.TrimSpace(texts[n-1]) == "" {
		texts = texts[:n-1] // after the last page's form feed
	}
	pages := make([]Page, len(texts))
	usable := make([]bool, len(texts))
	var images map[int]int // asked of poppler once, for the first page that needs it
	asked := false
	for i, t := range texts {
		// Soft hyphens (U+00AD) stay: the acuerdo reader joins a word
		// hyphenated at a line's or a page's end, across the page's
		// footer.
		t = strings.TrimRight(t, "\n ")
		pages[i] = Page{Number: i + 1, Text: t}
		usable[i] = PlausibleText(t)
		// A page with next to no text and no image is a blank page (one a
		// signature block pushed the page's furniture onto): nothing to OCR.
		if !usable[i] && letterCount(t) < 200 {
			if !asked {
				images, asked = imagesPerPage(ctx, path), true
			}
			usable[i] = images != nil && images[i+1] == 0
		}
	}
	return pages, usable, nil
}

// imagesPerPage counts the images of each page (pdfimages -list), or nil
// when poppler cannot tell.
func imagesPerPage(ctx context.Context, path string) map[int]int {
	out, err := poppler(ctx, "pdfimages", "-list", path)
	if err != nil {
		return nil
	}
	n := map[int]int{}
	for i, l := range strings.Split(string(out), "\n") {
		f := strings.Fields(l)
		if i < 2 || len(f) < 3 {
			continue // the two header lines
		}
		if pg, err := strconv.Atoi(f[0]); err == nil {
			n[pg]++
		}
	}
	return n
}

func letterCount(t string) int {
	n := 0
	for _, r := range t {
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n
}

// commonWords are the most frequent Spanish words: they make about a
// quarter of any running text, and almost nothing of a garbled layer.
var commonWords = map[string]bool{"de": true, "la": true, "el": true, "que": true, "en": true, "y": true, "los": true,
	"del": true, "las": true, "se": true, "por": true, "a": true, "con": true, "para": true, "una": true, "un": true,
	"su": true, "al": true, "es": true, "lo": true, "como": true, "o": true}

// PlausibleText says whether a page's text reads as Spanish: twenty letters
// at least, most characters letters, and common words at least one token
// in twelve.
func PlausibleText(t string) bool {
	letters, other := 0, 0
	for _, r := range t {
		switch {
		case unicode.IsLetter(r):
			letters++
		case unicode.IsSpace(r), unicode.IsDigit(r), unicode.IsPunct(r):
		default:
			other++
		}
	}
	if letters < 20 || other*4 > letters {
		return false
	}
	words := strings.Fields(strings.ToLower(t))
	common := 0
	for _, w := range words {
		if commonWords[strings.Trim(w, ".,;:()«»“”\"")] {
			common++
		}
	}
	return common*12 >= len(words)
}
