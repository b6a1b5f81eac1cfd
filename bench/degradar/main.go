// Command degradar scans pages with mpp's own degradation model (package
// ocr/scan, the one the synthetic OCR benchmarks use) applied to pages
// drawn by others: the third degradation model of the corpus benchmark
// (bench/ocr-corpus.sh), beside generar.py's ImageMagick pipeline and its
// 200 dpi bilevel scans.
//
//	go run ./bench/degradar -semilla N SALIDA.tif PAGINA.png...
//
// Each page (a gray PNG, as pdftoppm -gray -png gives it) is turned by an
// angle drawn from the seed within ±1.5°, blurred (radius 1), given
// Gaussian noise (σ 10 grey levels) and specks, and passed through JPEG at
// quality 50: the «degradado» level of ocr/scan. The TIFF is 8-bit grey,
// uncompressed, at the pages' resolution (-ppp).
package main

import (
	"flag"
	"fmt"
	"image"
	"image/draw"
	"image/png"
	"math/rand/v2"
	"os"

	"github.com/cipro-ine/mpp/ocr/scan"
)

func main() {
	seed := flag.Uint64("semilla", 1, "semilla de la degradación")
	dpi := flag.Int("ppp", 300, "resolución de las páginas")
	flag.Parse()
	if flag.NArg() < 2 {
		fmt.Fprintln(os.Stderr, "uso: degradar [-semilla N] [-ppp 300] SALIDA.tif PAGINA.png...")
		os.Exit(2)
	}
	out := flag.Arg(0)
	rng := rand.New(rand.NewPCG(*seed, 0xdeca))
	var pages []scan.Page
	for i, path := range flag.Args()[1:] {
		g, err := readGray(path)
		if err != nil {
			fmt.Fprintf(os.Stderr, "degradar: %s: %v\n", path, err)
			os.Exit(1)
		}
		o := scan.Options{Rotate: rng.Float64()*3 - 1.5, Speckle: 0.00005, Blur: 1, Noise: 10, JPEGQuality: 50, Seed: *seed*1000 + uint64(i)}
		if g, err = scan.Degrade(g, o); err != nil {
			fmt.Fprintf(os.Stderr, "degradar: %s: %v\n", path, err)
			os.Exit(1)
		}
		pages = append(pages, scan.Page{Image: g})
	}
	tmp := out + ".tmp"
	if err := os.WriteFile(tmp, scan.TIFF(pages, *dpi), 0o644); err != nil {
		fmt.Fprintln(os.Stderr, "degradar:", err)
		os.Exit(1)
	}
	if err := os.Rename(tmp, out); err != nil {
		fmt.Fprintln(os.Stderr, "degradar:", err)
		os.Exit(1)
	}
}

func readGray(path string) (*image.Gray, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		return nil, err
	}
	if g, ok := img.(*image.Gray); ok {
		return g, nil
	}
	g := image.NewGray(img.Bounds())
	draw.Draw(g, g.Bounds(), img, img.Bounds().Min, draw.Src)
	return g, nil
}
