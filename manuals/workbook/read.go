package workbook

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/cipro-ine/mpp/manuals"
)

// CellError is a problem in one cell (or row) of the workbook.
type CellError struct {
	Sheet  string
	Row    int
	Column string // header of the column, "" for the whole row
	Msg    string
}

func (e *CellError) Error() string {
	if e.Column == "" {
		return fmt.Sprintf("hoja «%s», fila %d: %s", e.Sheet, e.Row, e.Msg)
	}
	return fmt.Sprintf("hoja «%s», fila %d, columna «%s»: %s", e.Sheet, e.Row, e.Column, e.Msg)
}

// Errors is every problem found, in sheet and row order.
type Errors []*CellError

func (l Errors) Error() string {
	s := make([]string, len(l))
	for i, e := range l {
		s[i] = e.Error()
	}
	return strings.Join(s, "\n")
}

// ErrNotWorkbook is returned for a file that is not an .xlsx workbook.
var ErrNotWorkbook = errors.New("no es un libro de Excel (.xlsx)")

// ErrTooLarge is a workbook that unzips to more than MaxUnzipped bytes.
var ErrTooLarge = errors.New("el libro es demasiado grande")

// MaxUnzipped bounds a workbook once unzipped: the catalog of 1,000
// generated expedientes is some 60 MB.
const MaxUnzipped = 256 << 20

// Read brings a workbook written by mpp (and edited by staff) back into a
// manual. It reads the sheets by column header, so columns may be moved or
// added; every row that does not fit (an unknown role, a bad code, an empty
// required cell) is reported with its sheet, row and column.
func Read(r io.Reader) (*manuals.Manual, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	// A workbook is a zip: its parts are bounded once unzipped, so a zip
	// bomb is refused (excelize's own default is 16 GB).
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{UnzipSizeLimit: MaxUnzipped, UnzipXMLSizeLimit: 16 << 20})
	if err != nil {
		if strings.Contains(err.Error(), "unzip size exceeds") {
			return nil, fmt.Errorf("%w: descomprimido pasa de %d MB (¿una bomba zip?)", ErrTooLarge, MaxUnzipped>>20)
		}
		return nil, ErrNotWorkbook
	}
	defer f.Close()
	if err := checkParts(data); err != nil {
		return nil, err
	}
	rd := &reader{f: f}
	m := rd.manual()
	if len(rd.errs) > 0 {
		sort.SliceStable(rd.errs, func(i, j int) bool {
			a, b := rd.errs[i], rd.errs[j]
			return sheetOrder(a.Sheet) < sheetOrder(b.Sheet) || sheetOrder(a.Sheet) == sheetOrder(b.Sheet) && a.Row < b.Row
		})
		return nil, rd.errs
	}
	return m, nil
}

var order = []Sheet{Procesos, Subprocesos, Procedimientos, Actividades, Roles, Controles, Riesgos, Indicadores, Glosario, Cambios, Firmas}

func sheetOrder(name string) int {
	for i, s := range order {
		if s.Name == name {
			return i
		}
	}
	return len(order)
}

type reader struct {
	f    *excelize.File
	errs Errors
}

// row is one data row, by header.
type row struct {
	sheet string
	n     int
	cells map[string]string
}

func (r row) get(h string) string { return strings.TrimSpace(r.cells[h]) }

func (rd *reader) fail(r row, col, format string, args ...any) {
	rd.errs = append(rd.errs, &CellError{Sheet: r.sheet, Row: r.n, Column: col, Msg: fmt.Sprintf(format, args...)})
}

// MaxRows bounds the rows read from one sheet: the largest expediente has
// some hundreds of activities; a sheet of a million rows (3 MB zipped)
// would take gigabytes to hold. A variable only so that a test can lower it.
var MaxRows = 100_000

// maxColumns bounds the cells read from one row.
const maxColumns = 200

// rows reads a sheet's data rows, streaming, within MaxRows; a missing
// sheet is an error only when it has required columns.
func (rd *reader) rows(s Sheet, required ...string) []row {
	it, err := rd.f.Rows(s.Name)
	if err != nil {
		if required != nil {
			rd.errs = append(rd.errs, &CellError{Sheet: s.Name, Row: 1, Msg: "falta la hoja"})
		}
		return nil
	}
	defer it.Close()
	var headers []string
	var out []row
	n := 0
	for it.Next() {
		n++
		if n > MaxRows+1 {
			rd.errs = append(rd.errs, &CellError{Sheet: s.Name, Row: n, Msg: fmt.Sprintf("la hoja pasa de %d filas; mpp no lee más", MaxRows)})
			return nil
		}
		cells, err := it.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			rd.errs = append(rd.errs, &CellError{Sheet: s.Name, Row: n, Msg: "la fila no se puede leer (XML dañado)"})
			return nil
		}
		if len(cells) > maxColumns {
			rd.errs = append(rd.errs, &CellError{Sheet: s.Name, Row: n, Msg: fmt.Sprintf("la fila pasa de %d columnas", maxColumns)})
			return nil
		}
		if n == 1 {
			headers = cells
			have := map[string]bool{}
			for _, h := range headers {
				have[strings.TrimSpace(h)] = true
			}
			for _, h := range required {
				if !have[h] {
					rd.errs = append(rd.errs, &CellError{Sheet: s.Name, Row: 1, Column: h, Msg: "falta la columna"})
				}
			}
			continue
		}
		r := row{sheet: s.Name, n: n, cells: map[string]string{}}
		empty := true
		for k, v := range cells {
			if k < len(headers) {
				r.cells[strings.TrimSpace(headers[k])] = v
				if strings.TrimSpace(v) != "" {
					empty = false
				}
			}
		}
		if !empty {
			out = append(out, r)
		}
	}
	if err := it.Error(); err != nil {
		rd.errs = append(rd.errs, &CellError{Sheet: s.Name, Row: n + 1, Msg: "la hoja no se puede leer hasta el final (XML dañado)"})
		return nil
	}
	return out
}

func (rd *reader) required(r row, h string) string {
	v := r.get(h)
	if v == "" {
		rd.fail(r, h, "la celda está vacía y es obligatoria")
	}
	return v
}

func (rd *reader) integer(r row, h string) int {
	v := r.get(h)
	if v == "" {
		return 0
	}
	n, err := strconv.Atoi(strings.TrimSuffix(v, ".0"))
	if err != nil {
		rd.fail(r, h, "«%s» no es un número entero", v)
	}
	return n
}

func (rd *reader) code(r row, h string, level int) manuals.Code {
	v := rd.required(r, h)
	if v == "" {
		return ""
	}
	var c manuals.Code
	if err := c.DecodeScalar(v); err != nil {
		rd.fail(r, h, "%v", err)
		return ""
	}
	if c.Level() != level {
		rd.fail(r, h, "«%s» no es un código de %s", v, levelName(level))
	}
	return c
}

func levelName(l int) string {
	switch l {
	case manuals.LevelProceso:
		return "proceso"
	case manuals.LevelSubproceso:
		return "subproceso"
	}
	return "procedimiento"
}

func (rd *reader) yes(r row, h string) bool {
	switch strings.ToLower(r.get(h)) {
	case "", "no":
		return false
	case "sí", "si", "x":
		return true
	}
	rd.fail(r, h, "«%s» no es «Sí» ni «No»", r.get(h))
	return false
}

func (rd *reader) date(r row, h string) manuals.Date {
	v := r.get(h)
	if v == "" {
		return manuals.Date{}
	}
	if serial, err := strconv.ParseFloat(v, 64); err == nil {
		t, err := excelize.ExcelDateToTime(serial, false)
		if err == nil {
			return manuals.Date{Year: t.Year(), Month: t.Month(), Day: t.Day()}
		}
	}
	if t, err := time.Parse("02/01/2006", v); err == nil {
		return manuals.Date{Year: t.Year(), Month: t.Month(), Day: t.Day()}
	}
	d, err := manuals.ParseDate(v)
	if err != nil {
		rd.fail(r, h, "%v", err)
	}
	return d
}

func splitLines(s string) []string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

func (rd *reader) manual() *manuals.Manual {
	procs := rd.rows(Procesos, "Código", "Nombre")
	if len(procs) != 1 {
		if len(rd.errs) == 0 {
			rd.errs = append(rd.errs, &CellError{Sheet: Procesos.Name, Row: 2, Msg: fmt.Sprintf("el libro tiene %d procesos; «importar» lee el libro de un solo expediente", len(procs))})
		}
		return nil
	}
	pr := procs[0]
	m := &manuals.Manual{
		DatosGenerales: manuals.GeneralData{
			Codigo: rd.code(pr, "Código", manuals.LevelProceso), Nombre: rd.required(pr, "Nombre"), Version: pr.get("Versión"),
			Fecha: rd.date(pr, "Fecha"), URDuena: pr.get("UR dueña"), URsParticipantes: splitLines(pr.get("URs participantes")),
			Macroproceso: pr.get("Macroproceso"),
		},
		Objetivo: pr.get("Objetivo"), Alcance: pr.get("Alcance"), MarcoNormativo: splitLines(pr.get("Marco normativo")),
		SeccionesIlustrativas: splitLines(pr.get("Secciones ilustrativas")),
	}
	code := string(m.DatosGenerales.Codigo)
	mine := func(r row) bool {
		if p := r.get("Proceso"); p != code {
			rd.fail(r, "Proceso", "el proceso «%s» no es el del libro (%s)", p, code)
			return false
		}
		return true
	}
	for _, r := range rd.rows(Roles, "Proceso", "Rol") {
		if mine(r) {
			m.Roles = append(m.Roles, manuals.Role{Nombre: rd.required(r, "Rol"), Puesto: r.get("Puesto"), UR: r.get("UR"),
				Descripcion: r.get("Descripción"), Ilustrativo: rd.yes(r, "Ilustrativo")})
		}
	}
	roles := map[string]bool{}
	for _, r := range m.Roles {
		roles[r.Nombre] = true
	}
	subIndex := map[manuals.Code]int{}
	for _, r := range rd.rows(Subprocesos, "Proceso", "Código", "Nombre") {
		if !mine(r) {
			continue
		}
		c := rd.code(r, "Código", manuals.LevelSubproceso)
		subIndex[c] = len(m.Subprocesos)
		m.Subprocesos = append(m.Subprocesos, manuals.Subprocess{Codigo: c, Nombre: rd.required(r, "Nombre"), Objetivo: r.get("Objetivo")})
	}
	type procAt struct{ sub, i int }
	procIndex := map[manuals.Code]procAt{}
	for _, r := range rd.rows(Procedimientos, "Proceso", "Subproceso", "Código", "Nombre") {
		if !mine(r) {
			continue
		}
		sc := rd.code(r, "Subproceso", manuals.LevelSubproceso)
		si, ok := subIndex[sc]
		if !ok {
			if sc != "" {
				rd.fail(r, "Subproceso", "el subproceso «%s» no está en la hoja Subprocesos", sc)
			}
			continue
		}
		c := rd.code(r, "Código", manuals.LevelProcedimiento)
		s := &m.Subprocesos[si]
		procIndex[c] = procAt{si, len(s.Procedimientos)}
		s.Procedimientos = append(s.Procedimientos, manuals.Procedure{Codigo: c, Nombre: rd.required(r, "Nombre"), Objetivo: r.get("Objetivo"),
			Alcance: r.get("Alcance"), ReglasOperacion: splitLines(r.get("Reglas de operación")), Ilustrativo: rd.yes(r, "Ilustrativo")})
	}
	proc := func(r row) *manuals.Procedure {
		if !mine(r) {
			return nil
		}
		v := rd.required(r, "Procedimiento")
		at, ok := procIndex[manuals.Code(v)]
		if !ok {
			if v != "" {
				rd.fail(r, "Procedimiento", "el procedimiento «%s» no está en la hoja Procedimientos", v)
			}
			return nil
		}
		return &m.Subprocesos[at.sub].Procedimientos[at.i]
	}
	for _, r := range rd.rows(Actividades, "Proceso", "Procedimiento", "No.", "Responsable", "Actividad") {
		p := proc(r)
		if p == nil {
			continue
		}
		a := manuals.Activity{Numero: rd.integer(r, "No."), Descripcion: rd.required(r, "Actividad"), Responsable: rd.required(r, "Responsable"),
			Insumos: splitLines(r.get("Insumos")), Salidas: splitLines(r.get("Salidas")), Sistema: r.get("Sistema"),
			Formatos: splitLines(r.get("Formatos")), Siguiente: rd.integer(r, "Siguiente"), Fin: rd.yes(r, "Fin")}
		if r.get("No.") == "" {
			rd.fail(r, "No.", "la celda está vacía y es obligatoria")
		}
		if a.Responsable != "" && !roles[a.Responsable] {
			rd.fail(r, "Responsable", "el rol «%s» no está en la hoja Roles", a.Responsable)
		}
		if q := r.get("Decisión"); q != "" || r.get("Salidas de la decisión") != "" {
			a.Decision = &manuals.Decision{Pregunta: q, Salidas: rd.exits(r)}
		}
		p.Actividades = append(p.Actividades, a)
	}
	for _, r := range rd.rows(Controles, "Proceso", "Procedimiento", "ID") {
		if p := proc(r); p != nil {
			p.Controles = append(p.Controles, manuals.Control{ID: rd.required(r, "ID"), Descripcion: r.get("Descripción"),
				Tipo: rd.oneOf(r, "Tipo", ListTipo), Actividad: rd.integer(r, "Actividad")})
		}
	}
	for _, r := range rd.rows(Riesgos, "Proceso", "Procedimiento", "ID") {
		if p := proc(r); p != nil {
			var ctrl []string
			for _, c := range strings.Split(r.get("Controles"), ",") {
				if c = strings.TrimSpace(c); c != "" {
					ctrl = append(ctrl, c)
				}
			}
			p.Riesgos = append(p.Riesgos, manuals.Risk{ID: rd.required(r, "ID"), Descripcion: r.get("Descripción"),
				Impacto: rd.integer(r, "Impacto"), Probabilidad: rd.integer(r, "Probabilidad"), Controles: ctrl})
		}
	}
	for _, r := range rd.rows(Indicadores) {
		if p := proc(r); p != nil {
			p.Indicadores = append(p.Indicadores, manuals.Indicator{Nombre: rd.required(r, "Nombre"), Formula: r.get("Fórmula"),
				Frecuencia: r.get("Frecuencia"), Meta: r.get("Meta")})
		}
	}
	for _, r := range rd.rows(Glosario) {
		if mine(r) {
			m.Glosario = append(m.Glosario, manuals.GlossaryEntry{Sigla: rd.required(r, "Sigla"), Definicion: rd.required(r, "Definición")})
		}
	}
	for _, r := range rd.rows(Cambios) {
		if mine(r) {
			m.ControlCambios = append(m.ControlCambios, manuals.Change{Version: r.get("Versión"), Fecha: rd.date(r, "Fecha"),
				Descripcion: r.get("Descripción"), Responsable: r.get("Responsable")})
		}
	}
	for _, r := range rd.rows(Firmas) {
		if !mine(r) {
			continue
		}
		s := manuals.Signer{Nombre: r.get("Nombre"), Puesto: r.get("Puesto"), Cargo: r.get("Cargo"), Ilustrativo: rd.yes(r, "Ilustrativo")}
		switch r.get("Firma") {
		case FirmaElaboro:
			m.Firmas.Elaboro = append(m.Firmas.Elaboro, s)
		case FirmaReviso:
			m.Firmas.Reviso = append(m.Firmas.Reviso, s)
		case FirmaValido:
			m.Firmas.Valido = append(m.Firmas.Valido, s)
		default:
			rd.fail(r, "Firma", "«%s» no es %s, %s ni %s", r.get("Firma"), FirmaElaboro, FirmaReviso, FirmaValido)
		}
	}
	return m
}

func (rd *reader) oneOf(r row, h, list string) string {
	v := r.get(h)
	if v == "" {
		return ""
	}
	for _, l := range Lists {
		if l.Name != list {
			continue
		}
		for _, x := range l.Values {
			if manuals.Fold(x) == manuals.Fold(v) {
				return x
			}
		}
		rd.fail(r, h, "«%s» no es un valor de la lista: %s", v, strings.Join(l.Values, ", "))
	}
	return v
}

// exits reads "Sí → 5" / "No → fin", one per line.
func (rd *reader) exits(r row) []manuals.Exit {
	var out []manuals.Exit
	for _, l := range splitLines(r.get("Salidas de la decisión")) {
		cond, to, ok := strings.Cut(l, "→")
		if !ok {
			cond, to, ok = strings.Cut(l, "->")
		}
		cond, to = strings.TrimSpace(cond), strings.TrimSpace(to)
		if !ok || cond == "" || to == "" {
			rd.fail(r, "Salidas de la decisión", "«%s» no tiene la forma «condición → actividad» (o «→ fin»)", l)
			continue
		}
		x := manuals.Exit{Condicion: cond}
		if strings.EqualFold(to, "fin") {
			x.Fin = true
		} else if n, err := strconv.Atoi(to); err == nil {
			x.Siguiente = n
		} else {
			rd.fail(r, "Salidas de la decisión", "«%s»: «%s» no es un número de actividad ni «fin»", l, to)
		}
		out = append(out, x)
	}
	return out
}
