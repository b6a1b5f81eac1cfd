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
)

// manual200 is a generated manual with exactly 200 activities.
func manual200() *manuals.Manual {
	for i := 0; ; i++ {
		m := synth.Manual(5, i)
		n := 0
		for _, p := range m.Procedures() {
			n += len(p.Actividades)
		}
		if n < 200 {
			continue
		}
		// Trim the last procedures' activities down to exactly 200.
		extra := n - 200
		for pi := len(m.Procedures()) - 1; extra > 0 && pi >= 0; pi-- {
			p := m.Procedures()[pi]
			cut := min(extra, len(p.Actividades)-8)
			p.Actividades = p.Actividades[:len(p.Actividades)-cut]
			last := &p.Actividades[len(p.Actividades)-1]
			last.Decision, last.Siguiente, last.Fin = nil, 0, true
			for k := range p.Actividades {
				if d := p.Actividades[k].Decision; d != nil {
					for x := range d.Salidas {
						if d.Salidas[x].Siguiente > len(p.Actividades) {
							d.Salidas[x].Siguiente = len(p.Actividades)
						}
					}
				}
			}
			extra -= cut
		}
		return m
	}
}

func BenchmarkManual(b *testing.B) {
	h405, err := manuals.LoadExpediente("../../examples/H.4.05")
	if err != nil {
		b.Fatal(err)
	}
	for _, c := range []struct {
		name string
		e    *manuals.Expediente
	}{{"H.4.05", h405}, {"200-actividades", &manuals.Expediente{Manual: manual200()}}} {
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
	e := &manuals.Expediente{Manual: manual200()}
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
func markdown(bs []block) string {
	var b bytes.Buffer
	b.WriteString("---\nlang: es-MX\nmainfont: DejaVu Sans\ngeometry: margin=25mm\n---\n\n")
	for _, x := range bs {
		switch x.tag {
		case "portada", "titulo":
			for _, l := range strings.Split(x.text, "\n") {
				fmt.Fprintf(&b, "**%s**\n\n", l)
			}
		case "seccion":
			fmt.Fprintf(&b, "# %s\n\n", x.text)
		case "subseccion":
			fmt.Fprintf(&b, "## %s\n\n", x.text)
		case "parrafo", "negritas", "derecha", "elision", "ilustrativo":
			for _, l := range strings.Split(x.text, "\n") {
				fmt.Fprintf(&b, "%s\n\n", l)
			}
		case "tabla":
			rows := strings.Split(x.text, "\n")
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
