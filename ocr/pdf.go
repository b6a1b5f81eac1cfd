package ocr

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"image"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
)

// A scanned PDF is normally one image per page. mpp takes that image out
// as it is (pdfimages, from poppler-utils), at the resolution it was
// scanned at: no resampling, and a 200 dpi scan is read at 200 dpi. A page
// that is anything else (text, several images, an image that does not
// cover the page or is turned) is rasterised with pdftoppm at the
// requested resolution.

// pdfPage is what pdfinfo and pdfimages -list say about one page.
type pdfPage struct {
	w, h   float64 // points
	rot    int
	images []pdfImage
}

type pdfImage struct {
	w, h       int
	xppi, yppi float64
}

// pdfSources lists the pages of a PDF and how each is to be loaded.
func pdfSources(ctx context.Context, path string, dpi, maxPages int) ([]Source, error) {
	n, err := pdfPages(ctx, path)
	if err != nil {
		return nil, err
	}
	if n > maxPages {
		return nil, fmt.Errorf("%s: %w: el PDF tiene %d páginas, el límite es %d (--max-paginas)", path, ErrTooManyPages, n, maxPages)
	}
	pages, err := pdfLayout(ctx, path, n)
	if err != nil {
		return nil, err
	}
	out := make([]Source, n)
	for i, pg := range pages {
		s := Source{File: path, Index: i + 1, Kind: kindPDF, DPI: dpi}
		// Rasterising decodes every image on the page: the largest counts.
		s.Pixels = int64(math.Ceil(pg.w/72*float64(dpi))) * int64(math.Ceil(pg.h/72*float64(dpi)))
		for _, im := range pg.images {
			s.Pixels = max(s.Pixels, int64(im.w)*int64(im.h))
		}
		if len(pg.images) == 1 && pg.rot == 0 {
			im := pg.images[0]
			// The image covers the page (within 3 %), upright, square pixels.
			if im.xppi > 0 && math.Abs(im.xppi-im.yppi) < 0.02*im.xppi &&
				math.Abs(float64(im.w)/im.xppi*72-pg.w) < 0.03*pg.w && math.Abs(float64(im.h)/im.yppi*72-pg.h) < 0.03*pg.h {
				s.Kind, s.DPI, s.Pixels = kindPDFImage, int(math.Round(im.xppi)), int64(im.w)*int64(im.h)
			}
		}
		out[i] = s
	}
	return out, nil
}

// pdfLayout reads each page's size and rotation (pdfinfo) and its images
// (pdfimages -list).
func pdfLayout(ctx context.Context, path string, n int) ([]pdfPage, error) {
	pages := make([]pdfPage, n)
	info, err := poppler(ctx, "pdfinfo", "-f", "1", "-l", strconv.Itoa(n), path)
	if err != nil {
		return nil, fmt.Errorf("%s: PDF ilegible: %v", path, err)
	}
	sc := bufio.NewScanner(bytes.NewReader(info))
	for sc.Scan() {
		// "Page    2 size:  612 x 792 pts (letter)", "Page    2 rot:   0"
		f := strings.Fields(sc.Text())
		if len(f) < 4 || f[0] != "Page" {
			continue
		}
		i, err := strconv.Atoi(f[1])
		if err != nil || i < 1 || i > n {
			continue
		}
		switch f[2] {
		case "size:":
			if len(f) >= 6 {
				pages[i-1].w, _ = strconv.ParseFloat(f[3], 64)
				pages[i-1].h, _ = strconv.ParseFloat(f[5], 64)
			}
		case "rot:":
			pages[i-1].rot, _ = strconv.Atoi(f[3])
		}
	}
	list, err := poppler(ctx, "pdfimages", "-list", path)
	if err != nil {
		return nil, fmt.Errorf("%s: PDF ilegible: %v", path, err)
	}
	// page num type width height color comp bpc enc interp object ID x-ppi y-ppi size ratio
	sc = bufio.NewScanner(bytes.NewReader(list))
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) < 14 || f[2] != "image" {
			continue // the header, and smask or stencil rows
		}
		i, err := strconv.Atoi(f[0])
		if err != nil || i < 1 || i > n {
			continue
		}
		var im pdfImage
		im.w, _ = strconv.Atoi(f[3])
		im.h, _ = strconv.Atoi(f[4])
		im.xppi, _ = strconv.ParseFloat(f[12], 64)
		im.yppi, _ = strconv.ParseFloat(f[13], 64)
		pages[i-1].images = append(pages[i-1].images, im)
	}
	return pages, nil
}

// poppler runs a poppler-utils tool and returns its output; its error
// carries the tool's own message.
func poppler(ctx context.Context, tool string, args ...string) ([]byte, error) {
	cmd := exec.CommandContext(ctx, tool, args...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			return nil, fmt.Errorf("%s", firstLine(stderr.String(), err.Error()))
		}
		return nil, fmt.Errorf("%w: hace falta %s (sudo apt-get install poppler-utils)", ErrMissingTool, tool)
	}
	return out, nil
}

func firstLine(s, otherwise string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return otherwise
	}
	line, _, _ := strings.Cut(s, "\n")
	return line
}

// extractImage takes the single image of a PDF page out with pdfimages
// (as an uncompressed TIFF, which is fast to write and to read).
func extractImage(ctx context.Context, path string, page, maxPixels int) (image.Image, error) {
	dir, err := os.MkdirTemp("", "mpp-pagina-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	n := strconv.Itoa(page)
	if _, err := poppler(ctx, "pdfimages", "-tiff", "-f", n, "-l", n, path, filepath.Join(dir, "p")); err != nil {
		return nil, fmt.Errorf("pdfimages: %v", err)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "p-*"))
	if len(files) != 1 {
		return nil, fmt.Errorf("pdfimages sacó %d imágenes de la página, se esperaba una", len(files))
	}
	img, err := decodeTIFFPage(files[0], 0, 0, maxPixels)
	if err != nil {
		return nil, err
	}
	return uninvert(img), nil
}

// uninvert turns a page that is mostly dark into dark on light: pdfimages
// writes image data as stored, without the PDF's Decode array, so a
// bilevel scan can come out inverted. A printed acuerdo is never light on
// dark.
func uninvert(img image.Image) image.Image {
	g, ok := img.(*image.Gray)
	if !ok {
		return img
	}
	var sum int64
	w, h := g.Rect.Dx(), g.Rect.Dy()
	for y := 0; y < h; y += 4 {
		row := g.Pix[y*g.Stride : y*g.Stride+w]
		for x := 0; x < w; x += 4 {
			sum += int64(row[x])
		}
	}
	if samples := int64((w+3)/4) * int64((h+3)/4); samples > 0 && sum/samples < 96 {
		for y := 0; y < h; y++ {
			row := g.Pix[y*g.Stride : y*g.Stride+w]
			for x := range row {
				row[x] = 255 - row[x]
			}
		}
	}
	return g
}

// refuseText fails with ErrHasText when every page of a PDF has a text
// layer (pdftotext finds text on it): such a PDF was born digital, and its
// text is better read than recognised.
func refuseText(ctx context.Context, path string, pages []Source) error {
	if len(pages) == 0 || pages[0].Kind != kindPDF && pages[0].Kind != kindPDFImage {
		return nil
	}
	out, err := poppler(ctx, "pdftotext", "-q", "-enc", "UTF-8", path, "-")
	if err != nil {
		return nil // not this check's to report: recognition will say
	}
	texts := strings.Split(string(out), "\f")
	withText := 0
	for _, t := range texts {
		if len(strings.Join(strings.Fields(t), "")) >= 20 {
			withText++
		}
	}
	if withText < len(pages) {
		return nil
	}
	return fmt.Errorf("%s: %w en sus %d páginas (no es un escaneo): léalo con «pdftotext -layout», o use --forzar-ocr para reconocerlo de todos modos", path, ErrHasText, len(pages))
}
