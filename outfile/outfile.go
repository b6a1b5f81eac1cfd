// Package outfile writes mpp's output files so that a reader never sees half
// of one, and a failure leaves nothing behind: every file of a call is first
// written to a temporary file in its folder and synced; only when all are
// written are they renamed into place (a full disk or a read-only folder
// leaves the folder as it was). It refuses to overwrite an existing file
// unless told to, never writes over one of the command's inputs, and, given
// a root, never writes outside it (through «..» or a symbolic link).
package outfile

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
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
	// Root, if set, is the output folder the user named: every file must
	// end up inside it, symbolic links resolved.
	Root string
	// Context, if set: cancelled before the renames, nothing is written.
	Context context.Context
}

// ErrExists is returned when a target exists and Overwrite is off.
var ErrExists = errors.New("ya existe")

// Check refuses, before any work is done, the targets WriteAll would
// refuse: an input, a folder, an existing file without Overwrite, a path
// outside Root, a folder that cannot be written.
func Check(paths []string, o Options) error {
	// An input is known by every name it goes by: as given, with the links
	// of its folder resolved, and with its own link resolved.
	inputs := map[string]bool{}
	for _, in := range o.Inputs {
		for _, id := range identities(in) {
			inputs[id] = true
		}
	}
	seen := map[string]bool{}
	for _, p := range paths {
		// A target is what a rename over it replaces: the name in its real
		// folder (a link at the target itself is replaced, not followed).
		id, err := identity(p)
		if err != nil {
			return err
		}
		if inputs[id] {
			return fmt.Errorf("%s: es uno de los archivos de entrada (o lleva a él por un enlace); no se escribe sobre él", p)
		}
		if seen[id] {
			return fmt.Errorf("%s: se pidió dos veces como salida", p)
		}
		seen[id] = true
		if o.Root != "" {
			if err := inside(o.Root, p); err != nil {
				return err
			}
		}
		st, err := os.Lstat(p)
		switch {
		case err == nil && st.IsDir():
			return fmt.Errorf("%s: es una carpeta", p)
		case err == nil && !o.Overwrite:
			return fmt.Errorf("%s: %w; use --forzar para reemplazarlo", p, ErrExists)
		case err != nil && !errors.Is(err, fs.ErrNotExist):
			return fmt.Errorf("%s: no se puede escribir: %w", p, Reason(err))
		}
		if err := writableFolder(filepath.Dir(p)); err != nil {
			return fmt.Errorf("%s: no se puede escribir: %w", p, err)
		}
	}
	return nil
}

func noHardLinks(err error) bool {
	return errors.Is(err, syscall.EPERM) || errors.Is(err, syscall.ENOTSUP) || errors.Is(err, syscall.EOPNOTSUPP) || errors.Is(err, syscall.EXDEV)
}

// identity is a target's absolute path with the links of its folder
// resolved (as far as the folder exists).
func identity(p string) (string, error) {
	abs, err := filepath.Abs(p)
	if err != nil {
		return "", err
	}
	dir, rest := filepath.Dir(abs), filepath.Base(abs)
	for {
		if real, err := filepath.EvalSymlinks(dir); err == nil {
			return filepath.Join(real, rest), nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return abs, nil
		}
		dir, rest = parent, filepath.Join(filepath.Base(dir), rest)
	}
}

// identities are the names an input goes by.
func identities(p string) []string {
	var out []string
	if abs, err := filepath.Abs(p); err == nil {
		out = append(out, abs)
	}
	if id, err := identity(p); err == nil {
		out = append(out, id)
	}
	if real, err := filepath.EvalSymlinks(p); err == nil {
		if abs, err := filepath.Abs(real); err == nil {
			out = append(out, abs)
		}
	}
	return out
}

// writableFolder checks that the deepest existing folder of dir is a
// folder that can be written.
func writableFolder(dir string) error {
	for {
		st, err := os.Stat(dir)
		if err == nil {
			if !st.IsDir() {
				return Reason(syscall.ENOTDIR)
			}
			return Reason(syscall.Access(dir, 2|1)) // W_OK|X_OK
		}
		if parent := filepath.Dir(dir); parent != dir {
			dir = parent
			continue
		}
		return nil
	}
}

// WriteAll writes every file or none: all targets are checked before the
// first is written, and each is written atomically. If the context in
// Options is cancelled (Ctrl-C) before the files are moved into place,
// nothing is.
func WriteAll(files []File, o Options) error {
	paths := make([]string, len(files))
	for i, f := range files {
		paths[i] = f.Path
	}
	if err := Check(paths, o); err != nil {
		return err
	}
	// Phase one: every file to a temporary beside its target.
	var made []string // folders this call created, to take back on failure
	temps := make([]string, 0, len(files))
	undo := func() {
		for _, t := range temps {
			os.Remove(t)
		}
		for i := len(made) - 1; i >= 0; i-- {
			os.Remove(made[i]) // only if still empty
		}
	}
	for _, f := range files {
		dirs, err := mkdirAll(filepath.Dir(f.Path))
		made = append(made, dirs...)
		if err != nil {
			undo()
			return err
		}
		t, err := writeTemp(f)
		if err != nil {
			undo()
			return err
		}
		temps = append(temps, t)
	}
	if o.Context != nil && o.Context.Err() != nil {
		undo()
		return o.Context.Err()
	}
	// Phase two: into place. Without Overwrite a target is created
	// exclusively (a hard link fails if the name exists), so of two mpp
	// writing the same new file at once one wins and the other says so;
	// what this call already placed is taken back.
	var placed []string
	for i, f := range files {
		var err error
		if o.Overwrite {
			err = os.Rename(temps[i], f.Path)
		} else if err = os.Link(temps[i], f.Path); err == nil {
			os.Remove(temps[i])
			placed = append(placed, f.Path)
		} else if noHardLinks(err) {
			// A file system without hard links: the check above, then a
			// rename (not exclusive against a racing writer).
			if _, statErr := os.Lstat(f.Path); errors.Is(statErr, fs.ErrNotExist) {
				if err = os.Rename(temps[i], f.Path); err == nil {
					placed = append(placed, f.Path)
				}
			} else {
				err = fs.ErrExist
			}
		}
		if err != nil {
			undo()
			for _, p := range placed {
				os.Remove(p)
			}
			if errors.Is(err, fs.ErrExist) {
				return fmt.Errorf("%s: %w (otro proceso lo acaba de crear); use --forzar para reemplazarlo", f.Path, ErrExists)
			}
			return fmt.Errorf("%s: no se puede escribir: %w", f.Path, Reason(err))
		}
	}
	return nil
}

// Reason says in Spanish why a file operation failed, for the errors a
// user can meet and act on; it wraps the original error.
func Reason(err error) error {
	var why string
	switch {
	case errors.Is(err, syscall.ENOSPC):
		why = "el disco está lleno"
	case errors.Is(err, syscall.EDQUOT):
		why = "se agotó la cuota de disco"
	case errors.Is(err, syscall.EFBIG):
		why = "el archivo pasa del tamaño permitido (límite de tamaño de archivo o disco lleno)"
	case errors.Is(err, syscall.EROFS):
		why = "el sistema de archivos es de sólo lectura"
	case errors.Is(err, fs.ErrPermission):
		why = "permiso denegado"
	case errors.Is(err, syscall.ENOTDIR):
		why = "una parte de la ruta no es una carpeta"
	case errors.Is(err, fs.ErrNotExist):
		why = "no existe"
	case errors.Is(err, syscall.ENAMETOOLONG):
		why = "el nombre es demasiado largo"
	default:
		return err
	}
	return &reason{why, err}
}

type reason struct {
	why string
	err error
}

func (r *reason) Error() string { return r.why }
func (r *reason) Unwrap() error { return r.err }

// mkdirAll makes a folder and its missing parents and returns those it
// made, outermost first.
func mkdirAll(dir string) ([]string, error) {
	var missing []string
	for d := dir; ; d = filepath.Dir(d) {
		if _, err := os.Lstat(d); err == nil || filepath.Dir(d) == d {
			break
		}
		missing = append([]string{d}, missing...)
	}
	var made []string
	for _, d := range missing {
		if err := os.Mkdir(d, 0o755); err != nil && !errors.Is(err, fs.ErrExist) {
			return made, fmt.Errorf("%s: no se puede crear la carpeta: %w", d, Reason(err))
		}
		made = append(made, d)
	}
	return made, nil
}

// writeTemp writes a file's data to a synced temporary file in its folder
// and returns its name.
func writeTemp(f File) (string, error) {
	tmp, err := os.CreateTemp(filepath.Dir(f.Path), "."+filepath.Base(f.Path)+".*.tmp")
	if err != nil {
		return "", fmt.Errorf("%s: no se puede escribir: %w", f.Path, Reason(err))
	}
	fail := func(err error) (string, error) {
		tmp.Close()
		os.Remove(tmp.Name())
		return "", fmt.Errorf("%s: no se puede escribir: %w", f.Path, Reason(err))
	}
	if _, err := tmp.Write(f.Data); err != nil {
		return fail(err)
	}
	if err := tmp.Sync(); err != nil {
		return fail(err)
	}
	if err := tmp.Chmod(0o644); err != nil {
		return fail(err)
	}
	if err := tmp.Close(); err != nil {
		os.Remove(tmp.Name())
		return "", fmt.Errorf("%s: no se puede escribir: %w", f.Path, Reason(err))
	}
	return tmp.Name(), nil
}

// inside checks that path stays within root: lexically (no «..» out of
// it) and once the symbolic links of its deepest existing folder are
// resolved.
func inside(root, path string) error {
	out := fmt.Errorf("%s: queda fuera de la carpeta de salida %s; no se escribe", path, root)
	rootAbs, err := filepath.Abs(root)
	if err != nil {
		return err
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return err
	}
	if !within(rootAbs, abs) {
		return out
	}
	realRoot, err := filepath.EvalSymlinks(rootAbs)
	if err != nil {
		return nil // the root does not exist yet: nothing in it can be a link
	}
	dir := filepath.Dir(abs)
	for {
		if _, err := os.Lstat(dir); err == nil {
			break
		}
		dir = filepath.Dir(dir)
	}
	real, err := filepath.EvalSymlinks(dir)
	if err != nil {
		return fmt.Errorf("%s: %w", path, Reason(err))
	}
	if !within(realRoot, real) {
		return out
	}
	return nil
}

func within(root, p string) bool {
	rel, err := filepath.Rel(root, p)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}
