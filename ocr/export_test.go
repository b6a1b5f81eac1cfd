package ocr

import "image"

// FastGray is Source.LoadGray's fast path alone, for the tests to know it
// was taken.
var FastGray = Source.fastGray

// PreparedShaded says whether the page, prepared as the engine prepares
// it, is shaded (its lines are read inverted too).
func PreparedShaded(img image.Image, dpi int) bool {
	g := grayPage(img)
	prepare(g, dpi, Options{}.withDefaults())
	return shadedBands(g, dpi).any()
}
