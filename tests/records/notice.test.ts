/**
 * The first-launch notice (notice.yaml): checked in every language of its
 * version, every link leading to a page that exists; always a record of its
 * own, which publish-version records beside its version (with it, or added
 * later) and which the lock then keeps from changing; and left out of a
 * published build until it is published.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { loadSite } from '../../src/load/index.ts';
import { buildManifest } from '../../src/model/manifest.ts';
import { recordKey, sha256 } from '../../src/records/canonical.ts';
import { appendEntry } from '../../src/records/chain.ts';
import type { LockEntry } from '../../src/schema/versions-lock.ts';
import { projectRoot, userEnvironment } from '../helpers/build.ts';
import { exampleContent, fixturesDir, messagesOf, positionOf, siteWith, type Reported } from '../helpers/content.ts';

const buildDate = '2026-01-01';
const versionsSite = path.join(fixturesDir, 'sites/versions');
const recordsSite = path.join(fixturesDir, 'sites/records');

const notice = (text: Record<string, string>) => `# yaml-language-server: $schema=../../../../../../schemas/notice.schema.json\n${stringify({ text })}`;
const english = 'Welcome to {{app}}. Read the [notice](page:policy), and how we use [your phone number](#phone).\n';

function run(script: string, ...args: string[]) {
  return spawnSync(process.execPath, [path.join(projectRoot, script), ...args], { encoding: 'utf8', env: { ...userEnvironment(), NO_COLOR: '1' } });
}

function only(messages: Reported[], ruleId: string): Reported {
  const found = messages.filter((message) => message.ruleId === ruleId);
  expect(found, JSON.stringify(messages, null, 2)).toHaveLength(1);
  return found[0]!;
}

describe('checking a notice', () => {
  it('renders in every language of the version, its links leading to the version’s webview pages', async () => {
    const dir = siteWith({ 'notice/2024-09-01/notice.yaml': notice({ en: english }) }, versionsSite);
    const { site, files } = await loadSite(dir, { mode: 'preview', drafts: true, buildDate });
    expect(files.flatMap((file) => file.messages.filter((message) => message.fatal))).toEqual([]);
    const model = site!.documents[0]!.versions.find((version) => version.id === '2024-09-01')!.notice!['en']!;
    expect(model.text).toBe('Welcome to Example App. Read the notice, and how we use your phone number.');
    expect(model.links).toEqual([
      { label: 'notice', target: { page: 'policy' } },
      { label: 'your phone number', target: { page: 'policy', id: 'phone' } },
    ]);
    expect(model.html).toContain('<a href=/webview/en/notice/2024-09-01/>notice</a>');
    expect(model.html).toContain('<a href=/webview/en/notice/2024-09-01/#phone>your phone number</a>');
  });

  it('a language of the version without its text, and a language the site does not have', async () => {
    const dir = siteWith({ 'notice/2024-09-01/notice.yaml': notice({ en: english, fr: 'Bienvenue.' }) }, recordsSite);
    const { messages, ok } = await messagesOf(dir);
    expect(ok).toBe(false);
    const missing = only(messages, 'missing-translation');
    expect(missing.reason).toBe('Missing `zh-CN:` under `text` in notice.yaml: the notice needs its text in every language of version `notice/2024-09-01`');
    expect([missing.file, missing.line]).toEqual(['notice/2024-09-01/notice.yaml', positionOf(path.join(dir, 'notice/2024-09-01/notice.yaml'), 'en:').line]);
    const unknown = only(messages, 'unknown-locale');
    expect([unknown.file, unknown.line, unknown.column]).toEqual(['notice/2024-09-01/notice.yaml', ...Object.values(positionOf(path.join(dir, 'notice/2024-09-01/notice.yaml'), 'fr:'))]);
  });

  it.each([
    ['an unknown page', '[terms](page:terms)', 'Unexpected link `page:terms`: expected one of `page:policy`, `page:collection`, `page:sharing`, `page:permissions`'],
    ['a list the version does not have', '[what we collect](page:collection)', 'Unexpected link `page:collection`: version `notice/2024-09-01` has no collection page in `en` (the three lists come from its data inventory)'],
    ['a clause the policy does not have', '[contact](#contact)', 'Unexpected link `#contact`: the policy of `notice/2024-09-01` has no section or clause `contact` in `en`'],
  ])('a link to %s', async (_, link, reason) => {
    const dir = siteWith({ 'notice/2024-09-01/notice.yaml': notice({ en: `Welcome.\n\nSee ${link} first.\n` }) }, versionsSite);
    const error = only((await messagesOf(dir)).messages, 'notice-link');
    expect(error.reason).toBe(reason);
    // The message points at the link inside the YAML block: its line, and its column in that line.
    const at = positionOf(path.join(dir, 'notice/2024-09-01/notice.yaml'), link);
    expect([error.file, error.line, error.column]).toEqual(['notice/2024-09-01/notice.yaml', at.line, at.column]);
  });

  it('an unsafe link and an undefined variable are reported as in clause text', async () => {
    const dir = siteWith({ 'notice/2024-09-01/notice.yaml': notice({ en: 'Hello {{nobody}}. [Click](javascript:alert(1)).\n' }) }, versionsSite);
    const { messages } = await messagesOf(dir);
    expect(only(messages, 'unsafe-link').reason).toContain('or page:policy');
    expect(only(messages, 'undefined-variable').file).toBe('notice/2024-09-01/notice.yaml');
  });
});

describe('a notice is a record of its own', () => {
  it('publish-version publishes a version with its notice as two records; the notice then cannot change', async () => {
    const dir = siteWith({ 'notice/2024-09-01/notice.yaml': notice({ en: english }) }, versionsSite);
    const published = run('src/cli/versions.ts', 'publish', 'notice', '2024-09-01', '--content', dir);
    expect(published.status, published.stderr).toBe(0);
    expect(published.stdout).toContain('(its text, notice)');
    const entries = parse(readFileSync(path.join(dir, 'versions.lock.yaml'), 'utf8')).entries as LockEntry[];
    const [policy, annex] = entries.slice(-2);
    expect([policy!.record, annex!.record]).toEqual(['policy', 'notice']);
    expect(Object.keys(policy!.files)).not.toContain('notice.yaml');
    expect(Object.keys(annex!.files)).toEqual(['notice.yaml']);
    const shown = run('src/cli/records.ts', 'show', 'notice', '2024-09-01', 'en', '--annex', 'notice', '--content', dir);
    expect(shown.status, shown.stderr).toBe(0);
    expect(JSON.parse(shown.stdout)).toEqual({ format: 'legal-site-notice/1', document: 'notice', version: '2024-09-01', locale: 'en', text: english.replace('{{app}}', 'Example App').trim() });
    expect(annex!.records).toEqual({ en: sha256(shown.stdout) });

    const { site } = await loadSite(dir, { mode: 'publish', buildDate });
    const entry = buildManifest(site!).documents[0]!.versions.find((version) => version.version === '2024-09-01')!;
    expect(entry.notice?.sha256).toBe(sha256(shown.stdout));

    writeFileSync(path.join(dir, 'notice/2024-09-01/notice.yaml'), readFileSync(path.join(dir, 'notice/2024-09-01/notice.yaml'), 'utf8').replace('Welcome', 'Hello'));
    const { messages, ok } = await messagesOf(dir);
    expect(ok).toBe(false);
    const locked = only(messages, 'version-locked');
    expect(locked.reason).toBe('Unexpected change to published notice of version `notice/2024-09-01`: notice.yaml was changed after publication');
    expect(only(messages, 'record-changed').reason).toBe('Unexpected change to the published notice of `notice/2024-09-01` in `en`: its canonical record no longer has the hash recorded in the lock');
  });

  it('a published notice whose record no longer has its hash (its file unchanged) is `record-changed`', async () => {
    const dir = siteWith({}, exampleContent);
    const file = path.join(dir, 'versions.lock.yaml');
    // Forge a lock whose notice entry records another hash, chain and all: only the record check can tell.
    const entries = parse(readFileSync(file, 'utf8')).entries as LockEntry[];
    let forged: LockEntry[] = [];
    for (const { hash: _hash, previous: _previous, ...entry } of entries) {
      forged = [...forged, appendEntry(forged, entry.record === 'notice' ? { ...entry, records: { ...entry.records, en: 'f'.repeat(64) } } : entry)];
    }
    writeFileSync(file, stringify({ format: 2, entries: forged }));
    const { messages } = await messagesOf(dir);
    const changed = only(messages, 'record-changed');
    expect([changed.file, changed.reason]).toEqual(['privacy/2025-06-01/notice.yaml', 'Unexpected change to the published notice of `privacy/2025-06-01` in `en`: its canonical record no longer has the hash recorded in the lock']);
    expect(messages.filter((message) => message.ruleId === 'version-locked')).toEqual([]);
  });

  it('a notice added to a published version is left out of a published build until publish-version publishes it', async () => {
    const dir = siteWith({ 'notice/2024-06-01/notice.yaml': notice({ en: english }) }, versionsSite);
    const noticeOf = async (drafts: boolean) => {
      const { site, files } = await loadSite(dir, { mode: 'publish', drafts, buildDate });
      expect(site, files.flatMap((file) => file.messages.map(String)).join('\n')).toBeDefined();
      return { notice: site!.documents[0]!.versions.find((version) => version.id === '2024-06-01')!.notice, warnings: files.flatMap((file) => file.messages.filter((message) => message.ruleId === 'unpublished-annex').map(String)) };
    };
    const before = await noticeOf(false);
    expect(before.notice).toBeUndefined();
    expect(before.warnings).toEqual([expect.stringContaining('Unpublished notice of published version `notice/2024-06-01`: left out of this build')]);
    expect((await noticeOf(true)).notice?.['en']).toBeDefined();

    const published = run('src/cli/versions.ts', 'publish', 'notice', '2024-06-01', '--content', dir);
    expect(published.status, published.stderr).toBe(0);
    expect(published.stdout).toContain('Published for notice/2024-06-01: notice');
    const after = await noticeOf(false);
    expect(after.warnings).toEqual([]);
    expect(after.notice?.['en']?.text).toContain('Welcome to Example App.');
    // The version's own record and entry are untouched.
    const entries = parse(readFileSync(path.join(dir, 'versions.lock.yaml'), 'utf8')).entries as LockEntry[];
    expect(entries.map((entry) => `${entry.version} ${entry.record}`)).toEqual(['2024-01-10 policy', '2024-06-01 policy', '2024-06-01 notice']);
    expect(readFileSync(path.join(dir, 'notice/2024-06-01/en.yaml'), 'utf8')).toBe(readFileSync(path.join(versionsSite, 'notice/2024-06-01/en.yaml'), 'utf8'));
  });

  it('records:verify checks the notice an archived manifest gives', async () => {
    const dir = siteWith({}, exampleContent);
    const { site } = await loadSite(dir, { mode: 'publish', buildDate, records: new Map() });
    const manifest = buildManifest(site!);
    const archived = path.join(dir, '..', 'policies.json');
    writeFileSync(archived, JSON.stringify(manifest));
    const clean = run('src/cli/records.ts', 'verify', archived, '--content', dir);
    expect(clean.status, clean.stderr).toBe(0);
    // Two versions in two languages, the 2025 notice and both inventories in two languages.
    expect(clean.stdout).toContain('All 10 records');

    manifest.documents[0]!.versions[0]!.notice!.sha256 = 'e'.repeat(64);
    writeFileSync(archived, JSON.stringify(manifest));
    const caught = run('src/cli/records.ts', 'verify', archived, '--content', dir);
    expect(caught.status).toBe(1);
    expect(caught.stderr).toContain(`privacy 2025-06-01 ${manifest.documents[0]!.locale}: the notice record differs from the one the archived manifest holds`);
  });

  it('the example’s notice record is the one the lock and the manifest give', async () => {
    const sink = new Map<string, string>();
    const { site } = await loadSite(exampleContent, { mode: 'publish', buildDate, records: sink });
    const lock = parse(readFileSync(path.join(exampleContent, 'versions.lock.yaml'), 'utf8')).entries as LockEntry[];
    const entry = lock.find((candidate) => candidate.record === 'notice')!;
    for (const document of buildManifest(site!).documents) {
      const recorded = sha256(sink.get(recordKey('privacy', '2025-06-01', document.locale, 'notice'))!);
      expect(recorded, document.locale).toBe(entry.records[document.locale]);
      expect(document.versions[0]!.notice?.sha256).toBe(recorded);
    }
  });
});
