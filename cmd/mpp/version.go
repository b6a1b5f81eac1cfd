package main

import (
	"fmt"
	"runtime"
	"runtime/debug"

	"github.com/spf13/cobra"
)

// version is set at release time with -ldflags "-X main.version=…".
var version = ""

func versionString() string {
	v := version
	if v == "" {
		v = "desarrollo"
		if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
			v = bi.Main.Version
		}
	}
	return fmt.Sprintf("mpp %s (%s, %s/%s)", v, runtime.Version(), runtime.GOOS, runtime.GOARCH)
}

func newVersionCmd(ios *ioStreams) *cobra.Command {
	return &cobra.Command{
		Use:     "version",
		Aliases: []string{"versión"},
		Short:   "Muestra la versión de mpp",
		Args:    exactArgs(0, "ningún argumento"),
		Run: func(c *cobra.Command, args []string) {
			fmt.Fprintln(ios.Out, versionString())
		},
	}
}
