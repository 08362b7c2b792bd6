/**
 * `npm run records:migrate`: converts content/versions.lock.yaml from the
 * first format (file hashes per version) to the hash-chained records format,
 * once. For each published version it checks the files against the old
 * lock, freezes the variable values the version uses as site.yaml has them
 * now (variables.yaml: the values its published pages were built with), and
 * writes a lock entry holding its file hashes, the hash of its canonical
 * record in each language, and the hash that /policies.json gave before
 * (`legacySha256`), which consent logs may hold.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { loadSite } from '../load/index.ts';
import { readContentTree } from '../load/read.ts';
import { formatReport } from '../messages/report.ts';
import { siteContext } from '../model/context.ts';
import { legacyVersionsLockSchema, type LockEntry } from '../schema/versions-lock.ts';
import { fileHashes, hashText, versionsLockFileName } from '../versions/lock.ts';
import { recordKey, sha256 } from './canonical.ts';
import { appendEntry } from './chain.ts';
import { pickValues, usedVariables, writeFrozenValues } from './frozen.ts';
import { frozenValuesFileName } from '../schema/frozen-values.ts';
import { writeLock } from './lock-file.ts';

export interface MigrateOutcome {
  ok: boolean;
  text: string;
}

export async function migrate(contentDir: string, date: string): Promise<MigrateOutcome> {
  const lockFile = path.join(contentDir, versionsLockFileName);
  let raw: unknown;
  try {
    raw = parse(await readFile(lockFile, 'utf8'));
  } catch {
    return { ok: false, text: `Nothing to migrate: ${path.relative(process.cwd(), lockFile)} is missing or is not YAML.` };
  }
  if (raw && typeof raw === 'object' && 'format' in raw) return { ok: false, text: `Nothing to migrate: ${path.relative(process.cwd(), lockFile)} is already in the records format.` };
  const legacy = legacyVersionsLockSchema.safeParse(raw);
  if (!legacy.success) return { ok: false, text: `Cannot migrate: ${path.relative(process.cwd(), lockFile)} is not a lock in the first format (${legacy.error.issues[0]?.message}).` };

  const tree = await readContentTree(contentDir);
  const published = Object.entries(legacy.data.documents).flatMap(([slug, versions]) => Object.entries(versions).map(([id, files]) => ({ slug, id, files })));
  const problems: string[] = [];
  for (const { slug, id, files } of published) {
    const folder = tree.documents.find((document) => document.slug === slug)?.versions.find((version) => version.id === id);
    if (!folder) {
      problems.push(`${slug}/${id}: the folder is missing`);
      continue;
    }
    for (const [name, expected] of Object.entries(files)) {
      const file = folder.byName.get(name);
      if (!file || hashText(String(file.value)) !== expected) problems.push(`${slug}/${id}: ${name} differs from the lock`);
    }
    if (folder.byName.has(frozenValuesFileName)) problems.push(`${slug}/${id}: ${frozenValuesFileName} already exists`);
  }
  if (problems.length > 0) return { ok: false, text: `Cannot migrate: the published versions no longer match the lock. Restore them first:\n  ${problems.join('\n  ')}` };

  // The content as its published pages were built: every version with site.yaml's values.
  const records = new Map<string, string>();
  const before = await loadSite(contentDir, { mode: 'preview', drafts: true, buildDate: date, records });
  const model = before.unchecked;
  const site = before.parsed.content?.site;
  if (!model || !site) return { ok: false, text: `Cannot migrate: the content has errors.\n${formatReport(before.files)}` };
  const context = siteContext(site, { mode: 'publish', buildDate: date, drafts: false });

  let entries: LockEntry[] = [];
  for (const { slug, id, files } of published.sort((a, b) => (a.id === b.id ? (a.slug < b.slug ? -1 : 1) : a.id < b.id ? -1 : 1))) {
    const folder = tree.documents.find((document) => document.slug === slug)!.versions.find((version) => version.id === id)!;
    const version = model.documents.find((document) => document.slug === slug)?.versions.find((candidate) => candidate.id === id);
    if (!version) return { ok: false, text: `Cannot migrate: ${slug}/${id} could not be built.\n${formatReport(before.files)}` };
    const locales = context.locales.filter((locale) => version.texts[locale]);
    await writeFrozenValues(folder.dir, pickValues(context.siteValues, locales, usedVariables(folder.byName.values())));
    const legacySha256 = Object.fromEntries(locales.map((locale) => [locale, sha256(JSON.stringify(version.texts[locale]))]));
    const recordHashes = Object.fromEntries(locales.map((locale) => [locale, sha256(records.get(recordKey(slug, id, locale))!)]));
    const fresh = (await readContentTree(contentDir)).documents.find((document) => document.slug === slug)!.versions.find((candidate) => candidate.id === id)!;
    entries = [...entries, appendEntry(entries, { document: slug, version: id, record: 'policy', date, files: fileHashes(fresh, [...Object.keys(files), frozenValuesFileName]), records: recordHashes, legacySha256 })];
  }
  await writeLock(contentDir, entries);

  const after = await loadSite(contentDir, { mode: 'publish', buildDate: date });
  if (!after.site) return { ok: false, text: `Migrated ${entries.length} versions, but the content now reports errors:\n${formatReport(after.files)}` };
  return { ok: true, text: `Migrated ${path.relative(process.cwd(), lockFile)} to the records format: ${entries.length} published versions, each with its frozen variable values (${frozenValuesFileName}) and the hash /policies.json gave before (legacySha256).` };
}
