import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { launchChromium } from '../src/browser/chromium.ts';
import { serveStatic } from '../src/browser/server.ts';

const variant = process.argv[2] ?? 'variable';
const fontDir = variant === 'variable' ? '/tmp/pdfscratch/node_modules/@fontsource-variable/noto-sans-sc' : '/tmp/pdfscratch/node_modules/@fontsource/noto-sans-sc';
const css = variant === 'variable' ? 'index.css' : null;
const server = await serveStatic('/tmp/pdfscratch/dist');
const t0 = Date.now();
const launched = await launchChromium({ bypassCSP: true });
console.log('launch', Date.now() - t0, launched.found.source);
const page = await launched.context.newPage();
await page.route('**/__pdf-font/**', async (route) => {
  const rel = new URL(route.request().url()).pathname.replace('/__pdf-font/', '');
  const body = await readFile(path.join(fontDir, rel));
  await route.fulfill({ body, contentType: rel.endsWith('.css') ? 'text/css' : 'font/woff2' });
});
for (const loc of ['zh-CN', 'en']) {
  const t1 = Date.now();
  await page.goto(`${server.origin}/${loc}/privacy/2025-06-01/`);
  await page.emulateMedia({ media: 'print' });
  if (variant === 'variable') {
    await page.addStyleTag({ url: '/__pdf-font/index.css' });
    await page.addStyleTag({ content: `body { font-family: system-ui, sans-serif, 'Noto Sans SC Variable'; } :lang(zh) body, body:lang(zh) { font-family: 'Noto Sans SC Variable', sans-serif; }` });
  } else {
    await page.addStyleTag({ url: '/__pdf-font/400.css' });
    await page.addStyleTag({ url: '/__pdf-font/700.css' });
    await page.addStyleTag({ content: `body:lang(zh) { font-family: 'Noto Sans SC', sans-serif; }` });
  }
  await page.evaluate(() => document.fonts.ready);
  const pdf = await page.pdf({ format: 'A4', printBackground: true, margin: { top: '20mm', bottom: '20mm', left: '18mm', right: '18mm' } });
  await writeFile(`/tmp/pdfscratch/${loc}-${variant}.pdf`, pdf);
  console.log(loc, pdf.length, Date.now() - t1);
}
await launched.close();
await server.close();
