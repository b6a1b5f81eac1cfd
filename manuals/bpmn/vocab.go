// Package bpmn reads BPMN 2.0 XML (as Bizagi, Camunda Modeler, bpmn.io or
// Signavio write it) into procedures of the manual model, and declares the
// vocabulary both this reader and the writer in render/bpmn share: the
// namespaces and mpp's own extension attributes, which carry what BPMN has no
// place for (the activity number, the procedure code, controls, risks) so
// that YAML → BPMN → YAML loses nothing.
package bpmn

// Namespaces.
const (
	NSModel = "http://www.omg.org/spec/BPMN/20100524/MODEL"
	NSDI    = "http://www.omg.org/spec/BPMN/20100524/DI"
	NSDC    = "http://www.omg.org/spec/DD/20100524/DC"
	NSDD    = "http://www.omg.org/spec/DD/20100524/DI"
	NSXSI   = "http://www.w3.org/2001/XMLSchema-instance"
	// NSMpp is mpp's extension namespace. A URN: it names, it does not point
	// anywhere.
	NSMpp = "urn:cipro-ine:mpp:bpmn:1"
)

// Extension attributes (in NSMpp) and elements (in NSMpp, inside
// bpmn:extensionElements).
const (
	AttrCodigo      = "codigo"      // process: the procedure's code; definitions: the proceso's
	AttrNombre      = "nombre"      // process: the procedure's name; definitions: the proceso's
	AttrNumero      = "numero"      // task, gateway: the activity number
	AttrDescripcion = "descripcion" // gateway: the description of the activity that decides; lane: the role's
	AttrSistema     = "sistema"     // task, gateway
	AttrSiguiente   = "siguiente"   // task, gateway: a siguiente no flow shows (a dangling number)
	AttrFin         = "fin"         // gateway: fin: true besides the decision
	AttrImplicito   = "implicito"   // sequence flow: «the next in the list», no siguiente says so
	AttrPuesto      = "puesto"      // lane
	AttrUR          = "ur"          // lane
	AttrIlustrativo = "ilustrativo" // process, lane

	AttrSubproceso         = "subproceso"         // process: the subproceso's code
	AttrSubprocesoNombre   = "subprocesoNombre"   // process
	AttrSubprocesoObjetivo = "subprocesoObjetivo" // process

	ElemProcedimiento = "procedimiento" // process: holds the elements below
	ElemAlcance       = "alcance"
	ElemRegla         = "regla"
	ElemControl       = "control"        // id, tipo, actividad; text: descripcion
	ElemRiesgo        = "riesgo"         // id, impacto, probabilidad, controles; text: descripcion
	ElemIndicador     = "indicador"      // nombre, formula, frecuencia, meta
	ElemFormato       = "formato"        // task, gateway
	ElemInsumo        = "insumo"         // gateway (a gateway has no data associations)
	ElemSalida        = "salida"         // gateway
	ElemSinFlujo      = "salidaSinFlujo" // gateway: an exit with no target: posicion, condicion, siguiente
)
