// Package bpmn writes procedures of the manual model as BPMN 2.0 XML with
// BPMN DI: a pool per procedure, a lane per role, a task per activity, an
// exclusive gateway per decision, start and end events, data objects for
// inputs and outputs, and mpp's extension attributes (package manuals/bpmn)
// for what BPMN has no place for. The diagram comes from the same layout as
// the PDF swimlane (package render/swimlane), drawn on one canvas.
//
// No Go BPMN library is kept well enough to build on (the ones published
// are engines' partial structs without DI or lanes, or experiments), and
// encoding/xml's namespace handling writes a declaration on every element;
// the writer emits the XML itself, in a fixed order, so the same input
// gives the same bytes.
package bpmn

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/cipro-ine/mpp/manuals"
	vocab "github.com/cipro-ine/mpp/manuals/bpmn"
	"github.com/cipro-ine/mpp/render/swimlane"
)

// Scale is the number of BPMN DI units (pixels, by the modelers'
// convention) per millimetre of the swimlane layout: a 19 mm activity box
// becomes a 133 px task, wider than the modelers' default 100 px, because
// a modeler sets a task's text at a fixed 12 px, not shrunk to the box as
// the PDF does; at 5 px/mm a description of 90 characters overflowed its
// task in bpmn-js.
const Scale = 7.0

// Header widths of a pool and of a lane, in DI units, as modelers draw them.
const (
	poolHeader = 30.0
	laneHeader = 30.0
	poolGap    = 40.0
)

// Options are the writer's settings.
type Options struct {
	// ExporterVersion goes into definitions/@exporterVersion.
	ExporterVersion string
}

// Procedure writes p of manual m as one BPMN file: a collaboration with one
// pool.
func Procedure(w io.Writer, m *manuals.Manual, p *manuals.Procedure, o Options) error {
	return write(w, m, []*manuals.Procedure{p}, string(p.Codigo), o)
}

// Process writes every procedure of m as one collaboration, a pool per
// procedure.
func Process(w io.Writer, m *manuals.Manual, o Options) error {
	return write(w, m, m.Procedures(), string(m.DatosGenerales.Codigo), o)
}

// ID turns a code into a piece of an XML id (an NCName): H.4.05.1.01 →
// H_4_05_1_01.
func ID(code string) string {
	var b strings.Builder
	for i, r := range code {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r == '_':
			b.WriteRune(r)
		case r >= '0' && r <= '9', r == '-':
			if i == 0 {
				b.WriteByte('_')
			}
			b.WriteRune(r)
		default:
			b.WriteByte('_')
		}
	}
	if b.Len() == 0 {
		return "_"
	}
	return b.String()
}

// ids names every element of one procedure.
type ids struct{ key string }

func (x ids) process() string      { return "Proceso_" + x.key }
func (x ids) pool() string         { return "Participante_" + x.key }
func (x ids) laneSet() string      { return "Carriles_" + x.key }
func (x ids) lane(l int) string    { return fmt.Sprintf("Carril_%s_%d", x.key, l+1) }
func (x ids) start() string        { return "Inicio_" + x.key }
func (x ids) end() string          { return "Fin_" + x.key }
func (x ids) act(i int) string     { return fmt.Sprintf("Actividad_%s_%d", x.key, i+1) }
func (x ids) flow(k int) string    { return fmt.Sprintf("Flujo_%s_%d", x.key, k) }
func (x ids) data(d int) string    { return fmt.Sprintf("Dato_%s_%d", x.key, d+1) }
func (x ids) dataRef(d int) string { return fmt.Sprintf("RefDato_%s_%d", x.key, d+1) }
func (x ids) prop(i int) string    { return fmt.Sprintf("Propiedad_%s_%d", x.key, i+1) }
func (x ids) assoc(i, j int, dir string) string {
	return fmt.Sprintf("Asociacion%s_%s_%d_%d", dir, x.key, i+1, j+1)
}

// plan is one procedure ready to write: its layout and where it sits.
type plan struct {
	p     *manuals.Procedure
	id    ids
	dg    *swimlane.Diagram
	y0    float64 // top of the pool, DI units
	width float64 // content width, DI units
	h     float64 // pool height, DI units
	data  []string
}

func write(w io.Writer, m *manuals.Manual, procs []*manuals.Procedure, code string, o Options) error {
	bw := bufio.NewWriter(w)
	x := &emitter{w: bw}
	plans := make([]*plan, 0, len(procs))
	y := 0.0
	seen := map[string]int{}
	for _, p := range procs {
		key := ID(string(p.Codigo))
		if n := seen[key]; n > 0 {
			key = fmt.Sprintf("%s_%d", key, n+1)
		}
		seen[ID(string(p.Codigo))]++
		pl := &plan{p: p, id: ids{key}, dg: swimlane.Layout(p.Actividades, swimlane.Options{}), y0: y}
		if len(pl.dg.Pages) > 0 {
			pl.width = pl.dg.Pages[0].Width * Scale
			pl.h = (pl.dg.LanesBottom + pl.dg.ChannelH) * Scale
		} else {
			pl.width, pl.h = 200, 100
		}
		pl.data = dataNames(p)
		y += pl.h + poolGap
		plans = append(plans, pl)
	}

	x.raw(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	defs := []string{
		"xmlns:bpmn", vocab.NSModel,
		"xmlns:bpmndi", vocab.NSDI,
		"xmlns:dc", vocab.NSDC,
		"xmlns:di", vocab.NSDD,
		"xmlns:mpp", vocab.NSMpp,
		"id", "Definiciones_" + ID(code),
		"targetNamespace", "urn:cipro-ine:mpp:" + code,
		"exporter", "mpp",
	}
	if o.ExporterVersion != "" {
		defs = append(defs, "exporterVersion", o.ExporterVersion)
	}
	defs = append(defs, "mpp:"+vocab.AttrCodigo, string(m.DatosGenerales.Codigo), "mpp:"+vocab.AttrNombre, m.DatosGenerales.Nombre)
	x.open("bpmn:definitions", defs...)
	x.open("bpmn:collaboration", "id", "Colaboracion_"+ID(code))
	for _, pl := range plans {
		x.leaf("bpmn:participant", "", "id", pl.id.pool(), "name", title(pl.p), "processRef", pl.id.process())
	}
	x.close()
	for _, pl := range plans {
		writeProcess(x, m, pl)
	}
	x.open("bpmndi:BPMNDiagram", "id", "Diagrama_"+ID(code))
	x.open("bpmndi:BPMNPlane", "id", "Plano_"+ID(code), "bpmnElement", "Colaboracion_"+ID(code))
	for _, pl := range plans {
		writeDI(x, pl)
	}
	x.close()
	x.close()
	x.close()
	if x.err != nil {
		return x.err
	}
	return bw.Flush()
}

func title(p *manuals.Procedure) string {
	return strings.TrimSpace(string(p.Codigo) + " " + p.Nombre)
}

// dataNames lists the distinct inputs and outputs of the tasks (a gateway
// keeps its own in extension elements), in order of first use.
func dataNames(p *manuals.Procedure) []string {
	var out []string
	seen := map[string]bool{}
	for _, a := range p.Actividades {
		if a.Decision != nil {
			continue
		}
		for _, s := range append(append([]string(nil), a.Insumos...), a.Salidas...) {
			if !seen[s] {
				seen[s] = true
				out = append(out, s)
			}
		}
	}
	return out
}

func writeProcess(x *emitter, m *manuals.Manual, pl *plan) {
	p, id := pl.p, pl.id
	attrs := []string{"id", id.process(), "name", title(p), "isExecutable", "false",
		"mpp:" + vocab.AttrCodigo, string(p.Codigo), "mpp:" + vocab.AttrNombre, p.Nombre}
	if p.Ilustrativo {
		attrs = append(attrs, "mpp:"+vocab.AttrIlustrativo, "true")
	}
	if sp := subprocessOf(m, p); sp != nil {
		attrs = append(attrs, "mpp:"+vocab.AttrSubproceso, string(sp.Codigo))
		attrs = appendNonEmpty(attrs, "mpp:"+vocab.AttrSubprocesoNombre, sp.Nombre)
		attrs = appendNonEmpty(attrs, "mpp:"+vocab.AttrSubprocesoObjetivo, sp.Objetivo)
	}
	x.open("bpmn:process", attrs...)
	if p.Objetivo != "" {
		x.leaf("bpmn:documentation", p.Objetivo)
	}
	x.open("bpmn:extensionElements")
	x.open("mpp:" + vocab.ElemProcedimiento)
	if p.Alcance != "" {
		x.leaf("mpp:"+vocab.ElemAlcance, p.Alcance)
	}
	for _, r := range p.ReglasOperacion {
		x.leaf("mpp:"+vocab.ElemRegla, r)
	}
	for _, c := range p.Controles {
		a := []string{"id", c.ID}
		a = appendNonEmpty(a, "tipo", c.Tipo)
		if c.Actividad != 0 {
			a = append(a, "actividad", strconv.Itoa(c.Actividad))
		}
		x.leaf("mpp:"+vocab.ElemControl, c.Descripcion, a...)
	}
	for _, r := range p.Riesgos {
		x.leaf("mpp:"+vocab.ElemRiesgo, r.Descripcion, "id", r.ID, "impacto", strconv.Itoa(r.Impacto),
			"probabilidad", strconv.Itoa(r.Probabilidad), "controles", strings.Join(r.Controles, " "))
	}
	for _, in := range p.Indicadores {
		a := []string{"nombre", in.Nombre}
		a = appendNonEmpty(a, "formula", in.Formula)
		a = appendNonEmpty(a, "frecuencia", in.Frecuencia)
		a = appendNonEmpty(a, "meta", in.Meta)
		x.leaf("mpp:"+vocab.ElemIndicador, "", a...)
	}
	x.close()
	x.close()

	acts := p.Actividades
	dg := pl.dg
	if len(acts) == 0 {
		x.close()
		return
	}
	// incoming and outgoing flow ids per node; flow 0 is the start's.
	in := make([][]string, len(acts))
	out := make([][]string, len(acts))
	var endIn []string
	in[0] = append(in[0], id.flow(0))
	for k, f := range dg.Flows {
		out[f.From] = append(out[f.From], id.flow(k+1))
		if f.To == swimlane.End {
			endIn = append(endIn, id.flow(k+1))
		} else {
			in[f.To] = append(in[f.To], id.flow(k+1))
		}
	}

	x.open("bpmn:laneSet", "id", id.laneSet())
	for l, ln := range dg.Lanes {
		a := []string{"id", id.lane(l), "name", ln.Name}
		if r := m.Role(ln.Name); r != nil {
			a = appendNonEmpty(a, "mpp:"+vocab.AttrPuesto, r.Puesto)
			a = appendNonEmpty(a, "mpp:"+vocab.AttrUR, r.UR)
			a = appendNonEmpty(a, "mpp:"+vocab.AttrDescripcion, r.Descripcion)
			if r.Ilustrativo {
				a = append(a, "mpp:"+vocab.AttrIlustrativo, "true")
			}
		}
		x.open("bpmn:lane", a...)
		if l == 0 {
			x.leaf("bpmn:flowNodeRef", id.start())
		}
		for i := range acts {
			if dg.LaneOf[i] == l {
				x.leaf("bpmn:flowNodeRef", id.act(i))
			}
		}
		if len(endIn) > 0 && l == dg.LaneOf[len(acts)-1] {
			x.leaf("bpmn:flowNodeRef", id.end())
		}
		x.close()
	}
	x.close()

	x.open("bpmn:startEvent", "id", id.start(), "name", "Inicio")
	x.leaf("bpmn:outgoing", id.flow(0))
	x.close()
	dataIdx := map[string]int{}
	for d, n := range pl.data {
		dataIdx[n] = d
	}
	for i, a := range acts {
		writeActivity(x, pl, i, a, in[i], out[i], dataIdx)
	}
	if len(endIn) > 0 {
		x.open("bpmn:endEvent", "id", id.end(), "name", "Fin")
		for _, f := range endIn {
			x.leaf("bpmn:incoming", f)
		}
		x.close()
	}
	x.leaf("bpmn:sequenceFlow", "", "id", id.flow(0), "sourceRef", id.start(), "targetRef", id.act(0))
	for k, f := range dg.Flows {
		target := id.end()
		if f.To != swimlane.End {
			target = id.act(f.To)
		}
		a := []string{"id", id.flow(k + 1)}
		a = appendNonEmpty(a, "name", f.Label)
		a = append(a, "sourceRef", id.act(f.From), "targetRef", target)
		if f.Implicit {
			a = append(a, "mpp:"+vocab.AttrImplicito, "true")
		}
		x.leaf("bpmn:sequenceFlow", "", a...)
	}
	for d, n := range pl.data {
		x.leaf("bpmn:dataObject", "", "id", id.data(d), "name", n)
		x.leaf("bpmn:dataObjectReference", "", "id", id.dataRef(d), "name", n, "dataObjectRef", id.data(d))
	}
	x.close()
}

// subprocessOf is the subproceso that holds p in m.
func subprocessOf(m *manuals.Manual, p *manuals.Procedure) *manuals.Subprocess {
	for si := range m.Subprocesos {
		for pi := range m.Subprocesos[si].Procedimientos {
			if &m.Subprocesos[si].Procedimientos[pi] == p {
				return &m.Subprocesos[si]
			}
		}
	}
	return nil
}

func writeActivity(x *emitter, pl *plan, i int, a manuals.Activity, in, out []string, dataIdx map[string]int) {
	id := pl.id
	attrs := []string{"id", id.act(i)}
	// What the flows do not show: a siguiente that points nowhere, or one
	// next to a decision or a fin.
	extra := func() {
		if a.Siguiente != 0 && (a.Decision != nil || a.Fin || len(out) == 0) {
			attrs = append(attrs, "mpp:"+vocab.AttrSiguiente, strconv.Itoa(a.Siguiente))
		}
		attrs = appendNonEmpty(attrs, "mpp:"+vocab.AttrSistema, a.Sistema)
	}
	if a.Decision != nil {
		attrs = append(attrs, "name", a.Decision.Pregunta, "mpp:"+vocab.AttrNumero, strconv.Itoa(a.Numero),
			"mpp:"+vocab.AttrDescripcion, a.Descripcion)
		extra()
		if a.Fin {
			attrs = append(attrs, "mpp:"+vocab.AttrFin, "true")
		}
		x.open("bpmn:exclusiveGateway", attrs...)
		x.leaf("bpmn:documentation", a.Descripcion)
		ext := len(a.Formatos) + len(a.Insumos) + len(a.Salidas)
		lost := lostExits(pl, i, a)
		if ext+len(lost) > 0 {
			x.open("bpmn:extensionElements")
			for _, s := range a.Insumos {
				x.leaf("mpp:"+vocab.ElemInsumo, s)
			}
			for _, s := range a.Salidas {
				x.leaf("mpp:"+vocab.ElemSalida, s)
			}
			for _, s := range a.Formatos {
				x.leaf("mpp:"+vocab.ElemFormato, s)
			}
			for _, l := range lost {
				x.leaf("mpp:"+vocab.ElemSinFlujo, "", l...)
			}
			x.close()
		}
		flowRefs(x, in, out)
		x.close()
		return
	}
	attrs = append(attrs, "name", a.Descripcion, "mpp:"+vocab.AttrNumero, strconv.Itoa(a.Numero))
	extra()
	x.open("bpmn:task", attrs...)
	if a.Sistema != "" {
		x.leaf("bpmn:documentation", "Sistema: "+a.Sistema)
	}
	if len(a.Formatos) > 0 {
		x.open("bpmn:extensionElements")
		for _, s := range a.Formatos {
			x.leaf("mpp:"+vocab.ElemFormato, s)
		}
		x.close()
	}
	flowRefs(x, in, out)
	if len(a.Insumos) > 0 {
		// A data input association needs a target inside the task: the
		// placeholder property that modelers write for it.
		x.leaf("bpmn:property", "", "id", id.prop(i), "name", "__targetRef_placeholder")
	}
	for j, s := range a.Insumos {
		x.open("bpmn:dataInputAssociation", "id", id.assoc(i, j, "Entrada"))
		x.leaf("bpmn:sourceRef", id.dataRef(dataIdx[s]))
		x.leaf("bpmn:targetRef", id.prop(i))
		x.close()
	}
	for j, s := range a.Salidas {
		x.open("bpmn:dataOutputAssociation", "id", id.assoc(i, j, "Salida"))
		x.leaf("bpmn:targetRef", id.dataRef(dataIdx[s]))
		x.close()
	}
	x.close()
}

// lostExits lists a decision's exits that no flow shows (no target, or a
// number no activity has), with their position, so the reader can put them
// back.
func lostExits(pl *plan, i int, a manuals.Activity) [][]string {
	nums := map[int]bool{}
	for _, b := range pl.p.Actividades {
		nums[b.Numero] = true
	}
	var out [][]string
	for k, e := range a.Decision.Salidas {
		if e.Fin || nums[e.Siguiente] {
			continue
		}
		l := []string{"posicion", strconv.Itoa(k + 1), "condicion", e.Condicion}
		if e.Siguiente != 0 {
			l = append(l, "siguiente", strconv.Itoa(e.Siguiente))
		}
		out = append(out, l)
	}
	return out
}

func flowRefs(x *emitter, in, out []string) {
	for _, f := range in {
		x.leaf("bpmn:incoming", f)
	}
	for _, f := range out {
		x.leaf("bpmn:outgoing", f)
	}
}

func appendNonEmpty(a []string, k, v string) []string {
	if v == "" {
		return a
	}
	return append(a, k, v)
}

// writeDI draws one pool: the same layout as the PDF, on one canvas, with
// the channel below the lanes inside the last lane so that every line stays
// in the pool.
func writeDI(x *emitter, pl *plan) {
	id := pl.id
	x0 := 0.0
	cx := x0 + poolHeader + laneHeader // content origin
	y0 := pl.y0
	x.open("bpmndi:BPMNShape", "id", id.pool()+"_di", "bpmnElement", id.pool(), "isHorizontal", "true")
	bounds(x, x0, y0, poolHeader+laneHeader+pl.width, pl.h)
	x.close()
	dg := pl.dg
	if len(pl.p.Actividades) == 0 {
		return
	}
	for l, ln := range dg.Lanes {
		h := ln.H * Scale
		if l == len(dg.Lanes)-1 {
			h = pl.h - ln.Y*Scale
		}
		x.open("bpmndi:BPMNShape", "id", id.lane(l)+"_di", "bpmnElement", id.lane(l), "isHorizontal", "true")
		bounds(x, x0+poolHeader, y0+ln.Y*Scale, laneHeader+pl.width, h)
		x.close()
	}
	pg := dg.Pages[0]
	at := func(q swimlane.Point) (float64, float64) { return cx + q.X*Scale, y0 + q.Y*Scale }
	r := swimlane.EventR * Scale
	sx, sy := at(*pg.Start)
	x.open("bpmndi:BPMNShape", "id", id.start()+"_di", "bpmnElement", id.start())
	bounds(x, sx-r, sy-r, 2*r, 2*r)
	x.close()
	for _, b := range pg.Boxes {
		bx, by := at(swimlane.Point{X: b.Rect.X, Y: b.Rect.Y})
		a := []string{"id", id.act(b.Act) + "_di", "bpmnElement", id.act(b.Act)}
		if b.Decision {
			// No X: the question goes inside the diamond, as in the PDF
			// (above and below it may stand the boxes of a hand-off).
			a = append(a, "isMarkerVisible", "false")
		}
		x.open("bpmndi:BPMNShape", a...)
		w, h := b.Rect.W*Scale, b.Rect.H*Scale
		bounds(x, bx, by, w, h)
		if b.Decision {
			x.open("bpmndi:BPMNLabel")
			bounds(x, bx+0.2*w, by+0.3*h, 0.6*w, 0.4*h)
			x.close()
		}
		x.close()
	}
	if e := pg.End; e != nil {
		ex, ey := at(*e)
		x.open("bpmndi:BPMNShape", "id", id.end()+"_di", "bpmnElement", id.end())
		bounds(x, ex-r, ey-r, 2*r, 2*r)
		x.close()
	}
	// The start's flow, then the others in the layout's order.
	x.open("bpmndi:BPMNEdge", "id", id.flow(0)+"_di", "bpmnElement", id.flow(0))
	waypoint(x, sx+r, sy)
	bx, _ := at(swimlane.Point{X: pg.Boxes[0].Rect.X})
	waypoint(x, bx, sy)
	x.close()
	for _, e := range pg.Edges {
		fid := id.flow(e.Flow + 1)
		x.open("bpmndi:BPMNEdge", "id", fid+"_di", "bpmnElement", fid)
		for _, q := range e.Points {
			px, py := at(q)
			waypoint(x, px, py)
		}
		if e.HasText {
			lx, ly := at(e.Label)
			label := dg.Flows[e.Flow].Label
			x.open("bpmndi:BPMNLabel")
			bounds(x, lx, ly-12, float64(7*len([]rune(label))+6), 14)
			x.close()
		}
		x.close()
	}
}

func bounds(x *emitter, bx, by, w, h float64) {
	x.leaf("dc:Bounds", "", "x", num(bx), "y", num(by), "width", num(w), "height", num(h))
}

func waypoint(x *emitter, px, py float64) {
	x.leaf("di:waypoint", "", "x", num(px), "y", num(py))
}

// num writes a coordinate with at most one decimal.
func num(v float64) string {
	return strconv.FormatFloat(math.Round(v*10)/10, 'f', -1, 64)
}
