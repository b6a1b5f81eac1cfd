package rules_test

import (
	"strings"
	"testing"

	"github.com/cipro-ine/mpp/manuals/rules"
)

// Every criterion names rules of the catalog, each at most once; none of
// the tool's own rules or of later stages is a criterion of the manual.
func TestCriteriaNameCatalogRules(t *testing.T) {
	seen := map[string]string{}
	for _, c := range rules.Criteria() {
		if len(c.Rules) == 0 {
			t.Errorf("criterion %s checks nothing", c.ID)
		}
		for _, id := range c.Rules {
			if rules.Lookup(id) == nil {
				t.Errorf("criterion %s names %s, which is not in the catalog", c.ID, id)
			}
			if prev, dup := seen[id]; dup {
				t.Errorf("%s is in %s and %s", id, prev, c.ID)
			}
			seen[id] = c.ID
			if strings.HasPrefix(id, "ING-") || id == "PER-001" || id == "FLU-005" || id == "FLU-006" || id == "XDOC-002" {
				t.Errorf("%s is not a criterion of the manual", id)
			}
		}
	}
}
