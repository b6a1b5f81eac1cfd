// Debian's Chromium, headless, with the flags this closed network needs
// (no background connections), and bpmn-js's bundle loaded in a blank page.
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);

// withBpmnJS runs fn(page) on a page of size w × h that has bpmn-js's
// bundle (viewer or modeler) loaded, and closes the browser after.
export async function withBpmnJS(bundle, fn, w = 1800, h = 900) {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: w, height: h }, deviceScaleFactor: 1 });
    await page.setContent(`<!doctype html><html><body style="margin:0;background:#fff"><div id="c" style="width:${w}px;height:${h}px"></div></body></html>`);
    await page.addScriptTag({ path: require.resolve(`bpmn-js/dist/${bundle}.production.min.js`) });
    return await fn(page);
  } finally {
    await browser.close();
  }
}
