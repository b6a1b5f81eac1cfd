// Package report writes the results of `mpp validate` for people (text,
// coloured on a terminal) and for machines (JSON).
package report

import (
	"fmt"
	"io"
	"path/filepath"

	"github.com/cipro-ine/mpp/esmx"
	"github.com/cipro-ine/mpp/manuals/rules"
)

// Result is the validation of one expediente.
type Result struct {
	Expediente string          `json:"expediente"`
	Regimen    string          `json:"regimen"`
	Hallazgos  []rules.Finding `json:"hallazgos"`
	// Notas are the acuerdo's transcription and ingestion notes and the OCR
	// corrections recorded in it: not findings, but what a reviewer should
	// know about where the text came from.
	Notas []string `json:"notas,omitempty"`
}

// Counts returns the number of errors, warnings and infos.
func (r Result) Counts() (errs, warns, infos int) {
	for _, f := range r.Hallazgos {
		switch f.Severity {
		case rules.Error:
			errs++
		case rules.Warning:
			warns++
		default:
			infos++
		}
	}
	return
}

const (
	red    = "\x1b[31m"
	yellow = "\x1b[33m"
	cyan   = "\x1b[36m"
	bold   = "\x1b[1m"
	dim    = "\x1b[2m"
	reset  = "\x1b[0m"
)

// TextOptions tune the text report.
type TextOptions struct {
	Color      bool // ANSI colours (only on a terminal)
	Fundamento bool // print each finding's legal basis
}

// WriteText writes the findings grouped by file, then one summary line per
// expediente.
func WriteText(w io.Writer, results []Result, o TextOptions) error {
	paint := func(code, s string) string {
		if !o.Color {
			return s
		}
		return code + s + reset
	}
	for _, r := range results {
		file := ""
		for _, f := range r.Hallazgos {
			if f.File != file {
				file = f.File
				fmt.Fprintln(w, paint(bold, filepath.ToSlash(file)))
			}
			loc := ""
			if f.Line > 0 {
				loc = fmt.Sprintf("%d:%d", f.Line, f.Column)
			}
			sev := f.Severity.String()
			switch f.Severity {
			case rules.Error:
				sev = paint(red, fmt.Sprintf("%-11s", sev))
			case rules.Warning:
				sev = paint(yellow, fmt.Sprintf("%-11s", sev))
			default:
				sev = paint(cyan, fmt.Sprintf("%-11s", sev))
			}
			fmt.Fprintf(w, "  %-7s %s %-8s %s\n", loc, sev, f.Rule, Printable(f.Message))
			if o.Fundamento && f.Fundamento != "" {
				fmt.Fprintf(w, "  %-7s %s\n", "", paint(dim, "fundamento: "+f.Fundamento))
			}
		}
		for _, n := range r.Notas {
			fmt.Fprintf(w, "  %s %s\n", paint(dim, "nota:"), Printable(n))
		}
		e, wn, in := r.Counts()
		fmt.Fprintf(w, "%s: %s, %s, %s (régimen de los Lineamientos %s)\n",
			filepath.ToSlash(r.Expediente), esmx.Count(e, "error", "errores"), esmx.Count(wn, "advertencia", "advertencias"),
			esmx.Count(in, "informativo", "informativos"), r.Regimen)
	}
	return nil
}

// ForJSON returns the results ready to marshal: empty lists as [], not
// null.
func ForJSON(results []Result) []Result {
	out := make([]Result, len(results))
	for i, r := range results {
		if r.Hallazgos == nil {
			r.Hallazgos = []rules.Finding{}
		}
		out[i] = r
	}
	return out
}
