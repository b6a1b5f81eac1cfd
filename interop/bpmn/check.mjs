// Parses each BPMN file given with bpmn-moddle, the parser of bpmn.io and
// Camunda Modeler, and prints one JSON line per file: its warnings and, to
// compare with mpp's own reading, the elements found per type, the lanes
// with their node counts and the sequence flows with their labels.
// Exit status 1 when a file has warnings or does not parse.
import { readFileSync } from 'node:fs';
import { BpmnModdle } from 'bpmn-moddle';

const moddle = new BpmnModdle();
let bad = false;
for (const file of process.argv.slice(2)) {
  const out = { file, warnings: [], types: {}, lanes: {}, flows: [] };
  try {
    const { rootElement, warnings } = await moddle.fromXML(readFileSync(file, 'utf8'));
    out.warnings = warnings.map((w) => w.message);
    for (const root of rootElement.rootElements || []) {
      for (const el of root.flowElements || []) {
        out.types[el.$type] = (out.types[el.$type] || 0) + 1;
        if (el.$type === 'bpmn:SequenceFlow') {
          out.flows.push([el.sourceRef && el.sourceRef.id, el.targetRef && el.targetRef.id, el.name || '']);
        }
      }
      for (const ls of root.laneSets || []) {
        for (const lane of ls.lanes || []) out.lanes[lane.name] = (lane.flowNodeRef || []).length;
      }
    }
    const diagrams = rootElement.diagrams || [];
    out.shapes = diagrams.reduce((n, d) => n + d.plane.planeElement.length, 0);
  } catch (e) {
    out.error = e.message;
  }
  if (out.error || out.warnings.length) bad = true;
  console.log(JSON.stringify(out));
}
process.exit(bad ? 1 : 0);
