package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/cipro-ine/mpp/manuals/rules"
)

// readmeSample is a block of the README that shows what a command prints:
// the comment «<!-- salida: mpp ARGS -->» right before a fenced block.
var readmeSample = regexp.MustCompile("(?s)<!-- salida: mpp ([^>]*?) -->\\s*```[a-z]*\\n(.*?)```")

// The README's sample outputs are what the commands print today, and the
// counts it states are the catalog's: a README that drifts fails here.
func TestREADMESamples(t *testing.T) {
	b, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	readme := string(b)
	samples := readmeSample.FindAllStringSubmatch(readme, -1)
	if len(samples) < 3 {
		t.Fatalf("%d sample blocks marked in the README, want at least 3", len(samples))
	}
	t.Chdir("../..") // the README's paths are the repository's
	for _, s := range samples {
		args := strings.Fields(s[1])
		tmp := t.TempDir()
		// Outputs go to a temporary folder; the printed paths are put back.
		for i := range args {
			if i > 0 && (args[i-1] == "-o" || args[i-1] == "--salida") {
				args[i] = filepath.Join(tmp, args[i])
			}
		}
		_, out, errOut := mpp(t, args...)
		got := strings.ReplaceAll(out+errOut, tmp+string(filepath.Separator), "")
		if got != s[2] {
			t.Errorf("README sample «mpp %s» differs from what it prints:\n--- README\n%s--- mpp\n%s", s[1], s[2], got)
		}
	}
	m := regexp.MustCompile(`\((\d+) reglas\)`).FindAllStringSubmatch(readme, -1)
	if len(m) == 0 {
		t.Fatal("the README does not say how many rules there are")
	}
	for _, c := range m {
		if n, _ := strconv.Atoi(c[1]); n != len(rules.All()) {
			t.Errorf("the README says %s rules; the catalog has %d", c[1], len(rules.All()))
		}
	}
}
