/**
 * The typed site model: what the pages render. Built from validated content
 * by `src/model/build.ts`; plain data (it crosses into Astro as JSON).
 */
import type { Redline } from '../diff/types.ts';
import type { UiMessages } from '../i18n/messages.ts';
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
  /** The first-launch notice (notice.yaml), per language, when the version has one in this build. */
  notice?: Record<string, NoticeModel>;
}

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
