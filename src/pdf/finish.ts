/**
 * The last step of a PDF: what Chromium wrote is made reproducible and
 * self-describing with pdf-lib. Chromium stamps the time of printing
 * (CreationDate, ModDate) and its own name and version (Creator, Producer),
 * writes no file identifier, and names the elements of a tagged PDF's
 * structure that others refer to (table headers) after the browser's
 * internal node numbers (`node00000225`), which depend on what the browser
 * did before (measured: two builds of the example differed by one in them,
 * and in nothing else but the dates). Here the document information is set
 * from the record instead, the dates become the build date, the element
 * names are numbered in order from 1, and the file gets an identifier
 * derived from its own bytes, so two builds with the same SOURCE_DATE_EPOCH
 * on the same machine write the same file, byte for byte.
 */
import { createHash } from 'node:crypto';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFObject, PDFRawStream, PDFString } from 'pdf-lib';

export interface PdfInfo {
  /** The policy's title, in its language. */
  title: string;
  /** Who publishes it: the site's name in that language. */
  author: string;
  /** What it is about: the page's description. */
  subject: string;
  /** Document, version, language and the record's `sha256:<hex>`, for search and for an auditor. */
  keywords: string[];
  /** The language tag of the text (the PDF's /Lang, which screen readers use). */
  language: string;
  /** The build date (YYYY-MM-DD): the PDF's creation and modification date, midnight UTC. */
  date: string;
}

/** Written as the creating and producing software, whatever browser printed the page. */
export const pdfCreator = 'legal-site';
export const pdfProducer = 'legal-site (Chromium, pdf-lib)';

/** The printed PDF with its information set from `info`, its dates fixed and a file identifier from its content. */
export async function finishPdf(printed: Uint8Array, info: PdfInfo): Promise<Uint8Array> {
  // updateMetadata: false, or pdf-lib writes its own name and the current time.
  const pdf = await PDFDocument.load(printed, { updateMetadata: false });
  pdf.setTitle(info.title, { showInWindowTitleBar: true });
  pdf.setAuthor(info.author);
  pdf.setSubject(info.subject);
  pdf.setKeywords(info.keywords);
  pdf.setCreator(pdfCreator);
  pdf.setProducer(pdfProducer);
  pdf.setLanguage(info.language);
  const date = new Date(`${info.date}T00:00:00Z`);
  pdf.setCreationDate(date);
  pdf.setModificationDate(date);
  renumberNodeIds(pdf);
  // The file identifier (PDF 32000-1, 14.4): both halves from a hash of the file without it, so that
  // the same content always gets the same identifier and different content a different one.
  const withoutId = await save(pdf);
  const id = PDFHexString.of(createHash('sha256').update(withoutId).digest('hex').slice(0, 32).toUpperCase());
  pdf.context.trailerInfo.ID = pdf.context.obj([id, id]);
  return save(pdf);
}

/** Saved without object streams: the objects stay as Chromium wrote them, readable by every PDF reader, and saving twice gives the same bytes. */
function save(pdf: PDFDocument): Promise<Uint8Array> {
  return pdf.save({ useObjectStreams: false, addDefaultPage: false, updateFieldAppearances: false });
}

/** How Chromium names a structure element (its /ID, and the /Headers and /IDTree that refer to it). */
const nodeId = /^node(\d+)$/;

/**
 * Every structure element name `node<number>` becomes `node<rank>`, its place among them in
 * number order: the same page gets the same names, and the names keep their order (the /IDTree
 * is sorted by them).
 */
function renumberNodeIds(pdf: PDFDocument): void {
  const found = new Set<string>();
  const strings: { replace: (value: PDFString) => void; name: string }[] = [];
  const visit = (object: PDFObject, replace: (value: PDFString) => void): void => {
    if (object instanceof PDFString) {
      const name = object.asString();
      if (nodeId.test(name)) {
        found.add(name);
        strings.push({ replace, name });
      }
    } else if (object instanceof PDFDict) {
      for (const [key, value] of object.entries()) visit(value, (next) => object.set(key, next));
    } else if (object instanceof PDFArray) {
      object.asArray().forEach((value, index) => visit(value, (next) => object.set(index, next)));
    } else if (object instanceof PDFRawStream) {
      visit(object.dict, () => undefined);
    }
  };
  for (const [, object] of pdf.context.enumerateIndirectObjects()) visit(object, () => undefined);
  if (found.size === 0) return;
  const ranked = [...found].sort((a, b) => Number(nodeId.exec(a)![1]) - Number(nodeId.exec(b)![1]));
  const renamed = new Map(ranked.map((name, index) => [name, `node${String(index + 1).padStart(8, '0')}`]));
  for (const { replace, name } of strings) replace(PDFString.of(renamed.get(name)!));
}
