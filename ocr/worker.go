package ocr

import (
	"bufio"
	"context"
	"encoding/gob"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"
)

// workerEnv marks a process started by Batch as an OCR worker.
const workerEnv = "MPP_OCR_TRABAJADOR"

// FaultEnv makes a worker fail on purpose, for the fault tests: a list such
// as "3:salir,5:colgar" makes the worker that gets page 3 of the batch exit
// at once and the one that gets page 5 hang. Only workers read it.
const FaultEnv = "MPP_OCR_FALLA"

// ServeWorker turns this process into an OCR worker when Batch started it
// as one: it serves pages over stdin and stdout and exits. Otherwise it
// returns at once. A program that calls Batch calls ServeWorker first thing
// in main (tests, in TestMain).
func ServeWorker() {
	if os.Getenv(workerEnv) != "1" {
		return
	}
	os.Exit(serve(os.Stdin, os.Stdout))
}

// The protocol, gob over the worker's stdin and stdout: Batch sends the
// Options, the worker answers a hello (the engine started, or why not),
// then one reply for each request, in turn.
type (
	hello struct {
		Err    string
		NoLang bool // the error is ErrNoLanguage
	}
	request struct {
		Number int // in the batch, from 1
		Source Source
	}
	reply struct {
		Page Page
		Err  string
	}
)

func serve(in io.Reader, out io.Writer) int {
	dec := gob.NewDecoder(bufio.NewReader(in))
	bw := bufio.NewWriter(out)
	enc := gob.NewEncoder(bw)
	send := func(v any) bool { return enc.Encode(v) == nil && bw.Flush() == nil }
	var o Options
	if dec.Decode(&o) != nil {
		return 2
	}
	if os.Getenv("GOGC") == "" {
		// The Go heap of a worker is one page at a time (some 30 MB at
		// 300 dpi): collect before it doubles. 144 → 121 MB a worker.
		debug.SetGCPercent(25)
	}
	e, err := NewEngine(o)
	if err != nil {
		send(hello{Err: err.Error(), NoLang: errors.Is(err, ErrNoLanguage)})
		return 0
	}
	defer e.Close()
	if !send(hello{}) {
		return 2
	}
	faults := parseFaults(os.Getenv(FaultEnv))
	for {
		var r request
		if dec.Decode(&r) != nil {
			return 0 // Batch is done with this worker
		}
		switch faults[r.Number] {
		case "salir":
			return 3
		case "colgar":
			select {}
		}
		rep := reply{}
		img, dpi, err := r.Source.LoadGray(context.Background(), o.MaxPixels)
		if err == nil {
			rep.Page, err = e.PageAt(img, r.Number, dpi)
		}
		if err != nil {
			rep.Err = err.Error()
		}
		if !send(rep) {
			return 2
		}
	}
}

func parseFaults(s string) map[int]string {
	m := map[int]string{}
	for _, f := range strings.Split(s, ",") {
		n, what, ok := strings.Cut(strings.TrimSpace(f), ":")
		if i, err := strconv.Atoi(n); ok && err == nil {
			m[i] = what
		}
	}
	return m
}

// worker is one worker process, seen from Batch.
type worker struct {
	cmd     *exec.Cmd
	stdin   io.WriteCloser
	enc     *gob.Encoder
	replies chan reply // closed when the worker's output ends
	stderr  *tail
	served  int
	once    sync.Once
}

// startWorker starts a worker process (this same program, marked by
// workerEnv) with Tesseract limited to one OpenMP thread and its temporary
// files in tmp.
func startWorker(o Options, tmp string) (*worker, error) {
	exe, err := os.Executable()
	if err != nil {
		return nil, err
	}
	// The argument only matters to a program that forgot ServeWorker: a
	// test binary then runs no test (and the hello below fails).
	cmd := exec.Command(exe, "-test.run=^$")
	cmd.Env = append(os.Environ(), workerEnv+"=1", OMPLimitVar+"=1", "TMPDIR="+tmp)
	if os.Getenv("MALLOC_ARENA_MAX") == "" {
		// Tesseract runs on whichever thread cgo gives it, and glibc keeps
		// an arena for each such thread that it never gives back: a worker
		// peaked at 249 MB with the default, 144 MB with one arena, with
		// no loss of speed (BENCHMARKS.md).
		cmd.Env = append(cmd.Env, "MALLOC_ARENA_MAX=1")
	}
	// Its own process group, so a kill takes pdftoppm with it; and killed
	// if mpp dies.
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGKILL}
	w := &worker{cmd: cmd, stderr: &tail{}, replies: make(chan reply, 1)}
	cmd.Stderr = w.stderr
	if w.stdin, err = cmd.StdinPipe(); err != nil {
		return nil, err
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("no se pudo iniciar el proceso de OCR: %v", err)
	}
	w.enc = gob.NewEncoder(w.stdin)
	dec := gob.NewDecoder(bufio.NewReader(stdout))
	var h hello
	if err := w.enc.Encode(o); err == nil {
		err = dec.Decode(&h)
	}
	if err != nil {
		close(w.replies)
		return nil, w.died(err)
	}
	if h.Err != "" {
		close(w.replies)
		w.kill()
		if h.NoLang {
			return nil, fmt.Errorf("%w%s", ErrNoLanguage, strings.TrimPrefix(h.Err, ErrNoLanguage.Error()))
		}
		return nil, errors.New(h.Err)
	}
	go func() {
		defer close(w.replies)
		for {
			var r reply
			if dec.Decode(&r) != nil {
				return
			}
			w.replies <- r
		}
	}()
	return w, nil
}

// page has the worker recognise one page. alive is false when the worker
// had to be killed (time limit, cancelled) or died: Batch starts another.
func (w *worker) page(ctx context.Context, number int, s Source, timeout time.Duration) (p Page, alive bool, err error) {
	if err := w.enc.Encode(request{Number: number, Source: s}); err != nil {
		return Page{}, false, w.died(err)
	}
	t := time.NewTimer(timeout)
	defer t.Stop()
	select {
	case r, ok := <-w.replies:
		if !ok {
			return Page{}, false, w.died(nil)
		}
		w.served++
		if r.Err != "" {
			return Page{}, true, errors.New(r.Err)
		}
		return r.Page, true, nil
	case <-t.C:
		w.kill()
		return Page{}, false, fmt.Errorf("%w: la página tardó más de %s y se detuvo (--limite-pagina)", ErrPageTimeout, timeout)
	case <-ctx.Done():
		w.kill()
		return Page{}, false, ctx.Err()
	}
}

// died reaps a worker that stopped answering and says how it ended.
func (w *worker) died(cause error) error {
	w.kill()
	msg := "el proceso de OCR terminó de forma inesperada"
	var st syscall.WaitStatus
	ok := false
	if w.cmd.ProcessState != nil {
		st, ok = w.cmd.ProcessState.Sys().(syscall.WaitStatus)
	}
	switch {
	case ok && st.Signaled():
		msg += fmt.Sprintf(" (señal %v)", st.Signal())
	case ok && st.Exited() && st.ExitStatus() != 0:
		msg += fmt.Sprintf(" (estado %d)", st.ExitStatus())
	case cause != nil:
		msg += fmt.Sprintf(" (%v)", cause)
	}
	if s := w.stderr.String(); s != "" {
		msg += ": " + s
	}
	return errors.New(msg)
}

// kill stops the worker and anything it started at once, and reaps it.
func (w *worker) kill() { w.stop(0) }

// close lets the worker finish (its input ends, so it exits) and reaps it;
// one that does not exit in a few seconds is killed.
func (w *worker) close() { w.stop(5 * time.Second) }

func (w *worker) stop(grace time.Duration) {
	w.once.Do(func() {
		killGroup := func() { _ = syscall.Kill(-w.cmd.Process.Pid, syscall.SIGKILL) }
		if grace == 0 {
			killGroup()
		}
		w.stdin.Close()
		t := time.AfterFunc(grace, killGroup)
		_ = w.cmd.Wait()
		t.Stop()
		go func() {
			for range w.replies { // let the reader goroutine finish
			}
		}()
	})
}

// tail keeps the last lines a worker wrote to stderr, for the message when
// it dies.
type tail struct {
	mu sync.Mutex
	b  []byte
}

func (t *tail) Write(p []byte) (int, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.b = append(t.b, p...)
	if len(t.b) > 2048 {
		t.b = append(t.b[:0], t.b[len(t.b)-1024:]...)
	}
	return len(p), nil
}

func (t *tail) String() string {
	t.mu.Lock()
	defer t.mu.Unlock()
	s := strings.TrimSpace(string(t.b))
	if i := strings.LastIndexByte(s, '\n'); i >= 0 && len(s) > 300 {
		s = s[i+1:]
	}
	return s
}
