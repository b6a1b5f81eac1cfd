package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

func copyDir(t *testing.T, from, to string) {
	t.Helper()
	if err := os.MkdirAll(to, 0o755); err != nil {
		t.Fatal(err)
	}
	entries, _ := os.ReadDir(from)
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(from, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		writeFile(t, filepath.Join(to, e.Name()), string(b))
	}
}

func TestRenderXLSXAndImportBack(t *testing.T) {
	dir := t.TempDir()
	book := filepath.Join(dir, "S.5.01.xlsx")
	if code, _, errOut := mpp(t, "render", "xlsx", "../../examples/S.5.01"); code != exitUsage || !strings.Contains(errOut, "necesita un archivo de salida: -o ARCHIVO") {
		t.Errorf("without -o: %d %q", code, errOut)
	}
	if code, _, errOut := mpp(t, "render", "xlsx", "../../examples/S.5.01", "-o", book); code != 0 {
		t.Fatalf("render xlsx: %d %s", code, errOut)
	}
	f, err := excelize.OpenFile(book)
	if err != nil {
		t.Fatal(err)
	}
	if v, _ := f.GetCellValue("Procesos", "A2"); v != "S.5.01" {
		t.Errorf("Procesos!A2 = %q", v)
	}
	f.Close()
	// Import into a copy of the expediente: the manual comes back the same.
	exp := filepath.Join(dir, "exp")
	copyDir(t, "../../examples/S.5.01", exp)
	os.Remove(filepath.Join(exp, "manual.yaml"))
	code, out, errOut := mpp(t, "importar", "xlsx", book, "-o", exp)
	if code != 0 || !strings.Contains(out, "4 procedimientos, 28 actividades, 3 roles") {
		t.Fatalf("importar: %d %s %s", code, out, errOut)
	}
	_, a := validateJSON(t, exp)
	_, b := validateJSON(t, "../../examples/S.5.01")
	if len(a["exp"]) != len(b["S.5.01"]) {
		t.Errorf("imported expediente: %d findings, example: %d", len(a["exp"]), len(b["S.5.01"]))
	}
}

func TestImportRejectsBadRowsAndWritesNothing(t *testing.T) {
	dir := t.TempDir()
	book := filepath.Join(dir, "libro.xlsx")
	if code, _, _ := mpp(t, "render", "xlsx", "../../examples/S.5.01", "-o", book); code != 0 {
		t.Fatal("render")
	}
	f, err := excelize.OpenFile(book)
	if err != nil {
		t.Fatal(err)
	}
	f.SetCellValue("Actividades", "D3", "Rol inventado")
	f.SetCellValue("Actividades", "E4", "")
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
	f.Close()
	out := filepath.Join(dir, "exp")
	code, _, errOut := mpp(t, "importar", "xlsx", book, "-o", out)
	if code != exitUsage {
		t.Errorf("exit %d", code)
	}
	for _, w := range []string{"hoja «Actividades», fila 3, columna «Responsable»: el rol «Rol inventado» no está en la hoja Roles",
		"hoja «Actividades», fila 4, columna «Actividad»: la celda está vacía", "no se escribió nada"} {
		if !strings.Contains(errOut, w) {
			t.Errorf("stderr lacks %q:\n%s", w, errOut)
		}
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Error("something was written")
	}
	if code, _, errOut := mpp(t, "importar", "xlsx", "../../examples/S.5.01/manual.yaml", "-o", out); code != exitUsage || !strings.Contains(errOut, "no es un libro de Excel") {
		t.Errorf("a YAML file: %d %q", code, errOut)
	}
}

func TestCatalog(t *testing.T) {
	dir := t.TempDir()
	book := filepath.Join(dir, "catalogo.xlsx")
	code, _, errOut := mpp(t, "catalogo", "../../examples", "-o", book)
	if code != 0 || !strings.Contains(errOut, "escrito: "+book) || !strings.Contains(errOut, "el catálogo trae 2 expedientes") {
		t.Fatalf("catalogo: %d %s", code, errOut)
	}
	f, err := excelize.OpenFile(book)
	if err != nil {
		t.Fatal(err)
	}
	rows, _ := f.GetRows("Procesos")
	acts, _ := f.GetRows("Actividades")
	roles, _ := f.GetRows("Roles")
	f.Close()
	if len(rows) != 3 || rows[1][0] != "H.4.05" || rows[2][0] != "S.5.01" {
		t.Errorf("Procesos: %v", rows)
	}
	if len(acts) != 1+84+28 {
		t.Errorf("%d activity rows", len(acts)-1)
	}
	if roles[0][6] != "Procedimientos" || roles[0][7] != "Actividades" {
		t.Errorf("catalog Roles header: %v", roles[0])
	}
	// A broken expediente: the rest still go in, exit 4 says partial.
	tree := filepath.Join(dir, "arbol")
	copyDir(t, "../../examples/H.4.05", filepath.Join(tree, "H.4.05"))
	copyDir(t, "../../examples/S.5.01", filepath.Join(tree, "S.5.01"))
	writeFile(t, filepath.Join(tree, "S.5.01", "dictamen.yaml"), "fecha: 31 de febrero de 2022\n")
	code, out, errOut := mpp(t, "catalogo", tree, "-o", filepath.Join(dir, "parcial.xlsx"))
	if code != exitPartial || !strings.Contains(errOut, "el catálogo trae 1 expediente\n") || !strings.Contains(errOut, "dictamen.yaml:1:8") {
		t.Errorf("partial: %d\n%s\n%s", code, out, errOut)
	}
	if code, _, errOut := mpp(t, "catalogo", "../../examples", "-o", book); code != exitUsage || !strings.Contains(errOut, "ya existe") {
		t.Errorf("overwrite: %d %q", code, errOut)
	}
}
