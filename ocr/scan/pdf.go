package scan

import (
	"bytes"
	"fmt"
	"image/png"
	"time"

	"codeberg.org/go-pdf/fpdf"
)

// PDF makes an image-only PDF of the pages, as a photocopier would: one
// letter-size page per image, nothing but the image on it.
func PDF(pages []Page) ([]byte, error) {
	f := fpdf.New("P", "in", "Letter", "")
	f.SetCreationDate(time.Date(2022, 11, 24, 0, 0, 0, 0, time.UTC))
	f.SetCompression(true)
	for i, p := range pages {
		var b bytes.Buffer
		if err := png.Encode(&b, p.Image); err != nil {
			return nil, err
		}
		name := fmt.Sprintf("p%d", i+1)
		f.RegisterImageOptionsReader(name, fpdf.ImageOptions{ImageType: "PNG"}, &b)
		f.AddPage()
		f.ImageOptions(name, 0, 0, 8.5, 11, false, fpdf.ImageOptions{ImageType: "PNG"}, 0, "")
	}
	var out bytes.Buffer
	if err := f.Output(&out); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}
