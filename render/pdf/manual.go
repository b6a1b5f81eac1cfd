package pdf

import (
	"fmt"
	"io"
	"math"
	"sort"
	"strconv"
	"strings"

	"codeberg.org/go-pdf/fpdf"

	"github.com/cipro-ine/mpp/manuals"
	"github.com/cipro-ine/mpp/render/blocks"
)

type procData struct {
	P *manuals.Procedure
	// Sub is the subproceso that holds P; FirstOfSub, whether P opens it.
	Sub                                          *manuals.Subprocess
	FirstOfSub                                   bool
	Actividades, Controles, Riesgos, Indicadores string
	Formatos                                     []string
}

type manualData struct {
	M                             *manuals.Manual
	Fecha, UR                     string
	Firmas, Glosario, Roles, Mapa string
	Cambios                       string
	Procs                         []procData
	ilustrativas                  map[string]bool
}

// Ilustrativa reports whether a section is marked illustrative.
func (d manualData) Ilustrativa(s string) bool { return d.ilustrativas[s] }

func rows(r [][]string) string {
	var b strings.Builder
	for _, row := range r {
		for i, c := range row {
			if i > 0 {
				b.WriteByte('\t')
			}
			b.WriteString(blocks.Cell(c))
		}
		b.WriteByte('\n')
	}
	return b.String()
}

func marked(s string, illustrative bool) string {
	if illustrative {
		return s + " (ilustrativo)"
	}
	return s
}

// Approved reports whether the expediente records the manual's approval: an
// acuerdo with its session date and its puntos.
func Approved(e *manuals.Expediente) bool {
	return e.Acuerdo != nil && !e.Acuerdo.Sesion.Fecha.IsZero() && len(e.Acuerdo.Puntos) > 0
}

func manualTemplateData(e *manuals.Expediente) manualData {
	m := e.Manual
	dg := m.DatosGenerales
	d := manualData{M: m, Fecha: dg.Fecha.Long(), UR: dg.URDuena, ilustrativas: map[string]bool{}}
	if d.Fecha == "" {
		d.Fecha = "—"
	}
	for _, g := range m.Glosario {
		for _, t := range g.Terms() {
			if t == dg.URDuena {
				d.UR = strings.TrimRight(g.Definicion, ". ") + " (" + dg.URDuena + ")"
			}
		}
	}
	for _, s := range m.SeccionesIlustrativas {
		d.ilustrativas[s] = true
	}
	var firmas [][]string
	for _, g := range []struct {
		kind string
		list []manuals.Signer
	}{{"Elaboró", m.Firmas.Elaboro}, {"Revisó", m.Firmas.Reviso}, {"Validó", m.Firmas.Valido}} {
		for _, s := range g.list {
			firmas = append(firmas, []string{g.kind, marked(s.Nombre+", "+s.Puesto, s.Ilustrativo), "", ""})
		}
	}
	d.Firmas = rows(firmas)
	var glos, roles, mapa, cambios [][]string
	for _, g := range m.Glosario {
		glos = append(glos, []string{g.Sigla, g.Definicion})
	}
	for _, r := range m.Roles {
		roles = append(roles, []string{marked(r.Nombre, r.Ilustrativo), r.Puesto, r.UR, r.Descripcion})
	}
	for _, s := range m.Subprocesos {
		var ps []string
		for _, p := range s.Procedimientos {
			ps = append(ps, string(p.Codigo)+" "+p.Nombre+".")
		}
		// One procedure per line in its cell.
		mapa = append(mapa, []string{string(s.Codigo) + " " + s.Nombre, strings.Join(ps, blocks.LineBreak)})
	}
	for _, c := range m.ControlCambios {
		cambios = append(cambios, []string{c.Version, c.Fecha.Long(), c.Descripcion, c.Responsable})
	}
	d.Glosario, d.Roles, d.Mapa, d.Cambios = rows(glos), rows(roles), rows(mapa), rows(cambios)
	var subOf []*manuals.Subprocess
	for si := range m.Subprocesos {
		for range m.Subprocesos[si].Procedimientos {
			subOf = append(subOf, &m.Subprocesos[si])
		}
	}
	for pi, p := range m.Procedures() {
		pd := procData{P: p, Sub: subOf[pi], FirstOfSub: pi == 0 || subOf[pi-1] != subOf[pi]}
		var acts, ctrl, risk, ind [][]string
		seen := map[string]bool{}
		for _, a := range p.Actividades {
			desc := a.Descripcion
			if a.Decision != nil {
				var xs []string
				for _, x := range a.Decision.Salidas {
					to := "fin"
					if !x.Fin {
						to = "actividad " + strconv.Itoa(x.Siguiente)
					}
					xs = append(xs, x.Condicion+": "+to)
				}
				desc += " ¿" + strings.Trim(a.Decision.Pregunta, "¿?") + "? (" + strings.Join(xs, "; ") + ")"
			}
			acts = append(acts, []string{strconv.Itoa(a.Numero), a.Responsable, desc, strings.Join(a.Insumos, "; "), strings.Join(a.Salidas, "; "), a.Sistema})
			for _, f := range a.Formatos {
				if !seen[f] {
					seen[f] = true
					pd.Formatos = append(pd.Formatos, f)
				}
			}
		}
		for _, c := range p.Controles {
			act := ""
			if c.Actividad != 0 {
				act = strconv.Itoa(c.Actividad)
			}
			ctrl = append(ctrl, []string{c.ID, c.Descripcion, c.Tipo, act})
		}
		for _, r := range p.Riesgos {
			risk = append(risk, []string{r.ID, r.Descripcion, strconv.Itoa(r.Impacto), strconv.Itoa(r.Probabilidad), strings.Join(r.Controles, ", ")})
		}
		for _, x := range p.Indicadores {
			ind = append(ind, []string{x.Nombre, x.Formula, x.Frecuencia, x.Meta})
		}
		pd.Actividades, pd.Controles, pd.Riesgos, pd.Indicadores = rows(acts), rows(ctrl), rows(risk), rows(ind)
		if len(ctrl) == 0 {
			pd.Controles = ""
		}
		if len(risk) == 0 {
			pd.Riesgos = ""
		}
		if len(ind) == 0 {
			pd.Indicadores = ""
		}
		d.Procs = append(d.Procs, pd)
	}
	return d
}

type tocEntry struct {
	title string
	level int
	page  int
	index bool // listed in the index (sections, subprocesos, procedures); the rest only in the outline
}

// Manual writes the manual of the expediente. The index has the true page
// numbers: the document is laid out twice, the first time to learn them.
func Manual(w io.Writer, e *manuals.Expediente, opt Options) error {
	if e.Manual == nil {
		return fmt.Errorf("el expediente no tiene manual.yaml")
	}
	bs, err := manualBlocks(e, opt)
	if err != nil {
		return err
	}
	dg := e.Manual.DatosGenerales
	meta := Meta{
		Title:    "Manual de Proceso y Procedimientos " + string(dg.Codigo) + " " + dg.Nombre,
		Subject:  "Manual de Proceso y Procedimientos del Instituto Nacional Electoral",
		Author:   dg.URDuena,
		Keywords: strings.Join([]string{string(dg.Codigo), dg.Nombre, "manual de proceso y procedimientos", "INE"}, "; "),
		Date:     dg.Fecha,
		Sources:  &manuals.Expediente{Manual: e.Manual},
	}
	var toc []tocEntry
	for pass := 0; pass < 2; pass++ {
		d, err := newDoc(meta, opt)
		if err != nil {
			return err
		}
		d.furniture()
		d.draft = !Approved(e)
		d.layoutOnly = pass == 0
		d.f.AddPage()
		if toc, err = d.manual(e, bs, toc); err != nil {
			return err
		}
		// The first pass only learns the page numbers: no output.
		if pass == 1 {
			return d.output(w)
		}
		if err := d.f.Error(); err != nil {
			return err
		}
	}
	return nil
}

func manualBlocks(e *manuals.Expediente, opt Options) ([]blocks.Block, error) {
	return blocks.FromTemplate(opt.Templates, manualTemplateData(e), "manual.pdf.tmpl")
}

// manual draws the manual's blocks into d from the current page on; toc is
// the index of a previous pass (nil the first time). It returns the index
// entries with the pages they fell on.
func (d *doc) manual(e *manuals.Expediente, bs []blocks.Block, toc []tocEntry) ([]tocEntry, error) {
	m := e.Manual
	f := d.f
	d.running = string(m.DatosGenerales.Codigo) + " " + m.DatosGenerales.Nombre + " · Manual de Proceso y Procedimientos"
	var got []tocEntry
	nest := 0
	procs := map[string]*manuals.Procedure{}
	for _, p := range m.Procedures() {
		procs[string(p.Codigo)] = p
	}
	d.extra = func(b blocks.Block) bool {
		switch b.Tag {
		case "portada":
			d.plain[f.PageNo()] = true
			cover(f, b.Text, d.draft)
		case "subproceso", "seccion", "subseccion":
			// A subproceso heads its procedures: they and their parts go
			// one level down in the outline until «@finsubprocesos».
			level := nest
			size := 12.0
			switch b.Tag {
			case "subproceso":
				level, size = 0, 13
			case "subseccion":
				level, size = nest+1, 10.5
			}
			_, pageH := f.GetPageSize()
			if f.GetY() > pageH-45 {
				f.AddPage()
			}
			f.Ln(2)
			f.SetFont(family, "B", size)
			f.Bookmark(b.Text, level+d.outlineBase, -1)
			got = append(got, tocEntry{title: b.Text, level: level, page: f.PageNo(), index: b.Tag != "subseccion"})
			f.MultiCell(0, 6, b.Text, "", "L", false)
			f.Ln(1)
			if b.Tag == "subproceso" {
				nest = 1
			}
		case "finsubprocesos":
			nest = 0
		case "indice":
			index(f, toc)
		case "diagrama":
			if p := procs[strings.TrimSpace(b.Text)]; p != nil && len(p.Actividades) > 0 {
				d.swimlane(p, string(p.Codigo)+" "+p.Nombre, nest+1+d.outlineBase)
				f.AddPageFormat("P", f.GetPageSizeStr("Letter"))
			}
		case "matriz":
			if p := procs[strings.TrimSpace(b.Text)]; p != nil {
				riskMatrix(f, p, d.layoutOnly)
			}
		default:
			return false
		}
		return true
	}
	if err := d.blocks(bs); err != nil {
		return nil, err
	}
	return got, nil
}

func cover(f *fpdf.Fpdf, text string, draft bool) {
	lines := strings.Split(text, "\n")
	w, _ := f.GetPageSize()
	f.SetFillColor(161, 0, 92)
	f.Rect(0, 0, w, 18, "F")
	f.SetY(70)
	for i, l := range lines {
		switch i {
		case 0:
			f.SetFont(family, "B", 20)
			f.MultiCell(0, 10, l, "", "C", false)
			f.Ln(6)
		case 1:
			f.SetFont(family, "B", 16)
			f.MultiCell(0, 8, l, "", "C", false)
			f.Ln(10)
		default:
			f.SetFont(family, "", 11)
			f.MultiCell(0, 6, l, "", "C", false)
		}
	}
	if draft {
		f.Ln(10)
		f.SetFont(family, "B", 11)
		f.SetTextColor(180, 0, 0)
		f.MultiCell(0, 6, "BORRADOR: el expediente aún no registra la aprobación de la Junta General Ejecutiva", "", "C", false)
		f.SetTextColor(0, 0, 0)
	}
}

func watermark(f *fpdf.Fpdf) {
	w, h := f.GetPageSize()
	x, y := f.GetXY()
	f.TransformBegin()
	f.TransformRotate(50, w/2, h/2)
	f.SetFont(family, "B", 90)
	f.SetTextColor(235, 210, 210)
	tw := f.GetStringWidth("BORRADOR")
	f.Text(w/2-tw/2, h/2+10, "BORRADOR")
	f.TransformEnd()
	f.SetTextColor(0, 0, 0)
	f.SetXY(x, y)
}

func index(f *fpdf.Fpdf, toc []tocEntry) {
	w, _ := f.GetPageSize()
	left, _, right, _ := f.GetMargins()
	width := w - left - right
	// The first pass has no page numbers yet; it lays out the same lines.
	// A title too long for its line wraps under itself (never cut); the
	// dots and the page go on its last line.
	const lineH, step = 5.5, 6.0
	for _, e := range toc {
		if !e.index {
			continue
		}
		style := "B"
		if e.level > 0 {
			style = ""
		}
		f.SetFont(family, style, 10)
		indent := float64(e.level) * step
		page := strconv.Itoa(e.page)
		pw := f.GetStringWidth(page)
		room := width - indent - pw - 8
		lines := f.SplitText(e.title, room)
		for _, l := range lines[:len(lines)-1] {
			f.SetX(left + indent)
			f.CellFormat(room, lineH, l, "", 1, "L", false, 0, "")
		}
		last := lines[len(lines)-1]
		tw := f.GetStringWidth(last)
		dots := ""
		if n := int((width - indent - tw - pw - 4) / f.GetStringWidth(".")); n > 0 {
			dots = strings.Repeat(".", n)
		}
		f.SetX(left + indent)
		f.CellFormat(width-indent-pw, lineH, last+" "+dots, "", 0, "L", false, 0, "")
		f.CellFormat(pw, lineH, page, "", 1, "R", false, 0, "")
	}
	if len(toc) == 0 {
		f.Ln(lineH)
	}
}

// riskMatrix draws the impact × probability matrix with each risk in its cell.
func riskMatrix(f *fpdf.Fpdf, p *manuals.Procedure, layoutOnly bool) {
	const cellS = 11.0
	_, pageH := f.GetPageSize()
	if f.GetY()+6*cellS+12 > pageH-22 {
		f.AddPage()
	}
	if layoutOnly {
		f.SetY(f.GetY() + 4 + 5*cellS + 5 + 4 + 3)
		return
	}
	left, _, _, _ := f.GetMargins()
	x0, y0 := left+18, f.GetY()+4
	byCell := map[[2]int][]string{}
	for _, r := range p.Riesgos {
		byCell[[2]int{r.Impacto, r.Probabilidad}] = append(byCell[[2]int{r.Impacto, r.Probabilidad}], r.ID)
	}
	for imp := 5; imp >= 1; imp-- {
		for prob := 1; prob <= 5; prob++ {
			level := float64(imp*prob) / 25
			r, g := 99+int(149*math.Min(1, level*2)), 190-int(85*math.Max(0, level*2-1))
			f.SetFillColor(r, g, 110)
			x, y := x0+float64(prob-1)*cellS, y0+float64(5-imp)*cellS
			f.Rect(x, y, cellS, cellS, "FD")
			ids := byCell[[2]int{imp, prob}]
			sort.Strings(ids)
			if len(ids) > 0 {
				f.SetFont(family, "B", 7)
				f.SetXY(x, y+cellS/2-2)
				f.CellFormat(cellS, 4, strings.Join(ids, ","), "", 0, "C", false, 0, "")
			}
		}
	}
	f.SetFont(family, "", 7)
	for i := 1; i <= 5; i++ {
		f.SetXY(x0-6, y0+float64(5-i)*cellS+cellS/2-2)
		f.CellFormat(5, 4, strconv.Itoa(i), "", 0, "R", false, 0, "")
		f.SetXY(x0+float64(i-1)*cellS, y0+5*cellS+0.5)
		f.CellFormat(cellS, 4, strconv.Itoa(i), "", 0, "C", false, 0, "")
	}
	f.TransformBegin()
	f.TransformRotate(90, x0-10, y0+2.5*cellS)
	f.Text(x0-10-6, y0+2.5*cellS, "Impacto")
	f.TransformEnd()
	f.SetXY(x0, y0+5*cellS+5)
	f.CellFormat(5*cellS, 4, "Probabilidad", "", 1, "C", false, 0, "")
	f.Ln(3)
}
