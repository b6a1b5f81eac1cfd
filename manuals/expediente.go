package manuals

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/cipro-ine/mpp/infile"
	"github.com/cipro-ine/mpp/manuals/yamldoc"
)

// The files of an expediente, each present once its stage is reached.
const (
	FileManual        = "manual.yaml"
	FileAcuerdo       = "acuerdo.yaml"
	FileDictamen      = "dictamen.yaml"
	FileCertificacion = "certificacion.yaml"
)

// Files lists the expediente's files in the order of the pipeline.
var Files = []string{FileManual, FileAcuerdo, FileDictamen, FileCertificacion}

// Expediente is the folder of one manual: its documents, each nil until its
// stage is reached.
type Expediente struct {
	Dir           string
	Manual        *Manual
	Acuerdo       *Acuerdo
	Dictamen      *Dictamen
	Certificacion *Certificacion
}

// Path returns the path of one of the expediente's files.
func (e *Expediente) Path(file string) string { return filepath.Join(e.Dir, file) }

// DefaultMaxFileSize bounds a YAML file: the largest real manual is far
// smaller, and reading a file whole must not exhaust memory.
const DefaultMaxFileSize = 20 << 20

// MaxFileSize is the bound LoadExpediente applies; the command line sets it
// from --max-entrada.
var MaxFileSize int64 = DefaultMaxFileSize

// ErrNotExpediente is returned when a folder holds none of the files.
var ErrNotExpediente = errors.New("no es un expediente")

// LoadExpediente reads every file present in dir. Problems in the files come
// back together as a yamldoc.ErrorList.
func LoadExpediente(dir string) (*Expediente, error) {
	if err := checkDir(dir); err != nil {
		return nil, err
	}
	e := &Expediente{Dir: dir}
	targets := map[string]func() any{
		FileManual:        func() any { e.Manual = &Manual{}; return e.Manual },
		FileAcuerdo:       func() any { e.Acuerdo = &Acuerdo{}; return e.Acuerdo },
		FileDictamen:      func() any { e.Dictamen = &Dictamen{}; return e.Dictamen },
		FileCertificacion: func() any { e.Certificacion = &Certificacion{}; return e.Certificacion },
	}
	var all yamldoc.ErrorList
	found := 0
	for _, name := range Files {
		p := e.Path(name)
		data, err := readLimited(p)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		found++
		if err != nil {
			all = append(all, &yamldoc.Error{File: p, Msg: strings.TrimPrefix(err.Error(), p+": ")})
			continue
		}
		if err := yamldoc.Decode(p, data, targets[name]()); err != nil {
			all = append(all, err.(yamldoc.ErrorList)...)
		}
	}
	if len(all) > 0 {
		return nil, all
	}
	if found == 0 {
		return nil, fmt.Errorf("%s: %w: no contiene manual.yaml, acuerdo.yaml, dictamen.yaml ni certificacion.yaml", dir, ErrNotExpediente)
	}
	return e, nil
}

func readLimited(path string) ([]byte, error) { return infile.Read(path, MaxFileSize) }

// IsExpediente reports whether dir holds at least one expediente file.
func IsExpediente(dir string) bool {
	for _, f := range Files {
		if st, err := os.Stat(filepath.Join(dir, f)); err == nil && !st.IsDir() {
			return true
		}
	}
	return false
}

// FindExpedientes resolves each path to expedientes: the folder itself when it
// is one, otherwise every expediente below it (a symbolic link to an
// expediente included), in lexical order. A path that
// does not exist, is not a folder or holds no expediente is an error.
func FindExpedientes(paths []string) ([]string, error) {
	var out []string
	for _, p := range paths {
		if err := checkDir(p); err != nil {
			return nil, err
		}
		if IsExpediente(p) {
			out = append(out, p)
			continue
		}
		var found []string
		err := filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() && path != p && strings.HasPrefix(d.Name(), ".") {
				return filepath.SkipDir
			}
			if d.IsDir() && IsExpediente(path) {
				found = append(found, path)
				return filepath.SkipDir
			}
			// A link to an expediente counts as one (it was skipped without a
			// word); a link to any other folder is not followed, so a link
			// back up the tree cannot loop.
			if d.Type()&fs.ModeSymlink != 0 && !strings.HasPrefix(d.Name(), ".") {
				if st, err := os.Stat(path); err == nil && st.IsDir() && IsExpediente(path) {
					found = append(found, path)
				}
			}
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("%s: %w", p, err)
		}
		if len(found) == 0 {
			return nil, fmt.Errorf("%s: %w: ni la carpeta ni sus subcarpetas contienen %s", p, ErrNotExpediente, strings.Join(Files, ", "))
		}
		out = append(out, found...)
	}
	return out, nil
}

// checkDir explains, in Spanish, why path cannot be an expediente folder.
func checkDir(path string) error {
	st, err := os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return fmt.Errorf("%s: no existe", path)
	case err != nil:
		return fmt.Errorf("%s: no se puede leer: %w", path, err)
	case !st.IsDir():
		return fmt.Errorf("%s: no es una carpeta; un expediente es una carpeta con %s", path, strings.Join(Files, ", "))
	}
	return nil
}
