/**
 * The typed site model: what the pages render. Built from validated content
 * by `src/model/build.ts`; plain data (it crosses into Astro as JSON).
 */
import type { DeclarationChange } from '../declarations/changes.ts';
import type { InventoryChange } from '../diff/inventory.ts';
import type { Redline } from '../diff/types.ts';
import type { UiMessages } from '../i18n/messages.ts';
import type { CategoryId, CollectionMethod, ExpiryAction, FunctionKind, LegalBasis, ListKind, Necessity, PurposeCategoryId, RecipientRole, SensitiveClass } from '../inventory/taxonomy.ts';
import type { NoticePage } from '../schema/notice.ts';
import type { FlagKind } from '../schema/policy-text.ts';

export interface SiteModel {
  baseUrl: string;
  /** The day the site was built for (YYYY-MM-DD): it decided which version is current. */
  builtFor: string;
  /** True in the live preview (`npm run dev`), false when publishing. */
  preview: boolean;
  /** Preview only: every warning (and error) of the run, for the banner on each page (src/model/preview.ts). */
  previewMessages?: PreviewMessage[];
  /** The language the others are translated from. */
  sourceLocale: string;
  /** The language whose text prevails; every other language's pages say so. */
  governingLocale: string;
  /** In the order of site.yaml; the source language first. */
  locales: LocaleModel[];
  /** The interface words of each language, resolved once per build (src/i18n/resolve.ts); read with `useTranslations(site, locale)`. */
  ui: Record<string, UiMessages>;
  documents: DocumentModel[];
  /** The lock's hash chain: its head (the newest entry's hash) pins every published record up to this build. */
  records: { chainHead: string; entries: number };
}

export interface LocaleModel {
  code: string;
  /** The language's name in its own language. */
  name: string;
  dir: 'ltr' | 'rtl';
  /** The site's name in this language. */
  siteName: string;
}

export interface DocumentModel {
  /** Folder name and URL segment, such as `privacy`. */
  slug: string;
  /** Id of the version shown at the document's address: the newest in effect on the build date. */
  current: string;
  /** Its description for search results, per language, when site.yaml gives one (see src/model/description.ts). */
  description?: Record<string, string>;
  /** Its name on / and in the header, per language, when site.yaml gives one; otherwise its current text's title. */
  title?: Record<string, string>;
  /** Newest first. Drafts only in a preview. */
  versions: VersionModel[];
}

/**
 * `current`: the newest published version in effect on the build date;
 * `upcoming`: published, in effect later; `past`: replaced; `draft`: not published.
 */
export type VersionStatus = 'current' | 'upcoming' | 'past' | 'draft';

export interface VersionModel {
  /** The publication date, YYYY-MM-DD; also the folder name and URL segment. */
  id: string;
  published: string;
  effective: string;
  /** The change needs the user's consent again. */
  material: boolean;
  /** What changed since the previous version, per language (may be empty when not material). */
  summary: Record<string, string>;
  draft: boolean;
  status: VersionStatus;
  /** Id of the version before this one, if any. */
  previous?: string;
  /** The text in each language, keyed by language tag. */
  texts: Record<string, PolicyText>;
  /** sha256 (hex) of each language's canonical record (src/records/canonical.ts), for apps and auditors to compare. */
  sha256: Record<string, string>;
  /** For versions published before the records format: the `sha256` manifests gave then, per language. */
  legacySha256?: Record<string, string>;
  /** The redline against the previous version, per language. */
  changes?: Record<string, Redline>;
  /**
   * Current, upcoming and draft versions only: the redline from every earlier
   * version of this build, by that version's id, then per language. The entry
   * for the previous version is the same object as `changes`.
   */
  changesFrom?: Record<string, Record<string, Redline>>;
  /** How far each translated language is, keyed by language tag (the source language is not listed). */
  translations: Record<string, TranslationStatus>;
  /** The data inventory in each language (src/model/inventory.ts): the source of the three lists. Absent when the version has none, or its inventory is not yet published. */
  inventory?: Record<string, InventoryModel>;
  /** sha256 of the inventory's canonical record in each language (docs/records.md). */
  inventorySha256?: Record<string, string>;
  /** Changes to the inventory against the previous version, per language (src/diff/inventory.ts). */
  inventoryChanges?: Record<string, InventoryChange[]>;
  /** The author's reason, per language, why inventory changes that would need renewed consent do not (version.yaml `materialOverride`). */
  materialOverride?: Record<string, string>;
  /** What the store declarations derive from the inventory (src/declarations/site.ts): the DPV notice per language, and what app teams must update against the previous version, per language. */
  declarations?: { notice: Record<string, Record<string, unknown>>; changes?: Record<string, DeclarationChange[]> };
  /** The first-launch notice (notice.yaml), per language, when the version has one in this build. */
  notice?: Record<string, NoticeModel>;
}

/** A version's data inventory in one language: what the collection, sharing and permission lists show. */
export interface InventoryModel {
  locale: string;
  /** A note shown above each list. */
  note?: string;
  items: DataItemModel[];
  functions: FunctionModel[];
  purposes: PurposeModel[];
  permissions: PermissionModel[];
  processing: ProcessingModel[];
  recipients: RecipientModel[];
}

export interface DataItemModel {
  id: string;
  name: string;
  category: CategoryId;
  sensitive?: { class: SensitiveClass; necessity: string; impact: string };
  retention?: RetentionModel;
  /** Region codes (ISO 3166-1), the inventory's default when the item gives none. */
  storage: string[];
}

export interface RetentionModel {
  /** An ISO 8601 duration, such as `P3Y`. */
  period?: string;
  /** How the period is decided, in this language. */
  rule?: string;
  afterExpiry?: ExpiryAction;
}

export interface FunctionModel {
  id: string;
  name: string;
  kind: FunctionKind;
  /** Id of the clause of the policy text that describes it. */
  clause?: string;
}

export interface PurposeModel {
  id: string;
  name: string;
  category: PurposeCategoryId;
}

export interface PermissionModel {
  id: string;
  name: string;
  android: string[];
  ios: string[];
  harmonyos: string[];
  refusable: boolean;
  refusalEffect: string;
}

export interface ProcessingModel {
  id: string;
  function: string;
  scenario: string;
  /** Ids of data items. */
  data: string[];
  /** Ids of purposes. */
  purposes: string[];
  method?: CollectionMethod;
  frequency: string;
  permissions: { permission: string; frequency: string }[];
  necessity: Necessity;
  legalBasis: LegalBasis;
  separateConsent: boolean;
  /** Ids of recipients. */
  recipients: string[];
}

export interface RecipientModel {
  id: string;
  /** The SDK id in sdks.yaml, for an SDK. */
  sdk?: string;
  /** Its name: an SDK's from sdks.yaml. */
  name: string;
  /** The company that operates it: an SDK's provider unless the inventory says otherwise. */
  operator: string;
  contact?: string;
  packages: string[];
  version?: string;
  /** Its main function: an SDK's purpose unless the inventory says otherwise. */
  mainFunction?: string;
  role: RecipientRole;
  sharingMethod: string;
  deidentified: boolean;
  location: string[];
  privacyPolicy?: string;
}

export type { ListKind };

/** A version's first-launch notice in one language. */
export interface NoticeModel {
  /** Sanitized HTML; its links lead to this version's pages in the webview (src/routing.ts, `noticeTargetUrl`). */
  html: string;
  /** The words as plain text, one paragraph per block, blocks separated by a blank line: for a native dialog. */
  text: string;
  /** Every link, in reading order. */
  links: NoticeLink[];
  /** sha256 of the notice's canonical record (docs/records.md). */
  sha256: string;
}

export interface NoticeLink {
  /** The linked words, as in `text`. */
  label: string;
  target: NoticeTarget;
}

/** A page of the notice's version (with `id`: a section or clause of the policy), or an address outside the site. */
export type NoticeTarget = { page: NoticePage; id?: string } | { href: string };

export interface TranslationStatus {
  /** Clauses translated from the current source text. */
  translated: number;
  /** Ids of clauses (or `section:<id>`, `title`, `sdk:<id>`) whose source text changed since the translation was confirmed. */
  stale: string[];
  /** Ids of source clauses the translation lacks. */
  missing: string[];
}

export interface PolicyText {
  locale: string;
  title: string;
  sections: SectionModel[];
  /** The SDK directory in this language. */
  sdks: SdkModel[];
}

export interface SectionModel {
  id: string;
  title?: string;
  clauses: ClauseModel[];
}

export interface ClauseModel {
  id: string;
  title?: string;
  flag?: FlagKind;
  /** Sanitized HTML of the clause text. */
  html: string;
  /** Ids of the SDKs whose table follows the text (empty: no table). */
  sdks: string[];
  /** The inventory lists shown after the text (and after the SDK table), in order. */
  lists: ListKind[];
  /** Preview only: the translation lacks this clause, shown here in the source language. */
  untranslated?: { locale: string; place: string };
}

export interface SdkModel {
  id: string;
  name: string;
  provider: string;
  purpose: string;
  personalInformation: string[];
  privacyPolicy: string;
}

/** A problem shown in the preview's banner, with the page it belongs to. */
export interface PreviewMessage {
  /** The document and version the message is about; absent for site-wide files. */
  document?: string;
  version?: string;
  /** Relative to the working folder, as the terminal report writes it. */
  file: string;
  absolutePath: string;
  line: number;
  column: number;
  severity: 'error' | 'warning';
  reason: string;
  ruleId?: string;
}
