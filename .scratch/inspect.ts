import { readFile } from 'node:fs/promises';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
const file = process.argv[2]!;
const doc = await getDocument({ data: new Uint8Array(await readFile(file)), useSystemFonts: false, disableFontFace: true }).promise;
console.log('pages', doc.numPages, await doc.getMetadata().then(m => JSON.stringify(m.info)));
const fonts = new Set<string>();
let text = '';
for (let i = 1; i <= doc.numPages; i++) {
  const page = await doc.getPage(i);
  const content = await page.getTextContent();
  for (const item of content.items) if ('str' in item) text += item.str + (item.hasEOL ? '\n' : '');
  await page.getOperatorList();
  for (const [, style] of Object.entries(content.styles)) fonts.add(style.fontFamily);
  const objs: string[] = [];
  // @ts-ignore
  for (const [k, v] of page.commonObjs) { objs.push(`${k}:${v?.name}:${v?.loadedName}`); }
  if (i === 1) console.log(objs.join('\n'));
}
console.log(text.slice(0, 800));
