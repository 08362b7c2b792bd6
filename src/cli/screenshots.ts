/**
 * `npm run screenshots`: photographs each page type of the built site (run
 * `npm run build` first) on a 360 x 740 phone, in light and dark mode, into
 * docs/screenshots/, for the README. Uses the Chromium that
 * src/browser/chromium.ts finds (and, for the Chinese page, needs a CJK font
 * such as Debian's fonts-noto-cjk).
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { launchChromium } from '../browser/chromium.ts';
import { serveStatic } from '../browser/server.ts';
import { folder, projectRoot } from './args.ts';
import { parseCommand } from './command.ts';

const pages: Record<string, string> = {
  root: '/',
  current: '/en/privacy/',
  'current-zh-CN': '/zh-CN/privacy/',
  version: '/en/privacy/2022-09-15/',
  history: '/en/privacy/history/',
  changes: '/en/privacy/2025-06-01/changes/',
  webview: '/webview/en/privacy/#location-and-images',
};

const { values } = parseCommand({
  command: 'npm run screenshots --',
  summary: 'Photographs each page type of the built site on a 360 x 740 phone, light and dark, into docs/screenshots/. Run `npm run build` first.',
  options: { out: { type: 'string', value: '<dir>', description: 'the built site to photograph (default: dist/)' } },
});
const outDir = folder(values.out, 'dist');
const target = path.join(projectRoot, 'docs/screenshots');
await mkdir(target, { recursive: true });
const server = await serveStatic(outDir);
const browser = await launchChromium();
console.log(`Chromium ${browser.browser.version()} (${browser.found.source}: ${browser.found.executablePath})`);
try {
  for (const [name, url] of Object.entries(pages)) {
    for (const colorScheme of ['light', 'dark'] as const) {
      const page = await browser.context.newPage();
      await page.emulateMedia({ colorScheme });
      await page.goto(server.origin + url, { waitUntil: 'load' });
      const file = path.join(target, `${name}-${colorScheme}.png`);
      await page.screenshot({ path: file });
      await page.close();
      console.log(`wrote ${path.relative(process.cwd(), file)}`);
    }
  }
} finally {
  await browser.close();
  await server.close();
}
