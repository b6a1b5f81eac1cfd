// The peer for the export benchmark: bpmn-moddle reading every BPMN file in
// a folder and writing it back as XML (what a bpmn.io client does on open
// and save), to compare with mpp writing the same files.
//   node reserialize.mjs CARPETA
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BpmnModdle } from 'bpmn-moddle';

const dir = process.argv[2];
const moddle = new BpmnModdle();
let files = 0, bytes = 0;
for (const f of readdirSync(dir).filter((n) => n.endsWith('.bpmn')).sort()) {
  const { rootElement } = await moddle.fromXML(readFileSync(join(dir, f), 'utf8'));
  const { xml } = await moddle.toXML(rootElement, { format: true });
  files++;
  bytes += xml.length;
}
console.log(JSON.stringify({ files, bytes }));
