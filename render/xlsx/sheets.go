package xlsx

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/cipro-ine/mpp/manuals"
	"github.com/cipro-ine/mpp/manuals/rules"
	wb "github.com/cipro-ine/mpp/manuals/workbook"
)

func (b *book) procesos(ins []Input, a *anchors) error {
	var rows [][]any
	var links []link
	for _, in := range ins {
		m := in.Exp.Manual
		var errs, warns int
		for _, f := range in.Findings {
			switch f.Severity {
			case rules.Error:
				errs++
			case rules.Warning:
				warns++
			}
		}
		if m == nil {
			code := ""
			if in.Exp.Acuerdo != nil {
				code = string(in.Exp.Acuerdo.Proceso.Codigo)
			}
			rows = append(rows, []any{code, "(sin manual.yaml)", nil, nil, nil, nil, nil, nil, nil, nil, nil, nil, nil, nil, errs, warns})
			continue
		}
		dg := m.DatosGenerales
		nact := 0
		for _, p := range m.Procedures() {
			nact += len(p.Actividades)
		}
		rows = append(rows, []any{string(dg.Codigo), dg.Nombre, dg.Version, dateCell(dg.Fecha), dg.URDuena, lines(dg.URsParticipantes),
			dg.Macroproceso, m.Objetivo, m.Alcance, lines(m.MarcoNormativo), lines(m.SeccionesIlustrativas),
			len(m.Subprocesos), len(m.Procedures()), nact, errs, warns})
		if len(m.Subprocesos) > 0 {
			links = append(links, link{"A" + strconv.Itoa(len(rows)+1), linkTo(wb.Subprocesos.Name, a.subOfProc[dg.Codigo])})
		}
	}
	return b.sheet(wb.Procesos, nil, rows, links)
}

func (b *book) subprocesos(ms []*manuals.Manual, a *anchors) error {
	var rows [][]any
	var links []link
	for _, m := range ms {
		for _, s := range m.Subprocesos {
			rows = append(rows, []any{string(m.DatosGenerales.Codigo), string(s.Codigo), s.Nombre, s.Objetivo, len(s.Procedimientos)})
			if len(s.Procedimientos) > 0 {
				links = append(links, link{"B" + strconv.Itoa(len(rows)+1), linkTo(wb.Procedimientos.Name, a.sub[s.Codigo])})
			}
		}
	}
	return b.sheet(wb.Subprocesos, nil, rows, links)
}

func (b *book) procedimientos(ms []*manuals.Manual, a *anchors) error {
	var rows [][]any
	var links []link
	for _, m := range ms {
		for _, s := range m.Subprocesos {
			for _, p := range s.Procedimientos {
				rows = append(rows, []any{string(m.DatosGenerales.Codigo), string(s.Codigo), string(p.Codigo), p.Nombre, p.Objetivo,
					p.Alcance, lines(p.ReglasOperacion), yesNo(p.Ilustrativo), len(p.Actividades)})
				if len(p.Actividades) > 0 {
					row := strconv.Itoa(len(rows) + 1)
					to := linkTo(wb.Actividades.Name, a.act[p.Codigo])
					links = append(links, link{"C" + row, to}, link{"I" + row, to})
				}
			}
		}
	}
	return b.sheet(wb.Procedimientos, nil, rows, links)
}

// actividades is the largest sheet (about 25,000 rows in the Institute's
// catalog): it goes through excelize's stream writer.
func (b *book) actividades(ms []*manuals.Manual) error {
	sh := wb.Actividades
	if _, err := b.f.NewSheet(sh.Name); err != nil {
		return err
	}
	sw, err := b.f.NewStreamWriter(sh.Name)
	if err != nil {
		return err
	}
	for i, c := range sh.Columns {
		if err := sw.SetColWidth(i+1, i+1, c.Width); err != nil {
			return err
		}
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft",
		Selection: []excelize.Selection{{SQRef: "A2", ActiveCell: "A2", Pane: "bottomLeft"}}}); err != nil {
		return err
	}
	header := make([]any, len(sh.Columns))
	for i, c := range sh.Columns {
		header[i] = excelize.Cell{StyleID: b.header, Value: c.Header}
	}
	if err := sw.SetRow("A1", header); err != nil {
		return err
	}
	row := 1
	vals := make([]any, len(sh.Columns))
	for _, m := range ms {
		for _, p := range m.Procedures() {
			for _, act := range p.Actividades {
				row++
				pregunta, salidas := "", ""
				if d := act.Decision; d != nil {
					pregunta, salidas = d.Pregunta, formatExits(d.Salidas)
				}
				cells := []any{string(m.DatosGenerales.Codigo), string(p.Codigo), act.Numero, act.Responsable, act.Descripcion,
					lines(act.Insumos), lines(act.Salidas), act.Sistema, lines(act.Formatos), intCell(act.Siguiente), yesNo(act.Fin), pregunta, salidas}
				for i, v := range cells {
					if sh.Columns[i].Wrap {
						vals[i] = excelize.Cell{StyleID: b.wrap, Value: v}
					} else {
						vals[i] = v
					}
				}
				if err := sw.SetRow("A"+strconv.Itoa(row), vals); err != nil {
					return err
				}
			}
		}
	}
	last, _ := excelize.ColumnNumberToName(len(sh.Columns))
	if row >= 2 {
		stripes := true
		if err := sw.AddTable(&excelize.Table{Range: "A1:" + last + strconv.Itoa(row), Name: sh.Table, StyleName: "TableStyleLight9", ShowRowStripes: &stripes}); err != nil {
			return err
		}
	}
	// Data validation added after the stream writer's Flush does not stick
	// (excelize), so the Fin column of this sheet has none; the closed-set
	// columns that need it live in the smaller sheets.
	return sw.Flush()
}

// formatExits writes a decision's exits one per line: "Sí → 5", "No → fin".
func formatExits(xs []manuals.Exit) string {
	out := make([]string, len(xs))
	for i, x := range xs {
		to := "fin"
		if !x.Fin {
			to = strconv.Itoa(x.Siguiente)
		}
		out[i] = x.Condicion + " → " + to
	}
	return strings.Join(out, "\n")
}

func (b *book) roles(ms []*manuals.Manual, matrix bool) error {
	var rows [][]any
	var extra []string
	if matrix && len(ms) == 1 {
		// Roles × procedures: how many activities each role is responsible
		// for in each procedure.
		m := ms[0]
		procs := m.Procedures()
		for _, p := range procs {
			extra = append(extra, string(p.Codigo))
		}
		for _, r := range m.Roles {
			row := []any{string(m.DatosGenerales.Codigo), r.Nombre, r.Puesto, r.UR, r.Descripcion, yesNo(r.Ilustrativo)}
			for _, p := range procs {
				row = append(row, intCell(countFor(p, r.Nombre)))
			}
			rows = append(rows, row)
		}
		return b.sheet(wb.Roles, extra, rows, nil)
	}
	extra = []string{"Procedimientos", "Actividades"}
	for _, m := range ms {
		for _, r := range m.Roles {
			var codes []string
			total := 0
			for _, p := range m.Procedures() {
				if n := countFor(p, r.Nombre); n > 0 {
					codes = append(codes, string(p.Codigo))
					total += n
				}
			}
			rows = append(rows, []any{string(m.DatosGenerales.Codigo), r.Nombre, r.Puesto, r.UR, r.Descripcion, yesNo(r.Ilustrativo), strings.Join(codes, "\n"), total})
		}
	}
	return b.sheet(wb.Roles, extra, rows, nil)
}

func countFor(p *manuals.Procedure, role string) int {
	n := 0
	for _, a := range p.Actividades {
		if a.Responsable == role {
			n++
		}
	}
	return n
}

func (b *book) controles(ms []*manuals.Manual, a *anchors) error {
	var rows [][]any
	var links []link
	for _, m := range ms {
		for _, p := range m.Procedures() {
			for _, c := range p.Controles {
				rows = append(rows, []any{string(m.DatosGenerales.Codigo), string(p.Codigo), c.ID, c.Descripcion, c.Tipo, intCell(c.Actividad)})
				links = append(links, link{"B" + strconv.Itoa(len(rows)+1), linkTo(wb.Procedimientos.Name, a.proc[p.Codigo])})
			}
		}
	}
	return b.sheet(wb.Controles, nil, rows, links)
}

func (b *book) riesgos(ms []*manuals.Manual, a *anchors) error {
	var rows [][]any
	var links []link
	for _, m := range ms {
		for _, p := range m.Procedures() {
			for _, r := range p.Riesgos {
				rows = append(rows, []any{string(m.DatosGenerales.Codigo), string(p.Codigo), r.ID, r.Descripcion,
					intCell(r.Impacto), intCell(r.Probabilidad), r.Impacto * r.Probabilidad, strings.Join(r.Controles, ", ")})
				links = append(links, link{"B" + strconv.Itoa(len(rows)+1), linkTo(wb.Procedimientos.Name, a.proc[p.Codigo])})
			}
		}
	}
	if err := b.sheet(wb.Riesgos, nil, rows, links); err != nil {
		return err
	}
	if len(rows) == 0 {
		return nil
	}
	// Heat map: impact, probability (1–5) and level (1–25) from green to red.
	n := strconv.Itoa(len(rows) + 1)
	for _, rng := range []struct{ cells, mid, max string }{{"E2:F" + n, "3", "5"}, {"G2:G" + n, "9", "25"}} {
		if err := b.f.SetConditionalFormat(wb.Riesgos.Name, rng.cells, []excelize.ConditionalFormatOptions{{
			Type: "3_color_scale", Criteria: "=", MinType: "num", MinValue: "1", MidType: "num", MidValue: rng.mid,
			MaxType: "num", MaxValue: rng.max, MinColor: "#63BE7B", MidColor: "#FFEB84", MaxColor: "#F8696B",
		}}); err != nil {
			return err
		}
	}
	return nil
}

func (b *book) indicadores(ms []*manuals.Manual, a *anchors) error {
	var rows [][]any
	var links []link
	for _, m := range ms {
		for _, p := range m.Procedures() {
			for _, x := range p.Indicadores {
				rows = append(rows, []any{string(m.DatosGenerales.Codigo), string(p.Codigo), x.Nombre, x.Formula, x.Frecuencia, x.Meta})
				links = append(links, link{"B" + strconv.Itoa(len(rows)+1), linkTo(wb.Procedimientos.Name, a.proc[p.Codigo])})
			}
		}
	}
	return b.sheet(wb.Indicadores, nil, rows, links)
}

func (b *book) glosario(ms []*manuals.Manual) error {
	var rows [][]any
	for _, m := range ms {
		for _, g := range m.Glosario {
			rows = append(rows, []any{string(m.DatosGenerales.Codigo), g.Sigla, g.Definicion})
		}
	}
	return b.sheet(wb.Glosario, nil, rows, nil)
}

func (b *book) cambios(ms []*manuals.Manual) error {
	var rows [][]any
	for _, m := range ms {
		for _, c := range m.ControlCambios {
			rows = append(rows, []any{string(m.DatosGenerales.Codigo), c.Version, dateCell(c.Fecha), c.Descripcion, c.Responsable})
		}
	}
	return b.sheet(wb.Cambios, nil, rows, nil)
}

func (b *book) firmas(ms []*manuals.Manual) error {
	var rows [][]any
	for _, m := range ms {
		for _, g := range []struct {
			kind string
			list []manuals.Signer
		}{{wb.FirmaElaboro, m.Firmas.Elaboro}, {wb.FirmaReviso, m.Firmas.Reviso}, {wb.FirmaValido, m.Firmas.Valido}} {
			for _, s := range g.list {
				rows = append(rows, []any{string(m.DatosGenerales.Codigo), g.kind, s.Nombre, s.Puesto, s.Cargo, yesNo(s.Ilustrativo)})
			}
		}
	}
	return b.sheet(wb.Firmas, nil, rows, nil)
}

func (b *book) rondas(ins []Input) error {
	var rows [][]any
	for _, in := range ins {
		d := in.Exp.Dictamen
		if d == nil {
			continue
		}
		code := processCode(in.Exp)
		for _, r := range d.Rondas {
			rows = append(rows, []any{code, r.Numero, dateCell(r.Fecha), intCell(r.Observaciones), r.Estado, dateCell(r.FechaAtencion)})
		}
	}
	return b.sheet(wb.Rondas, nil, rows, nil)
}

func processCode(e *manuals.Expediente) string {
	switch {
	case e.Manual != nil:
		return string(e.Manual.DatosGenerales.Codigo)
	case e.Acuerdo != nil:
		return string(e.Acuerdo.Proceso.Codigo)
	}
	return ""
}

func (b *book) hallazgos(ins []Input) error {
	var rows [][]any
	for _, in := range ins {
		code := processCode(in.Exp)
		fs := append([]rules.Finding(nil), in.Findings...)
		sort.SliceStable(fs, func(i, j int) bool { return fs[i].Severity < fs[j].Severity })
		for _, f := range fs {
			rows = append(rows, []any{code, f.Rule, f.Severity.String(), f.File, intCell(f.Line), intCell(f.Column), f.Path, f.Message, f.Fundamento})
		}
	}
	return b.sheet(wb.Hallazgos, nil, rows, nil)
}

// revisionOCR is the review list of the scanned acuerdos, when there is
// one: each doubtful word, not yet reviewed.
func (b *book) revisionOCR(ins []Input) error {
	var rows [][]any
	for _, in := range ins {
		a := in.Exp.Acuerdo
		if a == nil {
			continue
		}
		for _, d := range a.RevisionOCR {
			rows = append(rows, []any{a.Codigo, d.Pagina, d.Renglon, d.Palabra, d.Confianza, d.Sugerencia, wb.No, ""})
		}
	}
	if len(rows) == 0 {
		return nil
	}
	return b.sheet(wb.RevisionOCR, nil, rows, nil)
}

// listas is the hidden sheet the data validations read their values from.
func (b *book) listas() error {
	name := wb.Listas
	if _, err := b.f.NewSheet(name); err != nil {
		return err
	}
	for i, l := range wb.Lists {
		col, _ := excelize.ColumnNumberToName(i + 1)
		if err := b.f.SetCellValue(name, col+"1", l.Name); err != nil {
			return err
		}
		for k, v := range l.Values {
			var val any = v
			if n, err := strconv.Atoi(v); err == nil {
				val = n
			}
			if err := b.f.SetCellValue(name, fmt.Sprintf("%s%d", col, k+2), val); err != nil {
				return err
			}
		}
		if err := b.f.SetColWidth(name, col, col, 16); err != nil {
			return err
		}
	}
	return b.f.SetSheetVisible(name, false)
}
