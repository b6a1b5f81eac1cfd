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
	os.Exit(m.Run())
}

// skipHeavyOCR skips whole-page recognition under «go test -short», for a
// quick local loop; the README's test command and .ci/run run everything.
func skipHeavyOCR(t *testing.T) {
	t.Helper()
	if testing.Short() {
		t.Skip("whole-page OCR: run without -short")
	}
}
