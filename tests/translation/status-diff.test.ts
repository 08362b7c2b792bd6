/**
 * `npm run translations:status -- --diff <language>`: for each stale part,
 * the source text then (as confirmed) and now, as a word diff from the
 * redline machinery; then found in translations.yaml, else in git history,
 * else said to be unknown.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatSegments, sourceDiff, useColor } from '../../src/translation/source-diff.ts';
import { bilingualSite, replaceOnce, siteWith } from '../helpers/content.ts';
import { translations } from '../helpers/translations.ts';

const en = 'notice/2024-01-10/en.yaml';

function change(dir: string, find: string, replacement: string): void {
  const file = path.join(dir, en);
  writeFileSync(file, replaceOnce(find, replacement)(readFileSync(file, 'utf8')));
}

describe('the source word diff', () => {
  it('marks removed and added words, and flagged words inside their flag', () => {
    const values = { company: 'Example Ltd' };
    const diff = sourceDiff({ text: 'We collect your :sensitive[phone number] to sign you in.\n' }, { text: 'We collect your :sensitive[mobile number] to sign you in and to help you.\n' }, values, 'en');
    expect(diff.blocks.map((block) => formatSegments(block, { color: false }))).toEqual(['We collect your :sensitive[[-phone-]{+mobile+} number] to sign you in{+ and to help you+}.']);
    const colored = formatSegments(diff.blocks[0]!, { color: true });
    expect(colored).toContain('\u001b[31;9mphone\u001b[0m');
    expect(colored).toContain('\u001b[32;4mmobile\u001b[0m');
    expect(formatSegments(sourceDiff({ title: '{{company}} Notice' }, { title: '{{company}} Privacy Notice' }, values, 'en').title!, { color: false })).toBe('Example Ltd {+Privacy +}Notice');
  });

  it('colours only on a terminal, and never with NO_COLOR', () => {
    const terminal = { isTTY: true } as NodeJS.WriteStream;
    expect(useColor(terminal, {})).toBe(true);
    expect(useColor(terminal, { NO_COLOR: '1' })).toBe(false);
    expect(useColor({ isTTY: false } as NodeJS.WriteStream, {})).toBe(false);
  });
});

describe('translations:status --diff', () => {
  it('shows what changed since the confirmation recorded in translations.yaml', () => {
    const dir = siteWith({}, bilingualSite);
    // Confirming keeps the source text it confirms against.
    expect(translations('confirm', ['zh-CN', '--all', '--content', dir]).status).toBe(0);
    change(dir, 'We are not liable for outages.', 'We are not liable for outages or delays.');
    const run = translations('status', ['--diff', 'zh-CN', '--content', dir]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('notice 2024-01-10 zh-CN: 1 stale, 0 missing');
    expect(run.stdout).toContain("  clause `liability` (section `data`)\n    en then (translations.yaml) → now:\n    We are not liable for outages{+ or delays+}.");
    // Only what changed: the up-to-date clauses are not shown.
    expect(run.stdout).not.toContain('phone');
  });

  it('finds the confirmed text in git history when translations.yaml has none, and says so when it is nowhere', () => {
    const dir = siteWith({}, bilingualSite);
    change(dir, 'We are not liable for outages.', 'We are not liable for outages or delays.');
    const unknown = translations('status', ['--diff', 'zh-CN', '--content', dir]);
    expect(unknown.stdout).toContain('the en text it was confirmed against is unknown (fingerprint 4512ee651ea2');
    expect(unknown.stdout).toContain('The en text now:\n    We are not liable for outages or delays.');

    const git = (...args: string[]) => execFileSync('git', ['-C', dir, ...args], { encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com' } });
    change(dir, 'We are not liable for outages or delays.', 'We are not liable for outages.');
    git('init', '-q');
    git('add', '-A');
    git('commit', '-qm', 'confirmed text');
    const commit = git('rev-parse', '--short', 'HEAD').trim();
    change(dir, 'We are not liable for outages.', 'We are not liable for outages or delays.');
    const found = translations('status', ['--diff', 'zh-CN', '--content', dir]);
    expect(found.stdout).toContain(`en then (git ${commit} (`);
    expect(found.stdout).toContain('We are not liable for outages{+ or delays+}.');
  });

  it('refuses a language that is not a translation of the site', () => {
    const run = translations('status', ['--diff', 'de', '--content', bilingualSite]);
    expect(run.status).toBe(2);
    expect(run.stderr.split('\n')[0]).toBe('Unexpected language `de`, expected a translation listed in site.yaml: zh-CN.');
  });
});
