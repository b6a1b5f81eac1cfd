package ocr_test

import (
	"bytes"
	"context"
	"encoding/binary"
	"fmt"
	"image"
	"image/draw"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"codeberg.org/go-pdf/fpdf"

	"github.com/cipro-ine/mpp/ocr"
	"github.com/cipro-ine/mpp/ocr/scan"
)

func hojas(t *testing.T, n, dpi int) []scan.Page {
	t.Helper()
	pages, err := scan.Sheets(n, dpi)
	if err != nil {
		t.Fatal(err)
	}
	return pages
}

func write(t *testing.T, name string, b []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// A multi-page TIFF is read page by page, at the resolution it declares.
func TestTIFFMultiPage(t *testing.T) {
	path := write(t, "hojas.tif", scan.TIFF(hojas(t, 3, 200), 200))
	// The file is a real multi-page TIFF: Tesseract (Leptonica) reads all
	// three pages of it on its own.
	cmd := exec.Command("tesseract", path, "stdout", "-l", "spa", "--psm", "6")
	cmd.Env = append(os.Environ(), ocr.OMPLimitVar+"=1")
	out, err := cmd.Output()
	if err != nil {
		t.Fatal(err)
	}
	if i1, i3 := strings.Index(string(out), "Hoja número 1"), strings.Index(string(out), "Hoja número 3"); i1 < 0 || i3 < i1 {
		t.Fatalf("tesseract does not read the test TIFF's pages:\n%s", out)
	}
	src, err := ocr.Sources(context.Background(), []string{path}, ocr.SourceOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(src) != 3 {
		t.Fatalf("%d pages, want 3", len(src))
	}
	for i, s := range src {
		if s.Kind != "tiff" || s.Index != i+1 || s.DPI != 200 {
			t.Errorf("page %d: %+v", i+1, s)
		}
	}
	got, failed, err := ocr.Batch(context.Background(), src, ocr.Options{}, ocr.BatchOptions{Workers: 2})
	if err != nil || len(failed) > 0 {
		t.Fatal(err, failed)
	}
	checkPages(t, got, nil)
}

// A TIFF whose middle page is corrupt: the other pages come out, the bad
// one is named.
func TestTIFFCorruptPage(t *testing.T) {
	b := scan.TIFF(hojas(t, 3, 150), 150)
	// Page 2's Compression entry: make it a scheme no reader knows.
	ifd2 := firstIFDAfter(t, b, 1)
	for e := ifd2 + 2; e < ifd2+2+12*int(binary.LittleEndian.Uint16(b[ifd2:])); e += 12 {
		if binary.LittleEndian.Uint16(b[e:]) == 259 {
			binary.LittleEndian.PutUint16(b[e+8:], 99)
		}
	}
	path := write(t, "hojas.tif", b)
	src, err := ocr.Sources(context.Background(), []string{path}, ocr.SourceOptions{})
	if err != nil {
		t.Fatal(err)
	}
	got, failed, err := ocr.Batch(context.Background(), src, ocr.Options{}, ocr.BatchOptions{Workers: 2})
	if err != nil {
		t.Fatal(err)
	}
	if len(failed) != 1 || failed[0].Number != 2 || !strings.Contains(failed[0].Error(), "hojas.tif, página 2") || !strings.Contains(failed[0].Error(), "página ilegible del TIFF") {
		t.Fatalf("failed: %v", failed)
	}
	checkPages(t, got, failedNumbers(failed))
}

// firstIFDAfter follows the IFD chain n links from the first.
func firstIFDAfter(t *testing.T, b []byte, n int) int {
	off := int(binary.LittleEndian.Uint32(b[4:]))
	for range n {
		count := int(binary.LittleEndian.Uint16(b[off:]))
		off = int(binary.LittleEndian.Uint32(b[off+2+12*count:]))
	}
	return off
}

// A page that is one image is taken out at its own resolution; a page of
// text is rasterised at the requested one.
func TestPDFPagesImageOrRaster(t *testing.T) {
	scanned, err := scan.PDF(hojas(t, 2, 150))
	if err != nil {
		t.Fatal(err)
	}
	f := fpdf.New("P", "mm", "Letter", "")
	f.SetCreationDate(time.Date(2022, 11, 24, 0, 0, 0, 0, time.UTC))
	f.AddPage()
	f.SetFont("Helvetica", "", 14)
	f.Text(20, 30, "Hoja de texto, no escaneada.")
	var text bytes.Buffer
	if err := f.Output(&text); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	a, b := filepath.Join(dir, "escaneo.pdf"), filepath.Join(dir, "texto.pdf")
	_ = os.WriteFile(a, scanned, 0o644)
	_ = os.WriteFile(b, text.Bytes(), 0o644)
	src, err := ocr.Sources(context.Background(), []string{a, b}, ocr.SourceOptions{DPI: 300})
	if err != nil {
		t.Fatal(err)
	}
	want := []struct {
		kind string
		dpi  int
	}{{"pdfimage", 150}, {"pdfimage", 150}, {"pdf", 300}}
	if len(src) != len(want) {
		t.Fatalf("%d pages", len(src))
	}
	for i, w := range want {
		if src[i].Kind != w.kind || src[i].DPI != w.dpi {
			t.Errorf("page %d: %+v, want %s at %d dpi", i+1, src[i], w.kind, w.dpi)
		}
	}
	got, failed, err := ocr.Batch(context.Background(), src, ocr.Options{}, ocr.BatchOptions{Workers: 2})
	if err != nil || len(failed) > 0 {
		t.Fatal(err, failed)
	}
	checkPages(t, got[:2], nil)
	if !strings.Contains(got[2].Text, "Hoja de texto, no escaneada.") {
		t.Errorf("rasterised page: %q", got[2].Text)
	}
}

// A page over the pixel limit is refused before anything decodes it; the
// page limit refuses the whole input.
func TestLimits(t *testing.T) {
	scanned, err := scan.PDF(hojas(t, 2, 150))
	if err != nil {
		t.Fatal(err)
	}
	path := write(t, "escaneo.pdf", scanned)
	src, err := ocr.Sources(context.Background(), []string{path}, ocr.SourceOptions{})
	if err != nil {
		t.Fatal(err)
	}
	_, failed, err := ocr.Batch(context.Background(), src, ocr.Options{MaxPixels: 1_000_000}, ocr.BatchOptions{Workers: 1})
	if err != nil || len(failed) != 2 || !strings.Contains(failed[0].Error(), "la página tiene 2 millones de píxeles; el límite es 1 millones") {
		t.Errorf("pixel limit: %v %v", err, failed)
	}
	_, err = ocr.Sources(context.Background(), []string{path, path}, ocr.SourceOptions{MaxPages: 3})
	if err == nil || !strings.Contains(err.Error(), "más de 3 páginas") && !strings.Contains(err.Error(), "el límite es 1") {
		t.Errorf("page limit: %v", err)
	}
}

// Multi-page TIFFs as scanners write them, compressed by other hands than
// ours: JPEG (libtiff's tiffcp) for gray pages, CCITT Group 4 (ImageMagick)
// for bilevel ones. Every page reads.
func TestTIFFCompressedByScanners(t *testing.T) {
	plain := write(t, "hojas.tif", scan.TIFF(hojas(t, 3, 200), 200))
	dir := filepath.Dir(plain)
	jpeg := filepath.Join(dir, "jpeg.tif")
	if out, err := exec.Command("tiffcp", "-c", "jpeg:75", "-r", "16", plain, jpeg).CombinedOutput(); err != nil {
		t.Fatalf("tiffcp: %v %s", err, out)
	}
	g4 := filepath.Join(dir, "g4.tif")
	if out, err := exec.Command(imageMagick(t), plain, "-threshold", "60%", "-compress", "Group4", g4).CombinedOutput(); err != nil {
		t.Fatalf("convert: %v %s", err, out)
	}
	for _, c := range []struct{ path, compression string }{{jpeg, "JPEG"}, {g4, "CCITT Group 4"}} {
		// The file is what its name says (libtiff's own reading of it).
		info, err := exec.Command("tiffinfo", c.path).CombinedOutput()
		if err != nil || strings.Count(string(info), "Compression Scheme: "+c.compression) != 3 {
			t.Fatalf("%s: not three %s pages:\n%s", c.path, c.compression, info)
		}
		src, err := ocr.Sources(context.Background(), []string{c.path}, ocr.SourceOptions{})
		if err != nil || len(src) != 3 {
			t.Fatalf("%s: %d pages, %v", c.compression, len(src), err)
		}
		got, failed, err := ocr.Batch(context.Background(), src, ocr.Options{}, ocr.BatchOptions{Workers: 2})
		if err != nil || len(failed) > 0 {
			t.Fatalf("%s: %v %v", c.compression, err, failed)
		}
		checkPages(t, got, nil)
	}
}

// imageMagick is Debian's convert (a convert earlier in PATH may be
// something else).
func imageMagick(t *testing.T) string {
	for _, p := range []string{"/usr/bin/convert", "convert"} {
		if path, err := exec.LookPath(p); err == nil {
			return path
		}
	}
	t.Fatal("ImageMagick is not installed (scripts/deps.sh installs it)")
	return ""
}

// Load and LoadGray (what recognition reads) decode TIFF pages by their
// own paths: Leptonica for bilevel pages, libjpeg-turbo for the luminance
// of JPEG ones. Every variant the tools write gives the page ImageMagick
// reads from it (libtiff, an independent decoder): the same pixels for a
// bilevel page, within a level or two for JPEG (rounding); and a damaged
// page gives the same Spanish error by either.
func TestTIFFPathsMatchLibtiff(t *testing.T) {
	plain := write(t, "hojas.tif", scan.TIFF(hojas(t, 2, 200), 200))
	dir := filepath.Dir(plain)
	im := imageMagick(t)
	run := func(name string, args ...string) []byte {
		t.Helper()
		out, err := exec.Command(name, args...).Output()
		if err != nil {
			t.Fatalf("%s %v: %v", name, args, err)
		}
		return out
	}
	rgb := filepath.Join(dir, "rgb.tif")
	run(im, plain, "-type", "TrueColor", "-compress", "None", rgb)
	g4 := filepath.Join(dir, "g4.tif")
	cases := []struct {
		name, file, info string // what tiffinfo must say of the file
		jpeg             bool   // LoadGray's JPEG path must take it
		make             func(out string)
	}{
		{"JPEG RGB (ImageMagick)", "jpeg-rgb.tif", "Photometric Interpretation: RGB", true, func(out string) {
			run(im, plain, "-type", "TrueColor", "-compress", "JPEG", "-quality", "60", out)
		}},
		{"JPEG gris (ImageMagick)", "jpeg-gris.tif", "Photometric Interpretation: min-is-black", true, func(out string) {
			run(im, plain, "-type", "Grayscale", "-compress", "JPEG", out)
		}},
		{"JPEG en mosaicos (ImageMagick)", "jpeg-mosaico.tif", "Tile Width: 256", true, func(out string) {
			run(im, plain, "-type", "TrueColor", "-compress", "JPEG", "-define", "tiff:tile-geometry=256x256", out)
		}},
		{"JPEG YCbCr (tiffcp)", "jpeg-ycbcr.tif", "Photometric Interpretation: YCbCr", true, func(out string) {
			run("tiffcp", "-c", "jpeg:50", "-r", "64", rgb, out)
		}},
		{"G4 blanco es cero (ImageMagick)", "g4.tif", "min-is-white", false, func(out string) {
			run(im, plain, "-threshold", "60%", "-compress", "Group4", out)
		}},
		{"G4 negro es cero (ImageMagick)", "g4-negro.tif", "min-is-black", false, func(out string) {
			run(im, plain, "-threshold", "60%", "-define", "quantum:polarity=min-is-black", "-compress", "Group4", out)
		}},
		{"G3 negro es cero (ImageMagick)", "g3-negro.tif", "CCITT Group 3", false, func(out string) {
			run(im, plain, "-threshold", "60%", "-define", "quantum:polarity=min-is-black", "-compress", "Fax", out)
		}},
		{"bilevel LZW (tiffcp)", "lzw.tif", "Compression Scheme: LZW", false, func(out string) {
			run("tiffcp", "-c", "lzw", g4, out)
		}},
		{"gris sin comprimir (ImageMagick)", "gris.tif", "Compression Scheme: None", false, func(out string) {
			run(im, plain, "-type", "Grayscale", "-compress", "None", out)
		}},
		{"gris blanco es cero (ImageMagick)", "gris-blanco.tif", "min-is-white", false, func(out string) {
			run(im, plain, "-type", "Grayscale", "-define", "quantum:polarity=min-is-white", "-compress", "None", out)
		}},
		{"gris LZW (tiffcp)", "gris-lzw.tif", "Compression Scheme: LZW", false, func(out string) {
			run("tiffcp", "-c", "lzw:2", filepath.Join(dir, "gris.tif"), out)
		}},
		{"gris Deflate (ImageMagick)", "gris-zip.tif", "Compression Scheme: AdobeDeflate", false, func(out string) {
			run(im, plain, "-type", "Grayscale", "-compress", "Zip", out)
		}},
		{"JPEG suelto (ImageMagick)", "pagina.jpg", "", true, func(out string) {
			run(im, plain+"[1]", "-quality", "70", out)
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			path := filepath.Join(dir, c.file)
			c.make(path)
			if c.info != "" {
				if info := run("tiffinfo", path); !strings.Contains(string(info), c.info) {
					t.Fatalf("tiffinfo does not say %q:\n%.600s", c.info, info)
				}
			}
			src, err := ocr.Sources(context.Background(), []string{path}, ocr.SourceOptions{})
			if err != nil || len(src) == 0 {
				t.Fatalf("%d pages, %v", len(src), err)
			}
			for _, s := range src {
				want := pgm(t, run(im, fmt.Sprintf("%s[%d]", path, s.Index-1), "-colorspace", "Gray", "-depth", "8", "pgm:-"))
				if _, err := ocr.FastGray(s, ocr.DefaultMaxPixels); (err == nil) != c.jpeg {
					t.Errorf("page %d: LoadGray's JPEG path: %v", s.Index, err)
				}
				for _, load := range []struct {
					name string
					f    func(context.Context, int) (image.Image, int, error)
				}{{"Load", s.Load}, {"LoadGray", s.LoadGray}} {
					img, _, err := load.f(context.Background(), ocr.DefaultMaxPixels)
					if err != nil {
						t.Errorf("page %d: %s: %v", s.Index, load.name, err)
						continue
					}
					got := image.NewGray(img.Bounds())
					draw.Draw(got, got.Rect, img, img.Bounds().Min, draw.Src)
					if got.Rect != want.Rect {
						t.Errorf("page %d: %s: %v, ImageMagick reads %v", s.Index, load.name, got.Rect, want.Rect)
						continue
					}
					off, worst, sum := 0, 0, 0
					for i, v := range got.Pix {
						d := int(v) - int(want.Pix[i])
						d = max(d, -d)
						if d > 0 {
							off++
						}
						worst, sum = max(worst, d), sum+d
					}
					mean := float64(sum) / float64(len(got.Pix))
					if !c.jpeg && off > 0 || worst > 2 || mean > 0.1 {
						t.Errorf("page %d: %s: %d pixels differ from ImageMagick's (at most by %d, %.4f on average)", s.Index, load.name, off, worst, mean)
					}
				}
			}
		})
	}
	// A JPEG page whose strips are damaged: the fast path refuses it and
	// LoadGray says what Load says.
	good := filepath.Join(dir, "jpeg-rgb.tif")
	src, err := ocr.Sources(context.Background(), []string{good}, ocr.SourceOptions{})
	if err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(good)
	if err != nil {
		t.Fatal(err)
	}
	from, to := src[0].IFD, src[1].IFD // the second page's strips, written before its IFD
	for i := from + (to-from)/3; i < from+(to-from)/2; i++ {
		b[i] = 0xFF
	}
	s := src[1]
	s.File = write(t, "danado.tif", b)
	if _, err := ocr.FastGray(s, ocr.DefaultMaxPixels); err == nil {
		t.Error("damaged page: the fast path read it")
	}
	_, _, want := s.Load(context.Background(), ocr.DefaultMaxPixels)
	_, _, got := s.LoadGray(context.Background(), ocr.DefaultMaxPixels)
	if want == nil || got == nil || got.Error() != want.Error() {
		t.Errorf("damaged page: LoadGray says %v, Load %v", got, want)
	}
}

// pgm reads ImageMagick's binary PGM.
func pgm(t *testing.T, b []byte) *image.Gray {
	t.Helper()
	var w, h, maxv int
	n, err := fmt.Sscanf(string(b), "P5\n%d %d\n%d", &w, &h, &maxv)
	if err != nil || n != 3 || maxv != 255 || len(b) < w*h {
		t.Fatalf("not an 8-bit PGM: %v %.20q", err, b)
	}
	g := image.NewGray(image.Rect(0, 0, w, h))
	copy(g.Pix, b[len(b)-w*h:])
	return g
}
