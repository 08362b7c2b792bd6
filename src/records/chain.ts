/**
 * The hash chain of content/versions.lock.yaml. Each entry's `hash` is the
 * sha256 of its canonical form (below), which includes the `hash` of the
 * entry before it as `previous`: changing, removing or reordering any entry
 * but the last breaks every hash after it. The head of the chain (the last
 * entry's hash) is published in /policies.json, so that an archived copy of
 * the manifest pins the whole history up to that day.
 *
 * Canonical form of an entry: the JSON array
 *   ["legal-site-lock/2", document, version, record, locale or null, date,
 *    files, records, legacySha256 or null, previous]
 * where `files`, `records` and `legacySha256` are objects with their keys
 * sorted, serialized by JSON.stringify without spaces.
 */
import { chainStart, type LockEntry } from '../schema/versions-lock.ts';
import { sha256 } from './canonical.ts';

export type UnhashedEntry = Omit<LockEntry, 'hash'>;

function sortedObject(record: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

export function entryHash(entry: UnhashedEntry): string {
  return sha256(
    JSON.stringify([
      'legal-site-lock/2',
      entry.document,
      entry.version,
      entry.record,
      entry.locale ?? null,
      entry.date,
      sortedObject(entry.files),
      sortedObject(entry.records),
      entry.legacySha256 ? sortedObject(entry.legacySha256) : null,
      entry.previous,
    ]),
  );
}

/** The hash a new entry must carry as `previous`. */
export function chainHead(entries: readonly LockEntry[]): string {
  return entries.at(-1)?.hash ?? chainStart;
}

/** A new entry, chained to `entries`, with its hash. */
export function appendEntry(entries: readonly LockEntry[], entry: Omit<UnhashedEntry, 'previous'>): LockEntry {
  const unhashed: UnhashedEntry = { ...entry, previous: chainHead(entries) };
  return { ...unhashed, hash: entryHash(unhashed) };
}

/** The record an entry stands for, as messages write it: "version `privacy/2022-09-15`", "translation `de` of version `privacy/2022-09-15`". */
export function entryName(entry: Pick<LockEntry, 'document' | 'version' | 'record' | 'locale'>): string {
  const version = `version \`${entry.document}/${entry.version}\``;
  if (entry.record === 'policy') return version;
  return `${entry.record}${entry.locale ? ` \`${entry.locale}\`` : ''} of ${version}`;
}
