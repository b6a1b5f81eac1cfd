// Opens a BPMN file in bpmn-js's Modeler (the editor of bpmn.io and Camunda
// Modeler) in headless Chromium and saves it again, as a user who opens a
// diagram and presses Save would: what the modeler keeps of mpp's
// extensions is what comes back.
//   node resave.mjs ENTRADA.bpmn SALIDA.bpmn
import { readFileSync, writeFileSync } from 'node:fs';
import { withBpmnJS } from './chromium.mjs';

const [file, outFile] = process.argv.slice(2);
await withBpmnJS('bpmn-modeler', async (page) => {
  const result = await page.evaluate(async (xml) => {
    const modeler = new BpmnJS({ container: '#c' });
    const { warnings } = await modeler.importXML(xml);
    const saved = await modeler.saveXML({ format: true });
    return { warnings: warnings.map((w) => w.message), xml: saved.xml };
  }, readFileSync(file, 'utf8'));
  writeFileSync(outFile, result.xml);
  console.log(JSON.stringify({ warnings: result.warnings }));
  process.exitCode = result.warnings.length ? 1 : 0;
});
