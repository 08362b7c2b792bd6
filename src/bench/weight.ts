/**
 * The weight of a built page against the weight of its text: gzip(HTML +
 * the stylesheets it links) / gzip(the text a reader sees). A page close to
 * 1 carries little beyond its words. Used by a test and by `npm run bench`.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';

export interface PageWeight {
  /** gzip size of the HTML file, in bytes. */
  html: number;
  /** gzip size of the stylesheets the page links, in bytes. */
  css: number;
  /** gzip size of the page's visible text, in bytes. */
  text: number;
  /** (html + css) / text. */
  ratio: number;
}

const gzip = (data: string | Buffer) => gzipSync(data, { level: 9 }).byteLength;

export function pageWeight(distDir: string, page: string): PageWeight {
  const html = readFileSync(path.join(distDir, page), 'utf8');
  const tree = fromHtml(html);
  const stylesheets = selectAll('link[rel~="stylesheet"]', tree).map((link) => readFileSync(path.join(distDir, String(link.properties['href']))));
  const body = select('body', tree);
  const text = body ? toText(body) : '';
  const weight = { html: gzip(html), css: stylesheets.reduce((sum, sheet) => sum + gzip(sheet), 0), text: gzip(text) };
  return { ...weight, ratio: (weight.html + weight.css) / weight.text };
}
