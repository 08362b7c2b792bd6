/**
 * Issue #11, part 2: every failure is a placed message, never a stack
 * trace, and time grows at most linearly with the text. One small content
 * folder per class; each must stop `npm run build` (and `npm run check`)
 * with the message at its file, line and column, and leave the previous
 * site untouched. Timing cases assert a ceiling of seconds and grow the
 * input tenfold to show the growth is not quadratic.
 */
import { execFileSync } from 'node:child_process';
import { truncateSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { loadSite } from '../../src/load/index.ts';
import { maxFileBytes } from '../../src/load/read.ts';
import { runBuild } from '../helpers/build.ts';
import { asDrafts, fixturesDir, replaceOnce, siteWith, tempDir } from '../helpers/content.ts';
import { readPage } from '../helpers/dist.ts';
import { expectRefused, type RefusedCase } from '../helpers/hostile.ts';
import { selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';

const en = 'notice/2024-01-10/en.yaml';
const sdks = 'notice/2024-01-10/sdks.yaml';
const version = 'notice/2024-01-10/version.yaml';
const outages = 'We are not liable for outages.';
const inText = (markdown: string) => ({ [en]: replaceOnce(outages, markdown) });

const cases: Record<string, RefusedCase> = {
  'a language tag that Intl rejects, under locales': {
    changes: { 'site.yaml': replaceOnce('    name: English\n', '    name: English\n  en-a1:\n    name: Test\n') },
    file: 'site.yaml',
    at: 'en-a1',
    rule: 'invalid-locale',
    reason: /`en-a1`/,
  },
  'a language tag that Intl rejects, as the source language': {
    changes: { 'site.yaml': replaceOnce('sourceLocale: en', 'sourceLocale: en-a1') },
    file: 'site.yaml',
    at: 'en-a1',
    rule: 'invalid-locale',
  },
  'a language tag that Intl rejects, in a summary': {
    changes: { [version]: (old) => `${old}summary:\n  zh-a1: x\n` },
    file: version,
    at: 'zh-a1',
    rule: 'invalid-locale',
  },
  'a language file named with a tag that Intl rejects': {
    changes: { 'notice/2024-01-10/en-a1.yaml': 'title: x\n' },
    file: 'notice/2024-01-10/en-a1.yaml',
    at: { line: 1, column: 1 },
    rule: 'invalid-locale',
  },
  'a folder where a YAML file is expected': {
    changes: { [sdks]: null },
    prepare: (dir) => execFileSync('mkdir', [path.join(dir, sdks)]),
    file: sdks,
    at: { line: 1, column: 1 },
    rule: 'file-not-regular',
    reason: /folder/,
  },
  'a named pipe (FIFO) where a YAML file is expected, which must not hang the build': {
    changes: { [en]: null },
    prepare: (dir) => execFileSync('mkfifo', [path.join(dir, en)]),
    file: en,
    at: { line: 1, column: 1 },
    rule: 'file-not-regular',
    reason: /named pipe/,
  },
  'site.yaml as a folder': {
    changes: { 'site.yaml': null },
    prepare: (dir) => execFileSync('mkdir', [path.join(dir, 'site.yaml')]),
    file: 'site.yaml',
    at: { line: 1, column: 1 },
    rule: 'file-not-regular',
  },
  'a file of 3 GiB, refused by its size before a byte is read': {
    changes: {},
    prepare: (dir) => truncateSync(path.join(dir, version), 3 * 1024 ** 3),
    file: version,
    at: { line: 1, column: 1 },
    rule: 'file-too-large',
  },
  'one line of list markers deep enough to overflow the stack': {
    changes: inText(`${'- '.repeat(20_000)}x`),
    file: en,
    at: { line: 21, column: 11 + 20 },
    rule: 'markdown-too-deep',
  },
  'one line of quote and list markers deep enough to overflow the stack': {
    changes: inText(`${'> - '.repeat(10_000)}x`),
    file: en,
    at: { line: 21, column: 11 + 20 },
    rule: 'markdown-too-deep',
  },
  'numbered items nested on one line': {
    changes: inText(`${'1) '.repeat(5_000)}x`),
    file: en,
    at: { line: 21, column: 11 + 30 },
    rule: 'markdown-too-deep',
  },
  'a variable used so many times that the text would exceed the string limit': {
    changes: { 'site.yaml': replaceOnce('app: Example App', `app: ${'x'.repeat(maxFileBytes / 2)}`), ...inText(`${'{{app}}'.repeat(20_000)}`) },
    file: en,
    at: { line: 21, column: 11 },
    rule: 'text-too-long',
  },
  'a variable used so many times in a title': {
    changes: { 'site.yaml': replaceOnce('app: Example App', `app: ${'x'.repeat(maxFileBytes / 2)}`), [en]: replaceOnce('title: Phone number', `title: "${'{{app}}'.repeat(10)}"`) },
    file: en,
    at: '"{{app}}',
    rule: 'text-too-long',
  },
  'a variable used in so many clauses that the page would exceed the string limit': {
    changes: {
      'site.yaml': replaceOnce('app: Example App', `app: ${'x'.repeat(500_000)}`),
      [en]: (old) => `${old}  - id: many\n    clauses:\n${Array.from({ length: 9 }, (_, index) => `      - id: c${index + 1}\n        text: "{{app}}{{app}}{{app}}{{app}} ${index + 1}"\n`).join('')}`,
    },
    file: en,
    at: '"{{app}}{{app}}{{app}}{{app}} 9"',
    rule: 'text-too-long',
    reason: /the clauses of this file come to more than/,
  },
  'a pathological emphasis run over 100 KB': {
    changes: inText('*a**'.repeat(25_600)),
    file: en,
    at: { line: 21, column: 11 },
    rule: 'markdown-too-complex',
  },
  'a pathological run of link openings over 100 KB': {
    changes: inText('[a]('.repeat(25_600)),
    file: en,
    at: { line: 21, column: 11 },
    rule: 'markdown-too-complex',
  },
  'nesting too deep in YAML itself': {
    changes: { [version]: (old) => `${old}x: ${'['.repeat(50_000)}\n` },
    file: version,
    // The line after the fixture's own lines.
    at: { line: 5, column: 1 },
    rule: 'yaml-syntax',
    reason: /nesting/i,
  },
};

describe('failures are placed messages, never stack traces', () => {
  it.each(Object.entries(cases))('%s', async (_, testCase) => {
    await expectRefused(testCase);
  });
});

/** Milliseconds to load (check) a site, the median of three runs. */
async function loadTime(content: string): Promise<number> {
  const times: number[] = [];
  for (let run = 0; run < 3; run++) {
    const started = performance.now();
    await loadSite(content, { buildDate: '2026-01-01', drafts: true });
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b)[1]!;
}

/** Prose of `words` words, different for each seed. */
function prose(words: number, seed: number): string {
  const vocabulary = ['data', 'personal', 'information', 'we', 'collect', 'your', 'consent', 'the', 'app', 'service', 'may', 'share', 'with', 'partners', 'when', 'you', 'use', 'location', 'account', 'rights'];
  let state = seed;
  return Array.from({ length: words }, () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return vocabulary[state % vocabulary.length];
  }).join(' ');
}

/** Growth from `small` to ten times as much: linear is about 10, quadratic about 100. Very short times count as 20 ms. */
function expectLinear(small: number, large: number): void {
  expect(large, `${Math.round(small)} ms, then ${Math.round(large)} ms`).toBeLessThan(30 * Math.max(small, 20));
}

describe('time grows at most linearly with the text', () => {
  it('a pathological emphasis run: 10 KB, then 100 KB', async () => {
    const site = (bytes: number) => siteWith(inText('*a**'.repeat(bytes / 4)));
    const small = await loadTime(site(10 * 1024));
    const large = await loadTime(site(100 * 1024));
    expect(large).toBeLessThan(10_000);
    expectLinear(small, large);
  }, 120_000);

  it('a fully rewritten paragraph in a redline: 1 500 words, then 15 000', async () => {
    const site = (words: number) =>
      siteWith(
        {
          // The fixture's published versions become drafts: their text may change.
          ...asDrafts(path.join(fixturesDir, 'sites/versions')),
          'notice/2024-01-10/en.yaml': replaceOnce(outages, prose(words, 1)),
          'notice/2024-06-01/en.yaml': replaceOnce('We are not liable for outages or delays.', prose(words, 2)),
        },
        path.join(fixturesDir, 'sites/versions'),
      );
    const small = await loadTime(site(1_500));
    const large = await loadTime(site(15_000));
    expect(large).toBeLessThan(20_000);
    expectLinear(small, large);
  }, 180_000);

  it('the rewritten 15 000-word paragraph builds in seconds, shown whole with a note on the changes page', () => {
    const content = siteWith(
      {
        ...asDrafts(path.join(fixturesDir, 'sites/versions')),
        'notice/2024-01-10/en.yaml': replaceOnce(outages, prose(15_000, 1)),
        'notice/2024-06-01/en.yaml': replaceOnce('We are not liable for outages or delays.', prose(15_000, 2)),
      },
      path.join(fixturesDir, 'sites/versions'),
    );
    const out = path.join(tempDir(), 'dist');
    const started = performance.now();
    const run = runBuild(['--content', content, '--out', out, '--drafts']);
    expect(performance.now() - started).toBeLessThan(120_000);
    expect(run.status, run.stderr).toBe(0);
    const page = readPage(out, 'en/notice/2024-06-01/changes/index.html');
    const clause = selectAll('#liability', page)[0]!;
    expect(toText(selectAll('.redline-note', clause)[0]!)).toBe('Too long to compare word by word: the old text is shown removed and the new text added, in full.');
    expect(toText(selectAll('del', clause)[0]!)).toContain(prose(15_000, 1).slice(0, 200));
    expect(toText(selectAll('ins', clause)[0]!)).toContain(prose(15_000, 2).slice(-200));
  }, 180_000);
});

describe('a named pipe is never opened', () => {
  it('also when it has a name the build ignores', () => {
    const content = siteWith({});
    execFileSync('mkfifo', [path.join(content, 'notice/2024-01-10/notes.txt')]);
    execFileSync('mkfifo', [path.join(content, 'notes')]);
    const out = path.join(tempDir(), 'dist');
    const run = runBuild(['--content', content, '--out', out, '--drafts']);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toContain('(file-unexpected)');
  }, 120_000);
});
