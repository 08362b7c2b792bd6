/**
 * `npm run build -- --pdf` on the example (built once for the run, with the
 * browser the tests use): a PDF beside every version page, in English and
 * Chinese, holding every clause of the page; its first page names the record;
 * the Chinese text is set in the embedded Noto Sans SC; the pages link to
 * their PDF only when it was built; and without a browser the build stops in
 * one line, leaving the previous site as it was; two builds for the same
 * SOURCE_DATE_EPOCH print the same bytes. The HTML pages never name the font.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Root } from 'hast';
import { select, selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import { PDFDict, PDFDocument, PDFName } from 'pdf-lib';
import { getDocument, type PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TextItem } from 'pdfjs-dist/types/src/display/api.js';
import { describe, expect, it } from 'vitest';
import { isPreviousSite, previousSite, runBuild } from '../helpers/build.ts';
import { tempDir } from '../helpers/content.ts';
import { htmlFiles, readPage } from '../helpers/dist.ts';
import { builtSite } from '../helpers/sites.ts';

const out = builtSite('example');
/** Every version and language, with its dates and record hash, as /policies.json gives them. */
const manifest = JSON.parse(readFileSync(path.join(out, 'policies.json'), 'utf8')) as {
  baseUrl: string;
  documents: { document: string; locale: string; versions: { version: string; published: string; effective: string; sha256: string; pdfUrl?: string }[] }[];
};
const versions = manifest.documents.flatMap(({ document, locale, versions }) => versions.map(({ version, published, effective, sha256, pdfUrl }) => ({ document, locale, version, published, effective, sha256, pdfUrl })));
const pdfOf = (entry: { document: string; version: string; locale: string }) => `${entry.locale}/${entry.document}/${entry.version}/${entry.document}-${entry.version}-${entry.locale}.pdf`;

interface Extracted {
  pdf: PDFDocumentProxy;
  /** The text of each page, its lines joined by line feeds. */
  pages: string[];
  /** Every run of text with the name of the font it is set in. */
  runs: { text: string; font: string }[];
}

async function extract(file: string): Promise<Extracted> {
  const pdf = await getDocument({ data: new Uint8Array(readFileSync(path.join(out, file))), fontExtraProperties: true }).promise;
  const pages: string[] = [];
  const runs: { text: string; font: string }[] = [];
  for (let number = 1; number <= pdf.numPages; number++) {
    const page = await pdf.getPage(number);
    const items = (await page.getTextContent()).items.filter((item): item is TextItem => 'str' in item);
    // The fonts are resolved once the page's operators are read.
    await page.getOperatorList();
    pages.push(items.map((item) => `${item.str}${item.hasEOL ? '\n' : ''}`).join(''));
    for (const item of items) runs.push({ text: item.str, font: (page.commonObjs.get(item.fontName) as { name: string }).name });
  }
  return { pdf, pages, runs };
}

/**
 * Text compared without its white space: a PDF keeps no spaces between lines, and its extracted text
 * cannot tell a line broken inside a long address from one broken at a space (nor has Chinese spaces).
 */
const squeezed = (text: string) => text.normalize('NFKC').replace(/\s+/g, '');

/** The text blocks of every clause of a built page: paragraphs, list items, table cells, headings. */
function clauseBlocks(page: Root): { clause: string; text: string }[] {
  const article = select('main > article', page)!;
  return selectAll('.clause[id]', article).flatMap((clause) =>
    selectAll('h2, h3, h4, p, li, th, td, caption', clause)
      // A list item holding paragraphs or a list is checked through them.
      .filter((block) => block.tagName !== 'li' || !select('p, ul, ol', block))
      .map((block) => ({ clause: String(clause.properties['id']), text: squeezed(toText(block)) }))
      .filter((block) => block.text !== ''),
  );
}

describe('a PDF of every version', () => {
  it('is built beside every version page, in every language, and nowhere else', () => {
    expect(versions.map((entry) => entry.locale).sort()).toEqual(['en', 'en', 'zh-CN', 'zh-CN']);
    for (const entry of versions) expect(existsSync(path.join(out, pdfOf(entry))), pdfOf(entry)).toBe(true);
    const pdfs = readdirSync(out, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.pdf'));
    expect(pdfs.sort()).toEqual(versions.map(pdfOf).sort());
  });

  it.each(versions.map((entry) => [pdfOf(entry), entry] as const))('%s holds every clause of its page, and its first page names the record', async (file, entry) => {
    const { pages } = await extract(file);
    const page = readPage(out, `${entry.locale}/${entry.document}/${entry.version}/index.html`);
    const text = squeezed(pages.join('\n'));
    const blocks = clauseBlocks(page);
    expect(new Set(blocks.map((block) => block.clause)).size).toBeGreaterThan(15);
    for (const block of blocks) expect(text.includes(block.text), `clause ${block.clause}: ${block.text}`).toBe(true);

    const first = squeezed(pages[0]!);
    const article = select('main > article', page)!;
    expect(first).toContain(squeezed(toText(select('h1', article)!)));
    expect(first).toContain(entry.version);
    for (const date of [entry.published, entry.effective]) expect(first).toContain(squeezed(toText(select(`.dates time[datetime="${date}"]`, article)!)));
    expect(entry.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(first).toContain(entry.sha256);
  });

  it('sets the Chinese text in the embedded Noto Sans SC, so that it needs no font on the reader’s machine', async () => {
    const file = pdfOf(versions.find((entry) => entry.locale === 'zh-CN')!);
    const { runs } = await extract(file);
    const chinese = runs.filter((run) => /\p{Script=Han}/u.test(run.text));
    expect(chinese.length).toBeGreaterThan(100);
    for (const run of chinese) expect(run.font, run.text).toMatch(/^[A-Z]{6}\+NotoSansSC/);
    // The font program itself is in the file (a subset), not just its name.
    const pdf = await PDFDocument.load(readFileSync(path.join(out, file)), { updateMetadata: false });
    const embedded = pdf.context
      .enumerateIndirectObjects()
      .map(([, object]) => object)
      .filter((object): object is PDFDict => object instanceof PDFDict && object.get(PDFName.of('FontName'))?.toString().includes('NotoSansSC') === true);
    expect(embedded.length).toBeGreaterThan(0);
    for (const descriptor of embedded) expect(descriptor.has(PDFName.of('FontFile2')) || descriptor.has(PDFName.of('FontFile3'))).toBe(true);
  });

  it('describes itself: title, publisher, language, the record hash, and the build date for its dates', async () => {
    for (const entry of versions) {
      const { info } = (await (await extract(pdfOf(entry))).pdf.getMetadata()) as { info: Record<string, string> };
      const page = readPage(out, `${entry.locale}/${entry.document}/${entry.version}/index.html`);
      expect(info['Title']).toBe(toText(select('main h1', page)!));
      expect(info['Author']).toBe(toText(select('.site-name', page)!));
      expect(info['Language']).toBe(entry.locale);
      expect(info['Keywords']).toContain(`sha256:${entry.sha256}`);
      // The tests build for SOURCE_DATE_EPOCH 2026-01-01 (tests/helpers/build.ts).
      expect(info['CreationDate']).toBe('D:20260101000000Z');
      expect(info['ModDate']).toBe('D:20260101000000Z');
      expect(info['Producer']).not.toMatch(/Skia|Chrom(e|ium)\/|HeadlessChrome/);
    }
  });
});

describe('the same PDFs on every build', () => {
  it('a second build for the same SOURCE_DATE_EPOCH prints the same bytes, with a file identifier of their own', async () => {
    const again = builtSite('exampleAgain');
    const ids = new Set<string>();
    for (const entry of versions) {
      const bytes = readFileSync(path.join(out, pdfOf(entry)));
      expect(readFileSync(path.join(again, pdfOf(entry))).equals(bytes), pdfOf(entry)).toBe(true);
      const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
      // Chromium writes no /ID; finish.ts derives one from the content: each PDF has its own.
      const id = pdf.context.trailerInfo.ID?.toString();
      expect(id, pdfOf(entry)).toMatch(/^\[ <[0-9A-F]{32}> <[0-9A-F]{32}> \]$/);
      ids.add(id!);
      // The tagged structure's element names, which Chromium numbers after its own internal nodes, numbered from 1.
      const names = [...new Set(bytes.toString('latin1').match(/\(node\d+\)/g) ?? [])].sort();
      expect(names.length, pdfOf(entry)).toBeGreaterThan(0);
      expect(names, pdfOf(entry)).toEqual(names.map((_, index) => `(node${String(index + 1).padStart(8, '0')})`));
      // No time of printing anywhere in the file: only the build date.
      expect(bytes.toString('latin1').match(/D:\d{14}/g)?.every((date) => date === 'D:20260101000000')).toBe(true);
    }
    expect(ids.size).toBe(versions.length);
  });
});

describe('the CJK font', () => {
  it('is in the PDFs only: no page, stylesheet or file of the site names or holds it, and the pages still refuse fonts', () => {
    const files = readdirSync(out, { recursive: true, encoding: 'utf8' });
    expect(files.filter((file) => /\.(woff2?|ttf|otf)$/.test(file) || file.includes('.legal-site-pdf'))).toEqual([]);
    const texts = files.filter((file) => /\.(html|css|js|json|xml)$/.test(file));
    expect(texts.length).toBeGreaterThan(20);
    for (const file of texts) expect(readFileSync(path.join(out, file), 'utf8'), file).not.toMatch(/Noto Sans SC|noto-sans-sc|legal-site-pdf|@font-face/i);
    for (const file of htmlFiles(out)) {
      const csp = select('meta[http-equiv="Content-Security-Policy"]', readPage(out, file));
      expect(String(csp?.properties['content']), file).toMatch(/^default-src 'none';/);
      expect(String(csp?.properties['content']), file).not.toContain('font-src');
    }
  });
});

describe('the link to the PDF', () => {
  it('is on the version page and on the current page, where the PDF is', () => {
    for (const entry of versions) {
      const href = `/${pdfOf(entry)}`;
      const pages = [`${entry.locale}/${entry.document}/${entry.version}/index.html`, ...(entry.version === '2025-06-01' ? [`${entry.locale}/${entry.document}/index.html`] : [])];
      for (const file of pages) {
        const links = selectAll('a[href$=".pdf"]', readPage(out, file)).map((link) => link.properties['href']);
        expect(links, file).toEqual([href]);
      }
    }
  });

  it('is in /policies.json, for apps: the PDF of each version in each language', () => {
    for (const entry of versions) {
      expect(entry.pdfUrl).toBe(new URL(pdfOf(entry), manifest.baseUrl).href);
      expect(existsSync(path.join(out, new URL(entry.pdfUrl!).pathname))).toBe(true);
    }
  });

  it('is on no page of a site built without --pdf, which has no PDF', () => {
    const plain = builtSite('versions');
    expect(readFileSync(path.join(plain, 'policies.json'), 'utf8')).not.toContain('pdfUrl');
    expect(readdirSync(plain, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.pdf'))).toEqual([]);
    const files = htmlFiles(plain);
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) expect(selectAll('a[href$=".pdf"]', readPage(plain, file)), file).toEqual([]);
  });

  it('prints the record’s identity only on paper: the version, its hash and its address, hidden on screen', () => {
    const entry = versions.find((candidate) => candidate.locale === 'en')!;
    const record = select('.print-only', readPage(out, `${entry.locale}/${entry.document}/${entry.version}/index.html`))!;
    expect(toText(record)).toContain(entry.sha256);
    const css = readdirSync(path.join(out, '_')).filter((file) => file.endsWith('.css')).map((file) => readFileSync(path.join(out, '_', file), 'utf8')).join('\n');
    expect(css.replace(/\s+/g, '')).toMatch(/@medianotprint\{\.print-only\{display:none\}/);
  });
});

describe('with the build cache', () => {
  it('copies the PDFs of an earlier build with the same content, options and browser, and still needs the browser', () => {
    const env = { LEGAL_SITE_CACHE_DIR: path.join(tempDir(), 'cache') };
    const [cold, warm] = [path.join(tempDir(), 'dist'), path.join(tempDir(), 'dist')];
    const first = runBuild(['--pdf', '--out', cold], env);
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).not.toContain('from the build cache');
    const second = runBuild(['--pdf', '--out', warm], env);
    expect(second.status, second.stderr).toBe(0);
    expect(second.stdout).toContain('from the build cache');
    expect(second.stdout).toContain(`Printed ${versions.length} PDFs`);
    for (const entry of versions) expect(readFileSync(path.join(warm, pdfOf(entry))).equals(readFileSync(path.join(out, pdfOf(entry)))), pdfOf(entry)).toBe(true);
    // The browser is looked for before the cache: a build that could not print does not pass for one that did.
    const none = runBuild(['--pdf', '--out', path.join(tempDir(), 'dist')], { ...env, CHROMIUM_PATH: path.join(tempDir(), 'no-such-chromium') });
    expect(none.status).toBe(1);
    expect(none.stderr).toContain('Cannot print the PDFs: no Chromium found');
  });
});

describe('without a browser', () => {
  it('stops with one line naming what was looked for and how to fix it, and leaves the previous site as it was', () => {
    const dist = previousSite();
    const run = runBuild(['--pdf', '--out', dist], { CHROMIUM_PATH: path.join(tempDir(), 'no-such-chromium') });
    expect(run.status).toBe(1);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain('Cannot print the PDFs: no Chromium found');
    expect(run.stderr).toContain('no-such-chromium');
    expect(run.stderr).toContain('Set CHROMIUM_PATH to a Chromium or Chrome executable');
    expect(run.stderr).toContain('The previous site');
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(isPreviousSite(dist)).toBe(true);
  });

  it('says so in one line when the browser does not start', () => {
    const notABrowser = path.join(tempDir(), 'chromium');
    writeFileSync(notABrowser, 'not a program');
    const dist = path.join(tempDir(), 'dist');
    const run = runBuild(['--pdf', '--out', dist], { CHROMIUM_PATH: notABrowser });
    expect(run.status).toBe(1);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain('Cannot print the PDFs: Chromium did not start');
    expect(run.stderr).toContain('Nothing was written');
    expect(existsSync(dist)).toBe(false);
  });
});
