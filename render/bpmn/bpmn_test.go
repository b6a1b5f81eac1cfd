package bpmn_test

import (
	"bytes"
	"os"
	"testing"

	"github.com/cipro-ine/mpp/manuals"
	"github.com/cipro-ine/mpp/render/bpmn"
)

func load(t testing.TB, dir string) *manuals.Expediente {
	t.Helper()
	e, err := manuals.LoadExpediente(dir)
	if err != nil {
		t.Fatal(err)
	}
	return e
}

func TestDump(t *testing.T) {
	if os.Getenv("MPP_DUMP") == "" {
		t.Skip()
	}
	e := load(t, "../../examples/H.4.05")
	var b bytes.Buffer
	if err := bpmn.Procedure(&b, e.Manual, e.Manual.Procedures()[0], bpmn.Options{}); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(os.Getenv("MPP_DUMP"), b.Bytes(), 0o644)
}
