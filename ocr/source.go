package ocr

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"image"
	_ "image/jpeg" // scans from phones and cameras
	_ "image/png"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
)

// Source is one page of an input file, loaded only when a worker reaches it,
// so a 300-page scan never sits in memory whole.
type Source struct {
	File  string // the input file
	Index int    // the page within it, from 1
	load  func(ctx context.Context) (image.Image, error)
}

// Load reads the page image.
func (s Source) Load(ctx context.Context) (image.Image, error) { return s.load(ctx) }

// PixelLimit refuses pages larger than this many pixels (a letter page at
// 600 dpi is 33.7 M): a decompression bomb is named, not decoded.
var PixelLimit = 60_000_000

// ErrUnsupported is returned for files that are not PDF, PNG or JPEG.
var ErrUnsupported = errors.New("formato no admitido")

// Sources lists the pages of the input files, in order.
func Sources(ctx context.Context, paths []string, dpi int) ([]Source, error) {
	var out []Source
	for _, p := range paths {
		head, err := readHead(p)
		if err != nil {
			return nil, err
		}
		switch kindOf(head) {
		case "pdf":
			n, err := pdfPages(ctx, p)
			if err != nil {
				return nil, err
			}
			for i := 1; i <= n; i++ {
				out = append(out, Source{File: p, Index: i, load: func(ctx context.Context) (image.Image, error) { return rasterise(ctx, p, i, dpi) }})
			}
		case "image":
			out = append(out, Source{File: p, Index: 1, load: func(context.Context) (image.Image, error) { return decodeFile(p) }})
		case "tiff":
			return nil, fmt.Errorf("%s: TIFF todavía no se admite; conviértalo a PDF o PNG (p. ej. con tiff2pdf)", p)
		default:
			return nil, fmt.Errorf("%s: %w: se esperaba un PDF, PNG o JPEG", p, ErrUnsupported)
		}
	}
	return out, nil
}

// kindOf names a scan's format from its first bytes: "pdf", "image" (PNG,
// JPEG), "tiff", or "" when it is none of them.
func kindOf(head []byte) string {
	switch {
	case bytes.HasPrefix(head, []byte("%PDF-")):
		return "pdf"
	case bytes.HasPrefix(head, []byte("\x89PNG")), bytes.HasPrefix(head, []byte("\xff\xd8\xff")):
		return "image"
	case bytes.HasPrefix(head, []byte("II*\x00")), bytes.HasPrefix(head, []byte("MM\x00*")):
		return "tiff"
	}
	return ""
}

// IsScan tells a scan (PDF, PNG, JPEG, TIFF) from anything else, such as
// the text of an acuerdo, by its first bytes.
func IsScan(path string) bool {
	head, err := readHead(path)
	return err == nil && kindOf(head) != ""
}

func readHead(p string) ([]byte, error) {
	f, err := os.Open(p)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, fmt.Errorf("%s: no existe", p)
		}
		return nil, err
	}
	defer f.Close()
	b := make([]byte, 8)
	n, err := io.ReadFull(f, b)
	if err != nil && n == 0 {
		return nil, fmt.Errorf("%s: el archivo está vacío", p)
	}
	return b[:n], nil
}

func decodeFile(p string) (image.Image, error) {
	f, err := os.Open(p)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	cfg, _, err := image.DecodeConfig(bufio.NewReader(f))
	if err != nil {
		return nil, fmt.Errorf("%s: imagen ilegible: %v", filepath.Base(p), err)
	}
	if cfg.Width*cfg.Height > PixelLimit || cfg.Width <= 0 || cfg.Height <= 0 {
		return nil, fmt.Errorf("%s: la imagen declara %d × %d píxeles; el límite es %d millones", filepath.Base(p), cfg.Width, cfg.Height, PixelLimit/1_000_000)
	}
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return nil, err
	}
	img, _, err := image.Decode(bufio.NewReader(f))
	if err != nil {
		return nil, fmt.Errorf("%s: imagen ilegible: %v", filepath.Base(p), err)
	}
	return img, nil
}

var pagesLine = regexp.MustCompile(`(?m)^Pages:\s+(\d+)`)

func pdfPages(ctx context.Context, p string) (int, error) {
	out, err := exec.CommandContext(ctx, "pdfinfo", p).Output()
	if err != nil {
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			return 0, fmt.Errorf("%s: PDF ilegible: %s", p, strings.TrimSpace(string(ee.Stderr)))
		}
		return 0, fmt.Errorf("%s: hace falta pdfinfo (sudo apt-get install poppler-utils): %v", p, err)
	}
	m := pagesLine.FindSubmatch(out)
	if m == nil {
		return 0, fmt.Errorf("%s: PDF sin páginas", p)
	}
	n, _ := strconv.Atoi(string(m[1]))
	if n == 0 {
		return 0, fmt.Errorf("%s: PDF sin páginas", p)
	}
	return n, nil
}

// rasterise renders one PDF page in grey with pdftoppm (poppler), as PGM:
// far faster than its PNG output.
func rasterise(ctx context.Context, p string, page, dpi int) (image.Image, error) {
	n := strconv.Itoa(page)
	cmd := exec.CommandContext(ctx, "pdftoppm", "-gray", "-r", strconv.Itoa(dpi), "-f", n, "-l", n, p)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("pdftoppm: %v %s", err, strings.TrimSpace(stderr.String()))
	}
	return decodePGM(out)
}

// decodePGM reads a binary 8-bit PGM (P5).
func decodePGM(b []byte) (*image.Gray, error) {
	var fields [4]int
	i := 0
	if !bytes.HasPrefix(b, []byte("P5")) {
		return nil, errors.New("imagen PGM ilegible: falta la firma P5")
	}
	i = 2
	for k := 1; k < 4; k++ {
		for i < len(b) && (b[i] == ' ' || b[i] == '\t' || b[i] == '\n' || b[i] == '\r' || b[i] == '#') {
			if b[i] == '#' { // a comment runs to the end of the line
				for i < len(b) && b[i] != '\n' {
					i++
				}
				continue
			}
			i++
		}
		start := i
		for i < len(b) && b[i] >= '0' && b[i] <= '9' {
			i++
		}
		n, err := strconv.Atoi(string(b[start:i]))
		if err != nil {
			return nil, errors.New("imagen PGM ilegible: encabezado incompleto")
		}
		fields[k] = n
	}
	w, h, maxv := fields[1], fields[2], fields[3]
	if maxv != 255 || w <= 0 || h <= 0 || w*h > PixelLimit {
		return nil, fmt.Errorf("imagen PGM no admitida (%d × %d, máximo %d)", w, h, maxv)
	}
	i++ // the single whitespace after the header
	if len(b)-i < w*h {
		return nil, errors.New("imagen PGM truncada")
	}
	return &image.Gray{Pix: b[i : i+w*h], Stride: w, Rect: image.Rect(0, 0, w, h)}, nil
}
