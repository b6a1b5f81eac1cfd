// Renders a BPMN file with bpmn-js (the viewer of bpmn.io and Camunda
// Modeler) in headless Chromium and writes a PNG of the whole diagram.
// Prints one JSON line: bpmn-js's import warnings, the number of shapes and
// connections it drew, and the picture's size.
//   node render.mjs DIAGRAMA.bpmn SALIDA.png
import { readFileSync } from 'node:fs';
import { withBpmnJS } from './chromium.mjs';

const [file, png] = process.argv.slice(2);
await withBpmnJS('bpmn-viewer', async (page) => {
  const result = await page.evaluate(async (xml) => {
    const viewer = new BpmnJS({ container: '#c' });
    const { warnings } = await viewer.importXML(xml);
    const canvas = viewer.get('canvas');
    const reg = viewer.get('elementRegistry');
    const all = reg.getAll();
    const box = canvas.getActiveLayer().getBBox();
    const pad = 20;
    const w = Math.ceil(box.width + 2 * pad), h = Math.ceil(box.height + 2 * pad);
    const c = document.getElementById('c');
    c.style.width = w + 'px';
    c.style.height = h + 'px';
    canvas.resized();
    canvas.viewbox({ x: box.x - pad, y: box.y - pad, width: w, height: h });
    return {
      warnings: warnings.map((x) => x.message),
      shapes: all.filter((e) => !e.waypoints && e.type !== 'label' && e.type !== 'bpmn:Collaboration').length,
      connections: all.filter((e) => e.waypoints).length,
      width: w, height: h,
    };
  }, readFileSync(file, 'utf8'));
  await page.setViewportSize({ width: result.width, height: result.height });
  await page.locator('#c').screenshot({ path: png });
  console.log(JSON.stringify(result));
  process.exitCode = result.warnings.length ? 1 : 0;
});
