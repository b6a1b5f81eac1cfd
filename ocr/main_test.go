package ocr_test

import (
	"fmt"
	"os"
	"testing"

	"github.com/cipro-ine/mpp/ocr"
)

func TestMain(m *testing.M) {
	ocr.ServeWorker() // Batch's workers are this test binary
	// The tests that run an Engine in this process need the OpenMP limit.
	if err := ocr.SingleThreaded(); err != nil {
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
