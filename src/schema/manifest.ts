/**
 * Schema of /policies.json, the manifest apps read to learn the current
 * version of each document in each language, and when a new version needs
 * the user's consent again. Documented in docs/app-integration.md; the JSON
 * Schema is schemas/policies.schema.json.
 */
import { z } from 'zod';

const url = z.url();
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** A list generated from the inventory: its page and its webview page. */
const listLinksSchema = z.strictObject({
  url: url.describe('The list’s page.'),
  webviewUrl: url.describe('The list’s light page for an in-app webview.'),
});

const listsSchema = z.strictObject({
  collection: listLinksSchema.describe('The list of personal information collected (已收集个人信息清单).'),
  sharing: listLinksSchema.describe('The list of personal information shared with third parties, SDKs included (与第三方共享个人信息清单).'),
  permissions: listLinksSchema.describe('The permission list (权限列表).'),
});

export const manifestVersionSchema = z.strictObject({
  version: date.describe('Version id: its publication date.'),
  published: date,
  effective: date.describe('The day this version takes effect.'),
  status: z.enum(['current', 'upcoming', 'past']).describe('On the build date: in effect (`current`), in effect later (`upcoming`), or replaced (`past`).'),
  material: z.boolean().describe('True when this version needs the user’s renewed consent.'),
  summary: z.string().optional().describe('What changed since the previous version, in this language.'),
  sha256: z.string().regex(/^[0-9a-f]{64}$/).describe('sha256 of this version’s canonical record in this language (docs/records.md): its text after variables, its dates and its SDK rows. Never changes once published; `npm run record` recomputes it.'),
  legacySha256: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .optional()
    .describe('Versions published before schemaVersion 2: the `sha256` this version had in manifests then (a hash of the rendered text). Consent logs from that time hold it; `npm run records:verify` accepts it.'),
  url: url.describe('The permanent page of this version.'),
  webviewUrl: url.describe('The light page of this version for an in-app webview.'),
  pdfUrl: url.optional().describe('This version as a PDF, printed from its permanent page; its first page names the document, the version, its dates and this `sha256`. Present only when the site is built with `npm run build -- --pdf`.'),
  changesUrl: url.optional().describe('The redline against the previous version (absent for the first version).'),
  inventory: z
    .strictObject({
      sha256: z.string().regex(/^[0-9a-f]{64}$/).describe('sha256 of the inventory’s canonical record in this language (docs/records.md): a record of its own, beside the policy’s.'),
      lists: listsSchema,
    })
    .optional()
    .describe('The version’s data inventory and the lists generated from it, when it has one (docs/inventory.md).'),
  webviewChangesUrl: url.optional().describe('The same redline, as a light page for an in-app webview (absent for the first version).'),
  jsonldUrl: url.optional().describe('The version’s notice in this language as W3C DPV JSON-LD (docs/app-stores.md), when it has a data inventory.'),
  changesFrom: z
    .record(date, z.strictObject({ url: url.describe('The redline from that version to this one.'), webviewUrl: url.describe('The same redline for an in-app webview.') }))
    .optional()
    .describe('The current and upcoming versions only: the redline from every earlier version, by its id. An app that stored the version its user accepted opens the entry for it to show everything that changed since.'),
  notice: z
    .strictObject({
      text: z.string().describe('The notice as plain text, paragraphs separated by a blank line, for a native dialog. Each link’s words appear in it.'),
      links: z
        .array(
          z.strictObject({
            label: z.string().describe('The linked words, as they appear in `text`.'),
            url: url.describe('Where the link leads: a page of the site (hosted), or an address outside it.'),
            webviewUrl: url.optional().describe('The same page for an in-app webview, where the site has one.'),
          }),
        )
        .describe('The notice’s links, in reading order.'),
      webviewUrl: url.describe('The notice as a light page for an in-app webview (permanent).'),
      sha256: z.string().regex(/^[0-9a-f]{64}$/).describe('sha256 of the notice’s canonical record in this language (docs/records.md): store it with the user’s acknowledgement.'),
    })
    .optional()
    .describe('The first-launch notice of this version, in this language, when it has one.'),
});

export const manifestSchema = z.strictObject({
  schemaVersion: z.literal(2).describe('Raised whenever the shape of this file changes (docs/app-integration.md lists the changes).'),
  /** The build date (SOURCE_DATE_EPOCH or the day of the build), which decides `status`. */
  builtFor: date,
  baseUrl: url,
  nextChange: date.optional().describe('The day the next published version takes effect (absent when none is upcoming). The site must be built again on or after it: until then it shows the version in effect on `builtFor`.'),
  records: z
    .strictObject({
      chainHead: z.string().regex(/^[0-9a-f]{64}$/).describe('The hash of the newest entry of the lock’s hash chain: it pins every published record up to this build. Keep a copy: `npm run records:verify` checks the content against it.'),
      entries: z.number().int().min(0).describe('How many records the lock holds.'),
    })
    .describe('The lock of published records (docs/records.md).'),
  documents: z.array(
    z.strictObject({
      document: z.string().describe('Document id, such as `privacy`.'),
      locale: z.string().describe('Language tag, such as `en` or `zh-CN`.'),
      title: z.string(),
      url: url.describe('The document’s stable address, always showing the current version.'),
      webviewUrl: url.describe('The stable webview address, always showing the current version.'),
      feedUrl: url.describe('Atom feed of new versions.'),
      lists: listsSchema.optional().describe('The stable addresses of the current version’s lists, when it has an inventory.'),
      noticeWebviewUrl: url.optional().describe('The stable webview address of the first-launch notice, always showing the current version’s (when it has one).'),
      current: date.describe('Id of the version in effect.'),
      /** The newest version that needs renewed consent and is in effect (or the first version): consent given before it is outdated. */
      consentRequiredSince: date.describe('Id of the newest version in effect that needed renewed consent (or the first version). A user whose consent predates it must be asked again.'),
      versions: z.array(manifestVersionSchema).describe('Every published version, newest first.'),
    }),
  ),
});

export type Manifest = z.infer<typeof manifestSchema>;
