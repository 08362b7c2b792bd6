/**
 * Schema of `content/declarations.yaml`: what the app-store declarations
 * (docs/app-stores.md) need beyond the data inventory. It is a setting of
 * the site, not part of any version's record: the answers a store asks at
 * the level of the app (tracking, account creation, the deletion link,
 * encryption in transit), and changes to the shipped mapping from the
 * inventory's taxonomy to each store's vocabulary
 * (src/declarations/mapping.json).
 *
 * The mapping entries are checked here against the stores' own value lists
 * (src/declarations/vocabularies/), so a misspelt store constant is a
 * positioned error in this file, never a declaration a store refuses.
 */
import { z } from 'zod';
import { categoryIds, legalBases, purposeCategoryIds } from '../inventory/taxonomy.ts';
import { apple, appleApiCategories, appleDataTypes, applePurposes, appleReasons, dpvLegalBases, dpvPersonalData, dpvPurposes, harmony, harmonyApiTypes, harmonyDataTypes, harmonyLabels, harmonyPurposes, harmonyReasons, playPurposeIds, playTypeIds } from '../declarations/vocabulary.ts';
import { httpUrlSchema, idSchema } from './common.ts';

export const stores = ['apple', 'play', 'harmony'] as const;
export type Store = (typeof stores)[number];

const harmonyTypeSchema = z
  .strictObject({
    dataType: z.enum(harmonyDataTypes).describe('The pac.json5 `dataType`, such as `Identifiers`.'),
    label: z.enum(harmonyLabels).describe('The pac.json5 `label`, one of its dataType’s labels, such as `IMEI`.'),
  })
  .superRefine((value, ctx) => {
    const labels = harmony.dataTypes[value.dataType] ?? [];
    if (!labels.includes(value.label)) ctx.addIssue({ code: 'custom', path: ['label'], message: `Unexpected label \`${value.label}\` under dataType \`${value.dataType}\`, expected one of: ${labels.join(', ')}` });
  });

/** How one taxonomy category (or one data item) is declared to each store and in DPV; `null`: the store has no fitting value. */
export const categoryMappingSchema = z.strictObject({
  apple: z.enum(appleDataTypes).nullable().describe('Apple’s data type: the privacy manifest constant after `NSPrivacyCollectedDataType`, such as `PhoneNumber` (App Store Connect: PHONE_NUMBER).'),
  play: z.enum(playTypeIds).nullable().describe('Google Play’s Data safety data type, its response id, such as `PSL_PHONE`.'),
  harmony: harmonyTypeSchema.nullable().describe('HarmonyOS pac.json5 `dataType` and `label`.'),
  dpv: z.array(z.enum(dpvPersonalData)).min(1).nullable().describe('W3C DPV personal data categories, such as `pd:TelephoneNumber`.'),
  note: z.string().optional().describe('Why the entry is as it is.'),
});

export const purposeMappingSchema = z.strictObject({
  apple: z.enum(applePurposes).nullable().describe('Apple’s purpose, after `NSPrivacyCollectedDataTypePurpose`, such as `AppFunctionality`.'),
  appleShared: z.enum(applePurposes).optional().describe('Apple’s purpose when a third party receives the data (`ThirdPartyAdvertising`).'),
  play: z.enum(playPurposeIds).nullable().describe('Google Play’s purpose response id, such as `PSL_APP_FUNCTIONALITY`.'),
  harmony: z.enum(harmonyPurposes).nullable().describe('HarmonyOS pac.json5 purpose, such as `App functionality`.'),
  dpv: z.enum(dpvPurposes).nullable().describe('W3C DPV purpose, such as `dpv:ServiceProvision`.'),
  note: z.string().optional(),
});

/** The shipped mapping (src/declarations/mapping.json). */
export const mappingSchema = z.strictObject({
  $comment: z.array(z.string()),
  categories: z.record(z.enum(categoryIds), categoryMappingSchema),
  purposes: z.record(z.enum(purposeCategoryIds), purposeMappingSchema),
  legalBases: z.record(z.enum(legalBases), z.enum(dpvLegalBases)),
});

export const accountCreationMethods = ['username-password', 'username-other-auth', 'username-password-other-auth', 'oauth', 'other', 'none'] as const;

const hostname = z.string().regex(/^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, { error: 'Expected a domain name such as `ads.example.com`.' });

export const appAnswersSchema = z
  .strictObject({
    stores: z.array(z.enum(stores)).min(1).default([...stores]).describe('The stores the app is published in: `apple`, `play`, `harmony` (default: all three).'),
    tracking: z.boolean().optional().describe('Whether the app tracks users in Apple’s sense (links their data with other companies’ data for advertising, or shares it with data brokers): NSPrivacyTracking.'),
    trackingDomains: z.array(hostname).optional().describe('The internet domains the app contacts for tracking (NSPrivacyTrackingDomains); required when `tracking: true`.'),
    trackingItems: z.array(idSchema).optional().describe('Ids of the data items used for tracking, when `tracking: true`.'),
    accountCreation: z.array(z.enum(accountCreationMethods)).min(1).optional().describe('How users create an account (Play): `username-password`, `username-other-auth`, `username-password-other-auth`, `oauth`, `other`, or `none`.'),
    accountCreationOther: z.string().min(1).optional().describe('With `other`: how, in a sentence (Play asks for it).'),
    accountDeletionUrl: httpUrlSchema.optional().describe('The page where users ask for their account and its data to be deleted (Play requires it for apps with accounts).'),
    dataDeletionUrl: httpUrlSchema.optional().describe('A page where users ask for some of their data to be deleted without deleting the account (Play, optional).'),
    encryptedInTransit: z.boolean().optional().describe('Whether all user data the app collects is encrypted in transit (Play).'),
    linked: z.boolean().default(true).describe('Whether the data is linked to the user’s identity (Apple, HarmonyOS), unless an item says otherwise (default: true).'),
    requiredReasonApis: z.partialRecord(z.enum(appleApiCategories), z.array(z.enum(appleReasons)).min(1)).optional().describe('Apple’s required-reason APIs the app calls, with their reason codes (NSPrivacyAccessedAPITypes), such as `UserDefaults: [CA92.1]`.'),
    harmonySpecialApis: z.partialRecord(z.enum(harmonyApiTypes), z.array(z.enum(harmonyReasons)).min(1)).optional().describe('HarmonyOS special APIs the app calls, with their reasons (pac.json5 `specialAPIs`).'),
  })
  .superRefine((app, ctx) => {
    if (app.tracking === true && !app.trackingDomains?.length) ctx.addIssue({ code: 'custom', path: ['trackingDomains'], message: 'Expected `trackingDomains:` with at least one domain when `tracking: true` (Apple requires them)' });
    for (const [category, reasons] of Object.entries(app.requiredReasonApis ?? {})) {
      for (const [index, reason] of (reasons ?? []).entries()) {
        if (!appleReasonsOf(category).includes(reason)) ctx.addIssue({ code: 'custom', path: ['requiredReasonApis', category, index], message: `Unexpected reason \`${reason}\` for \`${category}\`, expected one of: ${appleReasonsOf(category).join(', ')}` });
      }
    }
    for (const [apiType, reasons] of Object.entries(app.harmonySpecialApis ?? {})) {
      const allowed = harmony.specialApis[apiType] ?? [];
      for (const [index, reason] of (reasons ?? []).entries()) {
        if (!allowed.includes(reason)) ctx.addIssue({ code: 'custom', path: ['harmonySpecialApis', apiType, index], message: `Unexpected reason \`${reason}\` for \`${apiType}\`, expected one of: ${allowed.join(', ')}` });
      }
    }
  });

function appleReasonsOf(category: string): readonly string[] {
  return appleReasonsByCategory[category] ?? [];
}

const appleReasonsByCategory: Record<string, readonly string[]> = Object.fromEntries(appleApiCategories.map((category) => [category, apple.reasonsOf(category)]));

export const itemDeclarationSchema = categoryMappingSchema
  .partial()
  .omit({ note: true })
  .extend({
    onDevice: z.boolean().optional().describe('`true` when the item never leaves the device: no store counts it as collected (Play’s and Apple’s exemption for on-device processing).'),
    ephemeral: z.boolean().optional().describe('`true` when the item leaves the device but is only held in memory to serve the request in real time: Play still lists it (processed ephemerally); Apple does not count it as collected.'),
    linked: z.boolean().optional().describe('Whether this item is linked to the user’s identity (Apple, HarmonyOS); default: `app.linked`.'),
  });

export const declarationsSchema = z.strictObject({
  $schema: z.string().optional().describe('Path of the JSON Schema that editors use to check this file.'),
  app: appAnswersSchema.optional().describe('The answers the stores ask about the whole app.'),
  categories: z.partialRecord(z.enum(categoryIds), categoryMappingSchema.partial()).optional().describe('Changes to the shipped mapping of a taxonomy category (src/declarations/mapping.json), such as `vehicle.exterior: { apple: PhotosorVideos }`.'),
  purposes: z.partialRecord(z.enum(purposeCategoryIds), purposeMappingSchema.partial()).optional().describe('Changes to the shipped mapping of a purpose category.'),
  items: z.record(idSchema, itemDeclarationSchema).optional().describe('Per data item (its id in inventory.yaml): values of its own, and whether it leaves the device.'),
});

export type DeclarationsInput = z.output<typeof declarationsSchema>;
export type AppAnswers = z.output<typeof appAnswersSchema>;
export type CategoryMapping = z.output<typeof categoryMappingSchema>;
export type PurposeMapping = z.output<typeof purposeMappingSchema>;
export type Mapping = z.output<typeof mappingSchema>;
export type ItemDeclaration = z.output<typeof itemDeclarationSchema>;

export const declarationsFileName = 'declarations.yaml';
