package xlsx_test

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/cipro-ine/mpp/manuals"
	"github.com/cipro-ine/mpp/manuals/profile"
	"github.com/cipro-ine/mpp/manuals/rules"
	"github.com/cipro-ine/mpp/manuals/synth"
	"github.com/cipro-ine/mpp/manuals/yamldoc"
	"github.com/cipro-ine/mpp/render/xlsx"
)

func synthInputs(n int) ([]xlsx.Input, int) {
	prof := profile.Default()
	ins := make([]xlsx.Input, n)
	acts := 0
	for i := range ins {
		e := &manuals.Expediente{Dir: strconv.Itoa(i), Manual: synth.Manual(1, i)}
		ins[i] = xlsx.Input{Exp: e, Findings: rules.Run(e, prof)}
		for _, p := range e.Manual.Procedures() {
			acts += len(p.Actividades)
		}
	}
	return ins, acts
}

// BenchmarkCatalog writes the catalog of 176 (the Institute's count) and of
// 1,000 generated expedientes; ns per activity row stays flat if the writer
// is linear.
func BenchmarkCatalog(b *testing.B) {
	for _, n := range []int{176, 1000} {
		ins, acts := synthInputs(n)
		b.Run(fmt.Sprintf("%d-expedientes-%d-actividades", n, acts), func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				if err := xlsx.Catalog(io.Discard, ins); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(acts), "ns/actividad")
		})
	}
}

// TestWriteBenchData writes, for bench/xlsx.sh, MPP_BENCH_N generated
// expedientes under MPP_BENCH_OUT (only when that is set).
func TestWriteBenchData(t *testing.T) {
	dir := os.Getenv("MPP_BENCH_OUT")
	if dir == "" {
		t.Skip("MPP_BENCH_OUT not set")
	}
	n, _ := strconv.Atoi(os.Getenv("MPP_BENCH_N"))
	for i := 0; i < n; i++ {
		m := synth.Manual(1, i)
		b, err := yamldoc.Encode(m)
		if err != nil {
			t.Fatal(err)
		}
		d := filepath.Join(dir, string(m.DatosGenerales.Codigo))
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(d, "manual.yaml"), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestDumpWorkbook dumps every sheet of MPP_DUMP_XLSX as JSON rows to
// MPP_DUMP_JSON, so that the peer tool writes exactly the same cells.
func TestDumpWorkbook(t *testing.T) {
	in, out := os.Getenv("MPP_DUMP_XLSX"), os.Getenv("MPP_DUMP_JSON")
	if in == "" {
		t.Skip("MPP_DUMP_XLSX not set")
	}
	f, err := excelize.OpenFile(in)
	if err != nil {
		t.Fatal(err)
	}
	type sheet struct {
		Name string     `json:"name"`
		Rows [][]string `json:"rows"`
	}
	var all []sheet
	for _, s := range f.GetSheetList() {
		rows, err := f.GetRows(s)
		if err != nil {
			t.Fatal(err)
		}
		all = append(all, sheet{s, rows})
	}
	b, _ := json.Marshal(all)
	if err := os.WriteFile(out, b, 0o644); err != nil {
		t.Fatal(err)
	}
}
