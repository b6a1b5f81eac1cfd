package ocr

// FastGray is Source.LoadGray's fast path alone, for the tests to know it
// was taken.
var FastGray = Source.fastGray
