package main

import (
	"fmt"
	"sort"
	"strings"

	"github.com/spf13/cobra"

	"github.com/cipro-ine/mpp/manuals/rules"
)

type rulesOptions struct {
	io     *ioStreams
	g      *globals
	id     string
	format string
}

func newRulesCmd(ios *ioStreams, g *globals) *cobra.Command {
	o := &rulesOptions{io: ios, g: g}
	c := &cobra.Command{
		Use:     "rules [REGLA]",
		Aliases: []string{"reglas"},
		Short:   "Lista las reglas de validación o explica una",
		Example: `  mpp rules
  mpp reglas ACU-013
  mpp rules --formato markdown > docs/reglas.md`,
		Args: rangeArgs(0, 1, "a lo más un identificador de regla"),
		RunE: func(c *cobra.Command, args []string) error {
			if len(args) == 1 {
				o.id = args[0]
			}
			return rulesRun(o)
		},
	}
	c.Flags().StringVar(&o.format, "formato", "texto", "formato de salida: texto o markdown")
	return c
}

func rulesRun(o *rulesOptions) error {
	w := o.io.Out
	switch {
	case o.format == "markdown":
		fmt.Fprint(w, rulesMarkdown())
		return nil
	case o.format != "texto":
		return usageError("formato desconocido «%s»: use texto o markdown", o.format)
	case o.id == "":
		for _, r := range rules.All() {
			fmt.Fprintf(w, "%-9s %-11s %s\n", r.ID, r.Severity, r.Title)
		}
		fmt.Fprintf(w, "\n%d reglas. «mpp rules REGLA» explica una.\n", len(rules.All()))
		return nil
	}
	r := rules.Lookup(o.id)
	if r == nil {
		return usageError("no hay regla «%s»; «mpp rules» las lista", o.id)
	}
	fmt.Fprintf(w, "%s — %s\nSeveridad: %s\n\n%s\n\nFundamento:\n", r.ID, r.Title, r.Severity, r.Doc)
	for _, k := range basisKeys(r) {
		label := "todos los regímenes"
		if k != "*" {
			label = "régimen " + k
		}
		fmt.Fprintf(w, "  %s: %s\n", label, r.Basis[k])
	}
	return nil
}

func basisKeys(r *rules.Rule) []string {
	var keys []string
	for k := range r.Basis {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// rulesMarkdown is the catalog as a document, generated so that it cannot
// drift from the code (docs/reglas.md; a test checks it).
func rulesMarkdown() string {
	var b strings.Builder
	b.WriteString("# Reglas de validación de mpp\n\n")
	b.WriteString("Generado con `mpp rules --formato markdown`; no se edita a mano.\n\n")
	b.WriteString("| Regla | Severidad | Título |\n|---|---|---|\n")
	for _, r := range rules.All() {
		fmt.Fprintf(&b, "| [%s](#%s) | %s | %s |\n", r.ID, strings.ToLower(r.ID), r.Severity, r.Title)
	}
	for _, r := range rules.All() {
		fmt.Fprintf(&b, "\n## %s\n\n**%s** — %s\n\n%s\n\n", r.ID, r.Title, r.Severity, strings.Join(strings.Fields(r.Doc), " "))
		for _, k := range basisKeys(r) {
			label := "Fundamento"
			if k != "*" {
				label = "Fundamento (régimen " + k + ")"
			}
			fmt.Fprintf(&b, "- %s: %s\n", label, r.Basis[k])
		}
	}
	return b.String()
}
