package yamldoc_test

import (
	"encoding/json"
	"os/exec"
	"strings"
	"testing"

	"github.com/cipro-ine/mpp/manuals/yamldoc"
)

// What mpp writes reads back as the same strings in a YAML 1.1 reader:
// PyYAML's safe_load, run for real (issue 13, item 7: «palabra: =» could
// not be loaded).
func TestEncodeReadsInYAML11(t *testing.T) {
	words := []string{"=", "<<", "yes", "No", "on", "OFF", "y", "~", "null", "1:20", "0x1F", "010", "1_000", ".inf", ".NaN", "2022-01-01", "3.", "+12", "texto", "Sí", "sí: no"}
	var v struct {
		Palabras []string `yaml:"palabras"`
	}
	v.Palabras = words
	out, err := yamldoc.Encode(v, "cabecera")
	if err != nil {
		t.Fatal(err)
	}
	py := exec.Command("python3", "-c", "import json, sys, yaml; print(json.dumps(yaml.safe_load(sys.stdin)))")
	py.Stdin = strings.NewReader(string(out))
	res, err := py.CombinedOutput()
	if err != nil {
		t.Fatalf("PyYAML: %v\n%s\n%s", err, res, out)
	}
	var got struct {
		Palabras []any `json:"palabras"`
	}
	if err := json.Unmarshal(res, &got); err != nil {
		t.Fatalf("%v: %s", err, res)
	}
	for i, w := range words {
		if s, ok := got.Palabras[i].(string); !ok || s != w {
			t.Errorf("%q read back by PyYAML as %#v", w, got.Palabras[i])
		}
	}
	// And mpp's own reader reads it back the same.
	var back struct {
		Palabras []string `yaml:"palabras"`
	}
	if err := yamldoc.Decode("x.yaml", out, &back); err != nil || strings.Join(back.Palabras, "|") != strings.Join(words, "|") {
		t.Errorf("mpp reads back %v (%v)", back.Palabras, err)
	}
}
