package outfile

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// entries lists what is in a folder tree, for "nothing was left behind".
func entries(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if p != dir {
			rel, _ := filepath.Rel(dir, p)
			out = append(out, rel)
		}
		return nil
	})
	return out
}

func TestWriteAllOrNothing(t *testing.T) {
	dir := t.TempDir()
	blocker := filepath.Join(dir, "archivo")
	os.WriteFile(blocker, []byte("x"), 0o644)
	err := WriteAll([]File{
		{Path: filepath.Join(dir, "sub", "a.txt"), Data: []byte("a")},
		{Path: filepath.Join(blocker, "b.txt"), Data: []byte("b")}, // its folder is a file
	}, Options{})
	if err == nil || !strings.Contains(err.Error(), "no se puede") {
		t.Fatalf("err = %v", err)
	}
	if got := entries(t, dir); len(got) != 1 || got[0] != "archivo" {
		t.Errorf("left behind: %v", got)
	}
}

func TestRefusesExistingAndInputs(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "a.txt")
	os.WriteFile(p, []byte("viejo"), 0o644)
	if err := WriteAll([]File{{Path: p, Data: []byte("nuevo")}}, Options{}); !errors.Is(err, ErrExists) {
		t.Errorf("existing: %v", err)
	}
	if err := WriteAll([]File{{Path: p, Data: []byte("nuevo")}}, Options{Overwrite: true, Inputs: []string{p}}); err == nil {
		t.Error("wrote over an input")
	}
	if b, _ := os.ReadFile(p); string(b) != "viejo" {
		t.Errorf("input changed: %q", b)
	}
}

// Nothing is written outside the output folder: not through «..», not
// through a symbolic link to a folder elsewhere; a link at the target
// itself is replaced, never followed.
func TestStaysInsideRoot(t *testing.T) {
	base := t.TempDir()
	root, elsewhere := filepath.Join(base, "salida"), filepath.Join(base, "fuera")
	os.MkdirAll(root, 0o755)
	os.MkdirAll(elsewhere, 0o755)
	os.Symlink(elsewhere, filepath.Join(root, "enlace"))
	for _, p := range []string{
		filepath.Join(root, "..", "fuera", "a.txt"),
		filepath.Join(root, "enlace", "a.txt"),
		filepath.Join(root, "enlace", "nueva", "a.txt"),
	} {
		err := WriteAll([]File{{Path: p, Data: []byte("x")}}, Options{Root: root})
		if err == nil || !strings.Contains(err.Error(), "queda fuera de la carpeta de salida") {
			t.Errorf("%s: %v", p, err)
		}
	}
	if got := entries(t, elsewhere); len(got) != 0 {
		t.Errorf("written outside: %v", got)
	}
	victim := filepath.Join(elsewhere, "importante.txt")
	os.WriteFile(victim, []byte("no tocar"), 0o644)
	link := filepath.Join(root, "b.txt")
	os.Symlink(victim, link)
	if err := WriteAll([]File{{Path: link, Data: []byte("x")}}, Options{Root: root, Overwrite: true}); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(victim); string(b) != "no tocar" {
		t.Errorf("followed the link: %q", b)
	}
	if st, _ := os.Lstat(link); st.Mode()&os.ModeSymlink != 0 {
		t.Error("the link is still there")
	}
	if err := WriteAll([]File{{Path: filepath.Join(root, "sub", "c.txt"), Data: []byte("x")}}, Options{Root: root}); err != nil {
		t.Errorf("inside: %v", err)
	}
}

// A full disk (here: the file-size limit, which makes writes fail as a
// full disk does) leaves the folder as it was, old files included.
func TestFullDisk(t *testing.T) {
	dir := t.TempDir()
	old := filepath.Join(dir, "a.txt")
	os.WriteFile(old, []byte("viejo"), 0o644)
	var lim syscall.Rlimit
	if err := syscall.Getrlimit(syscall.RLIMIT_FSIZE, &lim); err != nil {
		t.Skip(err)
	}
	small := lim
	small.Cur = 64 << 10
	if err := syscall.Setrlimit(syscall.RLIMIT_FSIZE, &small); err != nil {
		t.Skip(err)
	}
	err := WriteAll([]File{
		{Path: old, Data: []byte("nuevo")},
		{Path: filepath.Join(dir, "grande.pdf"), Data: make([]byte, 1<<20)},
	}, Options{Overwrite: true})
	syscall.Setrlimit(syscall.RLIMIT_FSIZE, &lim)
	if err == nil || !strings.Contains(err.Error(), "grande.pdf: no se puede escribir") {
		t.Fatalf("err = %v", err)
	}
	if b, _ := os.ReadFile(old); string(b) != "viejo" {
		t.Errorf("a.txt replaced although the call failed: %q", b)
	}
	if got := entries(t, dir); len(got) != 1 {
		t.Errorf("left behind: %v", got)
	}
}

// A read-only file system (/proc, read-only even for root).
func TestReadOnly(t *testing.T) {
	err := WriteAll([]File{{Path: "/proc/mpp-salida/a.txt", Data: []byte("x")}}, Options{})
	if err == nil || !strings.Contains(err.Error(), "no se puede crear la carpeta") {
		t.Errorf("err = %v", err)
	}
}

// An input reached through a symbolic link to its folder is still an
// input: «--forzar» does not write over it (issue 16, item 1).
func TestInputThroughLinkedFolder(t *testing.T) {
	base := t.TempDir()
	real := filepath.Join(base, "real")
	os.MkdirAll(real, 0o755)
	in := filepath.Join(real, "manual.yaml")
	os.WriteFile(in, []byte("original"), 0o644)
	link := filepath.Join(base, "enlace")
	os.Symlink(real, link)
	for _, target := range []string{filepath.Join(link, "manual.yaml"), filepath.Join(base, ".", "enlace", "..", "real", "manual.yaml")} {
		err := WriteAll([]File{{Path: target, Data: []byte("nuevo")}}, Options{Overwrite: true, Inputs: []string{in}})
		if err == nil || !strings.Contains(err.Error(), "es uno de los archivos de entrada") {
			t.Errorf("%s: %v", target, err)
		}
	}
	// And the other way round: the input named through the link.
	err := WriteAll([]File{{Path: in, Data: []byte("nuevo")}}, Options{Overwrite: true, Inputs: []string{filepath.Join(link, "manual.yaml")}})
	if err == nil {
		t.Error("wrote over an input named through a link")
	}
	// An input that is itself a link to the target's file.
	alias := filepath.Join(base, "alias.yaml")
	os.Symlink(in, alias)
	if err := WriteAll([]File{{Path: in, Data: []byte("nuevo")}}, Options{Overwrite: true, Inputs: []string{alias}}); err == nil {
		t.Error("wrote over the file an input links to")
	}
	if b, _ := os.ReadFile(in); string(b) != "original" {
		t.Errorf("input changed: %q", b)
	}
}

// Two writers of the same new file at once: without Overwrite exactly one
// succeeds, the other is told the file exists (issue 16, item 6).
func TestConcurrentNewFile(t *testing.T) {
	for round := 0; round < 20; round++ {
		dir := t.TempDir()
		p := filepath.Join(dir, "a.pdf")
		errs := make(chan error, 2)
		start := make(chan struct{})
		for w := 0; w < 2; w++ {
			go func(w int) {
				<-start
				errs <- WriteAll([]File{{Path: p, Data: []byte{byte('0' + w)}}}, Options{})
			}(w)
		}
		close(start)
		e1, e2 := <-errs, <-errs
		ok := 0
		for _, e := range []error{e1, e2} {
			switch {
			case e == nil:
				ok++
			case !errors.Is(e, ErrExists):
				t.Fatalf("round %d: %v", round, e)
			}
		}
		if ok != 1 {
			t.Fatalf("round %d: %d writers succeeded (%v, %v)", round, ok, e1, e2)
		}
		if got := entries(t, dir); len(got) != 1 {
			t.Fatalf("round %d: left %v", round, got)
		}
	}
}
