package pdf_test

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

type destOutline struct {
	Title string        `json:"title"`
	Page  int           `json:"destpageposfrom1"`
	Kids  []destOutline `json:"kids"`
}

// checkDestinations reads the outline back with qpdf, not from the writer,
// and requires every bookmark to point at a page that prints its heading,
// and fpdf's structure to stay sound (qpdf --check). It returns how many
// bookmarks it checked.
func checkDestinations(t *testing.T, data []byte) int {
	t.Helper()
	if _, err := exec.LookPath("qpdf"); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("qpdf missing in CI")
		}
		t.Skip("qpdf not installed")
	}
	p := filepath.Join(t.TempDir(), "d.pdf")
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command("qpdf", "--check", p).CombinedOutput(); err != nil {
		t.Fatalf("qpdf --check: %v\n%s", err, out)
	}
	out, err := exec.Command("qpdf", "--json", "--json-key=outlines", p).Output()
	if err != nil {
		t.Fatalf("qpdf: %v", err)
	}
	var doc struct {
		Outlines []destOutline `json:"outlines"`
	}
	if err := json.Unmarshal(out, &doc); err != nil {
		t.Fatal(err)
	}
	pages := pageTexts(t, data)
	lasts := lastBodyLines(t, data)
	n := 0
	var walk func([]destOutline)
	walk = func(os []destOutline) {
		for _, o := range os {
			n++
			title := strings.Join(strings.Fields(o.Title), " ")
			if o.Page >= 1 && o.Page <= len(lasts) && len(pages[o.Page]) > len(title)+40 && strings.Join(strings.Fields(lasts[o.Page-1]), " ") == title {
				t.Errorf("heading %q is the last line of page %d", title, o.Page)
			}
			switch {
			case o.Page < 1 || o.Page >= len(pages):
				t.Errorf("bookmark %q points at no page (%d of %d)", title, o.Page, len(pages)-1)
			case !strings.Contains(pages[o.Page], title) && !groupOK(o, pages[o.Page]):
				t.Errorf("bookmark %q points at page %d, which does not print it: %.200s", title, o.Page, pages[o.Page])
			}
			walk(o.Kids)
		}
	}
	walk(doc.Outlines)
	return n
}

// groupOK: a bookmark that only groups others (the Gaceta's «Acuerdo …»,
// «Anexo: Manual …») is right when it points at the page of its first
// entry or before, and that page prints its code.
func groupOK(o destOutline, page string) bool {
	if len(o.Kids) == 0 || o.Page > o.Kids[0].Page {
		return false
	}
	for _, w := range strings.Fields(o.Title) {
		if strings.ContainsAny(w, "0123456789") && strings.Contains(page, w) {
			return true
		}
	}
	return false
}
