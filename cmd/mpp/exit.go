package main

import (
	"context"
	"errors"
	"fmt"

	"github.com/cipro-ine/mpp/ocr"
)

// Exit codes, documented in the README and in «mpp --help». The OCR ones
// follow OCRmyPDF's split of what a script wants to tell apart: a missing
// dependency, a PDF that already has text, a time limit, an encrypted PDF.
const (
	exitOK       = 0
	exitFindings = 1 // validation found errors, or diff/verificar found changes
	exitUsage    = 2 // bad usage or unreadable input; nothing written
	// exitIncomplete: the output was written but essential parts are
	// missing (an acuerdo with no código, no proceso or no puntos).
	exitIncomplete = 3
	// exitPartial: a batch wrote its output, but some inputs could not be
	// read; they are named on stderr.
	exitPartial    = 4
	exitDependency = 5 // a program or Tesseract's language data is missing
	exitHasText    = 6 // «ocr» of a PDF that already has text on every page
	exitTimeout    = 7 // a page passed --limite-pagina; the rest was written
	exitEncrypted  = 8 // a PDF protected by a password
	// exitInterrupted: Ctrl-C (SIGINT) or SIGTERM; nothing written. 128+2,
	// as shells report it.
	exitInterrupted = 130
)

// Kinds of outcome a command returns, wrapped around its Spanish message.
// Anything else that fails is bad usage or unreadable input (exit 2).
var (
	errFindings   = errors.New("hallazgos")
	errIncomplete = errors.New("incompleto")
	errPartial    = errors.New("parcial")
	errUsage      = errors.New("uso")
	// errInterrupted is the signal that stopped the command.
	errInterrupted = errors.New("interrumpido")
)

// kindError is an outcome of a kind, with its message.
type kindError struct {
	kind error
	err  error
}

func (e *kindError) Error() string        { return e.err.Error() }
func (e *kindError) Unwrap() []error      { return []error{e.kind, e.err} }
func withKind(kind, err error) *kindError { return &kindError{kind, err} }

func findings(err error) error   { return withKind(errFindings, err) }
func incomplete(err error) error { return withKind(errIncomplete, err) }
func partial(err error) error    { return withKind(errPartial, err) }

func usageError(format string, args ...any) error {
	return withKind(errUsage, fmt.Errorf(format, args...))
}

// errSilent marks an outcome whose messages were already printed.
var errSilent = errors.New("")

// exitCode is the one place that maps an outcome to an exit code.
func exitCode(err error) int {
	switch {
	case err == nil:
		return exitOK
	case errors.Is(err, errInterrupted), errors.Is(err, context.Canceled):
		return exitInterrupted
	case errors.Is(err, ocr.ErrNoLanguage), errors.Is(err, ocr.ErrMissingTool):
		return exitDependency
	case errors.Is(err, ocr.ErrEncrypted):
		return exitEncrypted
	case errors.Is(err, ocr.ErrHasText):
		return exitHasText
	case errors.Is(err, ocr.ErrPageTimeout):
		return exitTimeout
	case errors.Is(err, errFindings):
		return exitFindings
	case errors.Is(err, errIncomplete):
		return exitIncomplete
	case errors.Is(err, errPartial):
		return exitPartial
	}
	return exitUsage
}

// exitCodes is the table «mpp --help» and the README show.
var exitCodes = []struct {
	code int
	what string
}{
	{exitOK, "sin errores (puede haber advertencias)"},
	{exitFindings, "hay errores de validación («validate», «build»), o cambios («diff», «verificar»)"},
	{exitUsage, "uso incorrecto, o una entrada que no se puede leer; no se escribe nada"},
	{exitIncomplete, "(«ingest») se escribió el expediente, pero al acuerdo le falta una parte esencial"},
	{exitPartial, "parcial: se escribió lo que se pudo leer; lo que no, se nombra"},
	{exitDependency, "falta un programa o los datos de Tesseract (se dice cómo instalarlo)"},
	{exitHasText, "(«ocr») el PDF ya tiene texto en todas sus páginas (--forzar-ocr para reconocerlo)"},
	{exitTimeout, "(«ocr», «ingest») una página pasó de --limite-pagina; lo demás se escribió"},
	{exitEncrypted, "el PDF está protegido con contraseña"},
	{exitInterrupted, "interrumpido (Ctrl-C); no se escribe nada"},
}
