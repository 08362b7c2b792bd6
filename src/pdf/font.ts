/**
 * The CJK font of the PDFs: Noto Sans SC, as the npm package
 * `@fontsource/noto-sans-sc` ships it (SIL Open Font License: embedding is
 * allowed). A machine with no Chinese font installed would print Chinese as
 * empty boxes; with this font every PDF carries its own glyphs. It is used
 * for the PDFs only: the web pages keep the reader's system fonts and their
 * Content Security Policy (no fonts at all).
 *
 * The package splits the font into about a hundred files by Unicode range
 * (the `@font-face` rules of its CSS), so Chromium loads only the parts a
 * page uses, and embeds in the PDF only the glyphs it prints. Regular (400)
 * and bold (700) are enough: the pages ask for 400, 600 (dates, which take
 * 700) and bold. The static fonts, not the variable ones of
 * `@fontsource-variable/noto-sans-sc`: Chromium embeds a variable font as
 * Type 3 drawings (measured: 1.4 MB for the example's Chinese page, against
 * 260 KB as TrueType subsets).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where the printing browser asks for the font files, below the site's base path; no page of the site lives there. */
export const fontFolder = '.legal-site-pdf/fonts/';

/** The family name the package's `@font-face` rules declare. */
export const fontFamily = 'Noto Sans SC';

const weights = ['400', '700'];
const fileName = /^[a-z0-9-]+\.woff2?$/;

/** The package's folder (resolved through its `exports`, wherever npm put it). */
function packageDir(): string {
  return path.dirname(fileURLToPath(import.meta.resolve('@fontsource/noto-sans-sc/400.css')));
}

/** The `@font-face` rules of the weights used, their files at `<base>.legal-site-pdf/fonts/`. */
export async function fontFaces(base: string): Promise<string> {
  const dir = packageDir();
  const sheets = await Promise.all(weights.map((weight) => readFile(path.join(dir, `${weight}.css`), 'utf8')));
  return sheets.join('\n').replaceAll('url(./files/', `url(${base}${fontFolder}`);
}

/** A font file the browser asked for (`noto-sans-sc-12-400-normal.woff2`), or undefined for any other name. */
export async function fontFile(name: string): Promise<Buffer | undefined> {
  if (!fileName.test(name)) return undefined;
  return readFile(path.join(packageDir(), 'files', name)).catch(() => undefined);
}

/**
 * The stylesheet added to a page for printing: the font, and the font stack
 * of Chinese pages. They are set in Noto Sans SC first, so that they look
 * the same, and print to the same bytes, on every machine, whatever Chinese
 * fonts it has (traditional characters too: Noto Sans SC covers them, in
 * their simplified-Chinese forms). Every other language keeps the page's own
 * fonts, with Noto Sans SC added last (print.ts), for a Chinese name or
 * word in its text.
 */
export async function printStyle(base: string): Promise<string> {
  return `${await fontFaces(base)}
html:lang(zh) body { font-family: '${fontFamily}', sans-serif; }
html:lang(zh) :is(code, kbd, pre, samp) { font-family: monospace, '${fontFamily}'; }
`;
}
