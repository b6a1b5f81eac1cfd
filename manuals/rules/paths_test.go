package rules

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/cipro-ine/mpp/manuals"
	"github.com/cipro-ine/mpp/manuals/profile"
)

var segmentRe = regexp.MustCompile(`^([a-z_]+)((?:\[\d+\])*)$`)

// resolve follows a finding's path («subprocesos[1].procedimientos[2].nombre»,
// lists from 1) through the YAML node tree, independently of the loader,
// and returns the positions the path can name: the value's node, and the
// key's when the last step is a key. missing is set when the last key is
// not written (a rule then reports the element that lacks it).
func resolve(t *testing.T, root *yaml.Node, path string) (places [][2]int, missing bool) {
	t.Helper()
	n := root
	if path == "" {
		return [][2]int{{n.Line, n.Column}}, false
	}
	segs := strings.Split(path, ".")
	for si, seg := range segs {
		m := segmentRe.FindStringSubmatch(seg)
		if m == nil {
			t.Fatalf("path %q: bad step %q", path, seg)
		}
		for n.Kind == yaml.AliasNode {
			n = n.Alias
		}
		if n.Kind != yaml.MappingNode {
			t.Fatalf("path %q: %q is not in a mapping", path, seg)
		}
		var key, val *yaml.Node
		for i := 0; i+1 < len(n.Content); i += 2 {
			if n.Content[i].Value == m[1] {
				key, val = n.Content[i], n.Content[i+1]
			}
		}
		if key == nil {
			if si == len(segs)-1 && m[2] == "" {
				return [][2]int{{n.Line, n.Column}}, true
			}
			t.Fatalf("path %q: no key %q", path, m[1])
		}
		n = val
		if m[2] == "" {
			if si == len(segs)-1 {
				return [][2]int{{key.Line, key.Column}, {val.Line, val.Column}}, false
			}
			continue
		}
		for _, idx := range regexp.MustCompile(`\d+`).FindAllString(m[2], -1) {
			i, _ := strconv.Atoi(idx)
			if n.Kind != yaml.SequenceNode || i < 1 || i > len(n.Content) {
				t.Fatalf("path %q: no item %d in %q", path, i, m[1])
			}
			n = n.Content[i-1]
		}
	}
	return [][2]int{{n.Line, n.Column}}, false
}

// Every finding of every rule, on every fixture where it fires, names by its
// JSON path («ruta») the element at its line and column: the path is read
// back through the YAML itself, not through mpp's loader.
func TestFindingPathsNameTheirElement(t *testing.T) {
	prof := profile.Default()
	checked := map[string]int{}
	for _, r := range All() {
		cases, _ := filepath.Glob(filepath.Join("testdata", r.ID, "dispara*"))
		for _, dir := range cases {
			exp, err := manuals.LoadExpediente(dir)
			if err != nil {
				t.Fatal(err)
			}
			trees := map[string]*yaml.Node{}
			for _, f := range Run(exp, prof, r) {
				root, ok := trees[f.File]
				if !ok {
					b, err := os.ReadFile(f.File)
					if err != nil {
						t.Fatal(err)
					}
					var doc yaml.Node
					if err := yaml.Unmarshal(b, &doc); err != nil {
						t.Fatal(err)
					}
					root = doc.Content[0]
					trees[f.File] = root
				}
				// The path as --formato json writes it.
				var j struct {
					Ruta    string `json:"ruta"`
					Linea   int    `json:"linea"`
					Columna int    `json:"columna"`
				}
				b, _ := json.Marshal(f)
				if err := json.Unmarshal(b, &j); err != nil || j.Ruta != f.Path {
					t.Fatalf("%s: JSON %s", r.ID, b)
				}
				places, missing := resolve(t, root, j.Ruta)
				found := false
				for _, p := range places {
					found = found || p == [2]int{f.Line, f.Column}
				}
				if !found {
					t.Errorf("%s %s: finding at %d:%d, but its path %q names %v (missing key: %v): %s", r.ID, dir, f.Line, f.Column, f.Path, places, missing, f.Message)
				}
				checked[r.ID]++
			}
		}
	}
	for _, r := range All() {
		if checked[r.ID] == 0 {
			t.Errorf("%s: no finding's path was checked", r.ID)
		}
	}
}
