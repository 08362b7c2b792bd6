/**
 * Schema of `content/<document>/<YYYY-MM-DD>/translations.yaml`, written by
 * `npm run translations:confirm` and `npm run translations:import`: for each
 * translated language, the fingerprint of the source text each part was
 * translated from; and, once per fingerprint, that source text itself, so
 * that `npm run translations:status -- --diff` can show what changed since.
 */
import { z } from 'zod';
import { idSchema, localeCodeSchema } from './common.ts';

export const fingerprintSchema = z
  .string()
  .regex(/^[0-9a-f]{12}$/, { error: 'Expected a fingerprint of 12 hexadecimal digits, as written by `npm run translations:confirm`.' });

export const translationRecordSchema = z.strictObject({
  title: fingerprintSchema.optional().describe('Fingerprint of the source title.'),
  sections: z.record(idSchema, fingerprintSchema).default({}).describe('Section id → fingerprint of the source section title.'),
  clauses: z.record(idSchema, fingerprintSchema).default({}).describe('Clause id → fingerprint of the source clause (title and text).'),
  sdks: z.record(idSchema, fingerprintSchema).default({}).describe('SDK id → fingerprint of its source-language fields.'),
  inventory: z
    .record(z.string().regex(/^(?:note|(?:item|function|purpose|permission|row|recipient):[a-z][a-z0-9]*(?:-[a-z0-9]+)*)$/, { error: 'Expected an inventory entry such as `item:phone-number` or `row:registration`, as written by `npm run translations:confirm`.' }), fingerprintSchema)
    .default({})
    .describe('Inventory entry (`item:<id>`, `row:<id>` …) → fingerprint of its source-language words in inventory.yaml.'),
});

/** The source text a fingerprint was made from: a clause's title and text, or a section's or the document's title. */
export const confirmedSourceSchema = z.strictObject({
  title: z.string().optional().describe('The source title (of the document, a section or a clause).'),
  text: z.string().optional().describe('The source clause text (Markdown).'),
});

export const translationsLockSchema = z.strictObject({
  $schema: z.string().optional(),
  translations: z.record(localeCodeSchema, translationRecordSchema).default({}).describe('Language → what its translation was made from.'),
  sources: z
    .record(fingerprintSchema, confirmedSourceSchema)
    .optional()
    .describe('Fingerprint → the source text it was made from, for the fingerprints recorded above (records written before this was kept have none).'),
});

export type ConfirmedSource = z.output<typeof confirmedSourceSchema>;

export type TranslationRecord = z.output<typeof translationRecordSchema>;
export type TranslationsLock = z.output<typeof translationsLockSchema>;
