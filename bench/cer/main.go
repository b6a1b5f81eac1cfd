// Command cer scores OCR output against the text drawn on a synthetic
// scan, for bench/ocr.sh: character and word error rates, after removing
// mpp's page marks and normalising whitespace.
//
//	go run ./bench/cer VERDAD.txt LEIDO.txt
package main

import (
	"fmt"
	"os"
	"regexp"

	"github.com/cipro-ine/mpp/ocr"
)

var pageMark = regexp.MustCompile(`(?m)^=== página \d+ ===$`)

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "uso: cer VERDAD.txt LEIDO.txt")
		os.Exit(2)
	}
	truth, err := os.ReadFile(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	read, err := os.ReadFile(os.Args[2])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	got := pageMark.ReplaceAllString(string(read), "")
	fmt.Printf("%.2f %.2f\n", 100*ocr.CER(string(truth), got), 100*ocr.WER(string(truth), got))
}
