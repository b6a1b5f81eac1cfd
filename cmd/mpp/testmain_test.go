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
