package ocr

import (
	"context"
	"fmt"
	"runtime"
	"sync"
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

// Batch recognises pages in parallel: one Tesseract per worker (workers
// ≤ 0 means one per core), each page loaded when a worker takes it, the
// results in page order whatever order they finish in. progress, if not
// nil, is called after each page with the pages done.
func Batch(ctx context.Context, pages []Source, o Options, workers int, progress func(done int)) ([]Page, []PageError, error) {
	if workers <= 0 {
		workers = runtime.NumCPU()
	}
	workers = max(1, min(workers, len(pages)))
	engines := make([]*Engine, workers)
	for i := range engines {
		e, err := NewEngine(o)
		if err != nil {
			for _, x := range engines[:i] {
				x.Close()
			}
			return nil, nil, err
		}
		engines[i] = e
	}
	defer func() {
		for _, e := range engines {
			e.Close()
		}
	}()
	out := make([]Page, len(pages))
	errs := make([]error, len(pages))
	next := make(chan int)
	var wg sync.WaitGroup
	var mu sync.Mutex
	done := 0
	for _, e := range engines {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				img, err := pages[i].Load(ctx)
				if err == nil {
					out[i], err = e.Page(img, i+1)
				}
				errs[i] = err
				if progress != nil {
					mu.Lock()
					done++
					progress(done)
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
