// Command mpp carries an INE Manual de Proceso y Procedimientos from draft to
// publication: it validates expedientes against the Lineamientos and renders
// their documents. Each command lives in its own file and stays thin; the work
// is done by the manuals, ocr and render packages.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"regexp"
	"runtime/debug"
	"strings"
	"syscall"

	"github.com/spf13/cobra"

	"github.com/cipro-ine/mpp/editdist"
	"github.com/cipro-ine/mpp/manuals"
	"github.com/cipro-ine/mpp/manuals/profile"
	"github.com/cipro-ine/mpp/manuals/yamldoc"
	"github.com/cipro-ine/mpp/ocr"
	"github.com/cipro-ine/mpp/render/report"
)

// ioStreams are the command's streams; colour only on a terminal.
type ioStreams struct {
	In       io.Reader
	Out      io.Writer
	ErrOut   io.Writer
	colorOut bool
	// progressOut: stderr is a terminal, so long jobs show their progress.
	progressOut bool
	// quiet (-q/--silencioso): no progress and no «escrito: …» lines;
	// errors and the command's own output still come out.
	quiet bool
	// wroteJSON: the command wrote its JSON envelope.
	wroteJSON bool
}

// info prints a line about the work (what was written, how long it took)
// to stderr, unless -q.
func (s *ioStreams) info(format string, args ...any) {
	if !s.quiet {
		fmt.Fprintf(s.ErrOut, format+"\n", args...)
	}
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
		return nil, err
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
		Example: `  mpp validate examples/
  mpp build examples/ -o out/
  mpp ingest acuerdo.txt -o expedientes/H.4.05/
  mpp verificar expedientes/H.4.05 out/H.4.05/gaceta.pdf`,
		Version:       versionString(),
		SilenceErrors: true,
		SilenceUsage:  true,
	}
	root.SetVersionTemplate("{{.Version}}\n")
	root.SetIn(ios.In)
	root.SetOut(ios.Out)
	root.SetErr(ios.ErrOut)
	root.PersistentFlags().StringVar(&g.perfilPath, "perfil", "", "perfil institucional (YAML) en lugar del incorporado; vea «mpp perfil»")
	root.PersistentFlags().IntVar(&g.maxInputMB, "max-entrada", 0, "tamaño máximo de cada archivo de entrada, en MB (por omisión: YAML 20, texto 50, Excel 100)")
	root.PersistentFlags().BoolVarP(&ios.quiet, "silencioso", "q", false, "sin barra de progreso ni líneas «escrito: …»; sólo errores y la salida del comando")
	root.PersistentPreRunE = func(*cobra.Command, []string) error {
		if g.maxInputMB < 0 || g.maxInputMB > maxInputMBLimit {
			return usageError("--max-entrada %d: debe estar entre 1 y %d MB", g.maxInputMB, maxInputMBLimit)
		}
		manuals.MaxFileSize = g.inputLimit(manuals.DefaultMaxFileSize)
		return nil
	}
	// Commands grouped by who uses them, as gh groups its own.
	root.AddGroup(
		&cobra.Group{ID: groupCIPro, Title: "CIPro: validar, generar e intercambiar el manual y el dictamen:"},
		&cobra.Group{ID: groupDJ, Title: "Dirección Jurídica: huellas, certificación, verificación y diferencias:"},
		&cobra.Group{ID: groupPublish, Title: "Publicación: acuerdos aprobados y escaneos:"},
		&cobra.Group{ID: groupTool, Title: "La herramienta:"},
	)
	add := func(group string, cmds ...*cobra.Command) {
		for _, c := range cmds {
			c.GroupID = group
			root.AddCommand(c)
		}
	}
	add(groupCIPro, newValidateCmd(ios, g), newBuildCmd(ios, g), newRenderCmd(ios, g), newCatalogCmd(ios, g), newImportCmd(ios, g), newExportCmd(ios), newRulesCmd(ios, g))
	add(groupDJ, newFingerprintCmd(ios), newCertifyCmd(ios, g), newVerifyCmd(ios), newDiffCmd(ios))
	add(groupPublish, newIngestCmd(ios, g), newOCRCmd(ios, g))
	add(groupTool, newSchemaCmd(ios), newProfileCmd(ios), newVersionCmd(ios), newCompletionCmd(ios))
	spanishHelp(root)
	root.SetHelpCommandGroupID(groupTool)
	return root
}

const (
	groupCIPro   = "cipro"
	groupDJ      = "dj"
	groupPublish = "publicacion"
	groupTool    = "herramienta"
	// maxInputMBLimit: 1 TB, far past any acuerdo; a larger --max-entrada
	// would overflow the byte count.
	maxInputMBLimit = 1 << 20
)

func main() {
	ocr.ServeWorker() // when started by «mpp ocr» as one of its OCR workers
	os.Exit(run(os.Args[1:], systemStreams()))
}

// run executes the command line and returns the exit code. The first
// Ctrl-C (or SIGTERM) cancels the command's context: work stops, nothing
// is written, exit 130; a second one ends the process at once.
func run(args []string, ios *ioStreams) int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	go func() {
		<-ctx.Done()
		stop() // the default again: a second Ctrl-C kills
	}()
	root := newRootCmd(ios)
	root.SetArgs(args)
	cmd, err := root.ExecuteContextC(ctx)
	if err != nil && ctx.Err() != nil {
		err = withKind(errInterrupted, errors.New("interrumpido (Ctrl-C); no se escribió nada"))
	}
	code := exitCode(err)
	switch {
	case err == nil:
	case errors.Is(err, errSilent):
	case isCobraError(err):
		// Cobra's own errors: bad flags, unknown commands.
		fmt.Fprintln(ios.ErrOut, "mpp:", report.Printable(translateCobra(err.Error())))
		suggestCommand(ios, root, args, err)
		fmt.Fprintf(ios.ErrOut, "Use «%s --help» para ver los comandos y sus opciones.\n", cmd.CommandPath())
	default:
		fmt.Fprintln(ios.ErrOut, "mpp:", report.Printable(err.Error()))
	}
	if err != nil && cmd != nil && jsonRequested(cmd) && !ios.wroteJSON {
		// A script that asked for JSON gets the failure in JSON too.
		_ = writeEnvelope(ios, cmd, nil, []outcome{outcomeOf(err)})
	}
	return code
}

// isCobraError tells cobra's own messages (English, translated here) from
// the commands' Spanish ones.
func isCobraError(err error) bool {
	var k *kindError
	if errors.As(err, &k) {
		return false
	}
	for _, m := range cobraMessages {
		if m.re.MatchString(err.Error()) {
			return true
		}
	}
	return false
}

// suggestCommand says which command a mistyped one probably meant: names
// and aliases (Spanish and English) alike.
func suggestCommand(ios *ioStreams, root *cobra.Command, args []string, err error) {
	if len(args) == 0 || !strings.HasPrefix(err.Error(), "unknown command") {
		return
	}
	var names []string
	for _, c := range root.Commands() {
		if c.IsAvailableCommand() {
			names = append(names, append([]string{c.Name()}, c.Aliases...)...)
		}
	}
	if s := editdist.Closest(args[0], names, yamldoc.Fold); s != "" {
		fmt.Fprintf(ios.ErrOut, "¿Quiso decir «%s»?\n", s)
	}
}

var cobraMessages = []struct {
	re   *regexp.Regexp
	repl string
}{
	{regexp.MustCompile(`^unknown command "(.*)" for "(.*)"`), `comando desconocido «$1» para «$2»`},
	{regexp.MustCompile(`^unknown flag: (.*)`), `opción desconocida: $1`},
	{regexp.MustCompile(`^unknown shorthand flag: '(.)' in (.*)`), `opción corta desconocida: «-$1» en $2`},
	{regexp.MustCompile(`^flag needs an argument: '?(.*?)'? in (.*)`), `la opción «-$1» necesita un valor`},
	{regexp.MustCompile(`^flag needs an argument: (.*)`), `la opción $1 necesita un valor`},
	{regexp.MustCompile(`^invalid argument "(.*)" for "(.*)" flag: (.*)`), `valor inválido «$1» para la opción «$2»: $3`},
	{regexp.MustCompile(`^if any flags in the group \[(.*)\] are set none of the others can be; \[(.*)\] were all set`), `las opciones [$1] se excluyen entre sí; se dieron [$2]`},
}

// flagReasons are pflag's and strconv's English reasons for a bad value.
var flagReasons = []struct {
	re   *regexp.Regexp
	repl string
}{
	{regexp.MustCompile(`time: missing unit in duration .*`), `falta la unidad (p. ej. 90s, 5m, 1h)`},
	{regexp.MustCompile(`time: (unknown unit|invalid duration) .*`), `no es una duración (p. ej. 90s, 5m, 1h)`},
	{regexp.MustCompile(`strconv\.ParseInt: .*value out of range`), `el número es demasiado grande`},
	{regexp.MustCompile(`strconv\.Parse(Int|Uint): .*`), `no es un número entero`},
	{regexp.MustCompile(`strconv\.ParseFloat: .*`), `no es un número`},
	{regexp.MustCompile(`strconv\.ParseBool: .*`), `use true o false`},
}

func translateCobra(msg string) string {
	msg = strings.SplitN(msg, "\n", 2)[0]
	for _, m := range cobraMessages {
		if m.re.MatchString(msg) {
			msg = m.re.ReplaceAllString(msg, m.repl)
			break
		}
	}
	for _, r := range flagReasons {
		msg = r.re.ReplaceAllString(msg, r.repl)
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
