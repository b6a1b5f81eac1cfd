package text_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/cipro-ine/mpp/manuals/diff"
	"github.com/cipro-ine/mpp/render/text"
)

func TestDiffColourAndPlain(t *testing.T) {
	long := strings.Repeat("palabra ", 30)
	c := diff.Change{Kind: diff.Modified, What: "descripción de la actividad", Where: "H.4.05.1.01 actividad 6",
		Path: "subprocesos[1].procedimientos[1].actividades[6].descripcion", Words: diff.Words(long+"en Internet.", long+"en el portal de Internet.")}
	r := diff.NewResult("manual", "a/manual.yaml", "b/manual.yaml", []diff.Change{c})
	var plain, colour bytes.Buffer
	if err := text.Diff(&plain, r, false); err != nil {
		t.Fatal(err)
	}
	if err := text.Diff(&colour, r, true); err != nil {
		t.Fatal(err)
	}
	p := plain.String()
	for _, w := range []string{"Descripción de la actividad modificada · H.4.05.1.01 actividad 6", "… palabra palabra", "en {+el portal de+} Internet."} {
		if !strings.Contains(p, w) {
			t.Errorf("plain lacks %q:\n%s", w, p)
		}
	}
	if strings.Contains(p, "\x1b[") || strings.Count(p, "palabra") > 8 {
		t.Errorf("plain output has escapes or the whole unchanged text:\n%s", p)
	}
	if !strings.Contains(colour.String(), "\x1b[4;32mel portal de\x1b[0m") || strings.Contains(colour.String(), "{+") {
		t.Errorf("colour output: %q", colour.String())
	}
}
