/**
 * The inventory across versions: renewed consent suggested from inventory
 * changes (and kept off by a reason, never changed on a published version),
 * the inventory as its own published record (publish-version, record,
 * lock checks), and its translation fingerprints (translations:confirm).
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { loadSite } from '../../src/load/index.ts';
import { buildManifest } from '../../src/model/manifest.ts';
import { recordKey, sha256 } from '../../src/records/canonical.ts';
import { appendEntry } from '../../src/records/chain.ts';
import type { LockEntry } from '../../src/schema/versions-lock.ts';
import { projectRoot, userEnvironment } from '../helpers/build.ts';
import { fixturesDir, messagesOf, positionOf, replaceOnce, siteWith, type Change } from '../helpers/content.ts';

const site = path.join(fixturesDir, 'sites/inventory');
const first = 'notice/2024-01-10';
const second = 'notice/2024-06-01';
const buildDate = '2026-01-01';

/** The first version copied as a second one (a draft), with `changes` applied to the copy's files. */
function withSecondVersion(changes: Record<string, (text: string) => string> = {}, extra: Record<string, Change> = {}): Record<string, Change> {
  const files = readdirSync(path.join(site, first));
  const copy: Record<string, Change> = {};
  for (const name of files) {
    let text = readFileSync(path.join(site, first, name), 'utf8');
    if (name === 'version.yaml') text = text.replaceAll('2024-01-10', '2024-06-01').replace('effective: 2024-02-01', 'effective: 2024-06-15');
    copy[`${second}/${name}`] = changes[name] ? changes[name](text) : text;
  }
  return { ...copy, ...extra };
}

const newRecipient = (text: string) =>
  `${text.replace('recipients: [crash-sdk]', 'recipients: [crash-sdk, analytics]')}  - id: analytics\n    name: { en: Analytics partner, zh-CN: 分析合作方 }\n    operator: Analytics Ltd\n    contact: privacy@analytics.example\n    role: third-party\n    sharingMethod: { en: By API, zh-CN: 接口传输 }\n    deidentified: true\n    location: [CN]\n`;

function cli(script: string, ...args: string[]) {
  return spawnSync(process.execPath, [path.join(projectRoot, 'src/cli', script), ...args], { encoding: 'utf8', env: { ...userEnvironment(), NO_COLOR: '1' } });
}

describe('renewed consent suggested by inventory changes', () => {
  it('a new recipient makes an unpublished version material, and the build says why', async () => {
    const dir = siteWith(withSecondVersion({ 'inventory.yaml': newRecipient }), site);
    const loaded = await loadSite(dir, { mode: 'preview', drafts: true, buildDate });
    const newest = loaded.site!.documents[0]!.versions[0]!;
    expect([newest.id, newest.material]).toEqual(['2024-06-01', true]);
    expect(newest.inventoryChanges?.['en']?.filter((change) => change.material).map((change) => change.kind)).toEqual(['recipient-added']);
    const { messages } = await messagesOf(dir, 'preview');
    const warning = messages.filter((message) => message.ruleId === 'inventory-material');
    expect(warning).toHaveLength(1);
    expect(warning[0]).toMatchObject({ file: `${second}/version.yaml`, line: 1, fatal: false });
    expect(warning[0]!.reason).toContain('needs renewed consent (PIPL Art. 14 and 17), so it is built as `material: true`: its inventory changes adds recipient “Analytics partner”');
    expect(warning[0]!.note).toContain('materialOverride');
    expect(warning[0]!.cause).toMatchObject({ file: `${second}/inventory.yaml` });
  });

  it('a reason in version.yaml keeps it non-material, and the changes page can show the reason', async () => {
    const override = (text: string) => `${text}materialOverride:\n  reason:\n    en: The analytics partner receives de-identified data only.\n    zh-CN: 分析合作方仅获得去标识化数据。\n`;
    const dir = siteWith(withSecondVersion({ 'inventory.yaml': newRecipient, 'version.yaml': override }), site);
    const loaded = await loadSite(dir, { mode: 'preview', drafts: true, buildDate });
    const newest = loaded.site!.documents[0]!.versions[0]!;
    expect(newest.material).toBe(false);
    expect(newest.materialOverride).toEqual({ en: 'The analytics partner receives de-identified data only.', 'zh-CN': '分析合作方仅获得去标识化数据。' });
    expect(loaded.files.flatMap((file) => file.messages).filter((message) => message.ruleId === 'inventory-material')).toEqual([]);
  });

  it('a reason missing a language is an error naming it', async () => {
    const override = (text: string) => `${text}materialOverride:\n  reason:\n    en: Cosmetic.\n`;
    const dir = siteWith(withSecondVersion({ 'inventory.yaml': newRecipient, 'version.yaml': override }), site);
    const error = (await messagesOf(dir, 'preview')).messages.find((message) => message.ruleId === 'missing-translation')!;
    expect([error.file, error.line, error.fatal]).toEqual([`${second}/version.yaml`, positionOf(path.join(dir, `${second}/version.yaml`), 'en: Cosmetic.').line, true]);
    expect(error.reason).toContain('Missing `zh-CN:` under `materialOverride.reason`');
  });

  it('a change of retention alone needs no renewed consent', async () => {
    const dir = siteWith(withSecondVersion({ 'inventory.yaml': replaceOnce('period: P30D', 'period: P90D') }), site);
    const loaded = await loadSite(dir, { mode: 'preview', drafts: true, buildDate });
    const newest = loaded.site!.documents[0]!.versions[0]!;
    expect(newest.material).toBe(false);
    expect(newest.inventoryChanges?.['en']).toEqual([{ kind: 'retention', item: 'Device model', from: { period: 'P30D', afterExpiry: 'delete' }, to: { period: 'P90D', afterExpiry: 'delete' }, material: false }]);
  });

  it('a version marked material already gets no suggestion', async () => {
    const material = (text: string) => `${text}material: true\nsummary:\n  en: Adds an analytics partner.\n  zh-CN: 新增分析合作方。\n`;
    const dir = siteWith(withSecondVersion({ 'inventory.yaml': newRecipient, 'version.yaml': material }), site);
    expect((await messagesOf(dir, 'preview')).messages.filter((message) => message.ruleId === 'inventory-material')).toEqual([]);
  });
});

describe('the inventory is a published record of its own', () => {
  it('publish-version records the policy and its inventory as two entries; record prints the inventory record and its lock hash', async () => {
    const dir = siteWith({}, site);
    const run = cli('versions.ts', 'publish', 'notice', '2024-01-10', '--content', dir);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('its text, inventory');
    const lock = parse(readFileSync(path.join(dir, 'versions.lock.yaml'), 'utf8'));
    expect(lock.entries.map((entry: LockEntry) => [entry.record, Object.keys(entry.files)])).toEqual([
      ['policy', ['en.yaml', 'sdks.yaml', 'translations.yaml', 'variables.yaml', 'version.yaml', 'zh-CN.yaml']],
      ['inventory', ['inventory.yaml']],
    ]);
    const shown = cli('records.ts', 'show', 'notice', '2024-01-10', 'zh-CN', '--annex', 'inventory', '--content', dir);
    expect(shown.status, shown.stderr).toBe(0);
    expect(JSON.parse(shown.stdout)).toMatchObject({ format: 'legal-site-inventory/1', document: 'notice', version: '2024-01-10', locale: 'zh-CN' });
    expect(sha256(shown.stdout)).toBe(lock.entries[1].records['zh-CN']);

    const loaded = await loadSite(dir, { mode: 'publish', buildDate });
    expect(loaded.site, JSON.stringify(loaded.files.flatMap((file) => file.messages.map(String)))).toBeDefined();
    const version = buildManifest(loaded.site!).documents.find((entry) => entry.locale === 'zh-CN')!.versions[0]!;
    expect(version.inventory?.sha256).toBe(lock.entries[1].records['zh-CN']);
    expect(version.inventory?.lists.collection.url).toBe('https://notices.example.com/zh-CN/notice/2024-01-10/collection/');

    writeFileSync(path.join(dir, `${first}/inventory.yaml`), readFileSync(path.join(dir, `${first}/inventory.yaml`), 'utf8').replace('period: P30D', 'period: P90D'));
    const { messages } = await messagesOf(dir);
    const locked = messages.filter((message) => message.ruleId === 'version-locked');
    expect(locked.map((message) => [message.file, message.reason])).toEqual([[`${first}/inventory.yaml`, 'Unexpected change to published inventory of version `notice/2024-01-10`: inventory.yaml was changed after publication']]);
  });

  it('an inventory added to a published version is an unpublished annex until publish-version publishes it', async () => {
    const dir = siteWith({ [`${first}/inventory.yaml`]: null }, site);
    expect(cli('versions.ts', 'publish', 'notice', '2024-01-10', '--content', dir).status).toBe(0);
    writeFileSync(path.join(dir, `${first}/inventory.yaml`), readFileSync(path.join(site, `${first}/inventory.yaml`), 'utf8'));

    const before = await loadSite(dir, { mode: 'publish', buildDate });
    expect(before.site!.documents[0]!.versions[0]!.inventory).toBeUndefined();
    const annex = before.files.flatMap((file) => file.messages.map((message) => ({ file: path.relative(dir, file.path), message }))).filter(({ message }) => message.ruleId === 'unpublished-annex');
    expect(annex.map(({ file, message }) => [file, message.fatal, message.reason])).toEqual([[`${first}/inventory.yaml`, false, 'Unpublished inventory of published version `notice/2024-01-10`: its lists are left out of this build']]);
    const preview = await loadSite(dir, { mode: 'preview', drafts: true, buildDate });
    expect(Object.keys(preview.site!.documents[0]!.versions[0]!.inventory ?? {})).toEqual(['en', 'zh-CN']);

    const run = cli('versions.ts', 'publish', 'notice', '2024-01-10', '--content', dir);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('Published for notice/2024-01-10: inventory');
    const after = await loadSite(dir, { mode: 'publish', buildDate });
    expect(after.files.flatMap((file) => file.messages)).toEqual([]);
    expect(Object.keys(after.site!.documents[0]!.versions[0]!.inventory ?? {})).toEqual(['en', 'zh-CN']);
  });

  it('a published inventory whose record no longer has its hash (its lock entry forged to match the files) fails', async () => {
    const dir = siteWith({}, site);
    expect(cli('versions.ts', 'publish', 'notice', '2024-01-10', '--content', dir).status).toBe(0);
    const lockFile = path.join(dir, 'versions.lock.yaml');
    const entries = parse(readFileSync(lockFile, 'utf8')).entries as LockEntry[];
    let forged: LockEntry[] = [];
    for (const entry of entries) {
      const { hash: _hash, previous: _previous, ...rest } = entry;
      forged = [...forged, appendEntry(forged, entry.record === 'inventory' ? { ...rest, records: { ...rest.records, en: 'f'.repeat(64) } } : rest)];
    }
    writeFileSync(lockFile, stringify({ format: 2, entries: forged }));
    const { messages } = await messagesOf(dir);
    const changed = messages.filter((message) => message.ruleId === 'record-changed');
    expect(changed.map((message) => [message.file, message.reason])).toEqual([[`${first}/inventory.yaml`, 'Unexpected change to the published inventory of `notice/2024-01-10` in `en`: its canonical record no longer has the hash recorded in the lock']]);
    expect(changed[0]!.note).toContain('npm run record -- notice 2024-01-10 en --annex inventory');
  });

  it('a published version that would have needed renewed consent gets an informational warning, and keeps its flag', async () => {
    const dir = siteWith(withSecondVersion({ 'inventory.yaml': newRecipient }), site);
    expect(cli('versions.ts', 'publish', 'notice', '2024-01-10', '--content', dir).status).toBe(0);
    const confirmed = cli('translations.ts', 'confirm', 'zh-CN', '--all', '--version', '2024-06-01', '--content', dir);
    expect(confirmed.status, confirmed.stderr).toBe(0);
    const published = cli('versions.ts', 'publish', 'notice', '2024-06-01', '--content', dir);
    expect(published.status, published.stderr).toBe(0);
    const loaded = await loadSite(dir, { mode: 'publish', buildDate });
    expect(loaded.site!.documents[0]!.versions[0]!.material).toBe(false);
    const warnings = loaded.files.flatMap((file) => file.messages).filter((message) => message.ruleId === 'inventory-material');
    expect(warnings.map((message) => [message.fatal, message.reason])).toEqual([[false, expect.stringContaining('Published version `2024-06-01` is not marked `material`, although its inventory changes would need renewed consent: adds recipient “Analytics partner”')]]);
  });
});

describe('translations:confirm records the inventory', () => {
  it('a stale inventory entry is listed by status, and no longer stale once confirmed by its key', async () => {
    const dir = siteWith({ [`${first}/inventory.yaml`]: replaceOnce('name: { en: Device model, zh-CN: 设备型号 }', 'name: { en: Phone model, zh-CN: 手机型号 }') }, site);
    const stale = await loadSite(dir, { mode: 'preview', drafts: true, buildDate });
    expect(stale.site!.documents[0]!.versions[0]!.translations['zh-CN']!.stale).toEqual(['inventory:item:device-model']);
    const status = cli('translations.ts', 'status', '--content', dir);
    expect(status.stdout).toContain('inventory:item:device-model');
    const run = cli('translations.ts', 'confirm', 'zh-CN', 'inventory:item:device-model', '--content', dir);
    expect(run.status, run.stderr).toBe(0);
    expect(parse(readFileSync(path.join(dir, `${first}/translations.yaml`), 'utf8')).translations['zh-CN'].inventory['item:device-model']).toMatch(/^[0-9a-f]{12}$/);
    const confirmed = await loadSite(dir, { mode: 'preview', drafts: true, buildDate });
    expect(confirmed.site!.documents[0]!.versions[0]!.translations['zh-CN']!.stale).toEqual([]);
  });
});

describe('records:verify checks an archived manifest’s inventory hashes too', () => {
  it('names an inventory whose record differs', async () => {
    const dir = siteWith({}, site);
    expect(cli('versions.ts', 'publish', 'notice', '2024-01-10', '--content', dir).status).toBe(0);
    const loaded = await loadSite(dir, { mode: 'publish', buildDate });
    const manifest = buildManifest(loaded.site!);
    const file = path.join(dir, '..', 'policies.json');
    writeFileSync(file, JSON.stringify(manifest));
    expect(cli('records.ts', 'verify', file, '--content', dir).status).toBe(0);
    manifest.documents[0]!.versions[0]!.inventory!.sha256 = '0'.repeat(64);
    writeFileSync(file, JSON.stringify(manifest));
    const run = cli('records.ts', 'verify', file, '--content', dir);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('notice 2024-01-10 en: the inventory record differs from the one the archived manifest holds');
    expect(recordKey('notice', '2024-01-10', 'en', 'inventory')).toBe('notice/2024-01-10/en/inventory');
  });
});
