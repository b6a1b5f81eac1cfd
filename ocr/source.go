package ocr

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"image"
	"image/jpeg"
	_ "image/jpeg" // scans from phones and cameras
	"image/png"
	_ "image/png"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"github.com/cipro-ine/mpp/outfile"
)

// Source is one page of an input file, loaded only when a worker reaches it,
// so a 300-page scan never sits in memory whole. It is a plain value: the
// worker processes get it over a pipe and load the page themselves.
type Source struct {
	File  string // the input file
	Index int    // the page within it, from 1
	Kind  string // how to load it: kindPDF, kindPDFImage, kindImage, kindTIFF
	DPI   int    // its resolution: the file's, or the one it is rasterised at; 0 when unknown
	// Pixels is what loading it decodes, when known before: a page over
	// the limit is refused without running anything.
	Pixels int64
	IFD    int64 // a TIFF page: where its directory is, found once when listing
}

const (
	kindPDF      = "pdf"      // a PDF page, rasterised with pdftoppm at DPI
	kindPDFImage = "pdfimage" // a PDF page that is one image, taken out with pdfimages
	kindImage    = "image"    // a PNG or JPEG file
	kindTIFF     = "tiff"     // a page of a TIFF file
)

// Load reads the page image, refusing one of more than maxPixels pixels
// before decoding it, and says its resolution (the file's, or estimated
// from its size).
func (s Source) Load(ctx context.Context, maxPixels int) (image.Image, int, error) {
	if s.Pixels > int64(maxPixels) {
		return nil, 0, fmt.Errorf("la página tiene %d millones de píxeles; el límite es %s millones (--max-pixeles)", s.Pixels/1_000_000, strconv.FormatFloat(float64(maxPixels)/1e6, 'f', -1, 64))
	}
	var img image.Image
	var err error
	switch s.Kind {
	case kindPDF:
		img, err = rasterise(ctx, s.File, s.Index, s.DPI, maxPixels)
	case kindPDFImage:
		img, err = extractImage(ctx, s.File, s.Index, maxPixels)
	case kindImage:
		img, err = decodeFile(s.File, maxPixels)
	case kindTIFF:
		img, err = decodeTIFFPage(s.File, s.Index-1, s.IFD, maxPixels)
	default:
		err = fmt.Errorf("%s: %w", s.File, ErrUnsupported)
	}
	if err != nil {
		return nil, 0, err
	}
	return img, s.dpiOf(img), nil
}

// dpiOf is the page's resolution: the file's, or estimated from its size.
func (s Source) dpiOf(img image.Image) int {
	if s.DPI > 0 {
		return s.DPI
	}
	return estimateDPI(img.Bounds().Dx(), img.Bounds().Dy())
}

// LoadGray is Load for recognition, which reads grey only: a JPEG file or
// a JPEG-compressed TIFF page is decoded straight to its luminance with
// libjpeg-turbo (lept.go), some five times faster than image/jpeg gives
// it in colour; anything else, or anything that path cannot read, is
// Load's, which also says in Spanish what is wrong with a bad page.
func (s Source) LoadGray(ctx context.Context, maxPixels int) (image.Image, int, error) {
	if g, err := s.fastGray(maxPixels); err == nil {
		return g, s.dpiOf(g), nil
	}
	return s.Load(ctx, maxPixels)
}

// fastGray is the page in grey by LoadGray's fast paths, or an error
// (errNotFast: none applies).
func (s Source) fastGray(maxPixels int) (*image.Gray, error) {
	if s.Pixels > int64(maxPixels) {
		return nil, errNotFast
	}
	switch s.Kind {
	case kindTIFF:
		return grayTIFFJPEG(s.File, s.IFD, maxPixels)
	case kindImage:
		return grayJPEGFile(s.File, maxPixels)
	}
	return nil, errNotFast
}

// grayJPEGFile reads a JPEG file's luminance, or says errNotFast for a
// PNG.
func grayJPEGFile(path string, maxPixels int) (*image.Gray, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	if !bytes.HasPrefix(b, []byte{0xFF, 0xD8, 0xFF}) {
		return nil, errNotFast
	}
	cfg, err := jpeg.DecodeConfig(bytes.NewReader(b))
	if err != nil {
		return nil, err
	}
	if err := checkPixels(cfg.Width, cfg.Height, maxPixels); err != nil {
		return nil, err
	}
	g := image.NewGray(image.Rect(0, 0, cfg.Width, cfg.Height))
	w, h, err := jpegGrayInto(b, g, cfg.Width, cfg.Height)
	if err != nil {
		return nil, err
	}
	if w != cfg.Width || h != cfg.Height {
		return nil, errNotFast
	}
	return g, nil
}

// DefaultMaxPixels refuses pages larger than this many pixels (a letter
// page at 600 dpi is 33.7 M): a decompression bomb is named, not decoded.
const DefaultMaxPixels = 60_000_000

// ErrTooManyPages is a batch over the page limit.
var ErrTooManyPages = errors.New("demasiadas páginas")

// ErrUnsupported is returned for files that are not PDF, TIFF, PNG or JPEG.
var ErrUnsupported = errors.New("formato no admitido")

// ErrEncrypted is a PDF protected by a password.
var ErrEncrypted = errors.New("el PDF está protegido con contraseña")

// ErrMissingTool is a program mpp needs that is not installed.
var ErrMissingTool = errors.New("falta un programa")

// ErrHasText is a PDF whose every page already has a text layer: it is not
// a scan (SourceOptions.RefuseText).
var ErrHasText = errors.New("el PDF ya tiene texto")

// SourceOptions say how to list and load the pages.
type SourceOptions struct {
	DPI      int // the resolution PDF pages are rasterised at; 300 unless set
	MaxPages int // refuse more pages than this in all; DefaultMaxPages unless set
	// RefuseText refuses, with ErrHasText, a PDF whose every page has a
	// text layer.
	RefuseText bool
}

// DefaultMaxPages: the longest acuerdo with its annexes runs to some
// hundreds of pages.
const DefaultMaxPages = 2000

// Sources lists the pages of the input files, in order.
func Sources(ctx context.Context, paths []string, o SourceOptions) ([]Source, error) {
	src, bad, err := SourcesEach(ctx, paths, o)
	if err != nil {
		return nil, err
	}
	if len(bad) > 0 {
		return nil, bad[0]
	}
	return src, nil
}

// SourcesEach is Sources for a batch that goes on past a bad file: the
// pages of the files that can be read, and an error (naming its file) for
// each that cannot. err is for the batch as a whole: over the page limit,
// or cancelled.
func SourcesEach(ctx context.Context, paths []string, o SourceOptions) (src []Source, bad []error, err error) {
	if o.DPI <= 0 {
		o.DPI = 300
	}
	if o.MaxPages <= 0 {
		o.MaxPages = DefaultMaxPages
	}
	for _, p := range paths {
		if err := ctx.Err(); err != nil {
			return nil, nil, err
		}
		pages, err := fileSources(ctx, p, o.DPI, o.MaxPages-len(src))
		if err == nil && o.RefuseText {
			err = refuseText(ctx, p, pages)
		}
		if errors.Is(err, ErrTooManyPages) || errors.Is(err, ErrMissingTool) {
			return nil, nil, err
		}
		if err != nil {
			bad = append(bad, err)
			continue
		}
		src = append(src, pages...)
		if len(src) > o.MaxPages {
			return nil, nil, fmt.Errorf("%s: %w: más de %d páginas en total (--max-paginas)", p, ErrTooManyPages, o.MaxPages)
		}
	}
	return src, bad, nil
}

// fileSources lists one file's pages, at most maxPages.
func fileSources(ctx context.Context, p string, dpi, maxPages int) ([]Source, error) {
	head, err := readHead(p)
	if err != nil {
		return nil, err
	}
	switch kindOf(head) {
	case "pdf":
		return pdfSources(ctx, p, dpi, maxPages)
	case "image":
		return []Source{{File: p, Index: 1, Kind: kindImage, DPI: imageDPI(p)}}, nil
	case "tiff":
		f, err := os.Open(p)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		pages, err := tiffPages(f, maxPages)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", p, err)
		}
		out := make([]Source, len(pages))
		for i, pg := range pages {
			out[i] = Source{File: p, Index: i + 1, Kind: kindTIFF, DPI: pg.dpi, IFD: pg.ifd}
		}
		return out, nil
	}
	return nil, fmt.Errorf("%s: %w: se esperaba un PDF, TIFF, PNG o JPEG", p, ErrUnsupported)
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
		return nil, fmt.Errorf("%s: no se puede leer: %w", p, outfile.Reason(err))
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil && st.IsDir() {
		return nil, fmt.Errorf("%s: es una carpeta, no un escaneo", p)
	}
	b := make([]byte, 8)
	n, err := io.ReadFull(f, b)
	if err != nil && n == 0 {
		return nil, fmt.Errorf("%s: el archivo está vacío", p)
	}
	return b[:n], nil
}

func decodeFile(p string, maxPixels int) (image.Image, error) {
	f, err := os.Open(p)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	cfg, _, err := image.DecodeConfig(bufio.NewReader(f))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", filepath.Base(p), imageError(err))
	}
	if err := checkPixels(cfg.Width, cfg.Height, maxPixels); err != nil {
		return nil, fmt.Errorf("%s: %v", filepath.Base(p), err)
	}
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return nil, err
	}
	img, _, err := image.Decode(bufio.NewReader(f))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", filepath.Base(p), imageError(err))
	}
	return img, nil
}

var pagesLine = regexp.MustCompile(`(?m)^Pages:\s+(\d+)`)

func pdfPages(ctx context.Context, p string) (int, error) {
	out, err := poppler(ctx, "pdfinfo", p)
	switch {
	case err != nil && strings.Contains(err.Error(), "Incorrect password"):
		return 0, fmt.Errorf("%s: %w; quítesela antes (p. ej. «qpdf --decrypt --password=CONTRASEÑA %s sin-clave.pdf»)", p, ErrEncrypted, filepath.Base(p))
	case err != nil && strings.Contains(err.Error(), "Invalid page count 0"):
		return 0, fmt.Errorf("%s: PDF sin páginas", p)
	case err != nil:
		return 0, fmt.Errorf("%s: PDF ilegible: %v", p, err)
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
func rasterise(ctx context.Context, p string, page, dpi, maxPixels int) (image.Image, error) {
	n := strconv.Itoa(page)
	out, err := poppler(ctx, "pdftoppm", "-gray", "-r", strconv.Itoa(dpi), "-f", n, "-l", n, p)
	if err != nil {
		return nil, fmt.Errorf("pdftoppm: %v", err)
	}
	return decodePGM(out, maxPixels)
}

// checkPixels refuses an image of more than maxPixels pixels, or none.
func checkPixels(w, h, maxPixels int) error {
	if w <= 0 || h <= 0 {
		return fmt.Errorf("la imagen declara %d × %d píxeles", w, h)
	}
	if int64(w)*int64(h) > int64(maxPixels) {
		return fmt.Errorf("la imagen declara %d × %d píxeles; el límite es %s millones (--max-pixeles)", w, h, strconv.FormatFloat(float64(maxPixels)/1e6, 'f', -1, 64))
	}
	return nil
}

// decodePGM reads a binary 8-bit PGM (P5).
func decodePGM(b []byte, maxPixels int) (*image.Gray, error) {
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
	if maxv != 255 {
		return nil, fmt.Errorf("imagen PGM no admitida (valor máximo %d)", maxv)
	}
	if err := checkPixels(w, h, maxPixels); err != nil {
		return nil, err
	}
	i++ // the single whitespace after the header
	if len(b)-i < w*h {
		return nil, errors.New("imagen PGM truncada")
	}
	return &image.Gray{Pix: b[i : i+w*h], Stride: w, Rect: image.Rect(0, 0, w, h)}, nil
}

// imageError says in Spanish why an image could not be decoded; the image
// packages' own messages are English.
func imageError(err error) error {
	switch {
	case errors.Is(err, image.ErrFormat):
		return fmt.Errorf("%w: no es una imagen PNG, JPEG ni TIFF", ErrUnsupported)
	case errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF):
		return errors.New("imagen ilegible: el archivo está truncado")
	}
	return errors.New("imagen ilegible: los datos están dañados")
}

// Encoded is the page's image as a searchable PDF embeds it: a JPEG file's
// own bytes (nothing decoded or encoded again), else the page decoded and
// written as a PNG, losslessly; its size and resolution (300 dpi when
// nothing says).
func (s Source) Encoded(ctx context.Context, maxPixels int) (data []byte, isJPEG bool, w, h, dpi int, err error) {
	dpi = s.DPI
	if dpi <= 0 {
		dpi = 300
	}
	if s.Kind == kindImage {
		b, err := os.ReadFile(s.File)
		if err != nil {
			return nil, false, 0, 0, 0, err
		}
		if bytes.HasPrefix(b, []byte{0xFF, 0xD8, 0xFF}) {
			cfg, err := jpeg.DecodeConfig(bytes.NewReader(b))
			if err != nil {
				return nil, false, 0, 0, 0, fmt.Errorf("%s: %w", s.File, err)
			}
			return b, true, cfg.Width, cfg.Height, dpi, nil
		}
	}
	img, d, err := s.Load(ctx, maxPixels)
	if err != nil {
		return nil, false, 0, 0, 0, err
	}
	if d > 0 {
		dpi = d
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		return nil, false, 0, 0, 0, err
	}
	return buf.Bytes(), false, img.Bounds().Dx(), img.Bounds().Dy(), dpi, nil
}
