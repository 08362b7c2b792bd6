import { readFile } from 'node:fs/promises';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
const doc = await getDocument({ data: new Uint8Array(await readFile(process.argv[2]!)), fontExtraProperties: true }).promise;
const page = await doc.getPage(1);
const content = await page.getTextContent();
await page.getOperatorList();
const seen = new Map<string, string>();
for (const item of content.items) {
  if (!('str' in item)) continue;
  const font = page.commonObjs.get(item.fontName) as { name?: string };
  seen.set(item.fontName, `${font.name} ${item.str.slice(0, 20)}`);
}
console.log([...seen.values()].join('\n'));
console.log(JSON.stringify(await doc.getMetadata().then((m) => m.info)));
