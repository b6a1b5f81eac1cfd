package main

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"io/fs"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/cipro-ine/mpp/ocr/scan"
)

// The bad-input corpus: what users really feed mpp (scans from
// photocopiers, YAML written by hand, files from email) gone wrong. Small
// cases are files in testdata/corpus/; large or binary ones are made here.
// Every case gets a Spanish message naming the file (and its line or page),
// its documented exit code, no Go panic, no partial output, and its inputs
// untouched.

const corpus = "../../testdata/corpus"

type corpusCase struct {
	name string
	// setup writes the case's inputs into dir and returns the command line
	// and the output it must not leave behind ("" when there is none to
	// check).
	setup  func(t *testing.T, dir string) (args []string, noOutput string)
	code   int
	want   []string // in stderr (or stdout, for validation findings)
	output string   // the name of the one file the case may write
	// fileSizeLimit, if set, is the file-size limit (RLIMIT_FSIZE) while
	// the command runs: writes past it fail as on a full disk.
	fileSizeLimit uint64
}

// expediente copies an example and replaces one of its files.
func expediente(t *testing.T, dir, file string, data []byte) string {
	t.Helper()
	exp := filepath.Join(dir, "H.4.05")
	copyDir(t, "../../examples/H.4.05", exp)
	if data != nil {
		writeFile(t, filepath.Join(exp, file), string(data))
	}
	return exp
}

func corpusFile(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(corpus, name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// garbage is deterministic binary noise.
func garbage(n int) []byte {
	r := rand.New(rand.NewPCG(1, 2))
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(r.UintN(256))
	}
	return b
}

// validateCase: «mpp validate» on an expediente whose manual.yaml is data.
func validateCase(data func(t *testing.T) []byte) func(t *testing.T, dir string) ([]string, string) {
	return func(t *testing.T, dir string) ([]string, string) {
		exp := expediente(t, dir, "manual.yaml", data(t))
		return []string{"validate", exp}, ""
	}
}

func fromCorpus(name string) func(t *testing.T) []byte {
	return func(t *testing.T) []byte { return corpusFile(t, name) }
}

// ocrCase: «mpp ocr» on one file with the given bytes.
func ocrCase(name string, data func(t *testing.T) []byte, extra ...string) func(t *testing.T, dir string) ([]string, string) {
	return func(t *testing.T, dir string) ([]string, string) {
		in := filepath.Join(dir, name)
		writeFile(t, in, string(data(t)))
		out := filepath.Join(dir, "texto.txt")
		return append([]string{"ocr", in, "-o", out}, extra...), out
	}
}

func ingestCase(name string, data func(t *testing.T) []byte) func(t *testing.T, dir string) ([]string, string) {
	return func(t *testing.T, dir string) ([]string, string) {
		in := filepath.Join(dir, name)
		writeFile(t, in, string(data(t)))
		out := filepath.Join(dir, "exp")
		return []string{"ingest", in, "-o", out}, out
	}
}

// scanPDF is a two-page image-only PDF of short pages.
func scanPDF(t *testing.T) []byte {
	t.Helper()
	pages, err := scan.Sheets(2, 100)
	if err != nil {
		t.Fatal(err)
	}
	b, err := scan.PDF(pages)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// minimalPDF writes a PDF from its objects (1-based), computing the xref.
func minimalPDF(objects ...string) []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n")
	offs := make([]int, len(objects))
	for i, o := range objects {
		offs[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	x := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objects)+1)
	for _, o := range offs {
		fmt.Fprintf(&b, "%010d 00000 n \n", o)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objects)+1, x)
	return b.Bytes()
}

// bombPDF is a one-page PDF whose page is an image declaring 40,000 ×
// 40,000 pixels (1.6 billion): decoding it would take 1.6 GB.
func bombPDF(*testing.T) []byte {
	return minimalPDF(
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /XObject << /Im0 4 0 R >> >> /Contents 5 0 R >>",
		"<< /Type /XObject /Subtype /Image /Width 40000 /Height 40000 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length 0 >>\nstream\n\nendstream",
		"<< /Length 35 >>\nstream\nq 612 0 0 792 0 0 cm /Im0 Do Q\nendstream",
	)
}

// hugePNG declares 100,000 × 100,000 pixels in a valid header.
func hugePNG(*testing.T) []byte {
	var b bytes.Buffer
	b.WriteString("\x89PNG\r\n\x1a\n")
	chunk := func(typ string, data []byte) {
		binary.Write(&b, binary.BigEndian, uint32(len(data)))
		body := append([]byte(typ), data...)
		b.Write(body)
		binary.Write(&b, binary.BigEndian, crc32.ChecksumIEEE(body))
	}
	ihdr := make([]byte, 13)
	binary.BigEndian.PutUint32(ihdr, 100_000)
	binary.BigEndian.PutUint32(ihdr[4:], 100_000)
	ihdr[8], ihdr[9] = 8, 0 // 8-bit grey
	chunk("IHDR", ihdr)
	chunk("IDAT", []byte{0x78, 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01})
	chunk("IEND", nil)
	return b.Bytes()
}

// corruptTIFF is a three-page TIFF whose second page uses a compression
// no reader knows.
func corruptTIFF(t *testing.T) []byte {
	pages, err := scan.Sheets(3, 100)
	if err != nil {
		t.Fatal(err)
	}
	b := scan.TIFF(pages, 100)
	off := int(binary.LittleEndian.Uint32(b[4:]))
	off = int(binary.LittleEndian.Uint32(b[off+2+12*int(binary.LittleEndian.Uint16(b[off:])):]))
	for e := off + 2; e < off+2+12*int(binary.LittleEndian.Uint16(b[off:])); e += 12 {
		if binary.LittleEndian.Uint16(b[e:]) == 259 {
			binary.LittleEndian.PutUint16(b[e+8:], 99)
		}
	}
	return b
}

// zipBomb is a workbook-shaped zip whose one sheet unzips to 300 MB.
func zipBomb(t *testing.T) []byte {
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for _, name := range []string{"[Content_Types].xml", "_rels/.rels", "xl/workbook.xml"} {
		w, _ := zw.Create(name)
		w.Write([]byte("<?xml version=\"1.0\"?><x/>"))
	}
	w, err := zw.Create("xl/worksheets/sheet1.xml")
	if err != nil {
		t.Fatal(err)
	}
	chunk := bytes.Repeat([]byte("<c/>"), 1<<18)
	for range 300 {
		w.Write(chunk)
	}
	zw.Close()
	return b.Bytes()
}

func encryptedPDF(t *testing.T) []byte {
	dir := t.TempDir()
	in, out := filepath.Join(dir, "a.pdf"), filepath.Join(dir, "b.pdf")
	writeFile(t, in, string(scanPDF(t)))
	if b, err := exec.Command("qpdf", "--encrypt", "clave", "dueño", "256", "--", in, out).CombinedOutput(); err != nil {
		t.Fatalf("qpdf: %v %s", err, b)
	}
	b, _ := os.ReadFile(out)
	return b
}

func bigYAML(*testing.T) []byte {
	var b bytes.Buffer
	b.WriteString("datos_generales:\n  nombre: x\nmarco_normativo:\n")
	line := "- " + strings.Repeat("Ley General de Instituciones y Procedimientos Electorales. ", 8) + "\n"
	for b.Len() < 50<<20 {
		b.WriteString(line)
	}
	return b.Bytes()
}

func deepYAML(*testing.T) []byte {
	return []byte("objetivo: " + strings.Repeat("[", 5000) + strings.Repeat("]", 5000) + "\n")
}

func cycleManual(t *testing.T) []byte {
	b, err := os.ReadFile("../../examples/H.4.05/manual.yaml")
	if err != nil {
		t.Fatal(err)
	}
	// The last activity of the first procedure sends the flow back to 5:
	// 5 → 6 → 7 → 5, and the procedure never ends.
	s := strings.Replace(string(b), "      sistema: Correo institucional\n      fin: true\n", "      sistema: Correo institucional\n      siguiente: 5\n", 1)
	if s == string(b) {
		t.Fatal("cycle not introduced")
	}
	return []byte(s)
}

func corpusCases() []corpusCase {
	v := func(name string, data func(t *testing.T) []byte, want ...string) corpusCase {
		return corpusCase{name: "validate/" + name, setup: validateCase(data), code: exitUsage, want: append([]string{"manual.yaml"}, want...)}
	}
	return []corpusCase{
		v("vacío", fromCorpus("vacio.yaml"), "vacío"),
		v("basura binaria", func(*testing.T) []byte { return garbage(4096) }, "manual.yaml"),
		v("UTF-8 inválido", fromCorpus("utf8-invalido.yaml"), "manual.yaml:"),
		v("Latin-1", fromCorpus("latin1.yaml"), "manual.yaml:"),
		v("bomba de alias", fromCorpus("bomba-alias.yaml"), "alias"),
		v("anidado profundo", deepYAML, "manual.yaml:1"),
		v("50 MB", bigYAML, "pasa del tamaño máximo de 20 MB (--max-entrada)"),
		{name: "ingest/más grande que --max-entrada", setup: func(t *testing.T, dir string) ([]string, string) {
			in := filepath.Join(dir, "acuerdo.txt")
			writeFile(t, in, strings.Repeat("CONSIDERANDOS\n", 200_000))
			return []string{"ingest", in, "-o", filepath.Join(dir, "exp"), "--max-entrada", "1"}, filepath.Join(dir, "exp")
		}, code: exitUsage, want: []string{"acuerdo.txt: pasa del tamaño máximo de 1 MB (--max-entrada)"}},
		v("clave desconocida", fromCorpus("clave-desconocida.yaml"), "manual.yaml:4:", "campo desconocido «objetivos»", "¿quiso decir «objetivo»?"),
		v("tipo equivocado", fromCorpus("tipo-equivocado.yaml"), "manual.yaml:5:"),
		v("31 de febrero", fromCorpus("fecha-imposible.yaml"), "manual.yaml:5:", "el 31 de febrero de 2022 no existe"),
		v("código con letras", fromCorpus("codigo-con-letras.yaml"), "manual.yaml:3:", "H.4.0A"),
		{name: "validate/ciclo en el flujo", setup: validateCase(cycleManual), code: exitFindings, want: []string{"manual.yaml", "MAN-009", "ciclo sin salida"}},
		{name: "validate/lote con un expediente dañado", setup: func(t *testing.T, dir string) ([]string, string) {
			good := expediente(t, dir, "", nil)
			bad := filepath.Join(dir, "S.5.01")
			copyDir(t, "../../examples/S.5.01", bad)
			writeFile(t, filepath.Join(bad, "manual.yaml"), string(corpusFile(t, "clave-desconocida.yaml")))
			return []string{"validate", good, bad}, ""
		}, code: exitPartial, want: []string{"S.5.01/manual.yaml:4:", "H.4.05: 0 errores", "1 expediente con archivos que no se pueden leer no se validó"}},
		{name: "validate/carpeta que no existe", setup: func(t *testing.T, dir string) ([]string, string) {
			return []string{"validate", filepath.Join(dir, "no-existe")}, ""
		}, code: exitUsage, want: []string{"no-existe"}},

		{name: "ingest/vacío", setup: ingestCase("acuerdo.txt", func(*testing.T) []byte { return nil }), code: exitUsage, want: []string{"acuerdo.txt", "vacío"}},
		{name: "ingest/basura binaria .txt", setup: ingestCase("acuerdo.txt", func(*testing.T) []byte { return garbage(2048) }), code: exitUsage, want: []string{"acuerdo.txt: no es un archivo de texto"}},
		{name: "ingest/PDF cifrado", setup: ingestCase("cifrado.pdf", encryptedPDF), code: exitEncrypted, want: []string{"cifrado.pdf: el PDF está protegido con contraseña", "qpdf --decrypt"}},
		{name: "ingest/basura con nombre .pdf", setup: ingestCase("acuerdo.pdf", func(*testing.T) []byte { return append([]byte("%PDF-1.4\n"), garbage(2048)...) }), code: exitUsage, want: []string{"acuerdo.pdf"}},

		{name: "ocr/vacío", setup: ocrCase("vacio.pdf", func(*testing.T) []byte { return nil }), code: exitUsage, want: []string{"vacio.pdf: el archivo está vacío"}},
		{name: "ocr/basura .png", setup: ocrCase("hoja.png", func(*testing.T) []byte { return garbage(1024) }), code: exitUsage, want: []string{"hoja.png", "formato no admitido"}},
		{name: "ocr/basura .pdf", setup: ocrCase("acuerdo.pdf", func(*testing.T) []byte { return append([]byte("%PDF-1.4\n"), garbage(2048)...) }), code: exitUsage, want: []string{"acuerdo.pdf: PDF ilegible"}},
		{name: "ocr/PDF truncado", setup: ocrCase("truncado.pdf", func(t *testing.T) []byte { b := scanPDF(t); return b[:len(b)/3] }), code: exitUsage, want: []string{"truncado.pdf"}},
		{name: "ocr/PDF sin páginas", setup: ocrCase("sin-paginas.pdf", func(*testing.T) []byte {
			return minimalPDF("<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [] /Count 0 >>")
		}), code: exitUsage, want: []string{"sin-paginas.pdf: PDF sin páginas"}},
		{name: "ocr/PDF cifrado", setup: ocrCase("cifrado.pdf", encryptedPDF), code: exitEncrypted, want: []string{"cifrado.pdf: el PDF está protegido con contraseña", "qpdf --decrypt"}},
		{name: "ocr/PDF con imagen gigante", setup: ocrCase("bomba.pdf", bombPDF), code: exitUsage, want: []string{"bomba.pdf, página 1", "1600 millones de píxeles", "--max-pixeles"}},
		{name: "ocr/PNG de 100000 × 100000", setup: ocrCase("enorme.png", hugePNG), code: exitUsage, want: []string{"enorme.png", "100000 × 100000 píxeles"}},
		{name: "ocr/TIFF con página corrupta", setup: ocrCase("hojas.tif", corruptTIFF), code: exitPartial, want: []string{"página 2 (", "hojas.tif, página 2", "página ilegible del TIFF"}, output: "texto.txt"},
		{name: "ocr/más páginas que el límite", setup: ocrCase("hojas.pdf", scanPDF, "--max-paginas", "1"), code: exitUsage, want: []string{"hojas.pdf", "--max-paginas"}},
		{name: "ocr/formato no admitido", setup: ocrCase("hoja.gif", func(*testing.T) []byte { return []byte("GIF89a\x01\x00\x01\x00") }), code: exitUsage, want: []string{"hoja.gif", "formato no admitido"}},

		{name: "ocr/lote con un archivo dañado", setup: func(t *testing.T, dir string) ([]string, string) {
			a, bad, c := filepath.Join(dir, "a.pdf"), filepath.Join(dir, "b.png"), filepath.Join(dir, "c.pdf")
			writeFile(t, a, string(scanPDF(t)))
			writeFile(t, bad, string(garbage(500)))
			writeFile(t, c, string(scanPDF(t)))
			return []string{"ocr", a, bad, c, "-o", filepath.Join(dir, "texto.txt")}, ""
		}, code: exitPartial, want: []string{"b.png", "se sigue con los demás", "1 de 3 archivos no se pudo leer"}, output: "texto.txt"},
		{name: "importar/basura .xlsx", setup: func(t *testing.T, dir string) ([]string, string) {
			in := filepath.Join(dir, "libro.xlsx")
			writeFile(t, in, string(garbage(3000)))
			return []string{"importar", "xlsx", in, "-o", filepath.Join(dir, "exp")}, filepath.Join(dir, "exp")
		}, code: exitUsage, want: []string{"libro.xlsx"}},
		{name: "importar/libro vacío", setup: func(t *testing.T, dir string) ([]string, string) {
			in := filepath.Join(dir, "libro.xlsx")
			writeFile(t, in, "")
			return []string{"importar", "xlsx", in, "-o", filepath.Join(dir, "exp")}, filepath.Join(dir, "exp")
		}, code: exitUsage, want: []string{"libro.xlsx"}},

		{name: "importar/bomba zip", setup: func(t *testing.T, dir string) ([]string, string) {
			in := filepath.Join(dir, "libro.xlsx")
			writeFile(t, in, string(zipBomb(t)))
			return []string{"importar", "xlsx", in, "-o", filepath.Join(dir, "exp")}, filepath.Join(dir, "exp")
		}, code: exitUsage, want: []string{"libro.xlsx", "bomba zip"}},
		{name: "salida/ya existe", setup: func(t *testing.T, dir string) ([]string, string) {
			exp := expediente(t, dir, "", nil)
			out := filepath.Join(dir, "acuerdo.txt")
			writeFile(t, out, "no tocar")
			return []string{"render", "acuerdo", exp, "--formato", "txt", "-o", out}, ""
		}, code: exitUsage, want: []string{"acuerdo.txt: ya existe", "--forzar"}},
		{name: "salida/enlace a fuera de la carpeta", setup: func(t *testing.T, dir string) ([]string, string) {
			exp := expediente(t, dir, "", nil)
			out, elsewhere := filepath.Join(dir, "salida"), filepath.Join(dir, "fuera")
			os.MkdirAll(out, 0o755)
			os.MkdirAll(elsewhere, 0o755)
			os.Symlink(elsewhere, filepath.Join(out, "H.4.05"))
			return []string{"build", exp, "-o", out}, filepath.Join(elsewhere, "manual.pdf")
		}, code: exitUsage, want: []string{"queda fuera de la carpeta de salida"}},
		{name: "salida/carpeta sin permiso de escritura", setup: func(t *testing.T, dir string) ([]string, string) {
			exp := expediente(t, dir, "", nil)
			out := "/sys/mpp-salida" // root may write anywhere else
			if os.Geteuid() != 0 {
				out = filepath.Join(dir, "solo-lectura")
				os.Mkdir(out, 0o555)
			}
			return []string{"build", exp, "-o", out}, ""
		}, code: exitUsage, want: []string{"mpp-salida", "no se puede crear la carpeta", "permiso denegado"}},
		{name: "salida/disco lleno", setup: func(t *testing.T, dir string) ([]string, string) {
			exp := expediente(t, dir, "", nil)
			return []string{"render", "manual", exp, "-o", filepath.Join(dir, "manual.pdf")}, filepath.Join(dir, "manual.pdf")
		}, code: exitUsage, want: []string{"manual.pdf: no se puede escribir", "tamaño permitido"}, fileSizeLimit: 64 << 10}, // the manual's PDF is larger
		// build is all or nothing: with the disk full half-way (the small
		// documents fit, the manual does not), no document is left, not even
		// the folder (issue 16, item 3).
		{name: "salida/build con el disco lleno", setup: func(t *testing.T, dir string) ([]string, string) {
			exp := expediente(t, dir, "", nil)
			return []string{"build", exp, "-o", filepath.Join(dir, "out")}, filepath.Join(dir, "out")
		}, code: exitUsage, want: []string{"no se puede escribir", "tamaño permitido", "no se escribió nada"}, fileSizeLimit: 64 << 10},
	}
}

// mppLimited runs mpp as its own process (the test binary as mpp, see
// TestMain) with its file-size limit (RLIMIT_FSIZE) at n bytes. A limit on
// the test process itself would also stop «go test» writing its own log
// once that log passes n bytes.
func mppLimited(t *testing.T, n uint64, args ...string) (int, string, string) {
	t.Helper()
	cmd := exec.Command(os.Args[0], args...)
	cmd.Env = append(os.Environ(), mainEnv+"=1", fileSizeEnv+"="+strconv.FormatUint(n, 10))
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err := cmd.Run()
	code := 0
	if x, ok := err.(*exec.ExitError); ok {
		code = x.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return code, out.String(), errOut.String()
}

// snapshot hashes every file under dir.
func snapshot(t *testing.T, dir string) map[string][32]byte {
	t.Helper()
	m := map[string][32]byte{}
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && d.Type().IsRegular() {
			b, _ := os.ReadFile(p)
			m[p] = sha256.Sum256(b)
		}
		return nil
	})
	return m
}

func TestBadInputCorpus(t *testing.T) {
	cases := corpusCases()
	if len(cases) < 30 {
		t.Errorf("the corpus has %d cases; the issue asks for at least 30", len(cases))
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			args, noOutput := c.setup(t, dir)
			before := snapshot(t, dir)
			var code int
			var out, errOut string
			if c.fileSizeLimit > 0 {
				code, out, errOut = mppLimited(t, c.fileSizeLimit, args...)
			} else {
				code, out, errOut = mpp(t, args...)
			}
			all := out + errOut
			if code != c.code {
				t.Errorf("exit %d, want %d\nstdout: %.600s\nstderr: %.600s", code, c.code, out, errOut)
			}
			for _, w := range c.want {
				if !strings.Contains(all, w) {
					t.Errorf("output lacks %q:\nstdout: %.600s\nstderr: %.600s", w, out, errOut)
				}
			}
			if strings.Contains(all, "goroutine ") || strings.Contains(all, "panic:") {
				t.Errorf("Go panic:\n%s", errOut)
			}
			// Inputs untouched.
			after := snapshot(t, dir)
			for p, h := range before {
				if after[p] != h {
					t.Errorf("input changed: %s", p)
				}
			}
			// No partial output: nothing new but the expected output.
			for p := range after {
				if _, ok := before[p]; !ok && (c.output == "" || filepath.Base(p) != c.output) {
					t.Errorf("left behind: %s", p)
				}
			}
			if noOutput != "" && c.output == "" {
				if _, err := os.Lstat(noOutput); err == nil {
					t.Errorf("output written: %s", noOutput)
				}
			}
		})
	}
}

// «mpp build ..» from inside an expediente names its output folder after
// the expediente, inside -o, not «salida/..».
func TestBuildDotDotStaysInside(t *testing.T) {
	dir := t.TempDir()
	exp := expediente(t, dir, "", nil)
	os.MkdirAll(filepath.Join(exp, "sub"), 0o755)
	t.Chdir(filepath.Join(exp, "sub"))
	out := filepath.Join(dir, "salida")
	if code, _, errOut := mpp(t, "build", "..", "-o", out); code != exitOK {
		t.Fatalf("build ..: %d %s", code, errOut)
	}
	if _, err := os.Stat(filepath.Join(out, "H.4.05", "manual.pdf")); err != nil {
		t.Error(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "manual.pdf")); err == nil {
		t.Error("written beside the output folder")
	}
}
