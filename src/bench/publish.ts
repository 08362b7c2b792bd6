/**
 * Publishes a synthetic benchmark site in one pass: every version (and each
 * of its annexes: data inventory, first-launch notice) gets its lock entry, as `npm run publish-version`
 * would write them one by one, so that the benchmark builds a site of
 * published versions. One load of the content computes every canonical
 * record; running publish-version per version would load the site once per
 * version (minutes at the largest size). Every version uses site.yaml's
 * values, frozen beside it in variables.yaml by the generator, so the
 * records are the same with or without the lock.
 */
import { loadSite } from '../load/index.ts';
import { recordKey, sha256 } from '../records/canonical.ts';
import { appendEntry } from '../records/chain.ts';
import { annexFileNames, filesOfRecord, type FileRecord } from '../records/kinds.ts';
import { writeLock } from '../records/lock-file.ts';
import type { LockEntry, RecordKind } from '../schema/versions-lock.ts';
import { fileHashes } from '../versions/lock.ts';

export async function publishSyntheticSite(dir: string, locales: readonly string[]): Promise<void> {
  const records = new Map<string, string>();
  const { parsed } = await loadSite(dir, { mode: 'preview', drafts: true, buildDate: '2026-01-01', records });
  const policyLocales = new Set(locales);
  let entries: LockEntry[] = [];
  for (const document of parsed.tree.documents) {
    for (const version of document.versions) {
      const annexes = Object.entries(annexFileNames).filter(([, name]) => version.yamlFiles.includes(name!));
      const kinds: FileRecord[] = [{ record: 'policy' }, ...annexes.map(([record]) => ({ record: record as RecordKind }))];
      for (const kind of kinds) {
        const annex = kind.record === 'policy' ? undefined : kind.record;
        const hashes = Object.fromEntries(locales.map((locale) => [locale, sha256(records.get(recordKey(document.slug, version.id, locale, annex))!)]));
        const files = fileHashes(version, filesOfRecord(kind, version.yamlFiles, policyLocales));
        entries = [...entries, appendEntry(entries, { document: document.slug, version: version.id, record: kind.record, date: version.id, files, records: hashes })];
      }
    }
  }
  await writeLock(dir, entries);
}
