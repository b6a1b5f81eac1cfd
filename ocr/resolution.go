package ocr

import (
	"bufio"
	"encoding/binary"
	"io"
	"math"
	"os"
)

// imageDPI reads the resolution a PNG (pHYs chunk) or a JPEG (JFIF
// header) declares; 0 when it declares none.
func imageDPI(path string) int {
	f, err := os.Open(path)
	if err != nil {
		return 0
	}
	defer f.Close()
	return readDPI(f)
}

// readDPI is imageDPI over a reader.
func readDPI(in io.Reader) int {
	r := bufio.NewReader(in)
	head := make([]byte, 8)
	if _, err := io.ReadFull(r, head); err != nil {
		return 0
	}
	switch {
	case string(head) == "\x89PNG\r\n\x1a\n":
		return pngDPI(r)
	case head[0] == 0xff && head[1] == 0xd8:
		return jfifDPI(head[2:], r)
	}
	return 0
}

// pngDPI walks the chunks before the image data looking for pHYs.
func pngDPI(r *bufio.Reader) int {
	var h [8]byte
	for range 64 {
		if _, err := io.ReadFull(r, h[:]); err != nil {
			return 0
		}
		n, typ := binary.BigEndian.Uint32(h[:4]), string(h[4:])
		switch typ {
		case "pHYs":
			var b [9]byte
			if n != 9 {
				return 0
			}
			if _, err := io.ReadFull(r, b[:]); err != nil || b[8] != 1 { // unit 1: metre
				return 0
			}
			return sane(float64(binary.BigEndian.Uint32(b[:4])) * 0.0254)
		case "IDAT", "IEND":
			return 0
		}
		if _, err := r.Discard(int(n) + 4); err != nil { // data and CRC
			return 0
		}
	}
	return 0
}

// jfifDPI reads the density of a JFIF APP0 segment, which must come first.
func jfifDPI(seg []byte, r io.Reader) int {
	// seg holds the 6 bytes after SOI: FF E0, the length, "JF".
	if seg[0] != 0xff || seg[1] != 0xe0 || string(seg[4:6]) != "JF" {
		return 0
	}
	var b [8]byte // "IF\0", version (2), units, Xdensity (2)
	if _, err := io.ReadFull(r, b[:]); err != nil || string(b[:3]) != "IF\x00" {
		return 0
	}
	d := float64(binary.BigEndian.Uint16(b[6:]))
	switch b[5] {
	case 1: // dots per inch
		return sane(d)
	case 2: // dots per centimetre
		return sane(d * 2.54)
	}
	return 0
}

// sane keeps a declared resolution a scan could have.
func sane(dpi float64) int {
	if dpi < 50 || dpi > 2400 {
		return 0
	}
	return int(math.Round(dpi))
}

// estimateDPI guesses the resolution of a page image that does not say,
// taking it for a letter or A4 page: the common scanner resolution whose
// page size is within 8 % of it, or else the width over 8.5 inches (a
// photo of a page, roughly filling it).
func estimateDPI(w, h int) int {
	if w > h {
		w, h = h, w
	}
	for _, dpi := range []int{150, 200, 240, 300, 400, 600} {
		for _, paper := range [][2]float64{{8.5, 11}, {8.27, 11.69}, {8.5, 13}} {
			pw, ph := paper[0]*float64(dpi), paper[1]*float64(dpi)
			if math.Abs(float64(w)-pw) < 0.08*pw && math.Abs(float64(h)-ph) < 0.08*ph {
				return dpi
			}
		}
	}
	return max(70, int(math.Round(float64(w)/8.5)))
}
