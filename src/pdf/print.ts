/**
 * `npm run build -- --pdf`: a PDF of every version in every language,
 * printed by Chromium from the version's permanent page with the print
 * stylesheet, into the folder the build is about to swap into place:
 *
 *   /<locale>/<document>/<version>/<document>-<version>-<locale>.pdf
 *
 * The browser (found as the tests find it, src/browser/chromium.ts) opens
 * the built pages at their real addresses (the site's baseUrl), answered
 * from the staging folder by request interception: nothing is served on the
 * network, and the PDF's links point to the published site, never to a
 * local server. For printing only, each page as it is answered gets one
 * more stylesheet, with the CJK font (font.ts), which its Content Security
 * Policy would refuse and the browser is told to let in (`bypassCSP`); the
 * files on disk are unchanged. Then finish.ts fixes what Chromium writes
 * differently on each run.
 */
import { readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { BrowserContext, Page, Route } from 'playwright-core';
import { BrowserNotFound, findChromium, launchChromium, type FoundBrowser, type LaunchedBrowser } from '../browser/chromium.ts';
import { pageDescription } from '../model/description.ts';
import type { SiteModel } from '../model/types.ts';
import { absoluteUrl, basePath, versionPaths, versionPdfUrl, versionUrl } from '../routing.ts';
import { finishPdf } from './finish.ts';
import { fontFamily, fontFile, fontFolder, printStyle } from './font.ts';

/** The stylesheet the printed pages get: the font (font.ts). */
const printSheet = '.legal-site-pdf/print.css';

/** A problem a person fixes (no browser, a page that would not print): one line, no stack trace. */
export class PdfError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PdfError';
  }
}

export interface Printer {
  /** The browser that prints, and where it was found. */
  found: FoundBrowser;
  /** Prints every version page of `site` built in `dir` to its PDF beside it; returns the PDFs written, relative to `dir`. */
  printSite: (dir: string, site: SiteModel) => Promise<string[]>;
  close: () => Promise<void>;
}

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
};

/**
 * Finds the browser that will print, or says in one line what was tried and how to get one. Returns
 * what identifies it for the build cache: where it is, its size and its time of change (a browser
 * updated in place prints differently).
 */
export async function findPrinter(): Promise<string> {
  try {
    const found = await findChromium();
    const info = await stat(found.executablePath);
    return `${found.source} ${found.executablePath} ${info.size} ${info.mtimeMs}`;
  } catch (error) {
    throw notFound(error);
  }
}

function notFound(error: unknown): PdfError {
  if (error instanceof BrowserNotFound) return new PdfError(`Cannot print the PDFs: no Chromium found. Looked for ${error.tried.join('; ')}. ${error.fix}`);
  return new PdfError(`Cannot print the PDFs: looking for Chromium failed (${firstLine(error)}). Set CHROMIUM_PATH to a Chromium or Chrome executable.`);
}

/** Finds and starts the browser, or says in one line what was tried and how to get one. */
export async function openPrinter(): Promise<Printer> {
  let launched: LaunchedBrowser;
  try {
    // bypassCSP lets the font's style and files in (font.ts); print media and light colours, as on paper.
    launched = await launchChromium({ bypassCSP: true, colorScheme: 'light', viewport: { width: 794, height: 1123 } });
  } catch (error) {
    if (error instanceof BrowserNotFound) throw notFound(error);
    throw new PdfError(`Cannot print the PDFs: Chromium did not start (${firstLine(error)}). Set CHROMIUM_PATH to a working Chromium or Chrome, or unset it to use the one npm installs.`);
  }
  const { context, found } = launched;
  return {
    found,
    printSite: (dir, site) => printSite(context, dir, site),
    close: () => launched.close(),
  };
}

async function printSite(context: BrowserContext, dir: string, site: SiteModel): Promise<string[]> {
  const base = basePath(site);
  const style = await printStyle(base);
  const origin = new URL(site.baseUrl).origin;
  await context.route('**/*', (route) => answer(route, dir, origin, base, style));
  const page = await context.newPage();
  await page.emulateMedia({ media: 'print', colorScheme: 'light' });
  const written: string[] = [];
  try {
    for (const { props } of versionPaths(site)) {
      const { locale, document, version, text } = props;
      const sha256 = version.sha256[locale.code];
      const url = absoluteUrl(site, versionUrl(locale.code, document.slug, version.id));
      let pdf: Uint8Array;
      try {
        const printed = await printPage(page, url, footer(document.slug, version.id, locale.code));
        pdf = await finishPdf(printed, {
          title: text.title,
          author: locale.siteName,
          subject: pageDescription(document.description, text),
          keywords: [document.slug, version.id, locale.code, ...(sha256 ? [`sha256:${sha256}`] : [])],
          language: locale.code,
          date: site.builtFor,
        });
      } catch (error) {
        // Playwright's messages run to a call log of many lines: the first says what went wrong.
        throw error instanceof PdfError ? error : new PdfError(`Cannot print the PDF of ${url}: ${firstLine(error)}.`);
      }
      const file = versionPdfUrl(locale.code, document.slug, version.id).slice(1);
      await writeFile(path.join(dir, file), pdf);
      written.push(file);
    }
  } finally {
    await page.close();
    await context.unroute('**/*');
  }
  return written;
}

/** The page printed: A4, margins, backgrounds (the highlight of sensitive information), bookmarks from the headings, tagged for screen readers. */
async function printPage(page: Page, url: string, footerTemplate: string): Promise<Uint8Array> {
  const response = await page.goto(url, { waitUntil: 'load' });
  if (!response?.ok()) throw new PdfError(`Cannot print the PDF of ${url}: the built page answered ${response?.status() ?? 'nothing'}.`);
  // A page in another language than Chinese keeps its own fonts, with the CJK font added last (font.ts).
  // Then the page is laid out, so that Chromium asks for the parts of the font it uses, and waits for them.
  await page.evaluate(async (family) => {
    if (!/^zh(-|$)/i.test(document.documentElement.lang)) document.body.style.fontFamily = `${getComputedStyle(document.body).fontFamily}, '${family}'`;
    document.body.getBoundingClientRect();
    await document.fonts.ready;
  }, fontFamily);
  return page.pdf({
    format: 'A4',
    margin: { top: '16mm', bottom: '18mm', left: '16mm', right: '16mm' },
    printBackground: true,
    displayHeaderFooter: true,
    headerTemplate: '<span></span>',
    footerTemplate,
    outline: true,
    tagged: true,
  });
}

/** Each page's foot: which record (in ASCII: the footer cannot load the CJK font) and the page number. */
function footer(document: string, version: string, locale: string): string {
  const words = `${document} ${version} ${locale}`.replace(/[^\w .-]/g, '');
  return `<div style="font: 8px sans-serif; width: 100%; margin: 0 16mm; display: flex; justify-content: space-between"><span>${words}</span><span><span class="pageNumber"></span> / <span class="totalPages"></span></span></div>`;
}

/**
 * Answers the browser's requests from the built site in `dir`: the site's
 * own addresses from its files, the font from its package; anything else is
 * refused, so printing never reaches the network.
 */
async function answer(route: Route, dir: string, origin: string, base: string, style: string): Promise<void> {
  const url = new URL(route.request().url());
  if (url.origin !== origin || !url.pathname.startsWith(base)) return route.abort('blockedbyclient');
  const relative = decodeURIComponent(url.pathname.slice(base.length));
  if (relative.startsWith(fontFolder)) {
    const body = await fontFile(relative.slice(fontFolder.length));
    return body ? route.fulfill({ status: 200, contentType: types[path.extname(relative)]!, body }) : route.fulfill({ status: 404 });
  }
  if (relative === printSheet) return route.fulfill({ status: 200, contentType: types['.css']!, body: style });
  const file = path.join(dir, relative.endsWith('/') || relative === '' ? `${relative}index.html` : relative);
  const info = file.startsWith(dir + path.sep) ? await stat(file).catch(() => undefined) : undefined;
  if (!info?.isFile()) return route.fulfill({ status: 404 });
  let body = await readFile(file);
  if (file.endsWith('.html')) body = Buffer.from(body.toString('utf8').replace('</head>', `<link rel="stylesheet" href="${base}${printSheet}" /></head>`));
  return route.fulfill({ status: 200, contentType: types[path.extname(file)] ?? 'application/octet-stream', body });
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return (message.split('\n').find((line) => line.trim() !== '') ?? message).trim();
}
