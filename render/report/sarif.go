package report

import (
	"fmt"
	"io"
	"path/filepath"

	"github.com/owenrumney/go-sarif/v3/pkg/report/v210/sarif"

	"github.com/cipro-ine/mpp/manuals/rules"
)

// Problem is an input that could not be read, for the machine formats.
type Problem struct {
	File    string
	Line    int
	Column  int
	Message string
}

// SARIFOptions describe the run for a SARIF log.
type SARIFOptions struct {
	Version string // mpp's version
}

// WriteSARIF writes the results as a SARIF 2.1.0 log, the format editors
// and CI systems annotate code with: one run, the whole rule catalog as the
// driver's rules, one result per finding with its file, line, column and
// the logical path of the element; what could not be read goes in as tool
// notifications of the invocation, which then did not succeed.
func WriteSARIF(w io.Writer, results []Result, problems []Problem, o SARIFOptions) error {
	run := sarif.NewRunWithInformationURI("mpp", "https://www.ine.mx/")
	run.Tool.Driver.WithVersion(o.Version).WithSemanticVersion(o.Version)
	run.WithColumnKind("unicodeCodePoints")
	run.WithLanguage("es-MX")
	for _, r := range rules.All() {
		d := run.AddRule(r.ID).
			WithName(r.ID).
			WithShortDescription(sarif.NewMultiformatMessageString().WithText(r.Title)).
			WithFullDescription(sarif.NewMultiformatMessageString().WithText(r.Doc)).
			WithDefaultConfiguration(sarif.NewReportingConfiguration().WithLevel(level(r.Severity)))
		if b := r.BasisFor("*"); b != "" {
			d.WithHelp(sarif.NewMultiformatMessageString().WithText("Fundamento: " + b))
		}
	}
	for _, res := range results {
		for _, f := range res.Hallazgos {
			l := sarif.NewLocation().WithPhysicalLocation(physical(f.File, f.Line, f.Column))
			if f.Path != "" {
				l.AddLogicalLocation(sarif.NewLogicalLocation().WithFullyQualifiedName(f.Path).WithKind("member"))
			}
			msg := f.Message
			if f.Fundamento != "" {
				msg += " (fundamento: " + f.Fundamento + ")"
			}
			// CreateResultForRule adds the result to the run.
			run.CreateResultForRule(f.Rule).
				WithLevel(level(f.Severity)).
				WithMessage(sarif.NewTextMessage(msg)).
				AddLocation(l)
		}
	}
	inv := sarif.NewInvocation().WithExecutionSuccessful(len(problems) == 0)
	for _, p := range problems {
		n := sarif.NewNotification().WithLevel("error").WithMessage(sarif.NewTextMessage(p.Message))
		if p.File != "" {
			n.AddLocation(sarif.NewLocation().WithPhysicalLocation(physical(p.File, p.Line, p.Column)))
		}
		inv.AddToolExecutionNotification(n)
	}
	run.AddInvocation(inv)
	log := sarif.NewReport()
	log.AddRun(run)
	if err := log.PrettyWrite(w); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}

// physical is a file and, when known, the line and column in it.
func physical(file string, line, col int) *sarif.PhysicalLocation {
	loc := sarif.NewPhysicalLocation().WithArtifactLocation(sarif.NewSimpleArtifactLocation(filepath.ToSlash(file)))
	if line > 0 {
		region := sarif.NewRegion().WithStartLine(line)
		if col > 0 {
			region.WithStartColumn(col)
		}
		loc.WithRegion(region)
	}
	return loc
}

func level(s rules.Severity) string {
	switch s {
	case rules.Error:
		return "error"
	case rules.Warning:
		return "warning"
	}
	return "note"
}

// WriteGCC writes one line per finding as compilers do, which editors
// (vim's errorformat, VS Code's problem matchers) and CI log parsers
// understand: «archivo:línea:col: severidad: ID mensaje». The severity is
// the compilers' word (error, warning, note), since that is what those
// parsers look for; the message is Spanish. Problems come first, as errors.
func WriteGCC(w io.Writer, results []Result, problems []Problem) error {
	for _, p := range problems {
		if _, err := fmt.Fprintf(w, "%s: error: %s\n", position(p.File, p.Line, p.Column), Printable(p.Message)); err != nil {
			return err
		}
	}
	for _, r := range results {
		for _, f := range r.Hallazgos {
			if _, err := fmt.Fprintf(w, "%s: %s: %s %s\n", position(f.File, f.Line, f.Column), level(f.Severity), f.Rule, Printable(f.Message)); err != nil {
				return err
			}
		}
	}
	return nil
}

func position(file string, line, col int) string {
	file = filepath.ToSlash(file)
	switch {
	case file == "":
		return "mpp"
	case line > 0 && col > 0:
		return fmt.Sprintf("%s:%d:%d", file, line, col)
	case line > 0:
		return fmt.Sprintf("%s:%d", file, line)
	}
	return file
}
