package ocr

// #cgo LDFLAGS: -lleptonica
// #include <stdlib.h>
// #include <leptonica/allheaders.h>
import "C"

import (
	"encoding/binary"
	"errors"
	"image"
	"sync"
	"unsafe"
)

// Leptonica, which Tesseract links already, decodes JPEG with
// libjpeg-turbo: a 300 dpi page in some 60 ms, where image/jpeg takes
// 300 to 450 ms for the RGB-coded JPEG that scanners and ImageMagick
// write inside TIFF, and it can hand back the luminance alone, which is
// all recognition reads. JPEG goes through it for recognition only (the
// searchable PDF keeps the page in colour, as the Go decoders give it);
// a bilevel or 8-bit grey TIFF page, for both (decodeTIFFPage).

// quietLeptonica stops Leptonica writing its notices ("reading luminance
// channel only", and its errors, which mpp reports itself in Spanish) to
// the standard error.
var quietLeptonica = sync.OnceFunc(func() { C.setMsgSeverity(C.L_SEVERITY_NONE) })

// errLeptonica is a stream Leptonica could not decode; the caller falls
// back to the Go decoder, which says why.
var errLeptonica = errors.New("Leptonica no pudo decodificar la imagen")

// jpegGrayInto decodes the JPEG stream b to its luminance and copies it
// into dst's corner, at most cols × rows of it (the rest is padding). It
// returns the stream's size.
func jpegGrayInto(b []byte, dst *image.Gray, cols, rows int) (w, h int, err error) {
	if len(b) == 0 {
		return 0, 0, errLeptonica
	}
	quietLeptonica()
	var warnings C.l_int32
	pix := C.pixReadMemJpeg((*C.l_uint8)(unsafe.Pointer(&b[0])), C.size_t(len(b)), 0, 1, &warnings, C.L_JPEG_READ_LUMINANCE)
	if pix == nil {
		return 0, 0, errLeptonica
	}
	defer C.pixDestroy(&pix)
	w, h = int(C.pixGetWidth(pix)), int(C.pixGetHeight(pix))
	if C.pixGetDepth(pix) != 8 || C.pixGetColormap(pix) != nil || warnings != 0 {
		return w, h, errLeptonica
	}
	copyPix8(pix, dst, min(w, cols), min(h, rows))
	return w, h, nil
}

// copyPix8 copies the corner cols × rows of an 8-bit Pix into dst's,
// within dst. Leptonica packs pixels into 32-bit words, the first pixel in
// the most significant byte.
func copyPix8(pix *C.PIX, dst *image.Gray, cols, rows int) {
	wpl := int(C.pixGetWpl(pix))
	w := min(cols, dst.Rect.Dx())
	rows = min(rows, dst.Rect.Dy())
	if rows <= 0 || w <= 0 {
		return
	}
	data := unsafe.Slice((*uint32)(unsafe.Pointer(C.pixGetData(pix))), wpl*rows)
	for y := range rows {
		src := data[y*wpl : (y+1)*wpl]
		out := dst.Pix[y*dst.Stride : y*dst.Stride+w]
		x := 0
		for ; x+4 <= w; x += 4 {
			binary.BigEndian.PutUint32(out[x:], src[x/4])
		}
		for ; x < w; x++ {
			out[x] = byte(src[x/4] >> (24 - 8*(x%4)))
		}
	}
}

// tiffGray reads page index (from 0) of a bilevel or 8-bit grey TIFF
// with Leptonica (libtiff: CCITT G3/G4, PackBits, LZW, Deflate or none)
// as grey, black 0 and white 255 whatever the file's photometric says: a
// quarter of the time the Go decoder takes for a G4 page, a tenth for an
// uncompressed grey one. The caller checks the size against the page's
// IFD.
func tiffGray(path string, index int) (*image.Gray, error) {
	quietLeptonica()
	cpath := C.CString(path)
	defer C.free(unsafe.Pointer(cpath))
	pix := C.pixReadTiff(cpath, C.l_int32(index))
	if pix == nil {
		return nil, errLeptonica
	}
	defer C.pixDestroy(&pix)
	if C.pixGetColormap(pix) != nil {
		return nil, errNotFast
	}
	switch C.pixGetDepth(pix) {
	case 8: // Leptonica has inverted a page whose white is zero
	case 1: // Leptonica's 1 is black
		gray := C.pixConvert1To8(nil, pix, 255, 0)
		if gray == nil {
			return nil, errLeptonica
		}
		C.pixDestroy(&pix)
		pix = gray
	default:
		return nil, errNotFast
	}
	w, h := int(C.pixGetWidth(pix)), int(C.pixGetHeight(pix))
	g := image.NewGray(image.Rect(0, 0, w, h))
	copyPix8(pix, g, w, h)
	return g, nil
}
