package ocr_test

import (
	"fmt"
	"os"
	"testing"

	"github.com/cipro-ine/mpp/ocr"
)

func TestMain(m *testing.M) {
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
