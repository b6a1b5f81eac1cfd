package manuals

import (
	"os"
	"path/filepath"
	"testing"
)

// A symbolic link to an expediente inside a scanned folder is found; a
// link back up the tree is not followed.
func TestFindExpedientesFollowsLinkedExpedientes(t *testing.T) {
	base := t.TempDir()
	real := filepath.Join(base, "fuera", "H.4.05")
	os.MkdirAll(real, 0o755)
	os.WriteFile(filepath.Join(real, FileManual), []byte("objetivo: x\n"), 0o644)
	tree := filepath.Join(base, "arbol")
	os.MkdirAll(tree, 0o755)
	os.Symlink(real, filepath.Join(tree, "enlazado"))
	os.Symlink(tree, filepath.Join(tree, "ciclo"))
	got, err := FindExpedientes([]string{tree})
	if err != nil || len(got) != 1 || filepath.Base(got[0]) != "enlazado" {
		t.Errorf("%v %v", got, err)
	}
}
