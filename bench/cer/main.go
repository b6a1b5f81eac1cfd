// Command cer scores OCR output against a reference text, for the OCR
// benchmarks: character and word error rates, after removing mpp's page
// marks and normalising whitespace. With -recuperado it also prints the
// share of the reference's characters found in words read right, whatever
// their order (a table read row by row or column by column loses nothing
// by it; a word misread, split or glued to another is lost whole).
//
//	go run ./bench/cer [-recuperado] VERDAD.txt LEIDO.txt
package main

import (
	"flag"
	"fmt"
	"os"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/cipro-ine/mpp/ocr"
)

var (
	pageMark = regexp.MustCompile(`(?m)^=== página \d+ ===$`)
	// A word hyphenated at a line's end, joined: «colegia-\ndos».
	wrapped = regexp.MustCompile(`(\p{Ll})[-\x{00AD}]\s*\n\s*(\p{Ll})`)
)

func main() {
	recovered := flag.Bool("recuperado", false, "imprime también el % de caracteres recuperados en palabras exactas, en cualquier orden")
	flag.Parse()
	if flag.NArg() != 2 {
		fmt.Fprintln(os.Stderr, "uso: cer [-recuperado] VERDAD.txt LEIDO.txt")
		os.Exit(2)
	}
	truth, err := os.ReadFile(flag.Arg(0))
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	read, err := os.ReadFile(flag.Arg(1))
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	got := pageMark.ReplaceAllString(string(read), "")
	fmt.Printf("%.2f %.2f", 100*ocr.CER(string(truth), got), 100*ocr.WER(string(truth), got))
	if *recovered {
		fmt.Printf(" %.2f", 100*share(words(string(truth)), words(got)))
	}
	fmt.Println()
}

func words(s string) []string {
	s = wrapped.ReplaceAllString(s, "$1$2")
	return strings.Fields(strings.ReplaceAll(s, "\u00ad", ""))
}

// share is the part of truth's characters in words that got has as well.
func share(truth, got []string) float64 {
	have := map[string]int{}
	for _, w := range got {
		have[w]++
	}
	all, found := 0, 0
	for _, w := range truth {
		n := utf8.RuneCountInString(w)
		all += n
		if have[w] > 0 {
			have[w]--
			found += n
		}
	}
	return float64(found) / float64(max(1, all))
}
