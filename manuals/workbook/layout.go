// Package workbook is the Excel layout of an expediente — which sheets, which
// columns — and the reader that brings a workbook edited by staff back into a
// manual. The writer is render/xlsx; both use the layout declared here, so
// that what one writes the other reads.
package workbook

// Column is one column of a sheet.
type Column struct {
	Header string
	Width  float64
	Wrap   bool // long text: wrapped
	Date   bool // a date: dd/mm/aaaa
	// List names the closed set of values the column takes (a column of
	// the Listas sheet), for data validation.
	List string
}

// Sheet is one sheet of the workbook.
type Sheet struct {
	Name    string
	Table   string // Excel table name (no spaces)
	Columns []Column
}

// Closed sets of values, as columns of the hidden Listas sheet.
const (
	ListSeveridad = "Severidad"
	ListEstado    = "Estado"
	ListEscala    = "Escala"
	ListTipo      = "Tipo de control"
	ListSiNo      = "Sí/No"
)

// Lists are the values of each closed set, in the order of the Listas sheet.
var Lists = []struct {
	Name   string
	Values []string
}{
	{ListSeveridad, []string{"error", "advertencia", "info"}},
	{ListEstado, []string{"abierta", "atendida"}},
	{ListEscala, []string{"1", "2", "3", "4", "5"}},
	{ListTipo, []string{"preventivo", "detectivo", "correctivo"}},
	{ListSiNo, []string{"Sí", "No"}},
}

// Yes and No are how booleans are written.
const (
	Yes = "Sí"
	No  = "No"
)

// The sheets, in workbook order.
var (
	Procesos = Sheet{"Procesos", "Procesos", []Column{
		{Header: "Código", Width: 12}, {Header: "Nombre", Width: 36, Wrap: true}, {Header: "Versión", Width: 9},
		{Header: "Fecha", Width: 12, Date: true}, {Header: "UR dueña", Width: 11}, {Header: "URs participantes", Width: 18, Wrap: true},
		{Header: "Macroproceso", Width: 18, Wrap: true}, {Header: "Objetivo", Width: 60, Wrap: true}, {Header: "Alcance", Width: 50, Wrap: true},
		{Header: "Marco normativo", Width: 50, Wrap: true}, {Header: "Secciones ilustrativas", Width: 20, Wrap: true},
		{Header: "Subprocesos", Width: 12}, {Header: "Procedimientos", Width: 15}, {Header: "Actividades", Width: 12},
		{Header: "Errores", Width: 9}, {Header: "Advertencias", Width: 13},
	}}
	Subprocesos = Sheet{"Subprocesos", "Subprocesos", []Column{
		{Header: "Proceso", Width: 10}, {Header: "Código", Width: 12}, {Header: "Nombre", Width: 40, Wrap: true},
		{Header: "Objetivo", Width: 60, Wrap: true}, {Header: "Procedimientos", Width: 15},
	}}
	Procedimientos = Sheet{"Procedimientos", "Procedimientos", []Column{
		{Header: "Proceso", Width: 10}, {Header: "Subproceso", Width: 12}, {Header: "Código", Width: 14},
		{Header: "Nombre", Width: 40, Wrap: true}, {Header: "Objetivo", Width: 60, Wrap: true}, {Header: "Alcance", Width: 40, Wrap: true},
		{Header: "Reglas de operación", Width: 60, Wrap: true}, {Header: "Ilustrativo", Width: 11, List: ListSiNo},
		{Header: "Actividades", Width: 12},
	}}
	Actividades = Sheet{"Actividades", "Actividades", []Column{
		{Header: "Proceso", Width: 10}, {Header: "Procedimiento", Width: 14}, {Header: "No.", Width: 6},
		{Header: "Responsable", Width: 28, Wrap: true}, {Header: "Actividad", Width: 60, Wrap: true},
		{Header: "Insumos", Width: 28, Wrap: true}, {Header: "Salidas", Width: 28, Wrap: true}, {Header: "Sistema", Width: 20, Wrap: true},
		{Header: "Formatos", Width: 20, Wrap: true}, {Header: "Siguiente", Width: 10}, {Header: "Fin", Width: 6},
		{Header: "Decisión", Width: 30, Wrap: true}, {Header: "Salidas de la decisión", Width: 22, Wrap: true},
	}}
	Roles = Sheet{"Roles", "Roles", []Column{
		{Header: "Proceso", Width: 10}, {Header: "Rol", Width: 30, Wrap: true}, {Header: "Puesto", Width: 30, Wrap: true},
		{Header: "UR", Width: 10}, {Header: "Descripción", Width: 40, Wrap: true}, {Header: "Ilustrativo", Width: 11, List: ListSiNo},
	}}
	Controles = Sheet{"Controles", "Controles", []Column{
		{Header: "Proceso", Width: 10}, {Header: "Procedimiento", Width: 14}, {Header: "ID", Width: 8},
		{Header: "Descripción", Width: 60, Wrap: true}, {Header: "Tipo", Width: 13, List: ListTipo}, {Header: "Actividad", Width: 10},
	}}
	Riesgos = Sheet{"Riesgos", "Riesgos", []Column{
		{Header: "Proceso", Width: 10}, {Header: "Procedimiento", Width: 14}, {Header: "ID", Width: 8},
		{Header: "Descripción", Width: 60, Wrap: true}, {Header: "Impacto", Width: 10, List: ListEscala},
		{Header: "Probabilidad", Width: 13, List: ListEscala}, {Header: "Nivel", Width: 8}, {Header: "Controles", Width: 14},
	}}
	Indicadores = Sheet{"Indicadores", "Indicadores", []Column{
		{Header: "Proceso", Width: 10}, {Header: "Procedimiento", Width: 14}, {Header: "Nombre", Width: 40, Wrap: true},
		{Header: "Fórmula", Width: 40, Wrap: true}, {Header: "Frecuencia", Width: 14}, {Header: "Meta", Width: 12},
	}}
	Glosario = Sheet{"Glosario", "Glosario", []Column{
		{Header: "Proceso", Width: 10}, {Header: "Sigla", Width: 16}, {Header: "Definición", Width: 70, Wrap: true},
	}}
	Cambios = Sheet{"Control de cambios", "ControlDeCambios", []Column{
		{Header: "Proceso", Width: 10}, {Header: "Versión", Width: 9}, {Header: "Fecha", Width: 12, Date: true},
		{Header: "Descripción", Width: 60, Wrap: true}, {Header: "Responsable", Width: 16},
	}}
	Firmas = Sheet{"Firmas", "Firmas", []Column{
		{Header: "Proceso", Width: 10}, {Header: "Firma", Width: 10}, {Header: "Nombre", Width: 36, Wrap: true},
		{Header: "Puesto", Width: 36, Wrap: true}, {Header: "Cargo", Width: 9}, {Header: "Ilustrativo", Width: 11, List: ListSiNo},
	}}
	Rondas = Sheet{"Rondas de observaciones", "Rondas", []Column{
		{Header: "Proceso", Width: 10}, {Header: "Ronda", Width: 8}, {Header: "Fecha", Width: 12, Date: true},
		{Header: "Observaciones", Width: 14}, {Header: "Estado", Width: 11, List: ListEstado}, {Header: "Fecha de atención", Width: 17, Date: true},
	}}
	Hallazgos = Sheet{"Hallazgos", "Hallazgos", []Column{
		{Header: "Proceso", Width: 10}, {Header: "Regla", Width: 10}, {Header: "Severidad", Width: 12, List: ListSeveridad},
		{Header: "Archivo", Width: 30, Wrap: true}, {Header: "Línea", Width: 7}, {Header: "Columna", Width: 9}, {Header: "Ruta", Width: 30, Wrap: true},
		{Header: "Mensaje", Width: 70, Wrap: true}, {Header: "Fundamento", Width: 50, Wrap: true},
	}}
	// RevisionOCR is the review list of a scanned acuerdo (only when
	// there is one): the words to check against the paper, with room for
	// the reviewer's answer.
	RevisionOCR = Sheet{"Revisión OCR", "RevisionOCR", []Column{
		{Header: "Acuerdo", Width: 18}, {Header: "Página", Width: 8}, {Header: "Renglón", Width: 9},
		{Header: "Palabra", Width: 24}, {Header: "Confianza", Width: 11}, {Header: "Sugerencia", Width: 24},
		{Header: "Revisada", Width: 10, List: ListSiNo}, {Header: "Corrección", Width: 24},
	}}
	Listas = "Listas"
)

// Signature kinds in the Firmas sheet.
const (
	FirmaElaboro = "Elaboró"
	FirmaReviso  = "Revisó"
	FirmaValido  = "Validó"
)

// Index returns the 0-based position of a header, or -1.
func (s Sheet) Index(header string) int {
	for i, c := range s.Columns {
		if c.Header == header {
			return i
		}
	}
	return -1
}
