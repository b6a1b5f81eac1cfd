package main

import (
	"github.com/spf13/cobra"
)

const usageTemplate = `Uso:{{if .Runnable}}
  {{.UseLine}}{{end}}{{if .HasAvailableSubCommands}}
  {{.CommandPath}} [comando]{{end}}{{if gt (len .Aliases) 0}}

Alias:
  {{.NameAndAliases}}{{end}}{{if .HasExample}}

Ejemplos:
{{.Example}}{{end}}{{if .HasAvailableSubCommands}}

Comandos:{{range .Commands}}{{if (or .IsAvailableCommand (eq .Name "help"))}}
  {{rpad .Name .NamePadding }} {{.Short}}{{end}}{{end}}{{end}}{{if .HasAvailableLocalFlags}}

Opciones:
{{.LocalFlags.FlagUsages | trimTrailingWhitespaces}}{{end}}{{if .HasAvailableInheritedFlags}}

Opciones globales:
{{.InheritedFlags.FlagUsages | trimTrailingWhitespaces}}{{end}}{{if .HasAvailableSubCommands}}

Use «{{.CommandPath}} [comando] --help» para más información sobre un comando.{{end}}
`

// spanishHelp gives every command a Spanish usage text, help flag and help
// command; cobra's defaults are English.
func spanishHelp(root *cobra.Command) {
	root.SetHelpCommand(&cobra.Command{
		Use:   "help [comando]",
		Short: "Ayuda sobre cualquier comando",
		Run: func(c *cobra.Command, args []string) {
			cmd, _, err := c.Root().Find(args)
			if cmd == nil || err != nil {
				c.PrintErrf("Comando desconocido «%v»\n", args)
				_ = c.Root().Usage()
				return
			}
			_ = cmd.Help()
		},
	})
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		c.SetUsageTemplate(usageTemplate)
		c.Flags().BoolP("help", "h", false, "ayuda de "+c.Name())
		c.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
			return usageError("%s", translateCobra(err.Error()))
		})
		for _, s := range c.Commands() {
			walk(s)
		}
	}
	walk(root)
}

// exactArgs and minArgs are cobra's validators with Spanish messages.
func exactArgs(n int, what string) cobra.PositionalArgs {
	return func(c *cobra.Command, args []string) error {
		if len(args) != n {
			return usageError("«%s» espera %s; recibió %d argumento(s)", c.CommandPath(), what, len(args))
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
			return usageError("«%s» espera %s; recibió %d argumento(s)", c.CommandPath(), what, len(args))
		}
		return nil
	}
}
