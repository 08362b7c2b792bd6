/** Schema of `content/<document>/<YYYY-MM-DD>/sdks.yaml`: the third-party SDK directory. */
import { z } from 'zod';
import { httpUrlSchema, idSchema, localized, maybeLocalizedTextSchema, textSchema } from './common.ts';

export const sdkSchema = z.strictObject({
  id: idSchema.describe('Stable id of the SDK, such as `wechat-sdk`. Clauses name SDKs by this id.'),
  /** Product name, the same in every language unless given per language. */
  name: maybeLocalizedTextSchema.describe('Name of the SDK, such as `WeChat SDK`.'),
  /** Company that provides the SDK. */
  provider: maybeLocalizedTextSchema.describe('Company that provides the SDK.'),
  /** Why the app embeds it, per language. */
  purpose: localized(textSchema).describe('Why the app embeds the SDK, per language.'),
  /** Personal information the SDK processes, a list per language. */
  personalInformation: localized(z.array(textSchema).min(1))
    .describe('Personal information the SDK processes: a list per language.'),
  /** The provider's privacy policy (http or https only). */
  privacyPolicy: httpUrlSchema.describe("Address of the provider's privacy policy (https:// or http://)."),
});

export const sdkDirectorySchema = z.strictObject({
  $schema: z.string().optional().describe('Path of the JSON Schema that editors use to check this file.'),
  sdks: z.array(sdkSchema).describe('The third-party SDKs embedded in the app.'),
});

export type SdkInput = z.output<typeof sdkSchema>;
export type SdkDirectoryInput = z.output<typeof sdkDirectorySchema>;
