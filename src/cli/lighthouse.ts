/**
 * `npm run lighthouse`: Lighthouse 13 (mobile) on the built site (run
 * `npm run build` first; `-- --out <dir>` for another folder), served from
 * 127.0.0.1 and opened in the Chromium that src/browser/chromium.ts finds.
 * It audits the current policy page in each language and the webview page
 * of the source language, prints the four scores of each, and fails unless
 * accessibility, best practices and SEO are 100 and performance at least 95
 * (SEO is not asked of the webview page: it is kept out of search on purpose).
 *
 * Lighthouse is large (about 180 MB with its dependencies) and only this
 * command needs it, so it is fetched on first use with npx, at the version
 * pinned here, instead of being installed by every `npm ci`.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { findChromium } from '../browser/chromium.ts';
import { serveStatic } from '../browser/server.ts';
import { folder } from './args.ts';
import { parseCommand } from './command.ts';

const lighthouseVersion = '13.5.0';
const categories = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
type Category = (typeof categories)[number];
const minimum: Record<Category, number> = { performance: 95, accessibility: 100, 'best-practices': 100, seo: 100 };

/** The audits of Lighthouse's SEO category. */
const seoAudits = new Set(['is-crawlable', 'document-title', 'meta-description', 'http-status-code', 'link-text', 'crawlable-anchors', 'robots-txt', 'image-alt', 'hreflang', 'canonical']);

interface Report {
  categories: Record<Category, { score: number | null }>;
  audits: Record<string, { id: string; title: string; score: number | null; scoreDisplayMode: string; explanation?: string }>;
}

const { values } = parseCommand({
  command: 'npm run lighthouse --',
  summary: 'Runs Lighthouse (mobile) on the built site: the current policy page in each language and the webview page; fails below 100 for accessibility, best practices and SEO, or 95 for performance.',
  options: { out: { type: 'string', value: '<dir>', description: 'the built site (default: dist/)' } },
});
const outDir = folder(values.out, 'dist');
const manifest = JSON.parse(await readFile(path.join(outDir, 'policies.json'), 'utf8').catch(() => '{"documents":[]}')) as { documents: { document: string; locale: string }[] };
const [first] = manifest.documents;
if (!first) {
  console.error(`No site with a document in ${path.relative(process.cwd(), outDir) || '.'}/: run \`npm run build\` first.`);
  process.exit(1);
}
const pages = [
  ...manifest.documents.filter((entry) => entry.document === first.document).map((entry) => ({ url: `/${entry.locale}/${entry.document}/`, seo: true })),
  { url: `/webview/${first.locale}/${first.document}/`, seo: false },
];

const browser = await findChromium();
const server = await serveStatic(outDir);
const work = await mkdtemp(path.join(tmpdir(), 'legal-site-lighthouse-'));
console.log(`Lighthouse ${lighthouseVersion}, mobile, in Chromium (${browser.source}: ${browser.executablePath})\n`);
console.log(`| page | ${categories.join(' | ')} |\n|---|${categories.map(() => '---:').join('|')}|`);
const failures: string[] = [];
try {
  for (const page of pages) {
    const report = await lighthouse(server.origin + page.url, path.join(work, 'report.json'));
    const scores = categories.map((category) => Math.round((report.categories[category].score ?? 0) * 100));
    console.log(`| \`${page.url}\` | ${scores.join(' | ')} |`);
    categories.forEach((category, index) => {
      if (category === 'seo' && !page.seo) {
        // Kept out of search on purpose (robots.txt): that, and only that, may fail.
        const failed = report.audits['is-crawlable']?.score === 0 ? Object.values(report.audits).filter((audit) => audit.score === 0 && audit.scoreDisplayMode === 'binary' && seoAudits.has(audit.id) && audit.id !== 'is-crawlable') : [];
        for (const audit of failed) failures.push(`${page.url}: SEO audit ${audit.id} failed${audit.explanation ? `: ${audit.explanation}` : ''}`);
        return;
      }
      if (scores[index]! < minimum[category]) {
        const failed = Object.values(report.audits).filter((audit) => audit.score !== null && audit.score < 1 && audit.scoreDisplayMode === 'binary');
        failures.push(`${page.url}: ${category} ${scores[index]}, expected at least ${minimum[category]}${failed.length ? ` (${failed.map((audit) => `${audit.id}${audit.explanation ? `: ${audit.explanation}` : ''}`).join('; ')})` : ''}`);
      }
    });
  }
} finally {
  await server.close();
  await rm(work, { recursive: true, force: true });
}
if (failures.length > 0) {
  console.error(`\n${failures.join('\n')}`);
  process.exit(1);
}
console.log('\nEvery score is at its target (SEO not asked of the webview page).');

function lighthouse(url: string, output: string): Promise<Report> {
  // As Playwright does: no sandbox (it needs a helper that root and the npm-delivered Chromium lack); this opens only our own pages.
  const flags = ['--headless', '--no-sandbox', ...browser.args];
  const args = ['--yes', `lighthouse@${lighthouseVersion}`, url, '--quiet', '--output=json', `--output-path=${output}`, '--form-factor=mobile', `--chrome-flags=${flags.join(' ')}`];
  return new Promise((resolve, reject) => {
    const child = spawn('npx', args, { env: { ...process.env, ...browser.env, CHROME_PATH: browser.executablePath }, stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`Lighthouse exited with status ${code} on ${url}`));
      readFile(output, 'utf8').then((text) => resolve(JSON.parse(text) as Report), reject);
    });
  });
}
