/**
 * Schema of `content/versions.lock.yaml`, written by `npm run publish-version`:
 * an append-only, hash-chained list of published records. Each entry names a
 * record (a version's policy text, or an annex added to a published version
 * later), the sha256 of every file it consists of, the sha256 of its
 * canonical record in each language (what /policies.json publishes and
 * `npm run record` prints), the hash of the entry before it, and its own
 * hash. The build refuses any change to a recorded file and any break in
 * the chain; docs/records.md explains what this guarantees.
 */
import { z } from 'zod';
import { idSchema, isoDateSchema, localeCodeSchema } from './common.ts';

export const sha256Schema = z.string().regex(/^[0-9a-f]{64}$/, { error: 'Expected a sha256 of 64 hexadecimal digits, as written by `npm run publish-version`.' });

/** What a lock entry records: the policy text of a version, or an annex published after it. */
export const recordKinds = ['policy', 'translation', 'inventory', 'notice'] as const;
export type RecordKind = (typeof recordKinds)[number];

/** The `previous` of the first entry. */
export const chainStart = '0'.repeat(64);

export const lockEntrySchema = z.strictObject({
  document: idSchema.describe('The document, such as `privacy`.'),
  version: isoDateSchema.describe('The version: its publication date.'),
  record: z.enum(recordKinds).describe('`policy`: the version itself; `translation`, `inventory`, `notice`: an annex published later.'),
  locale: localeCodeSchema.optional().describe('For a `translation` annex: its language.'),
  date: isoDateSchema.describe('The day the entry was written.'),
  files: z.record(z.string().regex(/^[A-Za-z0-9.-]+\.yaml$/), sha256Schema).describe('File name → sha256 of its text (blind to a byte order mark and Windows line endings).'),
  records: z.record(localeCodeSchema, sha256Schema).describe('Language → sha256 of the canonical record (see docs/records.md).'),
  legacySha256: z
    .record(localeCodeSchema, sha256Schema)
    .optional()
    .describe('Entries migrated from the first lock format: the `sha256` /policies.json gave before schemaVersion 2 (consent logs may hold it).'),
  previous: sha256Schema.describe('The `hash` of the entry before this one (64 zeros for the first).'),
  hash: sha256Schema.describe('sha256 of this entry (see docs/records.md), which the next entry repeats as its `previous`.'),
});

export const versionsLockSchema = z.strictObject({
  $schema: z.string().optional(),
  format: z.literal(2).describe('Version of this file’s format.'),
  entries: z.array(lockEntrySchema).describe('Published records, oldest first. Append-only.'),
});

export type LockEntry = z.output<typeof lockEntrySchema>;
export type VersionsLock = z.output<typeof versionsLockSchema>;

/** The first lock format (before records and the chain), read only by `npm run records:migrate`. */
export const legacyVersionsLockSchema = z.strictObject({
  $schema: z.string().optional(),
  documents: z.record(idSchema, z.record(isoDateSchema, z.record(z.string().regex(/^[A-Za-z0-9-]+\.yaml$/), sha256Schema))).default({}),
});

export type LegacyVersionsLock = z.output<typeof legacyVersionsLockSchema>;
