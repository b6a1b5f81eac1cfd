package main

import (
	"fmt"

	"github.com/cipro-ine/mpp/manuals"
)

// inputsOf lists an expediente's files: what a command must never write on.
func inputsOf(e *manuals.Expediente) []string {
	out := make([]string, 0, len(manuals.Files))
	for _, f := range manuals.Files {
		out = append(out, e.Path(f))
	}
	return out
}

// loadExpedientes finds the expedientes under paths and loads them; the
// problems of each one that cannot be read go to stderr and are counted.
func loadExpedientes(ios *ioStreams, paths []string) ([]*manuals.Expediente, int, error) {
	dirs, err := manuals.FindExpedientes(paths)
	if err != nil {
		return nil, 0, &exitError{exitUsage, err}
	}
	var out []*manuals.Expediente
	bad := 0
	for _, d := range dirs {
		exp, err := manuals.LoadExpediente(d)
		if err != nil {
			fmt.Fprintln(ios.ErrOut, err)
			bad++
			continue
		}
		out = append(out, exp)
	}
	return out, bad, nil
}
