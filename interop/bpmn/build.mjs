// Builds a procedure the way a modeler's own library does (bpmn-moddle's
// create API, as bpmn.io and Camunda Modeler build their files) and writes
// it as BPMN 2.0 XML with a diagram. Nothing of mpp's is in it: two lanes,
// five tasks, a gateway that decides, a loop back and a lane change.
//   node build.mjs SALIDA.bpmn
import { writeFileSync } from 'node:fs';
import { BpmnModdle } from 'bpmn-moddle';

const m = new BpmnModdle();
const el = [];
const add = (type, props) => { const e = m.create(type, props); el.push(e); return e; };

const start = add('bpmn:StartEvent', { id: 'StartEvent_1', name: 'Solicitud recibida' });
const t1 = add('bpmn:UserTask', { id: 'Task_Registrar', name: 'Registra la solicitud de acceso\nen el sistema' });
const t2 = add('bpmn:UserTask', { id: 'Task_Turnar', name: 'Turna la solicitud al área competente' });
const t3 = add('bpmn:Task', { id: 'Task_Analizar', name: 'Analiza la solicitud' });
const gw = add('bpmn:ExclusiveGateway', { id: 'Gateway_Competencia', name: '¿Es competencia del área?' });
const t4 = add('bpmn:Task', { id: 'Task_Responder', name: 'Elabora la respuesta' });
const t5 = add('bpmn:Task', { id: 'Task_Devolver', name: 'Devuelve la solicitud con la justificación' });
const t6 = add('bpmn:SendTask', { id: 'Task_Notificar', name: 'Notifica la respuesta al solicitante' });
const end = add('bpmn:EndEvent', { id: 'EndEvent_1', name: 'Solicitud atendida' });
const flows = [];
const flow = (id, s, t, name) => {
  const f = m.create('bpmn:SequenceFlow', { id, sourceRef: s, targetRef: t, ...(name ? { name } : {}) });
  s.get('outgoing').push(f);
  t.get('incoming').push(f);
  flows.push(f);
  return f;
};
flow('Flow_1', start, t1);
flow('Flow_2', t1, t2);
flow('Flow_3', t2, t3);
flow('Flow_4', t3, gw);
const si = flow('Flow_Si', gw, t4, 'Sí');
flow('Flow_No', gw, t5, 'No');
flow('Flow_6', t5, t2);
flow('Flow_7', t4, t6);
flow('Flow_8', t6, end);
gw.default = si;

const ventanilla = m.create('bpmn:Lane', { id: 'Lane_Ventanilla', name: 'Unidad de Transparencia', flowNodeRef: [start, t1, t2, t6, end] });
const area = m.create('bpmn:Lane', { id: 'Lane_Area', name: 'Área responsable', flowNodeRef: [t3, gw, t4, t5] });
const proc = m.create('bpmn:Process', {
  id: 'Process_Acceso', name: 'Atención de solicitudes de acceso', isExecutable: false,
  laneSets: [m.create('bpmn:LaneSet', { id: 'LaneSet_1', lanes: [ventanilla, area] })],
  flowElements: [...el, ...flows],
});
const pool = m.create('bpmn:Participant', { id: 'Participant_1', name: 'Atención de solicitudes de acceso', processRef: proc });
const collab = m.create('bpmn:Collaboration', { id: 'Collaboration_1', participants: [pool] });

// A diagram, as a modeler lays it out: lanes of 150, tasks of 100 × 80.
const shapes = [];
const pos = {
  StartEvent_1: [200, 62, 36, 36], Task_Registrar: [280, 40, 100, 80], Task_Turnar: [430, 40, 100, 80],
  Task_Analizar: [580, 190, 100, 80], Gateway_Competencia: [730, 205, 50, 50], Task_Responder: [830, 190, 100, 80],
  Task_Devolver: [705, 300, 100, 80], Task_Notificar: [980, 40, 100, 80], EndEvent_1: [1132, 62, 36, 36],
};
const bounds = ([x, y, width, height]) => m.create('dc:Bounds', { x, y, width, height });
shapes.push(m.create('bpmndi:BPMNShape', { id: 'Participant_1_di', bpmnElement: pool, isHorizontal: true, bounds: bounds([120, 0, 1100, 400]) }));
shapes.push(m.create('bpmndi:BPMNShape', { id: 'Lane_Ventanilla_di', bpmnElement: ventanilla, isHorizontal: true, bounds: bounds([150, 0, 1070, 160]) }));
shapes.push(m.create('bpmndi:BPMNShape', { id: 'Lane_Area_di', bpmnElement: area, isHorizontal: true, bounds: bounds([150, 160, 1070, 240]) }));
for (const e of el) {
  shapes.push(m.create('bpmndi:BPMNShape', { id: e.id + '_di', bpmnElement: e, bounds: bounds(pos[e.id]) }));
}
const centre = (id) => { const [x, y, w, h] = pos[id]; return [x + w / 2, y + h / 2]; };
for (const f of flows) {
  const [x1, y1] = centre(f.sourceRef.id);
  const [x2, y2] = centre(f.targetRef.id);
  const pts = y1 === y2 ? [[x1, y1], [x2, y2]] : [[x1, y1], [x1, y2], [x2, y2]];
  shapes.push(m.create('bpmndi:BPMNEdge', {
    id: f.id + '_di', bpmnElement: f,
    waypoint: pts.map(([x, y]) => m.create('dc:Point', { x, y })),
  }));
}
const plane = m.create('bpmndi:BPMNPlane', { id: 'Plane_1', bpmnElement: collab, planeElement: shapes });
const defs = m.create('bpmn:Definitions', {
  id: 'Definitions_1', targetNamespace: 'urn:ejemplo:modelador', exporter: 'bpmn-moddle', exporterVersion: '10.3.1',
  rootElements: [collab, proc], diagrams: [m.create('bpmndi:BPMNDiagram', { id: 'Diagram_1', plane })],
});
const { xml } = await m.toXML(defs, { format: true });
writeFileSync(process.argv[2], xml);
