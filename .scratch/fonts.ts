import { readFile } from 'node:fs/promises';
import { PDFDocument, PDFDict, PDFName } from 'pdf-lib';
const doc = await PDFDocument.load(await readFile(process.argv[2]!), { updateMetadata: false });
const counts = new Map<string, number>();
for (const [, obj] of doc.context.enumerateIndirectObjects()) {
  if (obj instanceof PDFDict && obj.get(PDFName.of('Type'))?.toString() === '/Font') {
    const k = `${obj.get(PDFName.of('Subtype'))} ${obj.get(PDFName.of('BaseFont'))}`;
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
}
console.log([...counts].map(([k, n]) => `${n}× ${k}`).join('\n'));
console.log('trailer', doc.context.trailerInfo.ID?.toString(), doc.context.trailerInfo.Info?.toString());
