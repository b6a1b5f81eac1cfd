package ocr

import (
	"encoding/binary"
	"errors"
	"fmt"
	"image"
	"io"
	"math"
	"os"

	"github.com/hhrutter/tiff"
)

// A multi-page TIFF is a chain of image file directories (IFDs), one per
// page. golang.org/x/image/tiff decodes only the first, so mpp walks the
// chain itself and decodes page k through a view of the file whose header
// points at the k-th IFD: the decoder reads everything else (strips, tiles,
// CCITT, LZW, Deflate) where it is, unchanged.

// tiffPage is one page of a TIFF: where its IFD is and its resolution.
type tiffPage struct {
	ifd int64
	dpi int // from XResolution and ResolutionUnit; 0 when absent
}

// tiffPages walks the IFD chain of a TIFF, at most maxPages pages.
func tiffPages(f io.ReaderAt, maxPages int) ([]tiffPage, error) {
	var head [8]byte
	if _, err := f.ReadAt(head[:], 0); err != nil {
		return nil, errors.New("TIFF truncado: falta el encabezado")
	}
	bo := byteOrder(head[:])
	if bo == nil {
		return nil, errors.New("TIFF ilegible: orden de bytes desconocido")
	}
	if v := bo.Uint16(head[2:]); v != 42 {
		return nil, fmt.Errorf("TIFF no admitido (versión %d; BigTIFF no se admite)", v)
	}
	var pages []tiffPage
	seen := map[int64]bool{}
	for off := int64(bo.Uint32(head[4:])); off != 0; {
		if seen[off] {
			return nil, fmt.Errorf("TIFF ilegible: la lista de páginas forma un ciclo en la página %d", len(pages)+1)
		}
		seen[off] = true
		if len(pages) >= maxPages {
			return nil, fmt.Errorf("%w: el TIFF tiene más de %d páginas (--max-paginas)", ErrTooManyPages, maxPages)
		}
		var n [2]byte
		if _, err := f.ReadAt(n[:], off); err != nil {
			return nil, fmt.Errorf("TIFF truncado en la página %d", len(pages)+1)
		}
		count := int64(bo.Uint16(n[:]))
		dir := make([]byte, 12*count+4)
		if _, err := f.ReadAt(dir, off+2); err != nil {
			return nil, fmt.Errorf("TIFF truncado en la página %d", len(pages)+1)
		}
		pages = append(pages, tiffPage{ifd: off, dpi: tiffDPI(f, bo, dir[:12*count])})
		off = int64(bo.Uint32(dir[12*count:]))
	}
	if len(pages) == 0 {
		return nil, errors.New("TIFF sin páginas")
	}
	return pages, nil
}

// tiffDPI reads XResolution (a RATIONAL, tag 282) and ResolutionUnit (tag
// 296: 2 inch, the default; 3 centimetre) from an IFD's entries.
func tiffDPI(f io.ReaderAt, bo binary.ByteOrder, entries []byte) int {
	var res float64
	unit := 2
	for e := entries; len(e) >= 12; e = e[12:] {
		switch bo.Uint16(e) {
		case 282:
			var r [8]byte
			if bo.Uint16(e[2:]) != 5 { // RATIONAL
				continue
			}
			if _, err := f.ReadAt(r[:], int64(bo.Uint32(e[8:]))); err == nil && bo.Uint32(r[4:]) != 0 {
				res = float64(bo.Uint32(r[:])) / float64(bo.Uint32(r[4:]))
			}
		case 296:
			unit = int(bo.Uint16(e[8:]))
		}
	}
	if unit == 3 {
		res *= 2.54
	}
	if res < 50 || res > 2400 || unit == 1 {
		return 0
	}
	return int(math.Round(res))
}

// decodeTIFFPage decodes page index (from 0) of a TIFF file, whose IFD is
// at ifd (0: the first page), refusing one of more than maxPixels pixels
// from its header. A bilevel or 8-bit grey page is Leptonica's reading
// (libtiff): exact, four to ten times faster than the Go decoder's, and
// right where that one is not (a CCITT page whose photometric says black
// is zero comes out negative from it; Group 3 pages from ImageMagick do
// not decode). A
// JPEG-compressed page in YCbCr, which the Go decoder does not read, is
// kept in grey, its luminance.
func decodeTIFFPage(path string, index int, ifd int64, maxPixels int) (image.Image, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	l, lerr := readLayout(f, ifd)
	if lerr == nil && (l.bilevel() || l.grey8()) {
		if err := checkPixels(int(l.w), int(l.h), maxPixels); err != nil {
			return nil, err
		}
		if g, err := tiffGray(path, index); err == nil && g.Rect.Dx() == int(l.w) && g.Rect.Dy() == int(l.h) {
			return g, nil
		}
	}
	img, err := decodeTIFFAt(f, st.Size(), ifd, maxPixels)
	if err != nil && lerr == nil && l.jpegGray() {
		if g, jerr := l.decodeJPEG(maxPixels); jerr == nil {
			return g, nil
		}
	}
	if g, ok := img.(*image.Gray); ok && lerr == nil && l.bilevel() && l.photometric == 1 && (l.compression == 3 || l.compression == 4) {
		for i, v := range g.Pix {
			g.Pix[i] = 255 - v
		}
	}
	return img, err
}

// decodeTIFF decodes page index (from 1) of the TIFF in r (size bytes).
func decodeTIFF(r io.ReaderAt, size int64, index, maxPixels int) (image.Image, error) {
	pages, err := tiffPages(r, math.MaxInt32)
	if err != nil {
		return nil, err
	}
	if index < 1 || index > len(pages) {
		return nil, fmt.Errorf("el TIFF no tiene página %d", index)
	}
	return decodeTIFFAt(r, size, pages[index-1].ifd, maxPixels)
}

// decodeTIFFAt decodes the page whose IFD is at ifd (0: the first) with
// hhrutter/tiff, the x/image/tiff fork that pdfcpu keeps: it reads the
// compressions scanners write (CCITT G3/G4, JPEG, old-style JPEG, LZW,
// Deflate, PackBits), which x/image/tiff does not all read.
func decodeTIFFAt(r io.ReaderAt, size int64, ifd int64, maxPixels int) (image.Image, error) {
	cfg, err := tiff.DecodeConfigAt(io.NewSectionReader(r, 0, size), ifd)
	if err != nil {
		return nil, tiffError(err)
	}
	if err := checkPixels(cfg.Width, cfg.Height, maxPixels); err != nil {
		return nil, err
	}
	img, err := tiff.DecodeAt(io.NewSectionReader(r, 0, size), ifd)
	if err != nil {
		return nil, tiffError(err)
	}
	return img, nil
}

// tiffError says in Spanish why a TIFF page could not be decoded.
func tiffError(err error) error {
	var unsupported tiff.UnsupportedError
	var format tiff.FormatError
	switch {
	case errors.As(err, &unsupported):
		return fmt.Errorf("página ilegible del TIFF: usa una variante que no se puede leer (%s)", string(unsupported))
	case errors.As(err, &format), errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF):
		return errors.New("página ilegible del TIFF: los datos están dañados o truncados")
	}
	return fmt.Errorf("página ilegible del TIFF: %w", err)
}
