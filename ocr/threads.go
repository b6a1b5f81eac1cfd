package ocr

// OMPLimitVar is the variable that keeps Tesseract's OpenMP to one thread.
// Measured here: with its default threads a page takes 14 s, with one 2.5 s
// (the threads spin in system time); mpp parallelises by page instead. The
// library reads it when it is loaded, before main runs, so it must be in
// the environment the process starts with: Batch starts its workers with
// it set.
const OMPLimitVar = "OMP_THREAD_LIMIT"
