package main

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// The H.4.05 dictamen (15 Nov 2022) follows the 2020 Lineamientos, as the
// acuerdo says; a mutant that says it is issued under the modification of
// 24 Nov 2022 is an error, on the line that says so.
func TestDictamenCitingLaterLineamientos(t *testing.T) {
	dir := t.TempDir()
	exp := filepath.Join(dir, "H.4.05")
	copyDir(t, "../../examples/H.4.05", exp)
	if code, out, _ := mpp(t, "validate", exp); code != 0 || !strings.Contains(out, "(régimen de los Lineamientos 2020)") {
		t.Fatalf("the example: %d\n%s", code, out)
	}
	path := filepath.Join(exp, "dictamen.yaml")
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	mutant := strings.Replace(string(b), "fecha: '2022-11-15'\n", "fecha: '2022-11-15'\nregimen: '2022'\n", 1)
	if mutant == string(b) {
		t.Fatal("the mutation did not apply")
	}
	writeFile(t, path, mutant)
	line := strings.Count(mutant[:strings.Index(mutant, "regimen:")], "\n") + 1
	code, out, _ := mpp(t, "validate", exp)
	want := "dictamen.yaml\n  " + strconv.Itoa(line) + ":1     error       XDOC-002 el dictamen, del 15 de noviembre de 2022, se funda en el régimen 2022"
	if code != exitFindings || !strings.Contains(out, want) || !strings.Contains(out, "cita normas posteriores a su fecha; rige el 2020") {
		t.Errorf("%d\n%s\nwant %q", code, out, want)
	}
}
