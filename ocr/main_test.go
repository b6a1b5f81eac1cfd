package ocr_test

import (
	"fmt"
	"os"
	"syscall"
	"testing"

	"github.com/cipro-ine/mpp/ocr"
)

func TestMain(m *testing.M) {
	ocr.ServeWorker() // Batch's workers are this test binary
	// The tests that run an Engine in this process need the OpenMP limit,
	// which Tesseract reads before main: run the tests again with it set.
	if os.Getenv(ocr.OMPLimitVar) == "" {
		exe, err := os.Executable()
		if err == nil {
			err = syscall.Exec(exe, os.Args, append(os.Environ(), ocr.OMPLimitVar+"=1"))
		}
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	os.Exit(m.Run())
}

func TestSingleThreaded(t *testing.T) {
	if os.Getenv(ocr.OMPLimitVar) == "" {
		t.Errorf("%s is not set in the test process", ocr.OMPLimitVar)
	}
}

// skipHeavyOCR skips whole-page recognition under «go test -short», for a
// quick local loop; the README's test command and .ci/run run everything.
func skipHeavyOCR(t *testing.T) {
	t.Helper()
	if testing.Short() {
		t.Skip("whole-page OCR: run without -short")
	}
}
