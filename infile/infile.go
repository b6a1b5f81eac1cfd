// Package infile reads mpp's input files whole, within a size limit that
// counts the bytes actually read (not the size a file reports: /dev/zero
// reports 0 and never ends), refusing what is not a regular file (a folder,
// a FIFO that would block, a device) and saying why in Spanish. It is the
// reading side of outfile.
package infile

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"

	"github.com/cipro-ine/mpp/esmx"
	"github.com/cipro-ine/mpp/outfile"
)

// ErrTooLarge is an input over its size limit.
var ErrTooLarge = errors.New("pasa del tamaño máximo")

// ErrNotRegular is an input that is not a regular file.
var ErrNotRegular = errors.New("no es un archivo común")

// Read reads the file at path, at most max bytes. A standard input named
// "-" or "/dev/stdin" is read as a stream, within the same limit.
func Read(path string, max int64) ([]byte, error) {
	var f *os.File
	if path == "-" {
		f = os.Stdin
	} else {
		st, err := os.Stat(path)
		if err != nil {
			return nil, describe(path, err)
		}
		switch m := st.Mode(); {
		case m.IsDir():
			return nil, fmt.Errorf("%s: es una carpeta, no un archivo", path)
		case m&fs.ModeNamedPipe != 0 && path != "/dev/stdin":
			return nil, fmt.Errorf("%s: %w (es una tubería con nombre, FIFO); léala con «cat %s | mpp … -»", path, ErrNotRegular, path)
		case m&(fs.ModeDevice|fs.ModeCharDevice|fs.ModeSocket|fs.ModeIrregular) != 0 && path != "/dev/stdin":
			return nil, fmt.Errorf("%s: %w (es un dispositivo o un socket)", path, ErrNotRegular)
		case m.IsRegular() && st.Size() > max:
			return nil, tooLarge(path, max)
		}
		if f, err = os.Open(path); err != nil {
			return nil, describe(path, err)
		}
		defer f.Close()
	}
	data, err := io.ReadAll(io.LimitReader(f, max+1))
	if err != nil {
		return nil, describe(path, err)
	}
	if int64(len(data)) > max {
		return nil, tooLarge(path, max)
	}
	return data, nil
}

func tooLarge(path string, max int64) error {
	return fmt.Errorf("%s: %w de %s MB (--max-entrada)", path, ErrTooLarge, esmx.Int(int(max>>20)))
}

func describe(path string, err error) error {
	if errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("%s: %w", path, notExist{})
	}
	return fmt.Errorf("%s: no se puede leer: %w", path, outfile.Reason(err))
}

// notExist says «no existe» and is fs.ErrNotExist to errors.Is.
type notExist struct{}

func (notExist) Error() string { return "no existe" }
func (notExist) Unwrap() error { return fs.ErrNotExist }
