// Package xlsx writes expedientes as Excel workbooks with excelize: the
// workbook of one expediente, and the catalog of many. Every sheet is an Excel
// table with a styled, frozen header and an autofilter; codes link to their
// rows in other sheets; closed-set columns carry data validation; risks get a
// heat-map colour scale. Output is deterministic: the same input gives the
// same bytes (document dates come from the expedientes, never the clock).
package xlsx

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/cipro-ine/mpp/manuals"
	"github.com/cipro-ine/mpp/manuals/rules"
	wb "github.com/cipro-ine/mpp/manuals/workbook"
)

// Input is one expediente and its validation findings.
type Input struct {
	Exp      *manuals.Expediente
	Findings []rules.Finding
}

// Expediente writes the workbook of one expediente; its Roles sheet is a
// responsibility matrix (roles × procedures).
func Expediente(w io.Writer, in Input) error {
	title := "Expediente"
	if m := in.Exp.Manual; m != nil {
		title = fmt.Sprintf("Manual %s %s", m.DatosGenerales.Codigo, m.DatosGenerales.Nombre)
	}
	return write(w, []Input{in}, true, title)
}

// Catalog writes the catalog of many expedientes, one row per process in
// Procesos and every activity in Actividades.
func Catalog(w io.Writer, ins []Input) error {
	return write(w, ins, false, fmt.Sprintf("Catálogo de procesos (%d)", len(ins)))
}

type book struct {
	f      *excelize.File
	header int
	wrap   int
	date   int
	first  bool
}

// anchors: rows that other sheets link to.
type anchors struct {
	sub, proc, act map[manuals.Code]int // first row of a subproceso's line in Subprocesos, etc.
	subOfProc      map[manuals.Code]int // first Subprocesos row of a proceso
}

func write(w io.Writer, ins []Input, matrix bool, title string) error {
	b := &book{f: excelize.NewFile(), first: true}
	defer b.f.Close()
	var err error
	if b.header, err = b.f.NewStyle(&excelize.Style{
		Font:      &excelize.Font{Bold: true, Color: "FFFFFF"},
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"A1005C"}},
		Alignment: &excelize.Alignment{Vertical: "center", WrapText: true},
	}); err != nil {
		return err
	}
	if b.wrap, err = b.f.NewStyle(&excelize.Style{Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}}); err != nil {
		return err
	}
	format := "dd/mm/yyyy"
	if b.date, err = b.f.NewStyle(&excelize.Style{CustomNumFmt: &format, Alignment: &excelize.Alignment{Vertical: "top"}}); err != nil {
		return err
	}

	var manualsIn []*manuals.Manual
	var codes []manuals.Code
	for _, in := range ins {
		if in.Exp.Manual != nil {
			manualsIn = append(manualsIn, in.Exp.Manual)
			codes = append(codes, in.Exp.Manual.DatosGenerales.Codigo)
		}
	}
	a := layoutAnchors(manualsIn)

	steps := []func() error{
		func() error { return b.procesos(ins, a) },
		func() error { return b.subprocesos(manualsIn, a) },
		func() error { return b.procedimientos(manualsIn, a) },
		func() error { return b.actividades(manualsIn) },
		func() error { return b.roles(manualsIn, matrix) },
		func() error { return b.controles(manualsIn, a) },
		func() error { return b.riesgos(manualsIn, a) },
		func() error { return b.indicadores(manualsIn, a) },
		func() error { return b.glosario(manualsIn) },
		func() error { return b.cambios(manualsIn) },
		func() error { return b.firmas(manualsIn) },
		func() error { return b.rondas(ins) },
		func() error { return b.hallazgos(ins) },
		func() error { return b.revisionOCR(ins) },
		b.listas,
	}
	for _, s := range steps {
		if err := s(); err != nil {
			return err
		}
	}
	created := docDate(ins).Format(time.RFC3339)
	if err := b.f.SetDocProps(&excelize.DocProperties{
		Title: title, Subject: "Libro de trabajo de mpp: procesos, procedimientos, actividades, roles, controles y riesgos",
		Creator: "mpp", LastModifiedBy: "mpp", Created: created, Modified: created, Language: "es-MX",
		Keywords: "INE; manual de proceso y procedimientos; " + joinCodes(codes), Category: "Manuales de Proceso y Procedimientos",
	}); err != nil {
		return err
	}
	b.f.SetActiveSheet(0)
	_, err = b.f.WriteTo(w)
	return err
}

func joinCodes(cs []manuals.Code) string {
	if len(cs) > 20 {
		return fmt.Sprintf("%d procesos", len(cs))
	}
	s := make([]string, len(cs))
	for i, c := range cs {
		s[i] = string(c)
	}
	return strings.Join(s, ", ")
}

// docDate is the newest date in the expedientes: the workbook's creation
// date, so that two runs give the same bytes.
func docDate(ins []Input) time.Time {
	var d manuals.Date
	for _, in := range ins {
		for _, c := range []manuals.Date{rules.SessionDate(in.Exp), manualDate(in.Exp.Manual)} {
			if c.After(d) {
				d = c
			}
		}
	}
	if d.IsZero() {
		return time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	return toTime(d)
}

func manualDate(m *manuals.Manual) manuals.Date {
	if m == nil {
		return manuals.Date{}
	}
	return m.DatosGenerales.Fecha
}

func toTime(d manuals.Date) time.Time { return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC) }

func dateCell(d manuals.Date) any {
	if d.IsZero() {
		return nil
	}
	return toTime(d)
}

func yesNo(b bool) string {
	if b {
		return wb.Yes
	}
	return ""
}

func lines(ss []string) string { return strings.Join(ss, "\n") }

func intCell(n int) any {
	if n == 0 {
		return nil
	}
	return n
}

// layoutAnchors computes the row each subproceso, procedimiento and first
// activity will have, before anything is written.
func layoutAnchors(ms []*manuals.Manual) *anchors {
	a := &anchors{sub: map[manuals.Code]int{}, proc: map[manuals.Code]int{}, act: map[manuals.Code]int{}, subOfProc: map[manuals.Code]int{}}
	subRow, procRow, actRow := 2, 2, 2
	for _, m := range ms {
		a.subOfProc[m.DatosGenerales.Codigo] = subRow
		for _, s := range m.Subprocesos {
			if _, ok := a.sub[s.Codigo]; !ok {
				a.sub[s.Codigo] = procRow
			}
			subRow++
			for _, p := range s.Procedimientos {
				if _, ok := a.proc[p.Codigo]; !ok {
					a.proc[p.Codigo] = procRow
					a.act[p.Codigo] = actRow
				}
				procRow++
				actRow += len(p.Actividades)
			}
		}
	}
	return a
}

// sheet writes a small sheet with the normal API: header, rows, widths,
// styles, table, frozen header, validations and hyperlinks.
func (b *book) sheet(sh wb.Sheet, extra []string, rows [][]any, links []link) error {
	name := sh.Name
	if b.first {
		if err := b.f.SetSheetName("Sheet1", name); err != nil {
			return err
		}
		b.first = false
	} else if _, err := b.f.NewSheet(name); err != nil {
		return err
	}
	headers := make([]any, 0, len(sh.Columns)+len(extra))
	for _, c := range sh.Columns {
		headers = append(headers, c.Header)
	}
	for _, e := range extra {
		headers = append(headers, e)
	}
	ncol := len(headers)
	last, _ := excelize.ColumnNumberToName(ncol)
	for i, c := range sh.Columns {
		col, _ := excelize.ColumnNumberToName(i + 1)
		if err := b.f.SetColWidth(name, col, col, c.Width); err != nil {
			return err
		}
	}
	if len(extra) > 0 {
		from, _ := excelize.ColumnNumberToName(len(sh.Columns) + 1)
		if err := b.f.SetColWidth(name, from, last, 13); err != nil {
			return err
		}
	}
	if err := b.f.SetSheetRow(name, "A1", &headers); err != nil {
		return err
	}
	for i, r := range rows {
		if err := b.f.SetSheetRow(name, "A"+strconv.Itoa(i+2), &r); err != nil {
			return err
		}
	}
	n := len(rows) + 1
	if err := b.f.SetCellStyle(name, "A1", last+"1", b.header); err != nil {
		return err
	}
	for i, c := range sh.Columns {
		if n < 2 {
			break
		}
		col, _ := excelize.ColumnNumberToName(i + 1)
		switch {
		case c.Date:
			if err := b.f.SetCellStyle(name, col+"2", col+strconv.Itoa(n), b.date); err != nil {
				return err
			}
		case c.Wrap:
			if err := b.f.SetCellStyle(name, col+"2", col+strconv.Itoa(n), b.wrap); err != nil {
				return err
			}
		}
		if c.List != "" {
			if err := b.validate(name, col, c.List); err != nil {
				return err
			}
		}
	}
	for _, l := range links {
		if err := b.f.SetCellHyperLink(name, l.cell, l.to, "Location"); err != nil {
			return err
		}
	}
	return b.finish(name, last, n)
}

func (b *book) finish(name, last string, n int) error {
	if n >= 2 {
		showStripes := true
		if err := b.f.AddTable(name, &excelize.Table{Range: "A1:" + last + strconv.Itoa(n), Name: tableName(name), StyleName: "TableStyleLight9", ShowRowStripes: &showStripes}); err != nil {
			return err
		}
	} else if err := b.f.AutoFilter(name, "A1:"+last+"1", nil); err != nil {
		return err
	}
	return b.f.SetPanes(name, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft",
		Selection: []excelize.Selection{{SQRef: "A2", ActiveCell: "A2", Pane: "bottomLeft"}}})
}

func tableName(sheet string) string {
	for _, s := range []wb.Sheet{wb.Procesos, wb.Subprocesos, wb.Procedimientos, wb.Actividades, wb.Roles, wb.Controles, wb.Riesgos, wb.Indicadores, wb.Glosario, wb.Cambios, wb.Firmas, wb.Rondas, wb.Hallazgos} {
		if s.Name == sheet {
			return s.Table
		}
	}
	return strings.ReplaceAll(sheet, " ", "")
}

// link is a hyperlink from a cell to a place in another sheet.
type link struct{ cell, to string }

func linkTo(sheet string, row int) string {
	if strings.Contains(sheet, " ") {
		sheet = "'" + sheet + "'"
	}
	return sheet + "!A" + strconv.Itoa(row)
}

func (b *book) validate(sheet, col, list string) error {
	for i, l := range wb.Lists {
		if l.Name != list {
			continue
		}
		lc, _ := excelize.ColumnNumberToName(i + 1)
		dv := excelize.NewDataValidation(true)
		dv.Sqref = col + "2:" + col + "1048576"
		dv.Formula1 = fmt.Sprintf("%s!$%s$2:$%s$%d", wb.Listas, lc, lc, len(l.Values)+1)
		dv.Type = "list"
		dv.SetError(excelize.DataValidationErrorStyleStop, "Valor no válido", "Elija un valor de la lista «"+l.Name+"».")
		return b.f.AddDataValidation(sheet, dv)
	}
	return fmt.Errorf("lista desconocida %q", list)
}
