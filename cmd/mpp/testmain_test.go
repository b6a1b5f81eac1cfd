package main

import (
	"os"
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
		os.Exit(run(os.Args[1:], systemStreams()))
	}
	os.Exit(m.Run())
}

const mainEnv = "MPP_TEST_RUN_MAIN"

// skipHeavyOCR skips whole-page recognition under «go test -short», for a
// quick local loop; the README's test command and .ci/run run everything.
func skipHeavyOCR(t *testing.T) {
	t.Helper()
	if testing.Short() {
		t.Skip("whole-page OCR: run without -short")
	}
}
