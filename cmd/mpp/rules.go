package main

import (
	"fmt"
	"sort"
	"strings"

	"github.com/spf13/cobra"

	"github.com/cipro-ine/mpp/editdist"
	"github.com/cipro-ine/mpp/manuals/rules"
	"github.com/cipro-ine/mpp/manuals/yamldoc"
)

type rulesOptions struct {
	cmd    *cobra.Command
	io     *ioStreams
	g      *globals
	id     string
	format *formatFlag
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
		ValidArgsFunction: func(c *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
			if len(args) > 0 {
				return nil, cobra.ShellCompDirectiveNoFileComp
			}
			var ids []string
			for _, r := range rules.All() {
				if strings.HasPrefix(r.ID, strings.ToUpper(toComplete)) {
					ids = append(ids, r.ID+"\t"+r.Title)
				}
			}
			return ids, cobra.ShellCompDirectiveNoFileComp
		},
		RunE: func(c *cobra.Command, args []string) error {
			o.cmd = c
			if len(args) == 1 {
				o.id = args[0]
			}
			return rulesRun(o)
		},
	}
	o.format = addFormatFlag(c, fmtText, fmtText, fmtMarkdown, fmtJSON)
	return c
}

// ruleJSON is one rule of the catalog in the JSON envelope.
type ruleJSON struct {
	ID         string            `json:"id"`
	Titulo     string            `json:"titulo"`
	Severidad  string            `json:"severidad"`
	Fundamento map[string]string `json:"fundamento"`
	Doc        string            `json:"descripcion"`
}

func rulesRun(o *rulesOptions) error {
	w := o.io.Out
	f, err := o.format.resolve("")
	if err != nil {
		return err
	}
	var r *rules.Rule
	if o.id != "" {
		if r = rules.Lookup(strings.ToUpper(o.id)); r == nil {
			var ids []string
			for _, r := range rules.All() {
				ids = append(ids, r.ID)
			}
			hint := ""
			if s := editdist.Closest(o.id, ids, yamldoc.Fold); s != "" {
				hint = fmt.Sprintf("; ¿quiso decir «%s»?", s)
			}
			return usageError("no hay regla «%s»%s; «mpp rules» las lista", o.id, hint)
		}
	}
	switch {
	case f == fmtJSON:
		list := []ruleJSON{}
		for _, x := range rules.All() {
			if r == nil || x == r {
				list = append(list, ruleJSON{ID: x.ID, Titulo: x.Title, Severidad: x.Severity.String(), Fundamento: x.Basis, Doc: strings.Join(strings.Fields(x.Doc), " ")})
			}
		}
		return writeEnvelope(o.io, o.cmd, map[string]any{"reglas": list}, nil)
	case f == fmtMarkdown:
		fmt.Fprint(w, rulesMarkdown())
		return nil
	case o.id == "":
		for _, r := range rules.All() {
			fmt.Fprintf(w, "%-9s %-11s %s\n", r.ID, r.Severity, r.Title)
		}
		fmt.Fprintf(w, "\n%d reglas. «mpp rules REGLA» explica una.\n", len(rules.All()))
		return nil
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
