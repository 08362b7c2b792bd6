/**
 * Published records (docs/records.md): a published version reads the same
 * forever, whatever site.yaml says later; the lock refuses every way of
 * changing or unpublishing one; and `records:verify` proves it against an
 * archived /policies.json, including one from before the records format.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { loadSite } from '../../src/load/index.ts';
import { buildManifest } from '../../src/model/manifest.ts';
import type { SiteModel } from '../../src/model/types.ts';
import { recordKey, sha256 } from '../../src/records/canonical.ts';
import { appendEntry } from '../../src/records/chain.ts';
import type { LockEntry } from '../../src/schema/versions-lock.ts';
import { hashText } from '../../src/versions/lock.ts';
import { projectRoot, userEnvironment } from '../helpers/build.ts';
import { exampleContent, fixturesDir, messagesOf, positionOf, replaceOnce, siteWith, tempDir, type Reported } from '../helpers/content.ts';

const recordsSite = path.join(fixturesDir, 'sites/records');
const buildDate = '2026-01-01';
const published = ['2024-01-10', '2024-06-01'];

function records(...args: string[]) {
  return spawnSync(process.execPath, [path.join(projectRoot, 'src/cli/records.ts'), ...args], { encoding: 'utf8', env: { ...userEnvironment(), NO_COLOR: '1' } });
}

async function model(dir: string): Promise<SiteModel> {
  const result = await loadSite(dir, { mode: 'preview', drafts: true, buildDate });
  expect(result.site, result.files.flatMap((file) => file.messages.map(String)).join('\n')).toBeDefined();
  return result.site!;
}

function only(messages: Reported[], ruleId: string): Reported {
  const found = messages.filter((message) => message.ruleId === ruleId);
  expect(found, JSON.stringify(messages, null, 2)).toHaveLength(1);
  return found[0]!;
}

/** A site.yaml with one variable's value changed in every language. */
function changeVariable(name: string, value: string) {
  return (text: string) => {
    const site = parse(text);
    const old = site.variables[name];
    site.variables[name] = typeof old === 'string' ? value : Object.fromEntries(Object.keys(old).map((locale) => [locale, `${value} (${locale})`]));
    return stringify(site);
  };
}

describe('a published version reads the same forever', () => {
  it.each([
    ['the company name', 'company'],
    ['the contact e-mail', 'contactEmail'],
    ['a variable used only in a clause title', 'rightsTitle'],
    ['a variable used in an SDK field', 'crashVendor'],
  ])('changing %s in site.yaml changes the draft only', async (_, name) => {
    const before = await model(recordsSite);
    const after = await model(siteWith({ 'site.yaml': changeVariable(name, 'Changed Value') }, recordsSite));
    const versionsOf = (site: SiteModel) => site.documents[0]!.versions;
    for (const id of published) {
      const old = versionsOf(before).find((version) => version.id === id)!;
      const now = versionsOf(after).find((version) => version.id === id)!;
      expect(JSON.stringify(now.texts), id).toBe(JSON.stringify(old.texts));
      expect(JSON.stringify(now.changes ?? null), id).toBe(JSON.stringify(old.changes ?? null));
      expect(now.sha256, id).toEqual(old.sha256);
    }
    const draftBefore = versionsOf(before).find((version) => version.id === '2024-09-01')!;
    const draftAfter = versionsOf(after).find((version) => version.id === '2024-09-01')!;
    for (const locale of ['en', 'zh-CN']) {
      expect(JSON.stringify(draftAfter.texts[locale])).not.toBe(JSON.stringify(draftBefore.texts[locale]));
      expect(JSON.stringify(draftAfter.texts[locale])).toContain('Changed Value');
    }
    expect(buildManifest(after).documents.flatMap((document) => document.versions.map((version) => version.sha256))).toEqual(
      buildManifest(before).documents.flatMap((document) => document.versions.map((version) => version.sha256)),
    );
  });

  it('record prints the canonical record and the hash the manifest gives, for every version and language of the example', async () => {
    const sink = new Map<string, string>();
    const loaded = await loadSite(exampleContent, { mode: 'publish', buildDate, records: sink });
    const manifest = buildManifest(loaded.site!);
    const pairs = manifest.documents.flatMap((document) => document.versions.map((version) => ({ key: recordKey(document.document, version.version, document.locale), sha256: version.sha256 })));
    expect(pairs.length).toBe(4);
    for (const { key, sha256: published } of pairs) expect(sha256(sink.get(key)!), key).toBe(published);

    const run = records('show', 'privacy', '2022-09-15', 'zh-CN', '--content', exampleContent);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toBe(sink.get(recordKey('privacy', '2022-09-15', 'zh-CN')));
    const expected = manifest.documents.find((document) => document.locale === 'zh-CN')!.versions.find((version) => version.version === '2022-09-15')!.sha256;
    expect(sha256(run.stdout)).toBe(expected);
    expect(run.stderr).toContain(`sha256 ${expected}`);
    expect(JSON.parse(run.stdout)).toMatchObject({ format: 'legal-site-record/1', document: 'privacy', version: '2022-09-15', locale: 'zh-CN', published: '2022-09-15', effective: '2022-06-15' });
  });

  it('the interface words are not part of the record: the manifest hash of the example is its canonical record', async () => {
    const sink = new Map<string, string>();
    await loadSite(exampleContent, { mode: 'publish', buildDate, records: sink });
    const record = JSON.parse(sink.get(recordKey('privacy', '2025-06-01', 'en'))!);
    expect(Object.keys(record)).toEqual(['format', 'document', 'version', 'locale', 'published', 'effective', 'title', 'sections', 'sdks']);
    expect(JSON.stringify(record)).not.toContain('<');
    expect(record.title).toBe('Kaiyang Motors User Privacy Policy');
  });
});

describe('the lock refuses, naming the place', () => {
  const lock = 'versions.lock.yaml';

  it('a lock entry edited by hand (a reworded file with its hash updated)', async () => {
    const dir = siteWith({ 'notice/2024-01-10/en.yaml': replaceOnce('to sign you in', 'to sign you in and for marketing') }, recordsSite);
    const newHash = hashText(readFileSync(path.join(dir, 'notice/2024-01-10/en.yaml'), 'utf8'));
    const oldHash = hashText(readFileSync(path.join(recordsSite, 'notice/2024-01-10/en.yaml'), 'utf8'));
    writeFileSync(path.join(dir, lock), readFileSync(path.join(dir, lock), 'utf8').replace(oldHash, newHash));
    const { messages, ok } = await messagesOf(dir);
    expect(ok).toBe(false);
    const chain = messages.filter((message) => message.ruleId === 'lock-chain');
    expect(chain.map((message) => message.reason)).toEqual([expect.stringContaining('its `hash` does not match what it records')]);
    expect(chain[0]!.file).toBe(lock);
    expect(chain[0]!.line).toBe(positionOf(path.join(dir, lock), 'hash: ').line);
    expect(only(messages, 'record-changed').file).toBe('notice/2024-01-10/en.yaml');
  });

  it('a removed lock entry breaks the chain at the next one', async () => {
    const dir = siteWith({}, recordsSite);
    const file = path.join(dir, lock);
    const data = parse(readFileSync(file, 'utf8'));
    data.entries.shift();
    writeFileSync(file, stringify(data));
    const { messages } = await messagesOf(dir);
    const error = only(messages, 'lock-chain');
    expect(error.reason).toContain('`previous`');
    expect(error.line).toBe(positionOf(file, 'previous: ').line);
  });

  it('a deleted lock file while versions are published', async () => {
    const dir = siteWith({ [lock]: null }, recordsSite);
    const { messages, ok } = await messagesOf(dir);
    expect(ok).toBe(false);
    const missing = messages.filter((message) => message.ruleId === 'lock-missing');
    const lockPath = path.relative(process.cwd(), path.join(dir, lock));
    expect(missing.map((message) => [message.file, message.line, message.column])).toEqual(published.map((id) => [`notice/${id}/version.yaml`, 1, 1]));
    // The real content folder is named, as given with --content.
    expect(missing[0]!.reason).toContain(`Missing ${lockPath}`);
    expect(missing[0]!.note).toContain(`git checkout -- ${lockPath}`);
  });

  it('`draft: true` on a version that was published', async () => {
    const dir = siteWith({ 'notice/2024-06-01/version.yaml': (text) => `${text}draft: true\n` }, recordsSite);
    const { messages } = await messagesOf(dir);
    const error = messages.find((message) => message.ruleId === 'version-locked' && message.reason.includes('draft: true'))!;
    expect(error.reason).toContain('a version that was published cannot become a draft again');
    expect([error.file, error.line]).toEqual(['notice/2024-06-01/version.yaml', positionOf(path.join(dir, 'notice/2024-06-01/version.yaml'), 'draft: true').line]);
    expect(error.cause).toMatchObject({ file: lock });
  });

  it('a new version dated on or before the newest published one', async () => {
    for (const date of ['2024-03-01', '2024-06-01']) {
      const folder = date === '2024-06-01' ? '2024-09-01' : date;
      const dir = siteWith({ [`notice/${folder}/version.yaml`]: `published: ${date}\neffective: ${date}\ndraft: true\n`, ...(folder !== '2024-09-01' ? { [`notice/${folder}/en.yaml`]: readFileSync(path.join(recordsSite, 'notice/2024-09-01/en.yaml'), 'utf8'), [`notice/${folder}/zh-CN.yaml`]: readFileSync(path.join(recordsSite, 'notice/2024-09-01/zh-CN.yaml'), 'utf8') } : {}) }, recordsSite);
      if (folder === '2024-09-01') continue;
      const { messages } = await messagesOf(dir);
      const error = only(messages, 'version-order');
      expect(error.reason).toContain('dated on or before `notice/2024-06-01`');
      expect([error.file, error.line]).toEqual([`notice/${folder}/version.yaml`, 1]);
    }
  });

  it('a lock in the first format asks for the one-time migration', async () => {
    const dir = siteWith({ [lock]: 'documents:\n  notice:\n    2024-01-10:\n      en.yaml: ' + 'a'.repeat(64) + '\n' }, recordsSite);
    const error = only((await messagesOf(dir)).messages, 'lock-format');
    expect(error.note).toContain('npm run records:migrate');
  });
});

describe('records:verify against an archived manifest', () => {
  async function archive(dir: string): Promise<string> {
    const loaded = await loadSite(dir, { mode: 'publish', buildDate });
    expect(loaded.site).toBeDefined();
    const file = path.join(tempDir(), 'policies.json');
    writeFileSync(file, JSON.stringify(buildManifest(loaded.site!)));
    return file;
  }

  it('passes on unchanged content, and fails on a reworded clause whose lock was forged to match', async () => {
    const dir = siteWith({}, recordsSite);
    const manifest = await archive(dir);
    const clean = records('verify', manifest, '--content', dir);
    expect(clean.status, clean.stderr).toBe(0);
    expect(clean.stdout).toContain('All 4 records');

    // A forger rewords a published clause and rewrites the whole lock to match: files, records, chain.
    // (The translation, so that no fingerprint of the source changes and the build has nothing to say.)
    writeFileSync(path.join(dir, 'notice/2024-01-10/zh-CN.yaml'), readFileSync(path.join(dir, 'notice/2024-01-10/zh-CN.yaml'), 'utf8').replace('用于登录', '用于登录和营销'));
    const sink = new Map<string, string>();
    await loadSite(dir, { mode: 'publish', buildDate, records: sink });
    const lockFile = path.join(dir, 'versions.lock.yaml');
    const old = parse(readFileSync(lockFile, 'utf8')).entries as LockEntry[];
    let forged: LockEntry[] = [];
    for (const entry of old) {
      const files = Object.fromEntries(Object.keys(entry.files).map((name) => [name, hashText(readFileSync(path.join(dir, 'notice', entry.version, name), 'utf8'))]));
      const recordHashes = Object.fromEntries(Object.keys(entry.records).map((locale) => [locale, sha256(sink.get(recordKey('notice', entry.version, locale))!)]));
      const { hash: _hash, previous: _previous, ...rest } = entry;
      forged = [...forged, appendEntry(forged, { ...rest, files, records: recordHashes })];
    }
    writeFileSync(lockFile, stringify({ format: 2, entries: forged }));
    expect((await messagesOf(dir)).ok, 'the forgery passes the build').toBe(true);

    const caught = records('verify', manifest, '--content', dir);
    expect(caught.status).toBe(1);
    expect(caught.stderr).toContain('notice 2024-01-10 zh-CN: the record differs');
    expect(caught.stderr).not.toContain('notice 2024-01-10 en:');
    expect(caught.stderr).toContain("The lock's history was rewritten");
  });

  it('names a version that disappeared', async () => {
    const dir = siteWith({}, recordsSite);
    const manifest = await archive(dir);
    const data = JSON.parse(readFileSync(manifest, 'utf8'));
    data.documents[0].versions.push({ ...data.documents[0].versions[0], version: '2023-01-01' });
    writeFileSync(manifest, JSON.stringify(data));
    const run = records('verify', manifest, '--content', dir);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`notice 2023-01-01 ${data.documents[0].locale}: the record has disappeared`);
  });

  it('accepts the example manifest from before the records format (schemaVersion 1)', () => {
    const legacy = path.join(fixturesDir, 'records/example-policies-schema1.json');
    expect(JSON.parse(readFileSync(legacy, 'utf8')).schemaVersion).toBe(1);
    const run = records('verify', legacy, '--content', exampleContent);
    expect(run.status, run.stderr).toBe(0);

    const tampered = path.join(tempDir(), 'policies.json');
    writeFileSync(tampered, readFileSync(legacy, 'utf8').replace('621d1cf3293541f66c90838d9fd166b86a9296850190104865c305287548bf59', 'f'.repeat(64)));
    const bad = records('verify', tampered, '--content', exampleContent);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('privacy 2022-09-15 en: the record differs');
  });
});

describe('records:migrate', () => {
  it('moves a first-format lock to the records format once, keeping the hash manifests gave before', async () => {
    const source = path.join(fixturesDir, 'sites/versions');
    const dir = siteWith({ 'versions.lock.yaml': null, 'notice/2024-01-10/variables.yaml': null, 'notice/2024-06-01/variables.yaml': null }, source);
    const legacy: Record<string, Record<string, string>> = {};
    for (const id of ['2024-01-10', '2024-06-01']) {
      legacy[id] = Object.fromEntries(['en.yaml', 'sdks.yaml', 'version.yaml'].map((name) => [name, hashText(readFileSync(path.join(dir, 'notice', id, name), 'utf8'))]));
    }
    writeFileSync(path.join(dir, 'versions.lock.yaml'), stringify({ documents: { notice: legacy } }));
    const before = await loadSite(dir, { mode: 'preview', drafts: true, buildDate });
    const oldHashes = Object.fromEntries(['2024-01-10', '2024-06-01'].map((id) => [id, sha256(JSON.stringify(before.unchecked!.documents[0]!.versions.find((version) => version.id === id)!.texts['en']))]));

    const run = records('migrate', '--content', dir);
    expect(run.status, run.stderr).toBe(0);
    const lock = parse(readFileSync(path.join(dir, 'versions.lock.yaml'), 'utf8'));
    expect(lock.format).toBe(2);
    expect(lock.entries.map((entry: LockEntry) => [entry.version, entry.legacySha256?.['en']])).toEqual([['2024-01-10', oldHashes['2024-01-10']], ['2024-06-01', oldHashes['2024-06-01']]]);
    expect(parse(readFileSync(path.join(dir, 'notice/2024-01-10/variables.yaml'), 'utf8')).values.en).toEqual({ app: 'Example App', company: 'Example Ltd' });

    const after = await loadSite(dir, { mode: 'publish', buildDate });
    expect(after.site).toBeDefined();
    const manifest = buildManifest(after.site!);
    expect(manifest.documents[0]!.versions.map((version) => version.legacySha256)).toEqual([oldHashes['2024-06-01'], oldHashes['2024-01-10']]);
    expect(records('migrate', '--content', dir).stderr).toContain('already in the records format');
  });
});
