package ocr_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/cipro-ine/mpp/ocr"
	"github.com/cipro-ine/mpp/ocr/scan"
)

// shortPages writes a PDF of n pages, page i reading "Hoja número i del
// acuerdo", and returns its sources.
func shortPages(t *testing.T, n int) []ocr.Source {
	t.Helper()
	pages, err := scan.Sheets(n, 150)
	if err != nil {
		t.Fatal(err)
	}
	b, err := scan.PDF(pages)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "hojas.pdf")
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	src, err := ocr.Sources(context.Background(), []string{path}, ocr.SourceOptions{DPI: 150})
	if err != nil {
		t.Fatal(err)
	}
	return src
}

// checkPages asserts that every page but the failed ones came out, in
// order, with its own text.
func checkPages(t *testing.T, got []ocr.Page, failed map[int]bool) {
	t.Helper()
	for i, p := range got {
		want := fmt.Sprintf("Hoja número %d del", i+1)
		if p.Number != i+1 {
			t.Errorf("page %d numbered %d", i+1, p.Number)
		}
		if failed[i+1] {
			if p.Text != "" {
				t.Errorf("failed page %d has text %q", i+1, p.Text)
			}
		} else if !strings.Contains(p.Text, want) {
			t.Errorf("page %d: %q, want %q", i+1, p.Text, want)
		}
	}
}

func failedNumbers(errs []ocr.PageError) map[int]bool {
	m := map[int]bool{}
	for _, e := range errs {
		m[e.Number] = true
	}
	return m
}

// Workers are replaced every PagesPerWorker pages; the results stay in
// order.
func TestBatchRecyclesWorkers(t *testing.T) {
	skipHeavyOCR(t)
	src := shortPages(t, 5)
	got, failed, err := ocr.Batch(context.Background(), src, ocr.Options{DPI: 150}, ocr.BatchOptions{Workers: 2, PagesPerWorker: 1})
	if err != nil || len(failed) > 0 {
		t.Fatal(err, failed)
	}
	checkPages(t, got, nil)
}

// A worker that dies mid-batch takes only its page: the others come out,
// in order, and the failed page is named with how its worker ended.
func TestBatchWorkerDies(t *testing.T) {
	src := shortPages(t, 5)
	t.Setenv(ocr.FaultEnv, "2:salir,4:salir")
	got, failed, err := ocr.Batch(context.Background(), src, ocr.Options{DPI: 150}, ocr.BatchOptions{Workers: 2})
	if err != nil {
		t.Fatal(err)
	}
	if len(failed) != 2 || failed[0].Number != 2 || failed[1].Number != 4 {
		t.Fatalf("failed: %v", failed)
	}
	for _, f := range failed {
		if f.Index != f.Number || !strings.Contains(f.Error(), "hojas.pdf") || !strings.Contains(f.Err.Error(), "terminó de forma inesperada (estado 3)") {
			t.Errorf("report: %v", f)
		}
	}
	checkPages(t, got, failedNumbers(failed))
}

// A page that takes longer than the limit is stopped (its worker killed)
// and named; the batch goes on.
func TestBatchPageTimeout(t *testing.T) {
	src := shortPages(t, 4)
	// The limit is set from what a page takes on this machine now (under
	// -race and a loaded CI the same page takes several times as long), with
	// a wide margin: only the hung page may reach it.
	measure := time.Now()
	if _, failed, err := ocr.Batch(context.Background(), src[:1], ocr.Options{DPI: 150}, ocr.BatchOptions{Workers: 1}); err != nil || len(failed) > 0 {
		t.Fatalf("a normal page: %v %v", err, failed)
	}
	limit := max(10*time.Second, 6*time.Since(measure)).Round(time.Second)
	t.Setenv(ocr.FaultEnv, "3:colgar")
	start := time.Now()
	got, failed, err := ocr.Batch(context.Background(), src, ocr.Options{DPI: 150}, ocr.BatchOptions{Workers: 2, PageTimeout: limit})
	if err != nil {
		t.Fatal(err)
	}
	if len(failed) != 1 || failed[0].Number != 3 || !errors.Is(failed[0].Err, ocr.ErrPageTimeout) {
		t.Fatalf("failed (limit %s): %v", limit, failed)
	}
	if !strings.Contains(failed[0].Error(), "tardó más de "+limit.String()) {
		t.Errorf("message: %v", failed[0])
	}
	checkPages(t, got, failedNumbers(failed))
	if el := time.Since(start); el > 4*limit {
		t.Errorf("the hung page held the batch for %s (limit %s)", el, limit)
	}
}

// Missing language data stops the batch before any page, with the apt-get
// line that installs it.
func TestBatchMissingData(t *testing.T) {
	src := shortPages(t, 1)
	t.Setenv("TESSDATA_PREFIX", t.TempDir())
	_, _, err := ocr.Batch(context.Background(), src, ocr.Options{DPI: 150}, ocr.BatchOptions{Workers: 1})
	if !errors.Is(err, ocr.ErrNoLanguage) || !strings.Contains(err.Error(), "sudo apt-get install tesseract-ocr tesseract-ocr-spa") {
		t.Errorf("missing data: %v", err)
	}
}

// Cancelling (Ctrl-C) stops the workers and returns at once.
func TestBatchCancelled(t *testing.T) {
	src := shortPages(t, 3)
	t.Setenv(ocr.FaultEnv, "1:colgar,2:colgar,3:colgar")
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	_, _, err := ocr.Batch(ctx, src, ocr.Options{DPI: 150}, ocr.BatchOptions{Workers: 2})
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("cancelled batch: %v", err)
	}
}

// A batch removes the temporary folder (with its page images) that an mpp
// killed outright left behind, and leaves those of running ones alone
// (issue 16, item 6).
func TestBatchSweepsStaleTemp(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	dead := exec.Command("true")
	if err := dead.Run(); err != nil {
		t.Fatal(err)
	}
	stale := filepath.Join(tmp, fmt.Sprintf("mpp-ocr-%d-123", dead.Process.Pid))
	live := filepath.Join(tmp, fmt.Sprintf("mpp-ocr-%d-456", os.Getppid()))
	for _, d := range []string{stale, live} {
		os.MkdirAll(filepath.Join(d, "mpp-pagina-1"), 0o755)
		os.WriteFile(filepath.Join(d, "mpp-pagina-1", "p-000.tif"), []byte("imagen de una página"), 0o644)
	}
	if _, _, err := ocr.Batch(context.Background(), shortPages(t, 1), ocr.Options{DPI: 150}, ocr.BatchOptions{Workers: 1}); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(stale); err == nil {
		t.Error("the dead mpp's temporary folder is still there")
	}
	if _, err := os.Stat(live); err != nil {
		t.Error("a running mpp's temporary folder was removed")
	}
	if left, _ := filepath.Glob(filepath.Join(tmp, "mpp-ocr-*")); len(left) != 1 {
		t.Errorf("left: %v", left)
	}
}
