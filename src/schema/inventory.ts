/**
 * Schema of `content/<document>/<YYYY-MM-DD>/inventory.yaml`: the data
 * inventory of a version, from which the collection list, the sharing list
 * and the permission list are generated (docs/inventory.md). It is an annex
 * of the version: a record of its own, published beside the policy text.
 *
 * What the law asks of a list but a team may not know yet while drafting
 * (a retention period, an SDK's package and version, the necessity and
 * impact of sensitive information, a row's purpose, method and data) is
 * optional here and checked by the build (src/model/inventory-checks.ts),
 * whose messages name the rule behind it.
 */
import { z } from 'zod';
import { collectionMethods, categoryIds, expiryActions, functionKinds, legalBases, necessities, purposeCategoryIds, recipientRoles, sensitiveClasses } from '../inventory/taxonomy.ts';
import { httpUrlSchema, idSchema, localized, maybeLocalizedTextSchema, textSchema } from './common.ts';

const text = localized(textSchema);

const regionNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });

/** A country or region, as an ISO 3166-1 alpha-2 code (`CN`, `DE`); pages show its name in each language. */
export const regionSchema = z
  .string()
  .regex(/^[A-Z]{2}$/, { error: 'Expected a country or region code of two capital letters (ISO 3166-1), such as `CN`.' })
  .refine((code) => regionNames.of(code) !== undefined, { error: 'Unknown country or region code; expected an ISO 3166-1 code such as `CN` or `SG`.' })
  .describe('Country or region, ISO 3166-1 alpha-2, such as `CN`.');

/** ISO 8601 durations of whole units: `P30D`, `P6M`, `P3Y`, `P1Y6M`, `PT5M`. */
export const durationPattern = /^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+S)?)?$/;

export const durationSchema = z
  .string()
  .regex(durationPattern, { error: 'Expected a duration in ISO 8601 form, such as `P30D` (30 days), `P6M` (6 months), `P3Y` (3 years) or `PT5M` (5 minutes).' })
  .describe('A duration in ISO 8601 form: `P30D`, `P6M`, `P3Y`, `P1Y6M`, `PT5M`.');

export const retentionSchema = z
  .strictObject({
    period: durationSchema.optional().describe('How long it is kept, as a duration: `P30D`, `P3Y`.'),
    rule: text.optional().describe('How the retention period is decided, per language, when it is not a fixed duration (“until you delete your account”).'),
    afterExpiry: z.enum(expiryActions).optional().describe('What happens when the period ends: `delete` or `anonymize`.'),
  })
  .superRefine((retention, ctx) => {
    if ((retention.period === undefined) === (retention.rule === undefined)) {
      ctx.addIssue({ code: 'custom', path: [], message: 'Expected exactly one of `period:` (a duration such as `P3Y`) or `rule:` (how the period is decided, per language)' });
    }
  })
  .describe('How long the item is kept (CAC 2026 draft item (四), PIPL Art. 17).');

export const sensitiveSchema = z
  .strictObject({
    class: z.enum(sensitiveClasses).describe('The class of sensitive personal information (PIPL Art. 28, GB/T 45574-2025).'),
    necessity: text.optional().describe('Why processing it is necessary, per language (PIPL Art. 30).'),
    impact: text.optional().describe('Its impact on the user’s rights and interests, per language (PIPL Art. 30).'),
  })
  .describe('Set when the item is sensitive personal information; leave out otherwise.');

export const dataItemSchema = z.strictObject({
  id: idSchema.describe('Stable id of the item, such as `phone-number`. Processing rows name items by it.'),
  name: text.describe('Name of the item per language, in the words the policy text uses (`手机号码`).'),
  category: z.enum(categoryIds).describe('Its category in the shipped taxonomy (src/inventory/taxonomy.json), such as `contact.phone`.'),
  sensitive: sensitiveSchema.optional(),
  retention: retentionSchema.optional(),
  storage: z.array(regionSchema).min(1).optional().describe('Where it is stored; defaults to the inventory’s `storage:`.'),
});

export const functionSchema = z.strictObject({
  id: idSchema.describe('Stable id of the function, such as `registration`.'),
  name: text.describe('Name of the business function per language.'),
  kind: z.enum(functionKinds).describe('`basic`: the app’s basic business function; `extended`: a function the user may decline without losing the basic ones.'),
  clause: idSchema.optional().describe('Id of the clause of the policy text that describes the function; the lists link to it.'),
});

export const purposeSchema = z.strictObject({
  id: idSchema.describe('Stable id of the purpose, such as `sign-in`.'),
  name: text.describe('The purpose per language.'),
  category: z.enum(purposeCategoryIds).describe('Its category in the shipped taxonomy, such as `account-management`.'),
});

const permissionNames = z.array(z.string().regex(/^[A-Za-z][A-Za-z0-9_.]*$/, { error: 'Expected a permission name such as `android.permission.CAMERA`, `NSCameraUsageDescription` or `ohos.permission.CAMERA`.' })).min(1);

export const permissionSchema = z.strictObject({
  id: idSchema.describe('Stable id of the permission, such as `camera`.'),
  name: text.describe('Name of the permission per language, as users see it (`相机`).'),
  android: permissionNames.optional().describe('The Android permissions, such as `android.permission.CAMERA`.'),
  ios: permissionNames.optional().describe('The iOS purpose-string keys, such as `NSCameraUsageDescription`.'),
  harmonyos: permissionNames.optional().describe('The HarmonyOS permissions, such as `ohos.permission.CAMERA`.'),
  refusable: z.boolean().describe('`true` when the user can refuse it and still use the app.'),
  refusalEffect: text.describe('What refusing costs the user, per language.'),
});

export const permissionUseSchema = z.strictObject({
  permission: idSchema.describe('Id of a permission of this inventory.'),
  frequency: text.describe('How often it is called, per language (CAC 2026 draft item (二): 频度).'),
});

export const processingSchema = z.strictObject({
  id: idSchema.describe('Stable id of the row.'),
  function: idSchema.describe('Id of the function the row belongs to.'),
  scenario: text.describe('When it happens, per language (使用场景).'),
  data: z.array(idSchema).optional().describe('Ids of the data items processed.'),
  purposes: z.array(idSchema).optional().describe('Ids of the purposes.'),
  method: z.enum(collectionMethods).optional().describe('`user-provided`, `automatic`, `sdk` (collected by an SDK) or `third-party` (received from a third party).'),
  frequency: text.describe('How often the information is collected, per language (频次).'),
  permissions: z.array(permissionUseSchema).optional().describe('The permissions used, and how often.'),
  necessity: z.enum(necessities).describe('`required` for the function, or `optional`.'),
  legalBasis: z.enum(legalBases).describe('The legal basis (PIPL Art. 13): `consent`, `contract`, `legal-obligation`, `emergency`, `public-interest`, `public-information` or `other-law`.'),
  separateConsent: z.boolean().default(false).describe('`true` when the row needs the user’s separate consent (sensitive information, sharing, cross-border transfer).'),
  recipients: z.array(idSchema).optional().describe('Ids of the recipients that receive or collect the information.'),
});

export const recipientSchema = z
  .strictObject({
    id: idSchema.describe('Stable id of the recipient. For an SDK, use its id in sdks.yaml.'),
    sdk: idSchema.optional().describe('Id of the SDK in sdks.yaml: its name, provider, purpose and privacy policy come from there.'),
    name: text.optional().describe('For a recipient that is not an SDK: its name per language.'),
    operator: maybeLocalizedTextSchema.optional().describe('The company that operates it. An SDK defaults to its provider in sdks.yaml.'),
    contact: maybeLocalizedTextSchema.optional().describe('How to contact it (PIPL Art. 23), when not through its privacy policy.'),
    package: z.union([textSchema, z.array(textSchema).min(1)]).optional().describe('An SDK’s package name, or several (CAC 2026 draft item (三): 包名).'),
    version: textSchema.optional().describe('The SDK version embedded (CAC 2026 draft item (三)).'),
    mainFunction: text.optional().describe('Its main function, per language. An SDK defaults to its purpose in sdks.yaml.'),
    role: z.enum(recipientRoles).describe('`processor`: acts for us under our instructions (entrusted processing); `third-party`: processes on its own account.'),
    sharingMethod: text.describe('How the information reaches it, per language (共享方式), such as “collected on the device by the SDK”.'),
    deidentified: z.boolean().describe('`true` when the information is de-identified in transit.'),
    location: z.array(regionSchema).min(1).describe('Where it processes the information; outside China means a cross-border transfer (PIPL Art. 38–39).'),
    privacyPolicy: httpUrlSchema.optional().describe('Its privacy policy. An SDK defaults to the address in sdks.yaml.'),
  })
  .superRefine((recipient, ctx) => {
    if (recipient.sdk === undefined && recipient.name === undefined) {
      ctx.addIssue({ code: 'custom', path: [], message: 'Expected `sdk:` (the id of an SDK in sdks.yaml) or `name:` (for a recipient that is not an SDK)' });
    }
    if (recipient.sdk !== undefined && recipient.name !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['name'], message: 'Unexpected `name:` on an SDK recipient, expected its name in sdks.yaml only' });
    }
  });

export const inventorySchema = z.strictObject({
  $schema: z.string().optional().describe('Path of the JSON Schema that editors use to check this file.'),
  note: text.optional().describe('A note shown above each list, per language.'),
  storage: z.array(regionSchema).min(1).optional().describe('Where personal information is stored, unless an item says otherwise.'),
  dataItems: z.array(dataItemSchema).min(1).describe('Every item of personal information the app processes.'),
  functions: z.array(functionSchema).min(1).describe('The business functions (业务功能) that process personal information.'),
  purposes: z.array(purposeSchema).min(1).describe('The purposes of processing.'),
  permissions: z.array(permissionSchema).default([]).describe('The device permissions the app may request.'),
  processing: z.array(processingSchema).min(1).describe('Processing rows: a function, the data it processes, why, how and how often.'),
  recipients: z.array(recipientSchema).default([]).describe('SDKs and other third parties that receive or collect personal information.'),
});

export type InventoryInput = z.output<typeof inventorySchema>;
export type DataItemInput = z.output<typeof dataItemSchema>;
export type ProcessingInput = z.output<typeof processingSchema>;
export type RecipientInput = z.output<typeof recipientSchema>;
export type PermissionInput = z.output<typeof permissionSchema>;

export const inventoryFileName = 'inventory.yaml';
