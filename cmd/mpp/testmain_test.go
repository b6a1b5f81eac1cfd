package main

import (
	"fmt"
	"os"
	"testing"

	"github.com/cipro-ine/mpp/ocr"
)

// TestMain gives the test process the OpenMP limit that «mpp ocr» would
// otherwise set by executing itself again, which in a test binary would
// start the tests over.
func TestMain(m *testing.M) {
	if err := ocr.SingleThreaded(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	os.Exit(m.Run())
}
