/**
 * The last step of a PDF: what Chromium wrote is made reproducible and
 * self-describing with pdf-lib. Chromium stamps the time of printing
 * (CreationDate, ModDate) and its own name and version (Creator, Producer),
 * and writes no file identifier; everything else it writes is the same for
 * the same page (measured: two prints of a page differ only in the two
 * dates). Here the document information is set from the record instead,
 * the dates become the build date, and the file gets an identifier derived
 * from its own bytes, so two builds with the same SOURCE_DATE_EPOCH write
 * the same file, byte for byte.
 */
import { createHash } from 'node:crypto';
import { PDFDocument, PDFHexString } from 'pdf-lib';

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
