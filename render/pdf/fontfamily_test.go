package pdf

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/image/font/gofont/gomono"
	"golang.org/x/image/font/gofont/gomonobold"
	"golang.org/x/image/font/gofont/gomonobolditalic"
	"golang.org/x/image/font/gofont/gomonoitalic"
	"golang.org/x/image/font/gofont/goregular"
)

func write(t *testing.T, dir string, files map[string][]byte) {
	t.Helper()
	for n, b := range files {
		if err := os.WriteFile(filepath.Join(dir, n), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// --fuente takes a family: its members are found by their name tables,
// not by their file names.
func TestFontFamilies(t *testing.T) {
	family := t.TempDir()
	write(t, family, map[string][]byte{"a.ttf": gomono.TTF, "b.ttf": gomonobold.TTF, "c.ttf": gomonoitalic.TTF, "d.ttf": gomonobolditalic.TTF})
	want := faces{gomono.TTF, gomonobold.TTF, gomonoitalic.TTF, gomonobolditalic.TTF}
	same := func(got faces, want faces) bool {
		return bytes.Equal(got.regular, want.regular) && bytes.Equal(got.bold, want.bold) && bytes.Equal(got.italic, want.italic) && bytes.Equal(got.boldItalic, want.boldItalic)
	}
	for _, spec := range []string{filepath.Join(family, "a.ttf"), filepath.Join(family, "c.ttf"), family} {
		got, err := loadFaces(spec, "")
		if err != nil || !same(got, want) {
			t.Errorf("%s: the four Go Mono faces not found (%v)", spec, err)
		}
	}
	// Without italics: the upright faces stand in for them.
	upright := t.TempDir()
	write(t, upright, map[string][]byte{"r.ttf": gomono.TTF, "b.ttf": gomonobold.TTF})
	if got, err := loadFaces(filepath.Join(upright, "r.ttf"), ""); err != nil || !same(got, faces{gomono.TTF, gomonobold.TTF, gomono.TTF, gomonobold.TTF}) {
		t.Errorf("a family without italics: %v", err)
	}
	// Without bold: refused, unless --fuente-negritas gives it.
	alone := t.TempDir()
	write(t, alone, map[string][]byte{"r.ttf": gomono.TTF, "otra.ttf": goregular.TTF})
	if _, err := loadFaces(filepath.Join(alone, "r.ttf"), ""); err == nil || !strings.Contains(err.Error(), "«Go Mono» no tiene negrita") {
		t.Errorf("no bold: %v", err)
	}
	if got, err := loadFaces(filepath.Join(alone, "r.ttf"), filepath.Join(family, "b.ttf")); err != nil || !bytes.Equal(got.bold, gomonobold.TTF) {
		t.Errorf("--fuente-negritas: %v", err)
	}
	// A folder of two families is ambiguous.
	if _, err := loadFaces(alone, ""); err == nil || !strings.Contains(err.Error(), "varias familias (Go, Go Mono)") {
		t.Errorf("two families: %v", err)
	}
	// By name, through fontconfig: DejaVu Serif (Debian's fonts-dejavu-core,
	// which scripts/deps.sh installs).
	if _, err := exec.LookPath("fc-match"); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("fc-match (fontconfig) missing in CI")
		}
		t.Skip("no fontconfig")
	}
	got, err := loadFaces("DejaVu Serif", "")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		data []byte
		file string
	}{{got.regular, "DejaVuSerif.ttf"}, {got.bold, "DejaVuSerif-Bold.ttf"}, {got.italic, "DejaVuSerif-Italic.ttf"}, {got.boldItalic, "DejaVuSerif-BoldItalic.ttf"}} {
		b, err := os.ReadFile("/usr/share/fonts/truetype/dejavu/" + c.file)
		if err != nil || !bytes.Equal(b, c.data) {
			t.Errorf("DejaVu Serif: not %s (%v)", c.file, err)
		}
	}
	if _, err := loadFaces("Familia Que No Existe", ""); err == nil || !strings.Contains(err.Error(), "no está instalada") {
		t.Errorf("an unknown family: %v", err)
	}
}
