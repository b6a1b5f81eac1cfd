package main

import (
	"os"
	"strconv"
	"syscall"
	"testing"

	"github.com/cipro-ine/mpp/ocr"
)

// TestMain lets the test binary serve as the OCR worker that «mpp ocr»
// starts (the workers are this same program), as main does.
func TestMain(m *testing.M) {
	ocr.ServeWorker()
	// The test binary is also mpp itself, for the tests that need a real
	// process (signals): see mppProcess.
	if os.Getenv(mainEnv) == "1" {
		os.Unsetenv(mainEnv)
		if n, err := strconv.ParseUint(os.Getenv(fileSizeEnv), 10, 64); err == nil {
			lim := syscall.Rlimit{Cur: n, Max: n}
			var cur syscall.Rlimit
			if syscall.Getrlimit(syscall.RLIMIT_FSIZE, &cur) == nil {
				lim.Max = cur.Max
			}
			if err := syscall.Setrlimit(syscall.RLIMIT_FSIZE, &lim); err != nil {
				os.Exit(99)
			}
		}
		os.Exit(run(os.Args[1:], systemStreams()))
	}
	os.Exit(m.Run())
}

const mainEnv = "MPP_TEST_RUN_MAIN"

// fileSizeEnv, with mainEnv, sets the file-size limit (RLIMIT_FSIZE) of
// that process, in bytes.
const fileSizeEnv = "MPP_TEST_FSIZE"

// skipHeavyOCR skips whole-page recognition under «go test -short», for a
// quick local loop; the README's test command and .ci/run run everything.
func skipHeavyOCR(t *testing.T) {
	t.Helper()
	if testing.Short() {
		t.Skip("whole-page OCR: run without -short")
	}
}
