package workbook_test

import (
	"archive/zip"
	"bytes"
	"errors"
	"testing"

	"github.com/cipro-ine/mpp/manuals"
	wb "github.com/cipro-ine/mpp/manuals/workbook"
	"github.com/cipro-ine/mpp/render/xlsx"
)

// FuzzRead: any bytes given to «mpp importar» either read as a manual or
// give errors; a workbook's cells are reported by sheet, row and column.
// The seeds are both examples' workbooks, whole and with one part of the
// zip dropped.
func FuzzRead(f *testing.F) {
	for _, code := range []string{"S.5.01", "H.4.05"} {
		e, err := manuals.LoadExpediente("../../examples/" + code)
		if err != nil {
			f.Fatal(err)
		}
		var b bytes.Buffer
		if err := xlsx.Expediente(&b, xlsx.Input{Exp: e}); err != nil {
			f.Fatal(err)
		}
		f.Add(b.Bytes())
		zr, err := zip.NewReader(bytes.NewReader(b.Bytes()), int64(b.Len()))
		if err != nil {
			f.Fatal(err)
		}
		for skip := range zr.File {
			var out bytes.Buffer
			zw := zip.NewWriter(&out)
			for i, zf := range zr.File {
				if i == skip {
					continue
				}
				w, _ := zw.Create(zf.Name)
				r, _ := zf.Open()
				var body bytes.Buffer
				body.ReadFrom(r)
				w.Write(body.Bytes())
			}
			zw.Close()
			f.Add(out.Bytes())
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		m, err := wb.Read(bytes.NewReader(data))
		if err != nil {
			var cells wb.Errors
			if errors.As(err, &cells) {
				for _, c := range cells {
					if c.Sheet == "" || c.Msg == "" {
						t.Fatalf("cell error without its place: %+v", c)
					}
				}
			}
			return
		}
		if m == nil {
			t.Fatal("no manual and no error")
		}
	})
}
