package bpmn

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/cipro-ine/mpp/manuals"
)

// Options are the reader's settings.
type Options struct {
	// Code is the procedure code for a file with one process and no
	// mpp:codigo (a diagram drawn in a modeler).
	Code manuals.Code
}

// Note is something in the file that mpp does not model: reported with its
// line and element id, and kept in the manual's notas, never dropped
// silently.
type Note struct {
	Line int
	Text string
}

func (n Note) String() string {
	if n.Line > 0 {
		return fmt.Sprintf("línea %d: %s", n.Line, n.Text)
	}
	return n.Text
}

// Result is what a BPMN file holds, in the manual model.
type Result struct {
	Codigo     manuals.Code // the proceso, when the file says (mpp:codigo on definitions)
	Nombre     string
	Procedures []manuals.Procedure
	// Subprocesses[i] is the subproceso of Procedures[i] as the file names
	// it (mpp:subproceso), without procedures; zero when it does not.
	Subprocesses []manuals.Subprocess
	Roles        []manuals.Role
	Notes        []Note
	// FromMpp: mpp wrote the file, so it carries every field of its
	// procedures.
	FromMpp bool
}

// Element kinds of the flow.
type kind int

const (
	kOther    kind = iota
	kTask          // a task of any type
	kSub           // a subprocess or call activity: one activity
	kGateway       // exclusive, inclusive or complex: a decision when it splits
	kParallel      // parallel or event-based: routing only
	kStart
	kEnd
	kEvent // intermediate events: routing only
	kData
)

var kinds = map[string]kind{
	"task": kTask, "userTask": kTask, "manualTask": kTask, "serviceTask": kTask, "scriptTask": kTask,
	"sendTask": kTask, "receiveTask": kTask, "businessRuleTask": kTask,
	"subProcess": kSub, "adHocSubProcess": kSub, "transaction": kSub, "callActivity": kSub,
	"exclusiveGateway": kGateway, "inclusiveGateway": kGateway, "complexGateway": kGateway,
	"parallelGateway": kParallel, "eventBasedGateway": kParallel,
	"startEvent": kStart, "endEvent": kEnd,
	"intermediateCatchEvent": kEvent, "intermediateThrowEvent": kEvent,
	"dataObject": kData, "dataObjectReference": kData, "dataStoreReference": kData,
}

// elementNames gives the Spanish name of the BPMN elements a note names.
var elementNames = map[string]string{
	"subProcess": "subproceso", "adHocSubProcess": "subproceso ad hoc", "transaction": "transacción",
	"callActivity": "actividad de llamada", "parallelGateway": "compuerta paralela",
	"eventBasedGateway": "compuerta basada en eventos", "inclusiveGateway": "compuerta inclusiva",
	"complexGateway": "compuerta compleja", "intermediateCatchEvent": "evento intermedio",
	"intermediateThrowEvent": "evento intermedio", "boundaryEvent": "evento de borde",
	"messageFlow": "flujo de mensaje", "textAnnotation": "anotación", "group": "grupo",
	"timerEventDefinition": "temporizador", "messageEventDefinition": "mensaje",
	"signalEventDefinition": "señal", "errorEventDefinition": "error", "conditionalEventDefinition": "condición",
	"escalationEventDefinition": "escalamiento", "compensateEventDefinition": "compensación",
	"terminateEventDefinition": "terminación", "linkEventDefinition": "enlace", "cancelEventDefinition": "cancelación",
}

func spanish(local string) string {
	if s, ok := elementNames[local]; ok {
		return s
	}
	return "bpmn:" + local
}

type fnode struct {
	n      *node
	kind   kind
	local  string
	lane   int // -1 without lane
	out    []string
	in     []string
	act    int // index in acts, -1 if not an activity
	merged *fnode
}

type flow struct {
	n              *node
	src, dst, name string
	implicit       bool
}

type reader struct {
	file   string
	res    *Result
	mppDoc bool // the file was written by mpp
}

func (r *reader) note(n *node, format string, args ...any) {
	line := 0
	if n != nil {
		line = n.line
	}
	r.res.Notes = append(r.res.Notes, Note{line, fmt.Sprintf(format, args...)})
}

func (r *reader) fail(n *node, format string, args ...any) error {
	line := 0
	if n != nil {
		line = n.line
	}
	return &Error{File: r.file, Line: line, Msg: fmt.Sprintf(format, args...)}
}

// Read reads a BPMN 2.0 file: every process with flow nodes becomes a
// procedure, its lanes roles, its tasks activities numbered in flow order (or
// by mpp:numero when the file carries it), its gateways decisions.
func Read(file string, data []byte, o Options) (*Result, error) {
	root, err := parse(file, data)
	if err != nil {
		return nil, err
	}
	r := &reader{file: file, res: &Result{}}
	// Written by mpp: its exporter name, or (once a modeler saved it and put
	// its own name there) mpp's code on the definitions.
	r.mppDoc = root.attr("", "exporter") == "mpp" || root.attr(NSMpp, AttrCodigo) != ""
	r.res.FromMpp = r.mppDoc
	r.res.Codigo = manuals.Code(root.attr(NSMpp, AttrCodigo))
	r.res.Nombre = root.attr(NSMpp, AttrNombre)
	if r.res.Codigo != "" {
		if err := r.res.Codigo.DecodeScalar(string(r.res.Codigo)); err != nil {
			return nil, r.fail(root, "mpp:codigo: %v", err)
		}
	}
	pools := map[string]*node{}
	for _, k := range root.kids {
		if k.is(NSModel, "collaboration") {
			for _, c := range k.kids {
				switch {
				case c.is(NSModel, "participant"):
					if ref := c.attr("", "processRef"); ref != "" {
						pools[ref] = c
					} else {
						r.note(c, "el participante «%s» (%s) no tiene proceso: no se importa", c.attr("", "name"), c.id())
					}
				case c.is(NSModel, "messageFlow"):
					r.note(c, "flujo de mensaje %s (%s → %s) no se modela en mpp", c.id(), c.attr("", "sourceRef"), c.attr("", "targetRef"))
				case c.is(NSModel, "extensionElements"), c.is(NSModel, "documentation"):
					r.foreignExtensions(c, k.id())
				}
			}
		}
	}
	var procs []*node
	for _, k := range root.kids {
		if k.is(NSModel, "process") {
			if hasFlowNodes(k) {
				procs = append(procs, k)
			} else if pools[k.id()] != nil || k.id() != "" {
				r.note(k, "el proceso %s no tiene tareas: no se importa", k.id())
			}
		}
	}
	if len(procs) == 0 {
		return nil, r.fail(root, "no contiene ningún proceso con tareas (bpmn:process)")
	}
	missing := 0
	for _, p := range procs {
		if p.attr(NSMpp, AttrCodigo) == "" {
			missing++
		}
	}
	roleSeen := map[string]bool{}
	for _, p := range procs {
		code := manuals.Code(p.attr(NSMpp, AttrCodigo))
		if code == "" {
			switch {
			case o.Code != "" && missing == 1:
				code = o.Code
			case o.Code != "":
				return nil, r.fail(p, "el archivo tiene %d procesos sin código de procedimiento (mpp:codigo): un solo código no basta para todos", missing)
			default:
				return nil, r.fail(p, "el proceso «%s» no tiene código de procedimiento (mpp:codigo): indíquelo con --procedimiento, p. ej. --procedimiento H.4.05.1.01", firstNonEmpty(p.attr("", "name"), p.id()))
			}
		}
		if err := code.DecodeScalar(string(code)); err != nil {
			return nil, r.fail(p, "%v", err)
		}
		proc, lanes, err := r.process(p, pools[p.id()], code)
		if err != nil {
			return nil, err
		}
		r.res.Procedures = append(r.res.Procedures, *proc)
		sp := manuals.Subprocess{Codigo: manuals.Code(p.attr(NSMpp, AttrSubproceso)), Nombre: p.attr(NSMpp, AttrSubprocesoNombre),
			Objetivo: p.attr(NSMpp, AttrSubprocesoObjetivo)}
		if sp.Codigo != "" {
			if err := sp.Codigo.DecodeScalar(string(sp.Codigo)); err != nil {
				return nil, r.fail(p, "mpp:%s: %v", AttrSubproceso, err)
			}
		}
		r.res.Subprocesses = append(r.res.Subprocesses, sp)
		for _, ln := range lanes {
			if roleSeen[ln.Nombre] {
				continue
			}
			roleSeen[ln.Nombre] = true
			r.res.Roles = append(r.res.Roles, ln)
		}
	}
	// In the file's order; notes of the whole file last.
	sort.SliceStable(r.res.Notes, func(i, j int) bool {
		a, b := r.res.Notes[i].Line, r.res.Notes[j].Line
		return a != 0 && (b == 0 || a < b)
	})
	return r.res, nil
}

func hasFlowNodes(p *node) bool {
	for _, k := range p.kids {
		if k.name.Space == NSModel {
			if kd, ok := kinds[k.name.Local]; ok && kd != kData {
				return true
			}
		}
	}
	return false
}

func firstNonEmpty(s ...string) string {
	for _, x := range s {
		if strings.TrimSpace(x) != "" {
			return strings.TrimSpace(x)
		}
	}
	return ""
}

var spacesRE = regexp.MustCompile(`\s+`)

// label is a name as one line: modelers put line breaks in names to wrap
// them in the shape.
func label(s string) string { return strings.TrimSpace(spacesRE.ReplaceAllString(s, " ")) }

// foreignExtensions reports the vendor extensions (Bizagi's, Camunda's, …)
// inside an extensionElements, once per namespace.
func (r *reader) foreignExtensions(ext *node, owner string) {
	seen := map[string]bool{}
	for _, k := range ext.kids {
		if k.name.Space == NSMpp || seen[k.name.Space] {
			continue
		}
		seen[k.name.Space] = true
		r.note(k, "extensiones de %s en %s (%s, …) no se importan", nsName(k.name.Space), owner, k.name.Local)
	}
}

func nsName(ns string) string {
	if ns == "" {
		return "un espacio sin nombre"
	}
	return ns
}

// foreignAttrs reports attributes of other vendors' namespaces on an
// element, once per namespace.
func (r *reader) foreignAttrs(n *node) {
	by := map[string][]string{}
	var order []string
	for _, a := range n.attrs {
		s := a.Name.Space
		if s == "" || s == NSMpp || s == NSModel || s == "xmlns" || s == NSXSI || strings.HasPrefix(s, "http://www.w3.org/") {
			continue
		}
		if _, ok := by[s]; !ok {
			order = append(order, s)
		}
		by[s] = append(by[s], a.Name.Local)
	}
	for _, s := range order {
		r.note(n, "atributos de %s en %s (%s) no se importan", s, n.id(), strings.Join(by[s], ", "))
	}
}

func (r *reader) process(p, pool *node, code manuals.Code) (*manuals.Procedure, []manuals.Role, error) {
	proc := &manuals.Procedure{Codigo: code}
	r.foreignAttrs(p)
	proc.Nombre = p.attr(NSMpp, AttrNombre)
	if proc.Nombre == "" {
		n := firstNonEmpty(attrOf(pool, "name"), p.attr("", "name"))
		proc.Nombre = strings.TrimSpace(strings.TrimPrefix(label(n), string(code)))
	}
	if proc.Nombre == "" {
		proc.Nombre = "Procedimiento importado"
		r.note(p, "el proceso %s no tiene nombre: se llamó «%s»", p.id(), proc.Nombre)
	}
	proc.Ilustrativo = p.attr(NSMpp, AttrIlustrativo) == "true"
	if d := p.first(NSModel, "documentation"); d != nil {
		proc.Objetivo = d.content()
	}

	// Lanes (leaves of nested lane sets) and the nodes they hold.
	var roles []manuals.Role
	laneOf := map[string]int{}
	var walkLanes func(ls *node)
	walkLanes = func(ls *node) {
		for _, ln := range ls.all(NSModel, "lane") {
			if child := ln.first(NSModel, "childLaneSet"); child != nil && len(child.all(NSModel, "lane")) > 0 {
				walkLanes(child)
				continue
			}
			name := label(ln.attr("", "name"))
			if name == "" {
				name = fmt.Sprintf("Carril %d", len(roles)+1)
				r.note(ln, "el carril %s no tiene nombre: se llamó «%s»", ln.id(), name)
			}
			idx := -1
			for i, ro := range roles {
				if ro.Nombre == name {
					idx = i
				}
			}
			if idx < 0 {
				idx = len(roles)
				roles = append(roles, manuals.Role{Nombre: name, Puesto: ln.attr(NSMpp, AttrPuesto), UR: ln.attr(NSMpp, AttrUR),
					Descripcion: ln.attr(NSMpp, AttrDescripcion), Ilustrativo: ln.attr(NSMpp, AttrIlustrativo) == "true"})
			}
			for _, ref := range ln.all(NSModel, "flowNodeRef") {
				laneOf[ref.content()] = idx
			}
		}
	}

	nodes := map[string]*fnode{}
	var order []*fnode
	flows := map[string]*flow{}
	var flowOrder []*flow
	dataName := map[string]string{}
	dataObj := map[string]string{}
	for _, k := range p.kids {
		if k.name.Space != NSModel {
			r.note(k, "elemento %s de %s no se importa", k.name.Local, nsName(k.name.Space))
			continue
		}
		switch k.name.Local {
		case "documentation":
			continue
		case "extensionElements":
			r.foreignExtensions(k, p.id())
			if err := r.procedureExtensions(k, proc); err != nil {
				return nil, nil, err
			}
			continue
		case "laneSet":
			walkLanes(k)
			continue
		case "sequenceFlow":
			f := &flow{n: k, src: k.attr("", "sourceRef"), dst: k.attr("", "targetRef"), name: label(k.attr("", "name")),
				implicit: k.attr(NSMpp, AttrImplicito) == "true"}
			if f.name == "" {
				if c := k.first(NSModel, "conditionExpression"); c != nil {
					f.name = label(c.content())
				}
			}
			if flows[k.id()] != nil || k.id() == "" {
				return nil, nil, r.fail(k, "flujo de secuencia sin id o con un id repetido («%s»)", k.id())
			}
			flows[k.id()] = f
			flowOrder = append(flowOrder, f)
			continue
		case "association":
			continue // goes with an annotation, reported there
		case "textAnnotation":
			txt := ""
			if t := k.first(NSModel, "text"); t != nil {
				txt = label(t.content())
			}
			r.note(k, "anotación %s: «%s»", k.id(), txt)
			continue
		case "boundaryEvent":
			r.note(k, "evento de borde %s sobre %s no se modela en mpp; lo que sale de él queda fuera del flujo", k.id(), k.attr("", "attachedToRef"))
			continue
		}
		kd, ok := kinds[k.name.Local]
		if !ok {
			r.note(k, "%s %s no se modela en mpp", spanish(k.name.Local), k.id())
			continue
		}
		if kd == kData {
			dataName[k.id()] = label(k.attr("", "name"))
			if ref := k.attr("", "dataObjectRef"); ref != "" {
				dataObj[k.id()] = ref
			}
			continue
		}
		if k.id() == "" || nodes[k.id()] != nil {
			return nil, nil, r.fail(k, "elemento %s sin id o con un id repetido («%s»)", k.name.Local, k.id())
		}
		fn := &fnode{n: k, kind: kd, local: k.name.Local, lane: -1, act: -1}
		nodes[k.id()] = fn
		order = append(order, fn)
		r.foreignAttrs(k)
		if ext := k.first(NSModel, "extensionElements"); ext != nil {
			r.foreignExtensions(ext, k.id())
		}
		switch kd {
		case kSub:
			r.note(k, "%s %s («%s») se tomó como una sola actividad; lo que contiene no se importa", spanish(k.name.Local), k.id(), label(k.attr("", "name")))
		case kEvent:
			r.note(k, "%s %s («%s») no se modela en mpp: el flujo sigue de largo", spanish(k.name.Local), k.id(), label(k.attr("", "name")))
		}
		if kd == kStart || kd == kEnd || kd == kEvent {
			for _, c := range k.kids {
				if strings.HasSuffix(c.name.Local, "EventDefinition") {
					r.note(c, "el evento %s lleva %s, que mpp no modela", k.id(), spanish(c.name.Local))
				}
			}
		}
	}
	for id, l := range laneOf {
		if fn := nodes[id]; fn != nil {
			fn.lane = l
		}
	}
	for _, f := range flowOrder {
		s, d := nodes[f.src], nodes[f.dst]
		if s == nil || d == nil {
			return nil, nil, r.fail(f.n, "el flujo %s une «%s» con «%s», y no son elementos de este proceso", f.n.id(), f.src, f.dst)
		}
		s.out = append(s.out, f.n.id())
		d.in = append(d.in, f.n.id())
	}
	// A node's own <outgoing> order when it gives one (the order exits
	// were drawn in).
	for _, fn := range order {
		var own []string
		for _, o := range fn.n.all(NSModel, "outgoing") {
			if f := flows[o.content()]; f != nil && f.src == fn.n.id() {
				own = append(own, o.content())
			}
		}
		if len(own) == len(fn.out) {
			fn.out = own
		}
	}

	// Decisions: a gateway that splits right after a task joins it (the
	// task decides); one that splits on its own is an activity of its own;
	// one that only joins is routing.
	isAct := func(fn *fnode) bool {
		return fn.kind == kTask || fn.kind == kSub || (fn.kind == kGateway && len(fn.out) >= 2 && fn.merged == nil)
	}
	for _, fn := range order {
		if fn.kind != kGateway || len(fn.out) < 2 || fn.n.attr(NSMpp, AttrNumero) != "" || len(fn.in) != 1 {
			continue
		}
		t := nodes[flows[fn.in[0]].src]
		if (t.kind == kTask || t.kind == kSub) && len(t.out) == 1 && t.merged == nil {
			t.merged = fn
			fn.merged = t
		}
	}
	for _, fn := range order {
		if fn.kind == kParallel && len(fn.out) >= 2 {
			r.note(fn.n, "%s %s abre %d caminos en paralelo, que mpp no modela: se siguió el primero", spanish(fn.local), fn.n.id(), len(fn.out))
		}
		if fn.kind == kGateway && fn.local != "exclusiveGateway" && len(fn.out) >= 2 {
			r.note(fn.n, "%s %s se tomó como exclusiva", spanish(fn.local), fn.n.id())
		}
	}

	// resolve follows routing nodes from a flow to an activity, or nil for
	// the end.
	resolve := func(flowID string) *fnode {
		seen := map[string]bool{}
		n := nodes[flows[flowID].dst]
		for {
			if isAct(n) {
				return n
			}
			if n.kind == kGateway && n.merged != nil {
				return n.merged
			}
			if n.kind == kEnd || len(n.out) == 0 || seen[n.n.id()] {
				return nil
			}
			seen[n.n.id()] = true
			n = nodes[flows[n.out[0]].dst]
		}
	}
	// reach lists the activities a flow leads to through routing nodes,
	// every branch of a parallel split included: for numbering only.
	reach := func(flowID string) []*fnode {
		var out []*fnode
		seen := map[string]bool{}
		var walk func(id string)
		walk = func(id string) {
			n := nodes[flows[id].dst]
			switch {
			case isAct(n):
				out = append(out, n)
			case n.kind == kGateway && n.merged != nil:
				out = append(out, n.merged)
			case n.kind == kEnd || seen[n.n.id()]:
			default:
				seen[n.n.id()] = true
				for _, o := range n.out {
					walk(o)
				}
			}
		}
		walk(flowID)
		return out
	}
	exitsOf := func(fn *fnode) []string {
		if fn.merged != nil && fn.kind != kGateway {
			return fn.merged.out
		}
		return fn.out
	}

	// Number the activities: by mpp:numero when every one has a distinct
	// one, else depth first from the start, exits in their order, then any
	// left unreached in the file's order.
	var acts []*fnode
	for _, fn := range order {
		if isAct(fn) {
			acts = append(acts, fn)
		}
	}
	if len(acts) == 0 {
		return nil, nil, r.fail(p, "el proceso %s no tiene tareas", p.id())
	}
	numbers, byNumber := map[*fnode]int{}, true
	used := map[int]bool{}
	for _, fn := range acts {
		v, err := strconv.Atoi(fn.n.attr(NSMpp, AttrNumero))
		if err != nil || v <= 0 || used[v] {
			byNumber = false
			break
		}
		used[v] = true
		numbers[fn] = v
	}
	var list []*fnode
	if byNumber {
		list = append(list, acts...)
		sort.SliceStable(list, func(i, j int) bool { return numbers[list[i]] < numbers[list[j]] })
	} else {
		visited := map[*fnode]bool{}
		var stack []*fnode
		for i := len(order) - 1; i >= 0; i-- {
			if order[i].kind == kStart {
				for j := len(order[i].out) - 1; j >= 0; j-- {
					ts := reach(order[i].out[j])
					for k := len(ts) - 1; k >= 0; k-- {
						stack = append(stack, ts[k])
					}
				}
			}
		}
		for len(stack) > 0 {
			fn := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			if visited[fn] {
				continue
			}
			visited[fn] = true
			list = append(list, fn)
			outs := exitsOf(fn)
			for j := len(outs) - 1; j >= 0; j-- {
				ts := reach(outs[j])
				for k := len(ts) - 1; k >= 0; k-- {
					if !visited[ts[k]] {
						stack = append(stack, ts[k])
					}
				}
			}
		}
		for _, fn := range acts {
			if !visited[fn] {
				r.note(fn.n, "la actividad %s («%s») no se alcanza desde el inicio: se numeró al final", fn.n.id(), label(fn.n.attr("", "name")))
				list = append(list, fn)
			}
		}
		for i, fn := range list {
			numbers[fn] = i + 1
		}
	}
	for i, fn := range list {
		fn.act = i
	}

	// exit is the decision exit a flow makes, its condition given.
	exit := func(fid, condition string) manuals.Exit {
		x := manuals.Exit{Condicion: condition}
		if t := resolve(fid); t == nil {
			x.Fin = true
		} else {
			x.Siguiente = numbers[t]
		}
		return x
	}
	pos := map[*fnode]int{}
	for i, fn := range list {
		pos[fn] = i
	}
	poolName := label(firstNonEmpty(attrOf(pool, "name"), p.attr("", "name")))
	for i, fn := range list {
		a := manuals.Activity{Numero: numbers[fn]}
		n := fn.n
		if fn.lane >= 0 {
			a.Responsable = roles[fn.lane].Nombre
		} else {
			a.Responsable = firstNonEmpty(poolName, "Responsable sin asignar")
			r.note(n, "la actividad %s no está en ningún carril: se asignó a «%s»", n.id(), a.Responsable)
			found := false
			for _, ro := range roles {
				found = found || ro.Nombre == a.Responsable
			}
			if !found {
				roles = append(roles, manuals.Role{Nombre: a.Responsable})
			}
		}
		a.Sistema = n.attr(NSMpp, AttrSistema)
		var gw *fnode
		switch {
		case fn.kind == kGateway:
			gw = fn
			a.Descripcion = firstNonEmpty(n.attr(NSMpp, AttrDescripcion), docOf(n), label(n.attr("", "name")), "Decisión")
		default:
			a.Descripcion = label(n.attr("", "name"))
			if a.Descripcion == "" {
				a.Descripcion = "Actividad sin nombre"
				r.note(n, "la tarea %s no tiene nombre", n.id())
			}
			gw = fn.merged
			if d := docOf(n); d != "" && d != "Sistema: "+a.Sistema {
				r.note(n, "documentación de la tarea %s: «%s»", n.id(), d)
			}
			a.Insumos = r.associations(n, "dataInputAssociation", "sourceRef", dataName, dataObj)
			a.Salidas = r.associations(n, "dataOutputAssociation", "targetRef", dataName, dataObj)
		}
		r.activityExtensions(n, &a)
		if gw != nil && gw != fn {
			r.activityExtensions(gw.n, &a)
		}
		outs := exitsOf(fn)
		if gw != nil {
			a.Decision = &manuals.Decision{Pregunta: label(gw.n.attr("", "name"))}
			for k, fid := range outs {
				f := flows[fid]
				cond := f.name
				if cond == "" {
					cond = fmt.Sprintf("Salida %d", k+1)
					r.note(f.n, "la salida %s de %s no tiene condición: se llamó «%s»", fid, gw.n.id(), cond)
				}
				a.Decision.Salidas = append(a.Decision.Salidas, exit(fid, cond))
			}
			r.lostExits(gw.n, a.Decision)
			a.Fin = gw.n.attr(NSMpp, AttrFin) == "true"
		} else {
			switch len(outs) {
			case 0:
				// No way on is an end, unless mpp kept a siguiente that
				// points nowhere.
				a.Fin = n.attr(NSMpp, AttrSiguiente) == ""
			case 1:
				f := flows[outs[0]]
				t := resolve(outs[0])
				switch {
				case t == nil:
					a.Fin = !(f.implicit && i == len(list)-1)
				case pos[t] == i+1 && (f.implicit || !r.mppDoc):
				default:
					a.Siguiente = numbers[t]
				}
			default:
				r.note(n, "la tarea %s tiene %d flujos de salida sin compuerta: se tomó como decisión", n.id(), len(outs))
				a.Decision = &manuals.Decision{}
				for k, fid := range outs {
					a.Decision.Salidas = append(a.Decision.Salidas, exit(fid, firstNonEmpty(flows[fid].name, fmt.Sprintf("Salida %d", k+1))))
				}
			}
		}
		if a.Siguiente == 0 {
			if v, err := strconv.Atoi(n.attr(NSMpp, AttrSiguiente)); err == nil {
				a.Siguiente = v
			}
		}
		proc.Actividades = append(proc.Actividades, a)
	}
	return proc, roles, nil
}

func attrOf(n *node, local string) string {
	if n == nil {
		return ""
	}
	return n.attr("", local)
}

func docOf(n *node) string {
	var parts []string
	for _, d := range n.all(NSModel, "documentation") {
		if c := d.content(); c != "" {
			parts = append(parts, c)
		}
	}
	return strings.Join(parts, "\n")
}

// associations lists the names of the data a task reads or writes, in the
// file's order.
func (r *reader) associations(n *node, elem, ref string, names, objs map[string]string) []string {
	var out []string
	for _, as := range n.all(NSModel, elem) {
		for _, s := range as.all(NSModel, ref) {
			id := s.content()
			name, ok := names[id]
			if !ok {
				continue // the task's own placeholder property
			}
			if name == "" {
				name = names[objs[id]]
			}
			if name == "" {
				r.note(as, "el dato %s de %s no tiene nombre", id, n.id())
				continue
			}
			out = append(out, name)
		}
	}
	return out
}

func (r *reader) activityExtensions(n *node, a *manuals.Activity) {
	ext := n.first(NSModel, "extensionElements")
	if ext == nil {
		return
	}
	for _, k := range ext.kids {
		if k.name.Space != NSMpp {
			continue
		}
		switch k.name.Local {
		case ElemFormato:
			a.Formatos = append(a.Formatos, k.content())
		case ElemInsumo:
			a.Insumos = append(a.Insumos, k.content())
		case ElemSalida:
			a.Salidas = append(a.Salidas, k.content())
		}
	}
}

// lostExits puts back the exits the writer could not draw.
func (r *reader) lostExits(n *node, d *manuals.Decision) {
	ext := n.first(NSModel, "extensionElements")
	if ext == nil {
		return
	}
	for _, k := range ext.all(NSMpp, ElemSinFlujo) {
		x := manuals.Exit{Condicion: k.attr("", "condicion")}
		x.Siguiente, _ = strconv.Atoi(k.attr("", "siguiente"))
		p, err := strconv.Atoi(k.attr("", "posicion"))
		if err != nil || p < 1 || p > len(d.Salidas)+1 {
			p = len(d.Salidas) + 1
		}
		d.Salidas = append(d.Salidas[:p-1], append([]manuals.Exit{x}, d.Salidas[p-1:]...)...)
	}
}

func (r *reader) procedureExtensions(ext *node, p *manuals.Procedure) error {
	for _, pe := range ext.all(NSMpp, ElemProcedimiento) {
		for _, k := range pe.kids {
			if k.name.Space != NSMpp {
				continue
			}
			var err error
			num := func(attr string) int {
				s := k.attr("", attr)
				if s == "" || err != nil {
					return 0
				}
				v, e := strconv.Atoi(s)
				if e != nil {
					err = r.fail(k, "mpp:%s/@%s: «%s» no es un número entero", k.name.Local, attr, s)
				}
				return v
			}
			switch k.name.Local {
			case ElemAlcance:
				p.Alcance = k.content()
			case ElemRegla:
				p.ReglasOperacion = append(p.ReglasOperacion, k.content())
			case ElemControl:
				p.Controles = append(p.Controles, manuals.Control{ID: k.attr("", "id"), Descripcion: k.content(), Tipo: k.attr("", "tipo"), Actividad: num("actividad")})
			case ElemRiesgo:
				p.Riesgos = append(p.Riesgos, manuals.Risk{ID: k.attr("", "id"), Descripcion: k.content(), Impacto: num("impacto"),
					Probabilidad: num("probabilidad"), Controles: strings.Fields(k.attr("", "controles"))})
			case ElemIndicador:
				p.Indicadores = append(p.Indicadores, manuals.Indicator{Nombre: k.attr("", "nombre"), Formula: k.attr("", "formula"),
					Frecuencia: k.attr("", "frecuencia"), Meta: k.attr("", "meta")})
			}
			if err != nil {
				return err
			}
		}
	}
	return nil
}
