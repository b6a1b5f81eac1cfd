package ocr

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"
)

// PageError is a page that could not be read; the others still come out.
type PageError struct {
	Number int // page number in the whole batch, from 1
	File   string
	Index  int // page within its file
	Err    error
}

func (e PageError) Error() string {
	return fmt.Sprintf("página %d (%s, página %d): %v", e.Number, e.File, e.Index, e.Err)
}

// Defaults of BatchOptions.
const (
	// DefaultPageTimeout: a page takes 1–5 s here; one that takes minutes
	// is stuck, not slow.
	DefaultPageTimeout = 2 * time.Minute
	// DefaultPagesPerWorker bounds what a worker leaks: gosseract never
	// frees the result iterator and word strings Tesseract gives it (some
	// 0.4 MB a page, measured), so a worker is replaced after this many
	// pages. Starting one costs about 0.2 s.
	DefaultPagesPerWorker = 40
)

// ErrPageTimeout is a page that took longer than the limit.
var ErrPageTimeout = errors.New("tiempo agotado")

// BatchOptions configure a Batch.
type BatchOptions struct {
	Workers        int           // pages in parallel; ≤ 0: one per core
	PageTimeout    time.Duration // ≤ 0: DefaultPageTimeout
	PagesPerWorker int           // ≤ 0: DefaultPagesPerWorker
	// Progress, if not nil, is called after each page with the pages done.
	Progress func(done int)
}

// Batch recognises pages in parallel, each worker a process of this same
// program with its own Tesseract (see ServeWorker), each page loaded by the
// worker that takes it, the results in page order whatever order they
// finish in. Processes, not goroutines, because gosseract cannot stop a
// recognition or free what it leaks: a page over the time limit has its
// worker killed, a worker that dies takes only its page with it, and
// workers are replaced every PagesPerWorker pages so memory stays bounded.
// Failed pages come back as PageErrors (their Page is empty); the error is
// for the batch as a whole: no Tesseract language data, or cancelled.
func Batch(ctx context.Context, pages []Source, o Options, bo BatchOptions) ([]Page, []PageError, error) {
	o = o.withDefaults()
	workers := bo.Workers
	if workers <= 0 {
		workers = runtime.NumCPU()
	}
	workers = max(1, min(workers, len(pages)))
	if bo.PageTimeout <= 0 {
		bo.PageTimeout = DefaultPageTimeout
	}
	if bo.PagesPerWorker <= 0 {
		bo.PagesPerWorker = DefaultPagesPerWorker
	}
	// The workers' temporary files (page images taken out of PDFs) go in a
	// folder of the batch's, removed here whatever happens to them: a worker
	// killed by the time limit or by Ctrl-C cannot clean up after itself.
	sweepStaleTemp()
	tmp, err := os.MkdirTemp("", fmt.Sprintf("%s%d-", tempPrefix, os.Getpid()))
	if err != nil {
		return nil, nil, err
	}
	defer os.RemoveAll(tmp)
	// Start every worker first: missing language data is the batch's
	// error, not every page's. All at once: each spends a quarter of a
	// second loading Tesseract's model, on its own core.
	procs := make([]*worker, workers)
	startErrs := make([]error, workers)
	var started sync.WaitGroup
	for i := range procs {
		started.Go(func() { procs[i], startErrs[i] = startWorker(o, tmp) })
	}
	started.Wait()
	if err := firstErr(startErrs); err != nil { // all the same, as a rule
		for _, w := range procs {
			if w != nil {
				w.close()
			}
		}
		return nil, nil, err
	}
	out := make([]Page, len(pages))
	errs := make([]error, len(pages))
	next := make(chan int)
	var wg sync.WaitGroup
	var mu sync.Mutex
	done := 0
	for _, w := range procs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer func() {
				if w != nil {
					w.close()
				}
			}()
			for i := range next {
				var err error
				if w == nil {
					w, err = startWorker(o, tmp)
				}
				if err == nil {
					var alive bool
					out[i], alive, err = w.page(ctx, i+1, pages[i], bo.PageTimeout)
					if !alive {
						w = nil
					} else if w.served >= bo.PagesPerWorker {
						w.close()
						w = nil
					}
				}
				errs[i] = err
				if bo.Progress != nil {
					mu.Lock()
					done++
					bo.Progress(done)
					mu.Unlock()
				}
			}
		}()
	}
feed:
	for i := range pages {
		select {
		case next <- i:
		case <-ctx.Done():
			break feed
		}
	}
	close(next)
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, nil, err
	}
	var failed []PageError
	for i, err := range errs {
		if err != nil {
			failed = append(failed, PageError{Number: i + 1, File: pages[i].File, Index: pages[i].Index, Err: err})
			out[i] = Page{Number: i + 1}
		}
	}
	return out, failed, nil
}

// firstErr is the first of errs that is not nil.
func firstErr(errs []error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// tempPrefix names a batch's temporary folder, followed by the pid of the
// mpp that made it.
const tempPrefix = "mpp-ocr-"

// sweepStaleTemp removes the temporary folders of batches whose mpp is no
// longer running: one killed outright (SIGKILL) could not remove its own,
// and it holds page images of the scanned document.
func sweepStaleTemp() {
	dirs, _ := filepath.Glob(filepath.Join(os.TempDir(), tempPrefix+"*"))
	for _, d := range dirs {
		pidStr, _, ok := strings.Cut(strings.TrimPrefix(filepath.Base(d), tempPrefix), "-")
		pid, err := strconv.Atoi(pidStr)
		if !ok || err != nil || pid <= 0 || pid == os.Getpid() {
			continue
		}
		if err := syscall.Kill(pid, 0); errors.Is(err, syscall.ESRCH) {
			os.RemoveAll(d)
		}
	}
}
