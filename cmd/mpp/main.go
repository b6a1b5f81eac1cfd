// Command mpp carries an INE Manual de Proceso y Procedimientos from draft to
// publication: it validates expedientes against the Lineamientos and renders
// their documents. Each command lives in its own file and stays thin; the work
// is done by the manuals, ocr and render packages.
package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"regexp"
	"runtime/debug"
	"strings"

	"github.com/spf13/cobra"

	"github.com/cipro-ine/mpp/manuals"
	"github.com/cipro-ine/mpp/manuals/profile"
	"github.com/cipro-ine/mpp/ocr"
)

// Exit codes, documented in the README.
const (
	exitOK       = 0
	exitFindings = 1 // validation found errors
	exitUsage    = 2 // bad usage or unreadable input; nothing written
	// exitIncomplete: the output was written but essential parts are
	// missing (an acuerdo with no código, no proceso or no puntos).
	exitIncomplete = 3
	// exitPartial: a batch wrote its output, but some inputs could not be
	// read; they are named on stderr.
	exitPartial = 4
)

// exitError carries an exit code up to main; its message is Spanish.
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string { return e.err.Error() }
func (e *exitError) Unwrap() error { return e.err }

func usageError(format string, args ...any) error {
	return &exitError{exitUsage, fmt.Errorf(format, args...)}
}

// ioStreams are the command's streams; colour only on a terminal.
type ioStreams struct {
	In       io.Reader
	Out      io.Writer
	ErrOut   io.Writer
	colorOut bool
	// progressOut: stderr is a terminal, so long jobs show their progress.
	progressOut bool
}

func systemStreams() *ioStreams {
	return &ioStreams{In: os.Stdin, Out: os.Stdout, ErrOut: os.Stderr, colorOut: isTerminal(os.Stdout) && os.Getenv("NO_COLOR") == "",
		progressOut: isTerminal(os.Stderr)}
}

func isTerminal(f *os.File) bool {
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// globals are the options every command shares.
type globals struct {
	perfilPath string
	maxInputMB int // --max-entrada; 0: each kind of input's own default
}

// inputLimit is the size limit for an input whose default is def.
func (g *globals) inputLimit(def int64) int64 {
	if g.maxInputMB > 0 {
		return int64(g.maxInputMB) << 20
	}
	return def
}

func (g *globals) profile() (*profile.Profile, error) {
	if g.perfilPath == "" {
		return profile.Default(), nil
	}
	p, err := profile.Load(g.perfilPath)
	if err != nil {
		return nil, &exitError{exitUsage, err}
	}
	return p, nil
}

func newRootCmd(ios *ioStreams) *cobra.Command {
	g := &globals{}
	root := &cobra.Command{
		Use:   "mpp",
		Short: "Manuales de Proceso y Procedimientos del INE: del borrador a la publicación",
		Long: `mpp lleva un Manual de Proceso y Procedimientos del Instituto Nacional Electoral del borrador
a la publicación: valida el expediente (manual, acuerdo, dictamen técnico, certificación) contra
los Lineamientos y genera sus documentos.

Un expediente es una carpeta con manual.yaml, acuerdo.yaml, dictamen.yaml y certificacion.yaml
(cada uno puede faltar hasta que se llega a su etapa).`,
		SilenceErrors: true,
		SilenceUsage:  true,
	}
	root.SetIn(ios.In)
	root.SetOut(ios.Out)
	root.SetErr(ios.ErrOut)
	root.PersistentFlags().StringVar(&g.perfilPath, "perfil", "", "perfil institucional (YAML) en lugar del incorporado; vea «mpp perfil»")
	root.PersistentFlags().IntVar(&g.maxInputMB, "max-entrada", 0, "tamaño máximo de cada archivo de entrada, en MB (por omisión: YAML 20, texto 50, Excel 100)")
	root.PersistentPreRun = func(*cobra.Command, []string) {
		manuals.MaxFileSize = g.inputLimit(manuals.DefaultMaxFileSize)
	}
	root.AddCommand(
		newValidateCmd(ios, g),
		newIngestCmd(ios, g),
		newRenderCmd(ios, g),
		newCatalogCmd(ios, g),
		newBuildCmd(ios, g),
		newFingerprintCmd(ios),
		newCertifyCmd(ios, g),
		newVerifyCmd(ios),
		newDiffCmd(ios),
		newOCRCmd(ios, g),
		newImportCmd(ios, g),
		newRulesCmd(ios, g),
		newSchemaCmd(ios),
		newProfileCmd(ios),
		newVersionCmd(ios),
		newCompletionCmd(ios),
	)
	spanishHelp(root)
	return root
}

func main() {
	ocr.ServeWorker() // when started by «mpp ocr» as one of its OCR workers
	os.Exit(run(os.Args[1:], systemStreams()))
}

// run executes the command line and returns the exit code.
func run(args []string, ios *ioStreams) int {
	root := newRootCmd(ios)
	root.SetArgs(args)
	err := root.Execute()
	if err == nil {
		return exitOK
	}
	var ee *exitError
	if errors.As(err, &ee) {
		if ee.err != errSilent {
			fmt.Fprintln(ios.ErrOut, "mpp:", ee.err)
		}
		return ee.code
	}
	// Cobra's own errors: bad flags, unknown commands.
	fmt.Fprintln(ios.ErrOut, "mpp:", translateCobra(err.Error()))
	if len(args) > 0 && strings.HasPrefix(err.Error(), "unknown command") {
		if s := root.SuggestionsFor(args[0]); len(s) > 0 {
			fmt.Fprintf(ios.ErrOut, "¿Quiso decir «%s»?\n", strings.Join(s, "», «"))
		}
	}
	fmt.Fprintln(ios.ErrOut, "Use «mpp --help» para ver los comandos y sus opciones.")
	return exitUsage
}

// errSilent marks an exit whose messages were already printed.
var errSilent = errors.New("")

var cobraMessages = []struct {
	re   *regexp.Regexp
	repl string
}{
	{regexp.MustCompile(`^unknown command "(.*)" for "(.*)"`), `comando desconocido «$1» para «$2»`},
	{regexp.MustCompile(`^unknown flag: (.*)`), `opción desconocida: $1`},
	{regexp.MustCompile(`^unknown shorthand flag: '(.)' in (.*)`), `opción corta desconocida: «-$1» en $2`},
	{regexp.MustCompile(`^flag needs an argument: (.*)`), `la opción necesita un valor: $1`},
	{regexp.MustCompile(`^invalid argument "(.*)" for "(.*)" flag: (.*)`), `valor inválido «$1» para la opción «$2»`},
}

func translateCobra(msg string) string {
	for _, m := range cobraMessages {
		if m.re.MatchString(msg) {
			return m.re.ReplaceAllString(strings.SplitN(msg, "\n", 2)[0], m.repl)
		}
	}
	return msg
}

// documentGC tunes the collector for commands that write documents. fpdf
// allocates a zlib writer (about 1 MB) per PDF stream while the live heap
// stays small, so the default GOGC collects many times per document: on this
// project's 2-core machines, 96–108 ms per manual against 43 ms with
// GOGC=400 (BENCHMARKS.md). A GOGC the user set wins. Not for catalogo,
// whose memory is the constraint.
func documentGC() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
}
