package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// openssl makes a key (and a self-signed certificate) as the DJ would,
// with a tool that is not mpp's.
func opensslKey(t *testing.T, dir, name string, genArgs ...string) (key, cert, pub string) {
	t.Helper()
	key, cert, pub = filepath.Join(dir, name+".key.pem"), filepath.Join(dir, name+".cer.pem"), filepath.Join(dir, name+".pub.pem")
	for _, args := range [][]string{
		append([]string{"genpkey", "-out", key}, genArgs...),
		{"req", "-new", "-x509", "-key", key, "-out", cert, "-days", "365", "-subj", "/O=Instituto Nacional Electoral/OU=Direccion Juridica/CN=Titular de la DJ"},
		{"pkey", "-in", key, "-pubout", "-out", pub},
	} {
		if out, err := exec.Command("openssl", args...).CombinedOutput(); err != nil {
			t.Fatalf("openssl %v: %v %s", args, err, out)
		}
	}
	return key, cert, pub
}

// A signed certificación verifies, says who signed, and fails after any
// change: to the content it certifies, to its own fields, or when checked
// against another key (issue 16, item 7).
func TestSignedCertification(t *testing.T) {
	dir := t.TempDir()
	for _, kind := range []struct {
		name string
		args []string
	}{
		{"ed25519", []string{"-algorithm", "ed25519"}},
		{"rsa", []string{"-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048"}},
		{"ecdsa", []string{"-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256"}},
	} {
		t.Run(kind.name, func(t *testing.T) {
			key, cert, pub := opensslKey(t, dir, kind.name, kind.args...)
			_, _, otherPub := opensslKey(t, dir, kind.name+"-otro", kind.args...)
			exp := filepath.Join(t.TempDir(), "H.4.05")
			copyDir(t, "../../examples/H.4.05", exp)
			code, out, errOut := mpp(t, "certificar", exp, "--folio", "F-1", "--fecha", "2022-11-18", "--firmante", "DJ", "--forzar", "--alcance", "acuerdo,manual", "--firmar", key, "--certificado", cert)
			if code != 0 {
				t.Fatalf("certificar --firmar: %d %s %s", code, out, errOut)
			}
			// The instrument reads as one: wording, signature block, the
			// signature's key; no tool's name, no «de el».
			txt := pdfText(t, filepath.Join(exp, "certificacion.pdf"))
			for _, want := range []string{"certifica el contenido jurídico del proyecto de acuerdo", "Atentamente", "DJ", "Dirección Jurídica del Instituto Nacional Electoral", "firmada electrónicamente", "CN=Titular de la DJ"} {
				if !strings.Contains(txt, want) {
					t.Errorf("certificacion.pdf lacks %q", want)
				}
			}
			for _, bad := range []string{"de el ", "mpp huella", "(mpp"} {
				if strings.Contains(txt, bad) {
					t.Errorf("certificacion.pdf says %q", bad)
				}
			}
			code, out, _ = mpp(t, "verificar", exp, "--clave-confiable", pub)
			if code != 0 || !strings.Contains(out, "firma válida de CN=Titular de la DJ") || !strings.Contains(out, "una de las de confianza") {
				t.Errorf("signed: %d\n%s", code, out)
			}
			// The certificate works as the trusted key too.
			if code, out, _ := mpp(t, "verificar", exp, "--clave-confiable", cert); code != 0 {
				t.Errorf("trusted by certificate: %d\n%s", code, out)
			}
			if code, out, _ := mpp(t, "verificar", exp, "--clave-confiable", otherPub); code != exitFindings || !strings.Contains(out, "no es ninguna de las de confianza") {
				t.Errorf("another key: %d\n%s", code, out)
			}
			certYAML := filepath.Join(exp, "certificacion.yaml")
			signed, _ := os.ReadFile(certYAML)
			for _, edit := range [][2]string{{"folio: F-1", "folio: F-2"}, {"2022-11-18", "2022-11-19"}, {"sha256:4c79", "sha256:5c79"}} {
				writeFile(t, certYAML, strings.Replace(string(signed), edit[0], edit[1], 1))
				if code, out, _ := mpp(t, "verificar", exp); code != exitFindings || !strings.Contains(out, "FIRMA INVÁLIDA") {
					t.Errorf("certificación edited (%s → %s): %d\n%s", edit[0], edit[1], code, out)
				}
			}
			writeFile(t, certYAML, string(signed))
			manual := filepath.Join(exp, "manual.yaml")
			b, _ := os.ReadFile(manual)
			writeFile(t, manual, strings.Replace(string(b), "Valida la publicación en Internet.", "Valida la publicación en Intranet.", 1))
			if code, out, _ := mpp(t, "verificar", exp, "--clave-confiable", pub); code != exitFindings || !strings.Contains(out, "manual: CAMBIÓ") {
				t.Errorf("manual changed: %d\n%s", code, out)
			}
		})
	}
	// Unsigned: says what that proves; with --clave-confiable, fails.
	exp := filepath.Join(t.TempDir(), "H.4.05")
	copyDir(t, "../../examples/H.4.05", exp)
	mpp(t, "certificar", exp, "--folio", "F-1", "--fecha", "2022-11-18", "--firmante", "DJ", "--forzar", "--alcance", "acuerdo,manual")
	if code, out, _ := mpp(t, "verificar", exp); code != 0 || !strings.Contains(out, "sin firma; prueba que nada cambió desde que se escribió, no quién la escribió") {
		t.Errorf("unsigned: %d\n%s", code, out)
	}
	_, _, pub := opensslKey(t, dir, "dj", "-algorithm", "ed25519")
	if code, out, _ := mpp(t, "verificar", exp, "--clave-confiable", pub); code != exitFindings || !strings.Contains(out, "NO está firmada") {
		t.Errorf("unsigned with a trusted key: %d\n%s", code, out)
	}
	// A key that is not one.
	bad := filepath.Join(dir, "no-es-clave.pem")
	writeFile(t, bad, "hola\n")
	if code, _, errOut := mpp(t, "certificar", exp, "--folio", "F-1", "--fecha", "2022-11-18", "--firmante", "DJ", "--forzar", "--firmar", bad); code != exitUsage || !strings.Contains(errOut, "no es un archivo PEM") {
		t.Errorf("bad key: %d %q", code, errOut)
	}
}
