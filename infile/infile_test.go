package infile

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

func TestRead(t *testing.T) {
	dir := t.TempDir()
	ok := filepath.Join(dir, "a.txt")
	os.WriteFile(ok, []byte("hola"), 0o644)
	if b, err := Read(ok, 4); err != nil || string(b) != "hola" {
		t.Errorf("regular file: %q %v", b, err)
	}
	if _, err := Read(ok, 3); !errors.Is(err, ErrTooLarge) {
		t.Errorf("over the limit: %v", err)
	}
	// /dev/zero says it is empty and never ends: the limit counts bytes read.
	if _, err := Read("/dev/zero", 1<<20); !errors.Is(err, ErrNotRegular) {
		t.Errorf("/dev/zero: %v", err)
	}
	fifo := filepath.Join(dir, "tuberia")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Read(fifo, 1<<20); !errors.Is(err, ErrNotRegular) || !strings.Contains(err.Error(), "FIFO") {
		t.Errorf("FIFO (would block): %v", err)
	}
	if _, err := Read(dir, 1<<20); err == nil || !strings.Contains(err.Error(), "es una carpeta") {
		t.Errorf("folder: %v", err)
	}
	if _, err := Read(filepath.Join(dir, "no"), 1<<20); !errors.Is(err, fs.ErrNotExist) || !strings.HasSuffix(err.Error(), ": no existe") {
		t.Errorf("missing: %v", err)
	}
	if os.Getuid() != 0 {
		locked := filepath.Join(dir, "cerrado")
		os.WriteFile(locked, []byte("x"), 0o000)
		if _, err := Read(locked, 10); err == nil || !strings.Contains(err.Error(), "permiso denegado") {
			t.Errorf("no permission: %v", err)
		}
	}
}
