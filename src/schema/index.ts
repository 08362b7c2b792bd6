/** Every content schema, by the file it checks. The JSON Schema files in `schemas/` are generated from these. */
import { declarationsSchema } from './declarations.ts';
import { frozenValuesSchema } from './frozen-values.ts';
import { inventorySchema } from './inventory.ts';
import { noticeSchema } from './notice.ts';
import { policyTextSchema } from './policy-text.ts';
import { sdkDirectorySchema } from './sdks.ts';
import { siteSchema } from './site.ts';
import { translationsLockSchema } from './translations.ts';
import { uiStringsSchema } from './ui.ts';
import { versionsLockSchema } from './versions-lock.ts';
import { versionSchema } from './version.ts';

export const contentSchemas = {
  site: { schema: siteSchema, title: 'Site settings (content/site.yaml)' },
  version: { schema: versionSchema, title: 'Version dates (content/<document>/<YYYY-MM-DD>/version.yaml)' },
  sdks: { schema: sdkDirectorySchema, title: 'SDK directory (content/<document>/<YYYY-MM-DD>/sdks.yaml)' },
  inventory: { schema: inventorySchema, title: 'Data inventory (content/<document>/<YYYY-MM-DD>/inventory.yaml): the source of the collection, sharing and permission lists' },
  'policy-text': { schema: policyTextSchema, title: 'Policy text in one language (content/<document>/<YYYY-MM-DD>/<locale>.yaml)' },
  'versions-lock': { schema: versionsLockSchema, title: 'Published versions (content/versions.lock.yaml), written by npm run publish-version' },
  'frozen-values': { schema: frozenValuesSchema, title: 'Variable values frozen at publication (content/<document>/<YYYY-MM-DD>/variables.yaml), written by npm run publish-version' },
  ui: { schema: uiStringsSchema, title: 'Interface words for one language (content/ui/<locale>.yaml)' },
  notice: { schema: noticeSchema, title: 'First-launch notice of a version (content/<document>/<YYYY-MM-DD>/notice.yaml)' },
  declarations: { schema: declarationsSchema, title: 'Store declarations (content/declarations.yaml): the answers the app stores ask about the app, and changes to the mapping from the inventory to their vocabularies' },
  translations: { schema: translationsLockSchema, title: 'Translation records (content/<document>/<YYYY-MM-DD>/translations.yaml), written by npm run translations:confirm' },
} as const;

export type ContentSchemaName = keyof typeof contentSchemas;
