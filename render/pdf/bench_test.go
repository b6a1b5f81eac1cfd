package pdf

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cipro-ine/mpp/manuals"
	"github.com/cipro-ine/mpp/manuals/synth"
	"github.com/cipro-ine/mpp/manuals/yamldoc"
	"github.com/cipro-ine/mpp/render/blocks"
)

func BenchmarkManual(b *testing.B) {
	h405, err := manuals.LoadExpediente("../../examples/H.4.05")
	if err != nil {
		b.Fatal(err)
	}
	for _, c := range []struct {
		name string
		e    *manuals.Expediente
	}{{"H.4.05", h405}, {"200-actividades", &manuals.Expediente{Manual: synth.ManualWithActivities(5, 200)}}} {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				if err := Manual(io.Discard, c.e, Options{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// TestWriteManualBench writes, for bench/pdf.sh, the 200-activity expediente
// and the same manual as Markdown for pandoc (only with MPP_BENCH_OUT).
func TestWriteManualBench(t *testing.T) {
	dir := os.Getenv("MPP_BENCH_OUT")
	if dir == "" {
		t.Skip("MPP_BENCH_OUT not set")
	}
	e := &manuals.Expediente{Manual: synth.ManualWithActivities(5, 200)}
	y, err := yamldoc.Encode(e.Manual)
	if err != nil {
		t.Fatal(err)
	}
	os.MkdirAll(filepath.Join(dir, "exp200"), 0o755)
	if err := os.WriteFile(filepath.Join(dir, "exp200", "manual.yaml"), y, 0o644); err != nil {
		t.Fatal(err)
	}
	bs, err := manualBlocks(e, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "manual200.md"), []byte(markdown(bs)), 0o644); err != nil {
		t.Fatal(err)
	}
}

// markdown writes the manual's blocks as Markdown, the same text and tables
// for pandoc; diagrams and the risk matrix have no Markdown equivalent.
func markdown(bs []blocks.Block) string {
	var b bytes.Buffer
	b.WriteString("---\nlang: es-MX\nmainfont: DejaVu Sans\ngeometry: margin=25mm\n---\n\n")
	for _, x := range bs {
		switch x.Tag {
		case "portada", "titulo":
			for _, l := range strings.Split(x.Text, "\n") {
				fmt.Fprintf(&b, "**%s**\n\n", l)
			}
		case "seccion":
			fmt.Fprintf(&b, "# %s\n\n", x.Text)
		case "subseccion":
			fmt.Fprintf(&b, "## %s\n\n", x.Text)
		case "parrafo", "negritas", "derecha", "elision", "ilustrativo":
			for _, l := range strings.Split(x.Text, "\n") {
				fmt.Fprintf(&b, "%s\n\n", l)
			}
		case "tabla":
			rows := strings.Split(x.Text, "\n")
			for i, r := range rows {
				cells := strings.Split(r, "\t")
				fmt.Fprintf(&b, "| %s |\n", strings.Join(cells, " | "))
				if i == 0 {
					fmt.Fprintf(&b, "|%s\n", strings.Repeat("---|", len(cells)))
				}
			}
			b.WriteString("\n")
		case "indice":
			b.WriteString("\\tableofcontents\n\n")
		case "nuevapagina":
			b.WriteString("\\newpage\n\n")
		}
	}
	return b.String()
}
