/**
 * Schema of `content/<document>/<YYYY-MM-DD>/variables.yaml` (and
 * `variables.<locale>.yaml` for a translation published later), written by
 * `npm run publish-version`: the value of every variable a published record
 * uses, per language, as it was on the day of publication. The build fills a
 * published version's `{{variables}}` from here, never from site.yaml, so a
 * change to site.yaml reaches drafts and future versions only.
 */
import { z } from 'zod';
import { localeCodeSchema } from './common.ts';
import { variableNameSchema } from './site.ts';

export const frozenValuesSchema = z.strictObject({
  $schema: z.string().optional(),
  values: z
    .record(localeCodeSchema, z.record(variableNameSchema, z.string()))
    .describe('Language → variable name → the value the published text used.'),
});

export type FrozenValues = z.output<typeof frozenValuesSchema>;

export const frozenValuesFileName = 'variables.yaml';

/** `variables.yaml`, or `variables.<locale>.yaml` for a translation published as an annex. */
export function frozenValuesFile(locale?: string): string {
  return locale ? `variables.${locale}.yaml` : frozenValuesFileName;
}
