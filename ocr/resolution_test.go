package ocr

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"testing"
)

func TestEstimateDPI(t *testing.T) {
	for _, c := range []struct{ w, h, want int }{
		{2550, 3300, 300}, // letter at 300
		{1700, 2200, 200}, // letter at 200
		{2480, 3508, 300}, // A4 at 300
		{3300, 2550, 300}, // turned
		{1275, 1650, 150},
		{3024, 4032, 356}, // a phone photo: the width over 8.5 inches
	} {
		if got := estimateDPI(c.w, c.h); got != c.want {
			t.Errorf("%d × %d: %d dpi, want %d", c.w, c.h, got, c.want)
		}
	}
}

// withPHYs adds a pHYs chunk (pixels per metre) after a PNG's IHDR.
func withPHYs(b []byte, ppm uint32) []byte {
	var chunk bytes.Buffer
	body := make([]byte, 13)
	copy(body, "pHYs")
	binary.BigEndian.PutUint32(body[4:], ppm)
	binary.BigEndian.PutUint32(body[8:], ppm)
	body[12] = 1
	_ = binary.Write(&chunk, binary.BigEndian, uint32(9))
	chunk.Write(body)
	_ = binary.Write(&chunk, binary.BigEndian, crc32.ChecksumIEEE(body))
	at := 8 + 8 + 13 + 4 // signature, IHDR
	return append(append(append([]byte{}, b[:at]...), chunk.Bytes()...), b[at:]...)
}

func TestImageDPI(t *testing.T) {
	var b bytes.Buffer
	if err := png.Encode(&b, image.NewGray(image.Rect(0, 0, 10, 10))); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	plain, tagged := filepath.Join(dir, "a.png"), filepath.Join(dir, "b.png")
	_ = os.WriteFile(plain, b.Bytes(), 0o644)
	_ = os.WriteFile(tagged, withPHYs(b.Bytes(), 7874), 0o644) // 200 dpi
	if got := imageDPI(plain); got != 0 {
		t.Errorf("PNG without pHYs: %d", got)
	}
	if got := imageDPI(tagged); got != 200 {
		t.Errorf("PNG with pHYs at 200 dpi: %d", got)
	}
	// The tagged file is still a PNG Go reads.
	if _, err := png.Decode(bytes.NewReader(withPHYs(b.Bytes(), 7874))); err != nil {
		t.Errorf("test PNG: %v", err)
	}
}
