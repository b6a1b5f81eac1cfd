package workbook_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/cipro-ine/mpp/manuals"
	wb "github.com/cipro-ine/mpp/manuals/workbook"
	"github.com/cipro-ine/mpp/render/xlsx"
)

// exampleBook is the workbook mpp writes for an example, open in excelize.
func exampleBook(t *testing.T, code string) *excelize.File {
	t.Helper()
	e, err := manuals.LoadExpediente("../../examples/" + code)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := xlsx.Expediente(&b, xlsx.Input{Exp: e}); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&b)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// edited writes the S.5.01 workbook, applies edits (sheet, cell, value) as a
// person would in Excel, and reads it back.
func edited(t *testing.T, edits ...[3]string) error {
	t.Helper()
	f := exampleBook(t, "S.5.01")
	for _, ed := range edits {
		if err := f.SetCellValue(ed[0], ed[1], ed[2]); err != nil {
			t.Fatal(err)
		}
	}
	var out bytes.Buffer
	if err := f.Write(&out); err != nil {
		t.Fatal(err)
	}
	_, err := wb.Read(&out)
	return err
}

func TestReadReportsEveryBadRow(t *testing.T) {
	err := edited(t,
		[3]string{"Actividades", "D3", "Rol que nadie declaró"}, // unknown role
		[3]string{"Actividades", "B5", "S.5.01.9.01"},           // procedure not in Procedimientos
		[3]string{"Actividades", "E6", ""},                      // empty required cell
		[3]string{"Actividades", "C7", "siete"},                 // not a number
		[3]string{"Procedimientos", "C3", "S.5.O1.1.02"},        // malformed code
		[3]string{"Riesgos", "E2", "alto"},                      // not a number
		[3]string{"Actividades", "M4", "Sí 5"},                  // bad decision exit
	)
	l, ok := err.(wb.Errors)
	if !ok {
		t.Fatalf("want workbook.Errors, got %T %v", err, err)
	}
	want := []string{
		`hoja «Procedimientos», fila 3, columna «Código»: «S.5.O1.1.02» no es un código de proceso`,
		`hoja «Actividades», fila 3, columna «Responsable»: el rol «Rol que nadie declaró» no está en la hoja Roles`,
		`hoja «Actividades», fila 4, columna «Salidas de la decisión»: «Sí 5» no tiene la forma «condición → actividad»`,
		`hoja «Actividades», fila 5, columna «Procedimiento»: el procedimiento «S.5.01.9.01» no está en la hoja Procedimientos`,
		`hoja «Actividades», fila 6, columna «Actividad»: la celda está vacía y es obligatoria`,
		`hoja «Actividades», fila 7, columna «No.»: «siete» no es un número entero`,
		`hoja «Riesgos», fila 2, columna «Impacto»: «alto» no es un número entero`,
	}
	got := l.Error()
	for _, w := range want {
		if !strings.Contains(got, w) {
			t.Errorf("missing %q in:\n%s", w, got)
		}
	}
}

func TestReadAcceptsAnUntouchedWorkbook(t *testing.T) {
	if err := edited(t); err != nil {
		t.Fatal(err)
	}
	// Edits a person makes on purpose come back.
	if err := edited(t, [3]string{"Actividades", "E2", "Recibe y registra la solicitud de documento informativo."}); err != nil {
		t.Fatal(err)
	}
}

func TestReadRefusesWhatIsNotAWorkbook(t *testing.T) {
	if _, err := wb.Read(strings.NewReader("codigo: INE/JGE52/2022\n")); err != wb.ErrNotWorkbook {
		t.Errorf("got %v", err)
	}
}

// A sheet with more rows than any expediente has is refused at MaxRows,
// streaming, instead of read into memory whole (issue 16, item 9: a 3 MB
// book of a million rows took gigabytes).
func TestReadBoundsRows(t *testing.T) {
	// The bound lowered for the test: the mechanism, not the number, is
	// what is tested (100,000 rows take 100 s to write under -race).
	defer func(n int) { wb.MaxRows = n }(wb.MaxRows)
	wb.MaxRows = 200
	f := exampleBook(t, "H.4.05")
	rows, _ := f.GetRows("Actividades")
	last := rows[len(rows)-1]
	vals := make([]any, len(last))
	for i, v := range last {
		vals[i] = v
	}
	for i := len(rows) + 1; i <= wb.MaxRows+3; i++ {
		cell, _ := excelize.CoordinatesToCellName(1, i)
		f.SetSheetRow("Actividades", cell, &vals)
	}
	var big bytes.Buffer
	if err := f.Write(&big); err != nil {
		t.Fatal(err)
	}
	_, err := wb.Read(&big)
	if err == nil || !strings.Contains(err.Error(), "hoja «Actividades», fila 202: la hoja pasa de 200 filas") {
		t.Errorf("%.300v", err)
	}
}
