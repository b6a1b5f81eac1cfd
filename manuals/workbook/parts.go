package workbook

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"strings"
)

// checkParts reads every XML part of the workbook through to its end, so
// that a part cut short or malformed is reported instead of read as fewer
// rows (excelize stops quietly at the first bad token). A worksheet is
// named by its sheet name.
func checkParts(data []byte) error {
	z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return ErrNotWorkbook
	}
	names := sheetNames(z)
	for _, f := range z.File {
		if !strings.HasSuffix(f.Name, ".xml") && !strings.HasSuffix(f.Name, ".rels") {
			continue
		}
		if err := wellFormed(f); err != nil {
			if name, ok := names[f.Name]; ok {
				return Errors{{Sheet: name, Row: 1, Msg: "la hoja está dañada (su XML está incompleto o mal formado); no se leyó ninguna fila de ella"}}
			}
			return fmt.Errorf("%w: la parte %s está dañada (XML incompleto o mal formado)", ErrNotWorkbook, f.Name)
		}
	}
	return nil
}

func wellFormed(f *zip.File) error {
	rc, err := f.Open()
	if err != nil {
		return err
	}
	defer rc.Close()
	d := xml.NewDecoder(io.LimitReader(rc, MaxUnzipped))
	for {
		if _, err := d.Token(); err != nil {
			if errors.Is(err, io.EOF) {
				return nil
			}
			return err
		}
	}
}

// sheetNames maps worksheet part paths to sheet names, from the
// workbook and its relationships.
func sheetNames(z *zip.Reader) map[string]string {
	var wb struct {
		Sheets []struct {
			Name string `xml:"name,attr"`
			ID   string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
		} `xml:"sheets>sheet"`
	}
	var rels struct {
		Rel []struct {
			ID     string `xml:"Id,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	decode := func(name string, v any) {
		for _, f := range z.File {
			if f.Name == name {
				if rc, err := f.Open(); err == nil {
					xml.NewDecoder(io.LimitReader(rc, 16<<20)).Decode(v)
					rc.Close()
				}
			}
		}
	}
	decode("xl/workbook.xml", &wb)
	decode("xl/_rels/workbook.xml.rels", &rels)
	target := map[string]string{}
	for _, r := range rels.Rel {
		t := r.Target
		if strings.HasPrefix(t, "/") {
			t = strings.TrimPrefix(t, "/")
		} else {
			t = path.Join("xl", t)
		}
		target[r.ID] = t
	}
	out := map[string]string{}
	for _, s := range wb.Sheets {
		if t, ok := target[s.ID]; ok {
			out[t] = s.Name
		}
	}
	return out
}
