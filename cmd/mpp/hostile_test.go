package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
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
