package main

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/cipro-ine/mpp/esmx"
)

// usageTemplate is cobra's, in Spanish: commands by group, flags with
// Spanish type names and defaults («por omisión»).
const usageTemplate = `Uso:{{if .Runnable}}
  {{.UseLine}}{{if .HasAvailableFlags}} [opciones]{{end}}{{end}}{{if .HasAvailableSubCommands}}
  {{.CommandPath}} COMANDO [opciones]{{end}}{{if gt (len .Aliases) 0}}

Alias:
  {{.NameAndAliases}}{{end}}{{if .HasExample}}

Ejemplos:
{{.Example}}{{end}}{{if .HasAvailableSubCommands}}{{$cmds := .Commands}}{{if eq (len .Groups) 0}}

Comandos:{{range $cmds}}{{if (or .IsAvailableCommand (eq .Name "help"))}}
  {{rpad (nameAndAliases .) 24}} {{.Short}}{{end}}{{end}}{{else}}{{range $group := .Groups}}

{{.Title}}{{range $cmds}}{{if (and (eq .GroupID $group.ID) (or .IsAvailableCommand (eq .Name "help")))}}
  {{rpad (nameAndAliases .) 24}} {{.Short}}{{end}}{{end}}{{end}}{{if not .AllChildCommandsHaveGroup}}

Otros comandos:{{range $cmds}}{{if (and (eq .GroupID "") (or .IsAvailableCommand (eq .Name "help")))}}
  {{rpad (nameAndAliases .) 24}} {{.Short}}{{end}}{{end}}{{end}}{{end}}{{end}}{{if .HasAvailableLocalFlags}}

Opciones:
{{flagUsages .LocalFlags}}{{end}}{{if .HasAvailableInheritedFlags}}

Opciones globales:
{{flagUsages .InheritedFlags}}{{end}}{{if not .HasParent}}

Códigos de salida:
{{exitCodeTable}}{{end}}{{if .HasAvailableSubCommands}}

Use «{{.CommandPath}} COMANDO --help» para más información sobre un comando.{{end}}
`

// helpTemplate is cobra's, ending with a new line (cobra trims the usage).
const helpTemplate = `{{with (or .Long .Short)}}{{. | trimTrailingWhitespaces}}

{{end}}{{if or .Runnable .HasSubCommands}}{{.UsageString}}{{end}}
`

func init() {
	cobra.AddTemplateFunc("flagUsages", flagUsages)
	cobra.AddTemplateFunc("nameAndAliases", func(c *cobra.Command) string {
		return strings.Join(append([]string{c.Name()}, c.Aliases...), ", ")
	})
	cobra.AddTemplateFunc("exitCodeTable", func() string {
		var b strings.Builder
		for i, e := range exitCodes {
			if i > 0 {
				b.WriteByte('\n')
			}
			fmt.Fprintf(&b, "  %3d  %s", e.code, e.what)
		}
		return b.String()
	})
}

// typeNames are pflag's value types, as a Spanish reader calls them.
var typeNames = map[string]string{
	"string": "texto", "stringArray": "texto", "stringSlice": "textos",
	"int": "entero", "intSlice": "enteros", "float64": "número", "duration": "duración",
}

// flagUsages lists a command's flags: «-o, --salida texto   descripción
// (por omisión: …)», aligned.
func flagUsages(fs *pflag.FlagSet) string {
	type row struct{ left, right string }
	var rows []row
	width := 0
	fs.VisitAll(func(f *pflag.Flag) {
		if f.Hidden {
			return
		}
		left := "      --" + f.Name
		if f.Shorthand != "" {
			left = "  -" + f.Shorthand + ", --" + f.Name
		}
		if t := typeNames[f.Value.Type()]; t != "" {
			left += " " + t
		}
		right := f.Usage
		switch d := f.DefValue; {
		case d == "" || d == "false" || d == "0" || d == "[]" || d == "0s":
		case f.Value.Type() == "int" && len(d) > 4:
			if n, err := strconv.Atoi(d); err == nil {
				right += " (por omisión: " + esmx.Int(n) + ")"
			}
		case f.Value.Type() == "duration":
			right += " (por omisión: " + strings.TrimSuffix(strings.TrimSuffix(d, "0s"), "0m") + ")"
		default:
			right += " (por omisión: " + d + ")"
		}
		width = max(width, len([]rune(left)))
		rows = append(rows, row{left, right})
	})
	var b strings.Builder
	for i, r := range rows {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(r.left + strings.Repeat(" ", width-len([]rune(r.left))+3) + r.right)
	}
	return b.String()
}

// spanishHelp gives every command a Spanish usage text, help flag, version
// flag and help command; cobra's defaults are English.
func spanishHelp(root *cobra.Command) {
	root.Flags().BoolP("version", "v", false, "muestra la versión de mpp")
	help := &cobra.Command{
		Use:   "help [COMANDO]",
		Short: "Ayuda sobre cualquier comando",
		Example: `  mpp help validate
  mpp validate --help`,
		ValidArgsFunction: func(c *cobra.Command, args []string, _ string) ([]string, cobra.ShellCompDirective) {
			var names []string
			for _, s := range c.Root().Commands() {
				if s.IsAvailableCommand() {
					names = append(names, s.Name()+"\t"+s.Short)
				}
			}
			return names, cobra.ShellCompDirectiveNoFileComp
		},
		Run: func(c *cobra.Command, args []string) {
			cmd, _, err := c.Root().Find(args)
			if cmd == nil || err != nil {
				c.PrintErrf("Comando desconocido «%s»\n", strings.Join(args, " "))
				_ = c.Root().Usage()
				return
			}
			_ = cmd.Help()
		},
	}
	root.SetHelpCommand(help)
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		c.SetUsageTemplate(usageTemplate)
		c.SetHelpTemplate(helpTemplate)
		c.DisableFlagsInUseLine = true
		c.Flags().BoolP("help", "h", false, "muestra esta ayuda")
		c.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
			return usageError("%s", translateCobra(err.Error()))
		})
		for _, s := range c.Commands() {
			walk(s)
		}
	}
	walk(root)
	walk(help) // cobra adds it to the tree only when it runs
}

// exactArgs, minArgs and rangeArgs are cobra's validators with Spanish
// messages.
func exactArgs(n int, what string) cobra.PositionalArgs {
	return func(c *cobra.Command, args []string) error {
		if len(args) != n {
			return usageError("«%s» espera %s; %s", c.CommandPath(), what, received(len(args)))
		}
		return nil
	}
}

func minArgs(n int, what string) cobra.PositionalArgs {
	return func(c *cobra.Command, args []string) error {
		if len(args) < n {
			return usageError("«%s» espera %s", c.CommandPath(), what)
		}
		return nil
	}
}

func rangeArgs(lo, hi int, what string) cobra.PositionalArgs {
	return func(c *cobra.Command, args []string) error {
		if len(args) < lo || len(args) > hi {
			return usageError("«%s» espera %s; %s", c.CommandPath(), what, received(len(args)))
		}
		return nil
	}
}

func received(n int) string {
	if n == 1 {
		return "recibió 1 argumento"
	}
	return fmt.Sprintf("recibió %d argumentos", n)
}
