package main

import (
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// Escaped control characters in a YAML string reach the terminal escaped,
// not raw (issue 16: a screen clear, a window retitled).
func TestControlCharactersEscaped(t *testing.T) {
	exp := filepath.Join(t.TempDir(), "H.4.05")
	copyDir(t, "../../examples/H.4.05", exp)
	p := filepath.Join(exp, "acuerdo.yaml")
	b, _ := os.ReadFile(p)
	s := strings.Replace(string(b), "definicion: Comité de Gestión y Publicación Electrónica", `definicion: "Comité\e[2J\e]0;hola\a de Gestión"`, 1)
	if s == string(b) {
		t.Fatal("the CGPE entry was not found")
	}
	writeFile(t, p, s)
	for _, format := range []string{"texto", "gcc"} {
		_, out, errOut := mpp(t, "validate", exp, "--formato", format)
		if strings.ContainsAny(out+errOut, "\x1b\x07") || !strings.Contains(out, `Comité\x1b[2J\x1b]0;hola\x07 de Gestión`) {
			t.Errorf("%s: %q", format, out)
		}
	}
}

// A link that is not a web address never becomes a link in the DOF
// extract (issue 16: «javascript:» and «file:» were clickable).
func TestDOFRefusesNonWebLinks(t *testing.T) {
	for _, l := range []string{"javascript:alert(1)", "file:///etc/passwd", "anexo.pdf"} {
		code, _, errOut := mpp(t, "render", "dof", "../../examples/H.4.05", "-o", filepath.Join(t.TempDir(), "d.pdf"), "--fecha-dof", "2022-12-08", "--liga", l)
		if code != exitUsage || !strings.Contains(errOut, "no es una dirección web") {
			t.Errorf("%s: %d %q", l, code, errOut)
		}
	}
}

// Inputs that are not files, or that never end (issue 16, item 8): a
// manual.yaml linked to /dev/zero or made a FIFO, an endless standard
// input, a --max-entrada that diff ignored.
func TestInputsThatAreNotFiles(t *testing.T) {
	dir := t.TempDir()
	zero := filepath.Join(dir, "cero", "H.4.05")
	copyDir(t, "../../examples/H.4.05", zero)
	os.Remove(filepath.Join(zero, "manual.yaml"))
	os.Symlink("/dev/zero", filepath.Join(zero, "manual.yaml"))
	fifo := filepath.Join(dir, "fifo", "H.4.05")
	copyDir(t, "../../examples/H.4.05", fifo)
	os.Remove(filepath.Join(fifo, "manual.yaml"))
	if err := syscall.Mkfifo(filepath.Join(fifo, "manual.yaml"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, exp := range []string{zero, fifo} {
		done := make(chan struct{})
		var code int
		var errOut string
		go func() {
			code, _, errOut = mpp(t, "validate", exp)
			close(done)
		}()
		select {
		case <-done:
		case <-time.After(time.Minute):
			t.Fatalf("%s: validate hangs", exp)
		}
		if code != exitUsage || !strings.Contains(errOut, "manual.yaml: no es un archivo común") {
			t.Errorf("%s: %d %q", exp, code, errOut)
		}
	}
	// An endless standard input is read only up to the limit.
	cmd := exec.Command(os.Args[0], "ingest", "/dev/stdin", "-o", filepath.Join(dir, "stdin"), "--max-entrada", "1")
	cmd.Env = append(os.Environ(), mainEnv+"=1")
	cmd.Stdin = io.LimitReader(endless{}, 1<<30)
	out, _ := cmd.CombinedOutput()
	if cmd.ProcessState.ExitCode() != exitUsage || !strings.Contains(string(out), "pasa del tamaño máximo de 1 MB") {
		t.Errorf("endless stdin: %d %s", cmd.ProcessState.ExitCode(), out)
	}
	// diff honours --max-entrada.
	big := filepath.Join(dir, "grande", "manual.yaml")
	os.MkdirAll(filepath.Dir(big), 0o755)
	b, _ := os.ReadFile("../../examples/H.4.05/manual.yaml")
	writeFile(t, big, string(b)+"# "+strings.Repeat("x", 2<<20)+"\n")
	if code, _, errOut := mpp(t, "diff", "../../examples/H.4.05/manual.yaml", big, "--max-entrada", "1"); code != exitUsage || !strings.Contains(errOut, "pasa del tamaño máximo") {
		t.Errorf("diff --max-entrada: %d %q", code, errOut)
	}
}

// endless reads as an endless run of text.
type endless struct{}

func (endless) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = 'a'
	}
	return len(p), nil
}
