package scan

import (
	"bytes"
	"encoding/binary"
)

// TIFF makes a multi-page TIFF of the pages, as a document scanner would:
// 8-bit grey, uncompressed, one strip per page, the resolution in
// XResolution and YResolution (dpi ≤ 0: none). Tesseract reads it (the
// tests check that independently of mpp's reader).
func TIFF(pages []Page, dpi int) []byte {
	le := binary.LittleEndian
	var b bytes.Buffer
	b.WriteString("II*\x00")
	_ = binary.Write(&b, le, uint32(8)) // the first IFD follows
	type entry struct {
		tag, typ uint16
		count    uint32
		value    uint32
	}
	const (
		short    = 3
		long     = 4
		rational = 5
	)
	for i, p := range pages {
		w, h := p.Image.Rect.Dx(), p.Image.Rect.Dy()
		entries := []entry{
			{256, long, 1, uint32(w)},
			{257, long, 1, uint32(h)},
			{258, short, 1, 8},        // BitsPerSample
			{259, short, 1, 1},        // Compression: none
			{262, short, 1, 1},        // PhotometricInterpretation: BlackIsZero
			{273, long, 1, 0},         // StripOffsets, set below
			{277, short, 1, 1},        // SamplesPerPixel
			{278, long, 1, uint32(h)}, // RowsPerStrip
			{279, long, 1, uint32(w * h)},
		}
		if dpi > 0 {
			entries = append(entries, entry{282, rational, 1, 0}, entry{283, rational, 1, 0}, entry{296, short, 1, 2})
		}
		ifd := uint32(b.Len())
		extra := ifd + 2 + uint32(12*len(entries)) + 4 // the rationals, then the pixels
		pixels := extra
		if dpi > 0 {
			pixels += 16
		}
		_ = binary.Write(&b, le, uint16(len(entries)))
		for _, e := range entries {
			switch e.tag {
			case 273:
				e.value = pixels
			case 282:
				e.value = extra
			case 283:
				e.value = extra + 8
			}
			_ = binary.Write(&b, le, e.tag)
			_ = binary.Write(&b, le, e.typ)
			_ = binary.Write(&b, le, e.count)
			if e.typ == short {
				_ = binary.Write(&b, le, uint16(e.value))
				_ = binary.Write(&b, le, uint16(0))
			} else {
				_ = binary.Write(&b, le, e.value)
			}
		}
		next := uint32(0)
		if i < len(pages)-1 {
			next = pixels + uint32(w*h)
			next += next % 2 // IFDs start on a word boundary
		}
		_ = binary.Write(&b, le, next)
		if dpi > 0 {
			for range 2 {
				_ = binary.Write(&b, le, uint32(dpi))
				_ = binary.Write(&b, le, uint32(1))
			}
		}
		for y := range h {
			b.Write(p.Image.Pix[y*p.Image.Stride : y*p.Image.Stride+w])
		}
		if b.Len()%2 == 1 {
			b.WriteByte(0)
		}
	}
	return b.Bytes()
}
