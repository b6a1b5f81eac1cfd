package text

import (
	"fmt"
	"io"
	"strings"

	"github.com/cipro-ine/mpp/manuals/diff"
	"github.com/cipro-ine/mpp/render/report"
)

// contextWords is how many unchanged words show on each side of a change.
const contextWords = 8

// ANSI styles of a terminal: deletions red and struck through, insertions
// green and underlined, as in the redline PDF.
const (
	ansiDel   = "\x1b[9;31m"
	ansiIns   = "\x1b[4;32m"
	ansiHead  = "\x1b[1m"
	ansiFaint = "\x1b[2m"
	ansiReset = "\x1b[0m"
)

// Diff writes a comparison for a reader: a header with the summary, then
// each change with its field path and its words. Without colour, deletions
// are written [-así-] and insertions {+así+}, as git's word diff does.
func Diff(w io.Writer, r diff.Result, color bool) error {
	style := func(code, s string) string {
		if !color {
			return s
		}
		return code + s + ansiReset
	}
	del := func(s string) string {
		if color {
			return ansiDel + s + ansiReset
		}
		return "[-" + s + "-]"
	}
	ins := func(s string) string {
		if color {
			return ansiIns + s + ansiReset
		}
		return "{+" + s + "+}"
	}
	// Text from the documents is made printable before any colour code of
	// ours is put around it.
	pr := report.Printable
	var b strings.Builder
	fmt.Fprintf(&b, "%s\n", style(ansiHead, pr(fmt.Sprintf("Diferencias del %s: %s → %s", r.Document, r.Old, r.New))))
	fmt.Fprintf(&b, "%s\n", r.Summary)
	for _, c := range r.Changes {
		fmt.Fprintf(&b, "\n%s\n", style(ansiHead, pr(fmt.Sprintf("%s %s · %s", upper(c.What), diff.KindOf(c), c.Where))))
		if c.Path != "" {
			fmt.Fprintf(&b, "  %s\n", style(ansiFaint, "ruta: "+c.Path))
		}
		switch {
		case len(c.Words) > 0 && (c.Kind == diff.Modified || c.Kind == diff.Renamed):
			var line []string
			for _, op := range diff.Context(c.Words, contextWords) {
				switch op.Op {
				case "-":
					line = append(line, del(pr(op.Text)))
				case "+":
					line = append(line, ins(pr(op.Text)))
				default:
					line = append(line, pr(op.Text))
				}
			}
			fmt.Fprintf(&b, "  %s\n", strings.Join(line, " "))
		case c.Kind == diff.Moved:
			fmt.Fprintf(&b, "  de %s a %s", del(pr(c.Old)), ins(pr(c.New)))
			if c.Context != "" {
				fmt.Fprintf(&b, ": %s", oneLine(c.Context))
			}
			fmt.Fprintln(&b)
		default:
			if c.Old != "" {
				fmt.Fprintf(&b, "  %s\n", del(oneLine(c.Old)))
			}
			if c.New != "" {
				fmt.Fprintf(&b, "  %s\n", ins(oneLine(c.New)))
			}
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func upper(s string) string {
	if s == "" {
		return s
	}
	r := []rune(s)
	return strings.ToUpper(string(r[0])) + string(r[1:])
}

func oneLine(s string) string { return report.Printable(strings.Join(strings.Fields(s), " ")) }
