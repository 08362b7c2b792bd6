/**
 * What the preview (`npm run dev`) tells a legal team: every warning in the
 * terminal on start and after each change, a preview-only banner on each
 * page listing the problems about what it shows, an untranslated clause shown
 * in the source language instead of a broken page, the problems of the file
 * just saved first on the error page, and the translation status page.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot, runBuild, userEnvironment } from '../helpers/build.ts';
import { bilingualSite, positionOf, siteWith, tempDir } from '../helpers/content.ts';

const zh = 'notice/2024-01-10/zh-CN.yaml';
const en = 'notice/2024-01-10/en.yaml';
/** The bilingual draft with the `liability` clause not yet translated into zh-CN. */
const content = siteWith(
  {
    [zh]: (text) => {
      const start = text.indexOf('      - id: liability');
      return text.slice(0, start) + text.slice(text.indexOf('      - id: sdks'));
    },
  },
  bilingualSite,
);
let origin = '';
let server: ChildProcess | undefined;
let terminal = '';

/** A port nothing listens on, chosen by the OS. */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

beforeAll(async () => {
  server = spawn(process.execPath, [path.join(projectRoot, 'src/cli/dev.ts'), '--content', content, '--port', String(await freePort())], { stdio: ['ignore', 'pipe', 'pipe'], detached: true, env: { ...userEnvironment(), NO_COLOR: '1', FORCE_COLOR: '0' } });
  const collect = (chunk: Buffer) => (terminal += chunk.toString());
  server.stdout!.on('data', collect);
  server.stderr!.on('data', collect);
  for (let attempt = 0; attempt < 300 && !origin; attempt++) {
    origin = /http:\/\/127\.0\.0\.1:\d+/.exec(terminal)?.[0] ?? '';
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  if (!origin) throw new Error(`The preview did not start:\n${terminal}`);
});

afterAll(() => {
  if (server?.pid) process.kill(-server.pid);
});

async function until(url: string, check: (page: { status: number; body: string }) => boolean): Promise<{ status: number; body: string }> {
  let last: { status: number; body: string } | undefined;
  for (let attempt = 0; attempt < 150; attempt++) {
    try {
      const response = await fetch(origin + url, { headers: { Accept: 'text/html' } });
      last = { status: response.status, body: await response.text() };
      if (check(last)) return last;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  // On failure, say what the page listed (the problems), not just its first bytes.
  const listed = last ? selectAll('li pre', fromHtml(last.body)).map((pre) => toText(pre).split('\n')[0]) : [];
  throw new Error(`${url} never reached the expected state; last answer: ${last?.status} ${listed.length ? listed.join('\n') : last?.body.slice(0, 600)}`);
}

describe('the preview', () => {
  it('renders a page whose translation lacks a clause, with the source text marked and its place', async () => {
    const page = await until('/zh-CN/notice/', (response) => response.status === 200);
    const tree = fromHtml(page.body);
    const clause = select('#liability', tree)!;
    expect(clause.properties['lang']).toBe('en');
    const note = select('.notice-untranslated', clause)!;
    expect(note.properties['lang']).toBe('zh-CN');
    expect(toText(note)).toContain('尚未翻译');
    expect(toText(note)).toContain(`en.yaml:${positionOf(path.join(content, en), 'id: liability').line}`);
    expect(toText(clause)).toContain('We are not liable for outages.');
  });

  it('shows a preview-only banner listing the warnings of the page, each linking to its file and line', async () => {
    const page = await until('/zh-CN/notice/', (response) => response.status === 200);
    const banner = select('.preview-banner', fromHtml(page.body))!;
    expect(banner).toBeTruthy();
    const items = selectAll('li', banner).map((li) => toText(li));
    expect(items.some((item) => item.includes('Missing clause `liability` in the `zh-CN` text') && item.includes('(translation-missing)'))).toBe(true);
    const link = select('a', banner)!;
    expect(String(link.properties['href'])).toMatch(new RegExp(`^vscode://file/.*zh-CN\\.yaml:\\d+:\\d+$`));
  });

  it('prints the warnings in the terminal on start', async () => {
    await until('/zh-CN/notice/', (response) => response.status === 200);
    expect(terminal).toMatch(/zh-CN\.yaml:\d+:\d+ {2}warning {2}Missing clause `liability`/);
    expect(terminal).toContain('0 errors, 1 warning');
  });

  it('serves the translation status page', async () => {
    const page = await until('/translation-status/', (response) => response.status === 200);
    const rows = selectAll('tbody tr', fromHtml(page.body)).map((tr) => selectAll('td, th', tr).map((cell) => toText(cell).trim()));
    expect(rows).toEqual([['notice', '2024-01-10', '简体中文 (zh-CN)', '3', '0', 'liability']]);
  });

  it('after a save, lists the saved file’s problems first, then those it caused elsewhere, and prints them again', async () => {
    const file = path.join(content, 'site.yaml');
    const original = readFileSync(file, 'utf8');
    const before = terminal.length;
    // A misspelt key in site.yaml, and a renamed variable that the texts still use.
    writeFileSync(file, original.replace('baseUrl:', 'baseURL: https://x.example/\nbaseUrl:').replace('  company:', '  companyName:'));
    try {
      const broken = await until('/en/notice/', (response) => response.status === 500 && response.body.includes('baseURL') && response.body.includes('{{company}}'));
      const problems = selectAll('li pre', fromHtml(broken.body)).map((pre) => toText(pre));
      expect(problems[0]).toMatch(/site\.yaml:\d+:\d+ {2}error {2}Unknown key `baseURL`/);
      expect(problems.slice(1).some((problem) => /en\.yaml:\d+:\d+ {2}error {2}Undefined variable `\{\{company\}\}`/.test(problem))).toBe(true);
      await until('/en/notice/', () => terminal.slice(before).includes('Unknown key `baseURL`'));
      const printed = terminal.slice(before);
      expect(printed.indexOf('site.yaml')).toBeLessThan(printed.indexOf('en.yaml'));
    } finally {
      writeFileSync(file, original);
    }
    await until('/en/notice/', (response) => response.status === 200);
  });
});

describe('a build', () => {
  it('leaves the translation status page out, unless asked with --translation-status, and never shows preview banners or untranslated clauses', () => {
    const out = path.join(tempDir(), 'dist');
    const run = runBuild(['--content', bilingualSite, '--out', out, '--drafts', '--translation-status']);
    expect(run.status, run.stderr).toBe(0);
    const status = fromHtml(readFileSync(path.join(out, 'translation-status/index.html'), 'utf8'));
    expect(select('meta[name="robots"]', status)!.properties['content']).toBe('noindex');
    const page = readFileSync(path.join(out, 'zh-CN/notice/index.html'), 'utf8');
    expect(page).not.toContain('preview-banner');

    const untranslated = siteWith({ [zh]: readFileSync(path.join(content, zh), 'utf8') }, bilingualSite);
    const failed = runBuild(['--content', untranslated, '--out', path.join(tempDir(), 'dist'), '--drafts']);
    expect(failed.status).toBe(1);
    expect(failed.stderr).toMatch(/zh-CN\.yaml:\d+:\d+ {2}error {2}Missing clause `liability`/);
  });
});
