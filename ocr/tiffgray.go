package ocr

import (
	"bytes"
	"encoding/binary"
	"errors"
	"image"
	"io"
	"os"
)

// The JPEG-compressed TIFF that scanners and ImageMagick write is a series
// of strips (or tiles), each a JPEG stream without its tables, which are
// kept once in the JPEGTables tag. For recognition mpp decodes each strip's
// luminance with Leptonica (lept.go) into one grey page; a bilevel page
// Leptonica reads whole, through libtiff. Any TIFF these paths do not take
// whole (another compression, a layout they do not know, a stream they
// cannot decode) goes to the Go decoder instead.

// errNotFast is an image the fast path does not read: the Go decoder does.
var errNotFast = errors.New("imagen fuera de la vía rápida")

// TIFF tags and values read here (TIFF 6.0, with the JPEG technote 2).
const (
	tagWidth           = 256
	tagLength          = 257
	tagBitsPerSample   = 258
	tagCompression     = 259
	tagPhotometric     = 262
	tagStripOffsets    = 273
	tagSamplesPerPixel = 277
	tagRowsPerStrip    = 278
	tagStripByteCounts = 279
	tagPlanarConfig    = 284
	tagTileWidth       = 322
	tagTileLength      = 323
	tagTileOffsets     = 324
	tagTileByteCounts  = 325
	tagExtraSamples    = 338
	tagJPEGTables      = 347

	compressionJPEG = 7
)

// ifdDir is one image file directory's entries, by tag: the type, the
// count and the four value-or-offset bytes.
type ifdDir struct {
	r    io.ReaderAt
	bo   binary.ByteOrder
	tags map[uint16][]byte
	err  error // the first value that could not be read
}

// readIFD reads the entries of the IFD at off (0: the first page's).
func readIFD(r io.ReaderAt, off int64) (*ifdDir, error) {
	var head [8]byte
	if _, err := r.ReadAt(head[:], 0); err != nil {
		return nil, err
	}
	bo := byteOrder(head[:])
	if bo == nil {
		return nil, errNotFast
	}
	if off == 0 {
		off = int64(bo.Uint32(head[4:]))
	}
	var n [2]byte
	if _, err := r.ReadAt(n[:], off); err != nil {
		return nil, err
	}
	dir := make([]byte, 12*int(bo.Uint16(n[:])))
	if _, err := r.ReadAt(dir, off+2); err != nil {
		return nil, err
	}
	d := &ifdDir{r: r, bo: bo, tags: map[uint16][]byte{}}
	for e := dir; len(e) >= 12; e = e[12:] {
		d.tags[bo.Uint16(e)] = e[2:12]
	}
	return d, nil
}

// value is a single-valued SHORT or LONG entry, or def when absent; an
// entry that cannot be read is kept in d.err, and 0 returned.
func (d *ifdDir) value(tag uint16, def int64) int64 {
	if d.err != nil {
		return 0
	}
	v, err := tiffValues(d.r, d.bo, d.tags[tag], 16)
	switch {
	case err != nil:
		d.err = err
		return 0
	case len(v) == 0:
		return def
	}
	return v[0]
}

// tiffValues reads a SHORT or LONG entry's values, at most limit of them.
func tiffValues(r io.ReaderAt, bo binary.ByteOrder, e []byte, limit int) ([]int64, error) {
	if e == nil {
		return nil, nil
	}
	typ, count := bo.Uint16(e), int64(bo.Uint32(e[2:]))
	size := int64(0)
	switch typ {
	case 3:
		size = 2
	case 4:
		size = 4
	default:
		return nil, errNotFast
	}
	if count > int64(limit) {
		return nil, errNotFast
	}
	raw := e[6:10]
	if count*size > 4 {
		raw = make([]byte, count*size)
		if _, err := r.ReadAt(raw, int64(bo.Uint32(e[6:]))); err != nil {
			return nil, err
		}
	}
	out := make([]int64, count)
	for i := range out {
		if size == 2 {
			out[i] = int64(bo.Uint16(raw[2*i:]))
		} else {
			out[i] = int64(bo.Uint32(raw[4*i:]))
		}
	}
	return out, nil
}

// tiffLayout is what the fast paths need to know of a TIFF page.
type tiffLayout struct {
	dir                               *ifdDir
	w, h                              int64
	compression, photometric, samples int64
	planar                            int64
	bits                              []int64
	extra                             bool // alpha or other extra samples
}

// readLayout reads the layout of the page whose IFD is at ifd (0: the
// first).
func readLayout(r io.ReaderAt, ifd int64) (tiffLayout, error) {
	d, err := readIFD(r, ifd)
	if err != nil {
		return tiffLayout{}, err
	}
	l := tiffLayout{dir: d, extra: d.tags[tagExtraSamples] != nil}
	l.compression = d.value(tagCompression, 1)
	l.photometric = d.value(tagPhotometric, -1)
	l.samples = d.value(tagSamplesPerPixel, 1)
	l.planar = d.value(tagPlanarConfig, 1)
	l.w, l.h = d.value(tagWidth, 0), d.value(tagLength, 0)
	if d.err != nil {
		return tiffLayout{}, d.err
	}
	l.bits, err = tiffValues(r, d.bo, d.tags[tagBitsPerSample], 4)
	return l, err
}

// bilevel is a one-bit page, black on white or white on black.
func (l tiffLayout) bilevel() bool {
	return len(l.bits) == 1 && l.bits[0] == 1 && l.samples == 1 && !l.extra && (l.photometric == 0 || l.photometric == 1)
}

// grey8 is a page of one 8-bit grey sample, not JPEG-compressed (that
// is jpegGray's): uncompressed, LZW, Deflate or PackBits.
func (l tiffLayout) grey8() bool {
	return len(l.bits) == 1 && l.bits[0] == 8 && l.samples == 1 && !l.extra && (l.photometric == 0 || l.photometric == 1) &&
		l.compression != 6 && l.compression != 7
}

// jpegGray is a JPEG-compressed page whose luminance is the page: grey
// (black is zero), RGB or YCbCr, eight bits, one plane, no alpha.
func (l tiffLayout) jpegGray() bool {
	for _, b := range l.bits {
		if b != 8 {
			return false
		}
	}
	return l.compression == compressionJPEG && l.planar == 1 && !l.extra &&
		(l.samples == 1 && l.photometric == 1 || l.samples == 3 && (l.photometric == 2 || l.photometric == 6))
}

// grayTIFFJPEG reads the JPEG-compressed page whose IFD is at ifd as grey,
// or says errNotFast (or another error) for the Go decoder to take it.
func grayTIFFJPEG(path string, ifd int64, maxPixels int) (*image.Gray, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	l, err := readLayout(f, ifd)
	if err != nil {
		return nil, err
	}
	if !l.jpegGray() {
		return nil, errNotFast
	}
	return l.decodeJPEG(maxPixels)
}

// decodeJPEG decodes the page's strips or tiles, each through Leptonica.
func (l tiffLayout) decodeJPEG(maxPixels int) (*image.Gray, error) {
	d, w, h := l.dir, l.w, l.h
	r, bo, tags := d.r, d.bo, d.tags
	if err := checkPixels(int(w), int(h), maxPixels); err != nil {
		return nil, err
	}
	// Strips are tiles as wide as the page.
	tw, th := w, d.value(tagRowsPerStrip, h)
	offTag, countTag := uint16(tagStripOffsets), uint16(tagStripByteCounts)
	if tags[tagTileWidth] != nil {
		tw, th = d.value(tagTileWidth, 0), d.value(tagTileLength, 0)
		offTag, countTag = tagTileOffsets, tagTileByteCounts
	}
	if d.err != nil {
		return nil, d.err
	}
	if tw <= 0 || th <= 0 {
		return nil, errNotFast
	}
	th = min(th, h)
	across, down := (w+tw-1)/tw, (h+th-1)/th
	blocks := int(across * down)
	offs, err := tiffValues(r, bo, tags[offTag], blocks)
	if err != nil {
		return nil, err
	}
	counts, err := tiffValues(r, bo, tags[countTag], blocks)
	if err != nil {
		return nil, err
	}
	if len(offs) != blocks || len(counts) != blocks {
		return nil, errNotFast
	}
	var tables []byte
	if e := tags[tagJPEGTables]; e != nil {
		n := int64(bo.Uint32(e[2:]))
		if bo.Uint16(e) != 7 || n < 4 || n > 1<<20 {
			return nil, errNotFast
		}
		tables = make([]byte, n)
		if _, err := r.ReadAt(tables, int64(bo.Uint32(e[6:]))); err != nil {
			return nil, err
		}
		// The tables are a stream of their own: SOI, DQT and DHT, EOI.
		if !bytes.HasPrefix(tables, []byte{0xFF, 0xD8}) || !bytes.HasSuffix(tables, []byte{0xFF, 0xD9}) {
			return nil, errNotFast
		}
		tables = tables[2 : n-2]
	}
	g := image.NewGray(image.Rect(0, 0, int(w), int(h)))
	var block, stream []byte
	for i := range blocks {
		if counts[i] < 4 || counts[i] > 64<<20 {
			return nil, errNotFast
		}
		block = grow(block, int(counts[i]))
		if _, err := r.ReadAt(block, offs[i]); err != nil {
			return nil, err
		}
		if block[0] != 0xFF || block[1] != 0xD8 {
			return nil, errNotFast
		}
		stream = append(append(append(stream[:0], 0xFF, 0xD8), tables...), block[2:]...)
		x0, y0 := int(int64(i)%across*tw), int(int64(i)/across*th)
		sub := g.SubImage(image.Rect(x0, y0, int(w), int(h))).(*image.Gray)
		bw, bh, err := jpegGrayInto(stream, sub, int(tw), int(th))
		if err != nil {
			return nil, err
		}
		// Every block is the declared size (the last ones may be padded
		// past the page's edge, never short of it).
		if int64(bw) < min(tw, w-int64(x0)) || int64(bh) < min(th, h-int64(y0)) {
			return nil, errNotFast
		}
	}
	return g, nil
}

// grow returns b resized to n bytes, reusing its storage when it is big
// enough.
func grow(b []byte, n int) []byte {
	if cap(b) < n {
		return make([]byte, n)
	}
	return b[:n]
}

// byteOrder is a TIFF header's byte order, or nil when it is none.
func byteOrder(head []byte) binary.ByteOrder {
	switch string(head[:2]) {
	case "II":
		return binary.LittleEndian
	case "MM":
		return binary.BigEndian
	}
	return nil
}
