/** Schema of `content/<document>/<YYYY-MM-DD>/version.yaml`: the dates and status of one version. */
import { z } from 'zod';
import { isoDateSchema, localeCodeSchema, textSchema } from './common.ts';

export const versionSchema = z
  .strictObject({
    $schema: z.string().optional().describe('Path of the JSON Schema that editors use to check this file.'),
    /** Publication date; must equal the version folder's name. */
    published: isoDateSchema.describe('Publication date, YYYY-MM-DD. Must equal the name of the version folder.'),
    /** Date the version takes effect. */
    effective: isoDateSchema.describe('Date the version takes effect, YYYY-MM-DD.'),
    /** The change needs the user's consent again. */
    material: z.boolean().default(false).describe('`true` when the change needs the user’s renewed consent (apps ask again). Requires a `summary`.'),
    /** What changed, per language. Required when `material` is true. */
    summary: z.record(localeCodeSchema, textSchema).optional().describe('What changed since the previous version, one text per language. Required when `material: true`.'),
    /** The author's decision that the inventory changes of this version need no renewed consent, and why. */
    materialOverride: z
      .strictObject({
        reason: z.record(localeCodeSchema, textSchema).describe('Why the changes to the data inventory do not need the user’s renewed consent, one text per language. Shown on the changes page.'),
      })
      .optional()
      .describe('Keeps the version non-material although its data inventory changes a purpose, method, data type, recipient or permission (the build would otherwise mark it `material`, PIPL Art. 14 and 17). Needs a reason.'),
    /** A draft is previewed by `npm run dev` but never published. */
    draft: z.boolean().default(false).describe('`true` while the version is being prepared: shown by `npm run dev`, never published.'),
  })
  .superRefine((version, ctx) => {
    if (version.material && !version.summary) {
      ctx.addIssue({ code: 'custom', path: ['material'], message: 'A material change needs a `summary:` of what changed, in every language' });
    }
  });

export type VersionMeta = z.output<typeof versionSchema>;
