package yamldoc_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/cipro-ine/mpp/manuals"
	"github.com/cipro-ine/mpp/manuals/yamldoc"
)

// FuzzDecode: any bytes, read as each of the expediente's documents, either
// decode or give Spanish errors that name the file; what decodes encodes to
// YAML that decodes again to the same encoding.
func FuzzDecode(f *testing.F) {
	for _, dir := range []string{"../../examples/H.4.05", "../../examples/S.5.01", "../../testdata/corpus"} {
		files, _ := filepath.Glob(filepath.Join(dir, "*.yaml"))
		for _, p := range files {
			if b, err := os.ReadFile(p); err == nil && len(b) < 64<<10 {
				f.Add(b)
			}
		}
	}
	f.Add([]byte("a: &a [1]\nb: *a\n"))
	docs := []func() any{
		func() any { return &manuals.Manual{} },
		func() any { return &manuals.Acuerdo{} },
		func() any { return &manuals.Dictamen{} },
		func() any { return &manuals.Certificacion{} },
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, doc := range docs {
			v := doc()
			err := yamldoc.Decode("f.yaml", data, v)
			if err != nil {
				var list yamldoc.ErrorList
				if !errors.As(err, &list) || len(list) == 0 {
					t.Fatalf("not an ErrorList: %v", err)
				}
				for _, e := range list {
					if e.File != "f.yaml" || e.Msg == "" || e.Line < 0 {
						t.Fatalf("error without its place: %+v", e)
					}
				}
				continue
			}
			out, err := yamldoc.Encode(v)
			if err != nil {
				t.Fatalf("decoded but does not encode: %v", err)
			}
			w := doc()
			if err := yamldoc.Decode("g.yaml", out, w); err != nil {
				t.Fatalf("its own encoding does not decode: %v\n%s", err, out)
			}
			again, _ := yamldoc.Encode(w)
			if !bytes.Equal(out, again) {
				t.Fatalf("encoding not stable:\n%s\n---\n%s", out, again)
			}
		}
	})
}
