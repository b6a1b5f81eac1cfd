// Package acuerdotext reads the text of a JGE acuerdo — as it comes out of OCR
// or out of a PDF, with its noise — into the manuals model. It never fails on
// text: what it cannot place goes to the acuerdo's sin_clasificar with its
// source lines, so nothing is lost.
//
// The work is three steps, each tested on its own: Decode (bytes to text),
// Clean (text to paragraphs with their source lines and pages) and Parse
// (paragraphs to the model), followed by the correction of OCR slips against
// a lexicon. A source that gives its lines apart already (a PDF's text
// layer, OCR's pages: see package ingest) skips the text: CleanLines and
// IngestLines take its Lines, with their pages and a table row's cells.
package acuerdotext

import (
	"bytes"
	"errors"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

// ErrNotText is returned for input that is not text at all.
var ErrNotText = errors.New("no es un archivo de texto")

// Decode turns raw bytes into text. UTF-8 is taken as is (a BOM dropped);
// anything else that is valid Windows-1252 (common in office files) is
// decoded as such and a note says so. Bytes with NULs are not text.
func Decode(data []byte) (text string, notes []string, err error) {
	if bytes.IndexByte(data, 0) >= 0 {
		return "", nil, ErrNotText
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if utf8.Valid(data) {
		return normalizeNewlines(string(data)), nil, nil
	}
	dec, err := charmap.Windows1252.NewDecoder().Bytes(data)
	if err != nil {
		return "", nil, ErrNotText
	}
	s := string(dec)
	if controlShare(s) > 0.01 {
		return "", nil, ErrNotText
	}
	return normalizeNewlines(s), []string{"el archivo no estaba en UTF-8; se leyó como Windows-1252 (Latin-1)"}, nil
}

func normalizeNewlines(s string) string {
	return strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
}

// controlShare is the share of characters that no text file has (controls
// other than tab, newline, carriage return and form feed).
func controlShare(s string) float64 {
	n, bad := 0, 0
	for _, r := range s {
		n++
		if r < 0x20 && r != '\t' && r != '\n' && r != '\r' && r != '\f' || r >= 0x7f && r < 0xa0 {
			bad++
		}
	}
	if n == 0 {
		return 0
	}
	return float64(bad) / float64(n)
}
