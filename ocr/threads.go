package ocr

import (
	"os"
	"syscall"
)

// OMPLimitVar is the variable that keeps Tesseract's OpenMP to one thread.
// Measured here: with its default threads a page takes 14 s, with one 2.5 s
// (the threads spin in system time); mpp parallelises by page instead.
const OMPLimitVar = "OMP_THREAD_LIMIT"

// SingleThreaded makes sure Tesseract runs with one OpenMP thread. The
// library reads the variable when it is loaded, before main runs, so
// setting it from Go is too late: when it is missing, the program executes
// itself again with it set (the process is replaced; on success this
// function does not return). It returns an error only if that fails.
func SingleThreaded() error {
	if os.Getenv(OMPLimitVar) != "" {
		return nil
	}
	exe, err := os.Executable()
	if err != nil {
		return err
	}
	return syscall.Exec(exe, os.Args, append(os.Environ(), OMPLimitVar+"=1"))
}
