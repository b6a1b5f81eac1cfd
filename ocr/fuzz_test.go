package ocr

import (
	"bytes"
	"encoding/binary"
	"image"
	"image/jpeg"
	"image/png"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/otiai10/gosseract/v2"
)

// FuzzScanReaders: the readers that see a scan's bytes before Tesseract
// does — the TIFF page walker and decoder, the PGM reader, the PNG and JPEG
// resolution readers — take any bytes without panicking, hanging or
// decoding past the pixel limit.
func FuzzScanReaders(f *testing.F) {
	g := image.NewGray(image.Rect(0, 0, 8, 8))
	var pngb bytes.Buffer
	png.Encode(&pngb, g)
	f.Add(pngb.Bytes())
	f.Add([]byte("P5\n8 8\n255\n" + strings.Repeat("\x80", 64)))
	f.Add([]byte("\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x01\x01\x2c\x01\x2c"))
	// A two-page TIFF, 4 × 4 pixels each, uncompressed or in JPEG.
	tiffb := func(order binary.ByteOrder, mark string, compression uint32, data []byte) []byte {
		var b bytes.Buffer
		b.WriteString(mark)
		binary.Write(&b, order, uint32(8))
		for page := range 2 {
			ifd := uint32(b.Len())
			entries := [][3]uint32{{256, 4, 4}, {257, 4, 4}, {258, 3, 8}, {259, 3, compression}, {262, 3, 1}, {273, 4, 0}, {277, 3, 1}, {278, 4, 4}, {279, 4, uint32(len(data))}}
			pixels := ifd + 2 + 12*uint32(len(entries)) + 4
			binary.Write(&b, order, uint16(len(entries)))
			for _, e := range entries {
				if e[0] == 273 {
					e[2] = pixels
				}
				binary.Write(&b, order, uint16(e[0]))
				binary.Write(&b, order, uint16(e[1]))
				binary.Write(&b, order, uint32(1))
				if e[1] == 3 {
					binary.Write(&b, order, uint16(e[2]))
					binary.Write(&b, order, uint16(0))
				} else {
					binary.Write(&b, order, e[2])
				}
			}
			next := uint32(0)
			if page == 0 {
				next = pixels + uint32(len(data))
			}
			binary.Write(&b, order, next)
			b.Write(data)
		}
		return b.Bytes()
	}
	f.Add(tiffb(binary.LittleEndian, "II*\x00", 1, bytes.Repeat([]byte{0x40}, 16)))
	f.Add(tiffb(binary.BigEndian, "MM\x00*", 1, bytes.Repeat([]byte{0x40}, 16)))
	var jpegb bytes.Buffer
	jpeg.Encode(&jpegb, image.NewGray(image.Rect(0, 0, 4, 4)), nil)
	f.Add(tiffb(binary.LittleEndian, "II*\x00", 7, jpegb.Bytes()))
	const maxPixels = 1 << 20
	f.Fuzz(func(t *testing.T, data []byte) {
		r := bytes.NewReader(data)
		if pages, err := tiffPages(r, 50); err == nil {
			if len(pages) == 0 || len(pages) > 50 {
				t.Fatalf("%d pages", len(pages))
			}
			for i := range min(len(pages), 3) {
				if img, err := decodeTIFF(r, int64(len(data)), i+1, maxPixels); err == nil {
					if b := img.Bounds(); b.Dx()*b.Dy() > maxPixels {
						t.Fatalf("decoded %v past the limit", b)
					}
				}
				// The JPEG path recognition reads through (libjpeg-turbo).
				if l, err := readLayout(r, pages[i].ifd); err == nil && l.jpegGray() {
					if g, err := l.decodeJPEG(maxPixels); err == nil && g.Rect.Dx()*g.Rect.Dy() > maxPixels {
						t.Fatalf("JPEG path decoded %v past the limit", g.Rect)
					}
				}
			}
		}
		if g, err := decodePGM(data, maxPixels); err == nil && g.Rect.Dx()*g.Rect.Dy() > maxPixels {
			t.Fatalf("PGM %v past the limit", g.Rect)
		}
		if dpi := readDPI(bytes.NewReader(data)); dpi != 0 && (dpi < 50 || dpi > 2400) {
			t.Fatalf("resolution %d", dpi)
		}
	})
}

// FuzzPageText: whatever words and boxes Tesseract returns, the page's
// words are the non-blank ones, in order, each on a line from 1, and the
// text holds them in that order.
func FuzzPageText(f *testing.F) {
	f.Add([]byte("\x00\x10\x10\x30\x08\x00\x00\x00Hoja\x00\x40\x10\x30\x08\x00\x00\x00de\x00\x10\x30\x30\x08\x00\x00\x01texto"))
	f.Fuzz(func(t *testing.T, data []byte) {
		// Each word: x, y, width, height, block, paragraph, line (one byte
		// each), confidence, then its text up to the next NUL.
		var boxes []gosseract.BoundingBox
		for len(data) >= 8 {
			x, y := int(data[0])*4, int(data[1])*4
			w, h := int(data[2]), int(data[3])
			word, rest, _ := bytes.Cut(data[8:], []byte{0})
			boxes = append(boxes, gosseract.BoundingBox{
				Box: image.Rect(x, y, x+w, y+h), BlockNum: int(data[4] % 4), ParNum: int(data[5] % 4), LineNum: int(data[6] % 8),
				Confidence: float64(data[7]) / 2.55, Word: strings.ToValidUTF8(string(word), "?"),
			})
			data = rest
		}
		p := pageFromBoxes(3, boxes, 0)
		var want []string
		for _, b := range boxes {
			if w := strings.TrimSpace(b.Word); w != "" {
				want = append(want, w)
			}
		}
		if len(p.Words) != len(want) {
			t.Fatalf("%d words, want %d", len(p.Words), len(want))
		}
		at, line := 0, 1
		for i, w := range p.Words {
			if w.Text != want[i] || w.Page != 3 || w.Line < line || w.Line > line+1 {
				t.Fatalf("word %d: %+v (want %q after line %d)", i, w, want[i], line)
			}
			line = w.Line
			k := strings.Index(p.Text[at:], w.Text)
			if k < 0 {
				t.Fatalf("word %q not in the text after byte %d", w.Text, at)
			}
			at += k + len(w.Text)
		}
		if !utf8.ValidString(p.Text) {
			t.Fatal("text is not UTF-8")
		}
	})
}
