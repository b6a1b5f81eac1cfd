// Renders a BPMN file with bpmn-js (the viewer of bpmn.io and Camunda
// Modeler) in headless Chromium and writes a PNG of the whole diagram.
// Prints one JSON line: bpmn-js's import warnings, the number of shapes and
// connections it drew, and the task texts it laid out.
//   node render.mjs DIAGRAMA.bpmn SALIDA.png
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';

const [file, png] = process.argv.slice(2);
const require = createRequire(import.meta.url);
const viewerJS = require.resolve('bpmn-js/dist/bpmn-viewer.production.min.js');
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1800, height: 900 }, deviceScaleFactor: 1 });
  await page.setContent('<!doctype html><html><body style="margin:0;background:#fff"><div id="c" style="width:1800px;height:900px"></div></body></html>');
  await page.addScriptTag({ path: viewerJS });
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
      texts: [...document.querySelectorAll('.djs-element text')].map((t) => t.textContent),
      width: w, height: h,
    };
  }, readFileSync(file, 'utf8'));
  await page.setViewportSize({ width: result.width, height: result.height });
  await page.locator('#c').screenshot({ path: png });
  delete result.texts;
  console.log(JSON.stringify(result));
  process.exitCode = result.warnings.length ? 1 : 0;
} finally {
  await browser.close();
}
