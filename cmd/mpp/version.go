package main

import (
	"fmt"
	"runtime"
	"runtime/debug"

	"github.com/spf13/cobra"
)

// version is set at release time with -ldflags "-X main.version=…".
var version = ""

// versionNumber is mpp's version: the one set at release time, the
// module's when installed with «go install», or «desarrollo».
func versionNumber() string {
	if version != "" {
		return version
	}
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return "desarrollo"
}

func versionString() string {
	return fmt.Sprintf("mpp %s (%s, %s/%s)", versionNumber(), runtime.Version(), runtime.GOOS, runtime.GOARCH)
}

func newVersionCmd(ios *ioStreams) *cobra.Command {
	return &cobra.Command{
		Use:     "version",
		Aliases: []string{"versión"},
		Short:   "Muestra la versión de mpp (también «mpp --version»)",
		Example: "  mpp version\n  mpp --version",
		Args:    exactArgs(0, "ningún argumento"),
		Run: func(c *cobra.Command, args []string) {
			fmt.Fprintln(ios.Out, versionString())
		},
	}
}
