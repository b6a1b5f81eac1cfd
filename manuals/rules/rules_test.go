package rules

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/cipro-ine/mpp/manuals"
	"github.com/cipro-ine/mpp/manuals/profile"
)

// Fixtures live in testdata/<RULE-ID>/<case>/ as small expedientes. A line
// where a finding of the rule must land ends in a comment `# want RULE-ID`;
// cases named dispara* must have at least one, cases named no_dispara* none.
// Only the rule under test runs on its fixtures, so a fixture need not be a
// complete expediente.

var wantRe = regexp.MustCompile(`#\s*want\s+([A-Z]+-\d+)`)

func wants(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	for _, f := range manuals.Files {
		fh, err := os.Open(filepath.Join(dir, f))
		if err != nil {
			continue
		}
		sc := bufio.NewScanner(fh)
		for line := 1; sc.Scan(); line++ {
			for _, m := range wantRe.FindAllStringSubmatch(sc.Text(), -1) {
				out = append(out, fmt.Sprintf("%s:%d %s", f, line, m[1]))
			}
		}
		fh.Close()
	}
	sort.Strings(out)
	return out
}

func TestFixtures(t *testing.T) {
	prof := profile.Default()
	for _, r := range All() {
		cases, _ := filepath.Glob(filepath.Join("testdata", r.ID, "*"))
		var fires, quiet int
		for _, dir := range cases {
			name := filepath.Base(dir)
			switch {
			case strings.HasPrefix(name, "dispara"):
				fires++
			case strings.HasPrefix(name, "no_dispara"):
				quiet++
			default:
				t.Errorf("%s: fixture %q must be named dispara* or no_dispara*", r.ID, name)
				continue
			}
			t.Run(r.ID+"/"+name, func(t *testing.T) {
				exp, err := manuals.LoadExpediente(dir)
				if err != nil {
					t.Fatalf("fixture does not load: %v", err)
				}
				want := wants(t, dir)
				if strings.HasPrefix(name, "dispara") && len(want) == 0 {
					t.Fatalf("a dispara fixture needs at least one `# want %s`", r.ID)
				}
				if strings.HasPrefix(name, "no_dispara") && len(want) > 0 {
					t.Fatalf("a no_dispara fixture must not expect findings, has %v", want)
				}
				var got []string
				for _, f := range Run(exp, prof, r) {
					got = append(got, fmt.Sprintf("%s:%d %s", filepath.Base(f.File), f.Line, f.Rule))
					if f.Message == "" || f.Fundamento == "" {
						t.Errorf("finding without message or fundamento: %+v", f)
					}
				}
				sort.Strings(got)
				if strings.Join(got, "\n") != strings.Join(want, "\n") {
					var msgs []string
					for _, f := range Run(exp, prof, r) {
						msgs = append(msgs, fmt.Sprintf("%s:%d: %s", filepath.Base(f.File), f.Line, f.Message))
					}
					t.Errorf("findings differ\n got: %v\nwant: %v\nmessages:\n%s", got, want, strings.Join(msgs, "\n"))
				}
			})
		}
		if fires == 0 || quiet == 0 {
			t.Errorf("%s: needs a dispara and a no_dispara fixture (has %d and %d)", r.ID, fires, quiet)
		}
	}
}

func TestCatalogDeclarations(t *testing.T) {
	idRe := regexp.MustCompile(`^(ACU|COD|FLU|MAN|XDOC|PER|ING)-\d{3}$`)
	for _, r := range All() {
		if !idRe.MatchString(r.ID) {
			t.Errorf("bad rule ID %q", r.ID)
		}
		if r.Title == "" || r.Doc == "" || r.Check == nil || r.Basis == nil {
			t.Errorf("%s: incomplete declaration", r.ID)
		}
		for _, reg := range []string{"2020", "2022"} {
			if r.BasisFor(reg) == "" {
				t.Errorf("%s: no fundamento for regime %s", r.ID, reg)
			}
		}
	}
	for _, id := range []string{"ACU-001", "ACU-002", "ACU-003", "ACU-004", "ACU-005", "ACU-006", "ACU-007",
		"ACU-008", "ACU-009", "ACU-013", "ACU-014", "ACU-015", "ACU-016", "ACU-017", "ACU-019", "ACU-021",
		"ACU-022", "COD-001", "COD-002", "COD-003", "COD-004", "COD-005", "FLU-001", "FLU-002", "FLU-003",
		"FLU-005", "MAN-004", "MAN-005", "MAN-006", "MAN-009", "MAN-011", "XDOC-001"} {
		if Lookup(id) == nil {
			t.Errorf("rule %s is missing from the catalog", id)
		}
	}
}
