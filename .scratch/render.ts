import { readFile, writeFile } from 'node:fs/promises';
import { createCanvas } from '@napi-rs/canvas';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
const [file, out, pages = '1'] = process.argv.slice(2);
const doc = await getDocument({ data: new Uint8Array(await readFile(file!)) }).promise;
for (const n of pages.split(',').map(Number)) {
  const page = await doc.getPage(n);
  const viewport = page.getViewport({ scale: 1.3 });
  const canvas = createCanvas(viewport.width, viewport.height);
  await page.render({ canvas: canvas as any, canvasContext: canvas.getContext('2d') as any, viewport }).promise;
  await writeFile(`${out}-${n}.png`, canvas.toBuffer('image/png'));
}
console.log(doc.numPages, 'pages');
