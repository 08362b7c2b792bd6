/**
 * Schema of `content/versions.lock.yaml`, written by `npm run publish-version`:
 * the sha256 of every file of every published version. A published version
 * is a legal record; the build refuses any change to it.
 */
import { z } from 'zod';
import { idSchema, isoDateSchema } from './common.ts';

const sha256Schema = z.string().regex(/^[0-9a-f]{64}$/, { error: 'Expected a sha256 of 64 hexadecimal digits, as written by `npm run publish-version`.' });

export const versionsLockSchema = z.strictObject({
  $schema: z.string().optional(),
  documents: z
    .record(idSchema, z.record(isoDateSchema, z.record(z.string().regex(/^[A-Za-z0-9-]+\.yaml$/), sha256Schema)))
    .default({})
    .describe('Document → published version → file name → sha256 of its text.'),
});

export type VersionsLock = z.output<typeof versionsLockSchema>;
