package main

import (
	"fmt"

	"github.com/cipro-ine/mpp/manuals"
	"github.com/cipro-ine/mpp/render/report"
)

// inputsOf lists an expediente's files: what a command must never write on.
func inputsOf(e *manuals.Expediente) []string {
	out := make([]string, 0, len(manuals.Files))
	for _, f := range manuals.Files {
		out = append(out, e.Path(f))
	}
	return out
}

// unreadable is an expediente that could not be read, and why.
type unreadable struct {
	dir      string
	problems []report.Problem
}

// loadExpedientes finds the expedientes under paths and loads them; the
// problems of each one that cannot be read go to stderr and come back, one
// per located error, for the machine formats.
func loadExpedientes(ios *ioStreams, paths []string) ([]*manuals.Expediente, []unreadable, error) {
	dirs, err := manuals.FindExpedientes(paths)
	if err != nil {
		return nil, nil, err
	}
	var out []*manuals.Expediente
	var bad []unreadable
	for _, d := range dirs {
		exp, err := manuals.LoadExpediente(d)
		if err != nil {
			fmt.Fprintln(ios.ErrOut, err)
			u := unreadable{dir: d}
			for _, o := range outcomesOf(err) {
				u.problems = append(u.problems, report.Problem{File: o.File, Line: o.Line, Column: o.Column, Message: o.Message})
			}
			bad = append(bad, u)
			continue
		}
		out = append(out, exp)
	}
	return out, bad, nil
}

// problemsOf are the read problems of every unreadable expediente.
func problemsOf(bad []unreadable) []report.Problem {
	var out []report.Problem
	for _, u := range bad {
		out = append(out, u.problems...)
	}
	return out
}

// outcomesOfProblems are the envelope's errors for read problems.
func outcomesOfProblems(ps []report.Problem) []outcome {
	out := make([]outcome, len(ps))
	for i, p := range ps {
		out[i] = outcome{File: p.File, Line: p.Line, Column: p.Column, Message: p.Message}
	}
	return out
}
