/**
 * The hostile-input catalogue: content a legal editor might write by
 * mistake, or an attacker on purpose. A bad case must stop the build with a
 * clear message naming the file and line, and no stack trace; a case that
 * must simply work (or be shown as harmless text) must build pages with no
 * script, no event handler and no `javascript:` URL.
 *
 * Each bad case goes through what `npm run build` does before Astro starts
 * (src/cli/build.ts: load the content, format the report), in this process;
 * a few go through the command itself, which must also leave the previous
 * site untouched.
 */
import { symlinkSync } from 'node:fs';
import path from 'node:path';
import { selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import { describe, expect, it } from 'vitest';
import { loadSite } from '../../src/load/index.ts';
import { formatReport } from '../../src/messages/report.ts';
import { isPreviousSite, previousSite, runBuild } from '../helpers/build.ts';
import { replaceOnce, siteWith, tempDir, type Change } from '../helpers/content.ts';
import { htmlFiles, readPage } from '../helpers/dist.ts';
import { builtSite } from '../helpers/sites.ts';

const en = 'notice/2024-01-10/en.yaml';
const sdks = 'notice/2024-01-10/sdks.yaml';
const version = 'notice/2024-01-10/version.yaml';
const inText = (markdown: string) => ({ [en]: replaceOnce('We are not liable for outages.', markdown) });

interface BadCase {
  changes: Record<string, Change>;
  /** Optional extra set-up on the copied site (symbolic links). */
  prepare?: (dir: string) => void;
  file: string;
  rule: string;
}

const bad: Record<string, BadCase> = {
  'malformed YAML': { changes: { [en]: replaceOnce('title: Data we collect', 'title: [Data we collect') }, file: en, rule: 'yaml-syntax' },
  'tab indentation': { changes: { [en]: replaceOnce('    title: Data we collect', '\ttitle: Data we collect') }, file: en, rule: 'yaml-syntax' },
  'bytes that are not UTF-8': { changes: { [version]: new Uint8Array([0x70, 0x75, 0x62, 0x3a, 0x20, 0xc3, 0x28, 0x0a]) }, file: version, rule: 'file-encoding' },
  'duplicate keys': { changes: { [version]: (old) => `${old}published: 2024-01-10\n` }, file: version, rule: 'yaml-syntax' },
  'duplicate ids': { changes: { [en]: replaceOnce('- id: liability', '- id: phone') }, file: en, rule: 'duplicate-id' },
  'misspelt key': { changes: { [en]: replaceOnce('        flag: important', '        sensitve: true') }, file: en, rule: 'unknown-key' },
  'wrong type': { changes: { [version]: replaceOnce('effective: 2024-02-01', 'effective: [2024, 2, 1]') }, file: version, rule: 'wrong-type' },
  'impossible date in version.yaml': { changes: { [version]: replaceOnce('effective: 2024-02-01', 'effective: 2022-02-30') }, file: version, rule: 'invalid-date' },
  'impossible date as folder name': { changes: { 'notice/2022-02-30/version.yaml': 'published: 2022-02-30\neffective: 2022-03-01\n' }, file: 'notice/2022-02-30', rule: 'version-folder' },
  'raw <script> in text': { changes: inText('Hello <script>alert(1)</script> world.'), file: en, rule: 'raw-html' },
  '<img onerror> in text': { changes: inText('Look <img src=x onerror=alert(1)> here.'), file: en, rule: 'raw-html' },
  '<iframe> block': { changes: inText('<iframe src="https://evil.example"></iframe>'), file: en, rule: 'raw-html' },
  'HTML comment': { changes: inText('Hidden <!-- note --> text.'), file: en, rule: 'raw-html' },
  'javascript: link in text': { changes: inText('[Click](javascript:alert(1))'), file: en, rule: 'unsafe-link' },
  'javascript: link in another case and with entities': { changes: inText('[a](JaVaScRiPt:alert(1)) [b](&#106;avascript:alert(1))'), file: en, rule: 'unsafe-link' },
  'javascript: autolink': { changes: inText('<javascript:alert(1)>'), file: en, rule: 'unsafe-link' },
  'javascript: reference definition': { changes: inText('[click][x]\n\n          [x]: javascript:alert(1)'), file: en, rule: 'unsafe-link' },
  'data: link in text': { changes: inText('[Open](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)'), file: en, rule: 'unsafe-link' },
  'javascript: SDK URL': { changes: { [sdks]: replaceOnce('https://crash.example.com/privacy', 'javascript:alert(1)') }, file: sdks, rule: 'invalid-url' },
  'data: SDK URL': { changes: { [sdks]: replaceOnce('https://crash.example.com/privacy', 'data:text/html,<script>alert(1)</script>') }, file: sdks, rule: 'invalid-url' },
  'event handler on a flag': { changes: inText(':important[click me]{onclick="alert(1)"}'), file: en, rule: 'flag-misuse' },
  'unknown flag': { changes: inText(':sensitve[phone]'), file: en, rule: 'unknown-flag' },
  'undefined variable': { changes: inText('Contact {{compnay}}.'), file: en, rule: 'undefined-variable' },
  'YAML alias bomb': {
    changes: { [version]: ['a: &a [x, x, x, x, x, x, x, x, x, x]', 'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]', 'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]', 'd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]', 'e: [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]'].join('\n') },
    file: version,
    rule: 'yaml-syntax',
  },
  'a huge file': { changes: { [en]: (old) => `${old}# ${'x'.repeat(2 * 1024 * 1024)}\n` }, file: en, rule: 'file-too-large' },
  'deeply nested lists': { changes: inText(Array.from({ length: 60 }, (_, level) => `${'  '.repeat(level)}- level ${level}`).join('\n          ')), file: en, rule: 'markdown-too-deep' },
  'a symbolic link pointing outside content/': {
    changes: { [en]: null },
    prepare: (dir) => symlinkSync('/etc/passwd', path.join(dir, en)),
    file: en,
    rule: 'file-outside-content',
  },
  'an empty file': { changes: { [en]: '' }, file: en, rule: 'file-missing' },
  'an empty version.yaml': { changes: { [version]: '\n' }, file: version, rule: 'file-missing' },
  'misspelt interface key': { changes: { 'ui/en.yaml': 'toc.headng: Contents\n' }, file: 'ui/en.yaml', rule: 'unknown-key' },
  'interface words with an unknown placeholder': { changes: { 'ui/en.yaml': 'version.past: "Replaced on {date}. {onerror}"\n' }, file: 'ui/en.yaml', rule: 'ui-placeholder' },
  'a language with no interface words': { changes: { 'site.yaml': replaceOnce('  en:\n    name: English', '  en:\n    name: English\n  zh-MO:\n    name: 繁體中文（澳門）') }, file: 'site.yaml', rule: 'missing-ui-strings' },
};

/** Every page of a built site is free of script, event handlers and `javascript:` URLs. */
function expectHarmless(dist: string): void {
  const files = htmlFiles(dist);
  expect(files.length).toBeGreaterThan(2);
  for (const file of files) {
    const tree = readPage(dist, file);
    expect(selectAll('script, iframe, object, embed, svg', tree), file).toEqual([]);
    for (const element of selectAll('*', tree)) {
      for (const [name, value] of Object.entries(element.properties)) {
        expect(name.toLowerCase().startsWith('on'), `${file}: ${name}`).toBe(false);
        expect(String(value).toLowerCase().replace(/\s/g, ''), `${file}: ${name}`).not.toMatch(/^(javascript|data|vbscript):/);
      }
    }
  }
}

/** The content copy for a case, with its changes and set-up applied. */
function contentOf(testCase: BadCase): string {
  const content = siteWith(testCase.changes);
  testCase.prepare?.(content);
  return content;
}

/**
 * What `npm run build -- --drafts` does before it starts Astro (src/cli/build.ts): load in publish mode,
 * format the report. The fixture's one version is a draft being prepared: with --drafts its errors stop the build.
 */
async function checkAsTheBuildDoes(content: string): Promise<{ built: boolean; report: string }> {
  const { site, files } = await loadSite(content, { mode: 'publish', drafts: true, buildDate: '2026-01-01' });
  return { built: site !== undefined, report: formatReport(files) };
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('hostile content that must fail cleanly', () => {
  it('the unchanged site passes, so that each failure below comes from its change', async () => {
    expect(await checkAsTheBuildDoes(siteWith({}))).toEqual({ built: true, report: '' });
  });

  it.each(Object.entries(bad))('%s', async (_, testCase) => {
    const content = contentOf(testCase);
    const { built, report } = await checkAsTheBuildDoes(content);
    expect(built).toBe(false);
    const where = `${path.relative(process.cwd(), path.join(content, testCase.file))}:`;
    expect(report).toMatch(new RegExp(`^${escape(where)}\\d+:\\d+ {2}error {2}.+\\(${testCase.rule}\\)$`, 'm'));
    expect(report).toMatch(/^ {2}fix: /m);
    expect(report).not.toMatch(/^\s+at |TypeError|RangeError|ReferenceError|SyntaxError|node:internal/m);
  });

  // The command itself, for cases caught at each stage: reading, parsing YAML, rendering Markdown.
  it.each(['a symbolic link pointing outside content/', 'YAML alias bomb', 'javascript: link in text'])('npm run build: %s', async (name) => {
    const content = contentOf(bad[name]!);
    const out = previousSite();

    const run = runBuild(['--content', content, '--out', out, '--drafts']);

    expect(run.status, run.stdout).toBe(1);
    expect(run.stderr).toContain((await checkAsTheBuildDoes(content)).report);
    expect(run.stderr).not.toMatch(/^\s+at |TypeError|RangeError|ReferenceError|SyntaxError|node:internal/m);
    expect(isPreviousSite(out), 'the previous site is left as it was').toBe(true);
  });
});

describe('input that must simply work, or show as harmless text', () => {
  it('a byte order mark and Windows line endings make the same site', async () => {
    const plain = await loadSite(siteWith({}), { buildDate: '2026-01-01', drafts: true });
    const windows = await loadSite(siteWith({ [en]: (old) => `\uFEFF${old.replaceAll('\n', '\r\n')}`, [version]: (old) => `\uFEFF${old.replaceAll('\n', '\r\n')}` }), { buildDate: '2026-01-01', drafts: true });
    expect(windows.files.flatMap((file) => file.messages)).toEqual([]);
    expect(windows.site).toBeDefined();
    // The pages are rendered from the model alone: the same model makes the same pages.
    expect(windows.site).toEqual(plain.site);
  });

  it('markup in interface words is shown as text, never run', () => {
    const content = siteWith({ 'ui/en.yaml': 'toc.heading: "<script>alert(1)</script> Contents"\nlegend.links: "<img src=x onerror=alert(1)>"\nformat.labelled: "{label}: <a href=javascript:alert(1)>{value}</a>"\n' });
    const dist = path.join(tempDir(), 'dist');
    const run = runBuild(['--content', content, '--out', dist, '--drafts']);
    expect(run.status, run.stderr).toBe(0);
    const page = readPage(dist, 'en/notice/index.html');
    const shown = selectAll('h2, p, li', page).map((element) => toText(element));
    expect(shown).toContain('<script>alert(1)</script> Contents');
    expect(shown).toContain('<img src=x onerror=alert(1)>');
    expect(shown.some((text) => text.includes('<a href=javascript:alert(1)>'))).toBe(true);
    expectHarmless(dist);
  });

  it('markup in titles and variable values is shown as text, never run', () => {
    // Built once for the test run with the changes in tests/helpers/sites.ts (markupChanges).
    const dist = builtSite('markup');
    const page = readPage(dist, 'en/notice/index.html');
    const shown = selectAll('h2, h3, p', page).map((element) => toText(element));
    expect(shown).toContain('<script>alert(1)</script> Data');
    expect(shown).toContain('<img src=x onerror=alert(1)>');
    expect(shown.some((text) => text.includes('<b onmouseover=alert(1)>App</b> javascript:alert(1)'))).toBe(true);
    expectHarmless(dist);
  });
});
