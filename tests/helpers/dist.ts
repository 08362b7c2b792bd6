/** Reading a built site: its HTML files, parsed with hast. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';

/** Every HTML file under `dir`, as paths relative to it. */
export function htmlFiles(dir: string, prefix = ''): string[] {
  return readdirSync(path.join(dir, prefix), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(prefix, entry.name);
    if (entry.isDirectory()) return htmlFiles(dir, relative);
    return entry.name.endsWith('.html') ? [relative] : [];
  });
}

export function readPage(dir: string, relative: string): Root {
  return fromHtml(readFileSync(path.join(dir, relative), 'utf8'));
}

/** The URL path a built file is served at: `en/privacy/index.html` → `/en/privacy/`. */
export function urlOf(relative: string): string {
  return `/${relative.replace(/index\.html$/, '')}`;
}
