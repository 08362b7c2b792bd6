/** Writing content/versions.lock.yaml: only publish-version and records:migrate do. */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { stringify } from 'yaml';
import type { LockEntry } from '../schema/versions-lock.ts';
import { versionsLockFileName } from '../versions/lock.ts';

const header = [
  '# yaml-language-server: $schema=../schemas/versions-lock.schema.json',
  '# Written by `npm run publish-version`: every published record, oldest first. Append-only and',
  '# hash-chained (each entry carries the hash of the one before). The build refuses any change to a',
  '# recorded file and any edit here; docs/records.md explains. Do not edit by hand.',
  '',
].join('\n');

/** Writes the lock with its entries in a fixed key order. */
export async function writeLock(contentDir: string, entries: readonly LockEntry[]): Promise<string> {
  const file = path.join(contentDir, versionsLockFileName);
  const ordered = entries.map((entry) => ({
    document: entry.document,
    version: entry.version,
    record: entry.record,
    ...(entry.locale ? { locale: entry.locale } : {}),
    date: entry.date,
    files: entry.files,
    records: entry.records,
    ...(entry.legacySha256 ? { legacySha256: entry.legacySha256 } : {}),
    previous: entry.previous,
    hash: entry.hash,
  }));
  await writeFile(file, header + stringify({ format: 2, entries: ordered }, { lineWidth: 0, aliasDuplicateObjects: false }));
  return file;
}
