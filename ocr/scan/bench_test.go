package scan

import (
	"maps"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Levels of degradation the OCR benchmark measures.
var levels = map[string]Options{
	"limpio":       {DPI: 300},
	"degradado":    {DPI: 300, Rotate: 1.5, Speckle: 0.00005, Blur: 1, Noise: 10, JPEGQuality: 50, Seed: 11},
	"muydegradado": {DPI: 300, Rotate: -2.5, Speckle: 0.0002, Blur: 2, Noise: 22, JPEGQuality: 30, Seed: 12},
}

// levels200 are the clean and degraded levels drawn at 200 dpi (with
// MPP_BENCH_200).
var levels200 = map[string]Options{
	"limpio200":    {DPI: 200},
	"degradado200": {DPI: 200, Rotate: 1.5, Speckle: 0.00005, Blur: 1, Noise: 10, JPEGQuality: 50, Seed: 13},
}

// TestWriteOCRBench writes, for bench/ocr.sh, both seeds as image-only PDFs
// at each level and the text drawn on them (only with MPP_BENCH_OUT).
func TestWriteOCRBench(t *testing.T) {
	dir := os.Getenv("MPP_BENCH_OUT")
	if dir == "" {
		t.Skip("MPP_BENCH_OUT not set")
	}
	for _, seed := range []string{"INE-JGE52-2022-cooperacion-internacional", "INE-JGE248-2022-gestion-portal-institucional"} {
		text, err := SeedText("../../testdata/seeds/"+seed+".txt", 1<<30)
		if err != nil {
			t.Fatal(err)
		}
		all := maps.Clone(levels)
		if os.Getenv("MPP_BENCH_200") != "" {
			maps.Copy(all, levels200)
		}
		for name, o := range all {
			pages, err := Pages(text, o)
			if err != nil {
				t.Fatal(err)
			}
			pdf, err := PDF(pages)
			if err != nil {
				t.Fatal(err)
			}
			var truth []string
			for _, p := range pages {
				truth = append(truth, p.Text)
			}
			base := filepath.Join(dir, seed[:strings.Index(seed[4:], "-")+4]+"-"+name)
			if err := os.WriteFile(base+".pdf", pdf, 0o644); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(base+".txt", []byte(strings.Join(truth, "\n")), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
}
