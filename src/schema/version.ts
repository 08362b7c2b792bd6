/** Schema of `content/<document>/<YYYY-MM-DD>/version.yaml`: the dates of one version. */
import { z } from 'zod';
import { isoDateSchema } from './common.ts';

export const versionSchema = z.strictObject({
  $schema: z.string().optional().describe('Path of the JSON Schema that editors use to check this file.'),
  /** Publication date; must equal the version folder's name. */
  published: isoDateSchema.describe('Publication date, YYYY-MM-DD. Must equal the name of the version folder.'),
  /** Date the version takes effect. */
  effective: isoDateSchema.describe('Date the version takes effect, YYYY-MM-DD.'),
});

export type VersionMeta = z.output<typeof versionSchema>;
