// Package outfile writes mpp's output files so that a reader never sees half
// of one: each file is written to a temporary file in the same folder, synced
// and renamed into place. It refuses to overwrite an existing file unless told
// to, and never writes over one of the command's inputs.
package outfile

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// File is one file to write.
type File struct {
	Path string
	Data []byte
}

// Options control WriteAll.
type Options struct {
	Overwrite bool     // replace existing files (--forzar)
	Inputs    []string // files the command read: never written
}

// ErrExists is returned when a target exists and Overwrite is off.
var ErrExists = errors.New("ya existe")

// WriteAll writes every file or none: all targets are checked before the
// first is written, and each is written atomically.
func WriteAll(files []File, o Options) error {
	inputs := map[string]bool{}
	for _, in := range o.Inputs {
		if abs, err := filepath.Abs(in); err == nil {
			inputs[abs] = true
		}
	}
	for _, f := range files {
		abs, err := filepath.Abs(f.Path)
		if err != nil {
			return err
		}
		if inputs[abs] {
			return fmt.Errorf("%s: es uno de los archivos de entrada; no se escribe sobre él", f.Path)
		}
		st, err := os.Lstat(f.Path)
		switch {
		case err == nil && st.IsDir():
			return fmt.Errorf("%s: es una carpeta", f.Path)
		case err == nil && !o.Overwrite:
			return fmt.Errorf("%s: %w; use --forzar para reemplazarlo", f.Path, ErrExists)
		case err != nil && !errors.Is(err, fs.ErrNotExist):
			return fmt.Errorf("%s: %w", f.Path, err)
		}
	}
	for _, f := range files {
		if err := write(f); err != nil {
			return err
		}
	}
	return nil
}

func write(f File) error {
	dir := filepath.Dir(f.Path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("%s: no se puede crear la carpeta: %w", dir, err)
	}
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(f.Path)+".*.tmp")
	if err != nil {
		return fmt.Errorf("%s: no se puede escribir: %w", f.Path, err)
	}
	clean := func() { tmp.Close(); os.Remove(tmp.Name()) }
	if _, err := tmp.Write(f.Data); err != nil {
		clean()
		return fmt.Errorf("%s: no se puede escribir: %w", f.Path, err)
	}
	if err := tmp.Sync(); err != nil {
		clean()
		return fmt.Errorf("%s: no se puede escribir: %w", f.Path, err)
	}
	if err := tmp.Close(); err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("%s: no se puede escribir: %w", f.Path, err)
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	if err := os.Rename(tmp.Name(), f.Path); err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("%s: no se puede escribir: %w", f.Path, err)
	}
	return nil
}
