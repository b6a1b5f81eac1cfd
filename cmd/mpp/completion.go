package main

import (
	"github.com/spf13/cobra"
)

func newCompletionCmd(ios *ioStreams) *cobra.Command {
	return &cobra.Command{
		Use:       "completion bash|zsh|fish|powershell",
		Aliases:   []string{"completado"},
		Short:     "Genera el autocompletado para el intérprete de órdenes",
		ValidArgs: []string{"bash", "zsh", "fish", "powershell"},
		Long: `Genera el script de autocompletado de mpp para su intérprete de órdenes.

  bash:  source <(mpp completion bash)
  zsh:   mpp completion zsh > "${fpath[1]}/_mpp"
  fish:  mpp completion fish > ~/.config/fish/completions/mpp.fish`,
		Example: `  mpp completion bash > /etc/bash_completion.d/mpp
  source <(mpp completion bash)`,
		Args: exactArgs(1, "un intérprete: bash, zsh, fish o powershell"),
		RunE: func(c *cobra.Command, args []string) error {
			root := c.Root()
			switch args[0] {
			case "bash":
				return root.GenBashCompletionV2(ios.Out, true)
			case "zsh":
				return root.GenZshCompletion(ios.Out)
			case "fish":
				return root.GenFishCompletion(ios.Out, true)
			case "powershell":
				return root.GenPowerShellCompletionWithDesc(ios.Out)
			}
			return usageError("intérprete desconocido «%s»: use bash, zsh, fish o powershell", args[0])
		},
	}
}
