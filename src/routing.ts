/**
 * Every page of the site and its URL, computed once from the model (after
 * Starlight's `utils/routing`). Pages call these; no page builds a URL itself.
 * The URLs below are relative to the site's home. A site published in a
 * folder (`baseUrl: https://example.github.io/project/`) serves them under
 * that folder's path: `link()` is the one place that adds it, to every href
 * a page writes, and `absoluteUrl()` resolves against the whole baseUrl.
 *
 *   /                                              languages and documents
 *   /<locale>/<document>/                          the current version
 *   /<locale>/<document>/<YYYY-MM-DD>/             one version, permanently
 *   /<locale>/<document>/<YYYY-MM-DD>/<document>-<YYYY-MM-DD>-<locale>.pdf  its PDF (a build with --pdf)
 *   /<locale>/<document>/<YYYY-MM-DD>/changes/     its redline against the previous version
 *   /<locale>/<document>/<YYYY-MM-DD>/changes/<from>/  the current or an upcoming version's redline
 *                                                  from any earlier version <from>
 *   /<locale>/<document>/history/                  every version
 *   /<locale>/<document>/[<YYYY-MM-DD>/]collection/  the lists generated from a version's inventory:
 *   /<locale>/<document>/[<YYYY-MM-DD>/]sharing/       personal information collected, shared,
 *   /<locale>/<document>/[<YYYY-MM-DD>/]permissions/   and the permissions (current and permanent)
 *   /<locale>/<document>/feed.xml                  Atom feed of new versions
 *   /webview/<locale>/<document>/[<YYYY-MM-DD>/]   the light page apps open (and its lists: …/collection/ …)
 *   /webview/<locale>/<document>/<YYYY-MM-DD>/changes/[<from>/]  the redlines, for the webview
 *   /webview/<locale>/<document>/[<YYYY-MM-DD>/]notice/  the first-launch notice (current, or one version)
 *   /policies.json                                 the manifest for apps
 *   /translation-status/                           how far each translation is
 */
import type { Redline } from './diff/types.ts';
import { listKinds, type ListKind } from './inventory/taxonomy.ts';
import type { DocumentModel, InventoryModel, LocaleModel, NoticeModel, NoticeTarget, PolicyText, SiteModel, VersionModel } from './model/types.ts';

/** `hosted`: the full site page. `webview`: the light page an app opens, without site chrome. */
export type Variant = 'hosted' | 'webview';

export interface PolicyPageProps {
  site: SiteModel;
  locale: LocaleModel;
  document: DocumentModel;
  version: VersionModel;
  text: PolicyText;
  /** The page at the document's address (`/<locale>/<document>/`), which shows the current version. */
  isCurrentAddress: boolean;
  variant: Variant;
}

export interface HistoryPageProps {
  site: SiteModel;
  locale: LocaleModel;
  document: DocumentModel;
}

export interface ChangesPageProps {
  site: SiteModel;
  locale: LocaleModel;
  document: DocumentModel;
  version: VersionModel;
  redline: Redline;
  /** Set on `…/changes/<from>/` pages (from any earlier version); absent on `…/changes/` (from the previous one). */
  from?: string;
  variant: Variant;
}

export interface NoticePageProps {
  site: SiteModel;
  locale: LocaleModel;
  document: DocumentModel;
  version: VersionModel;
  notice: NoticeModel;
  /** The page at the document's address (`/webview/<locale>/<document>/notice/`), which shows the current version's notice. */
  isCurrentAddress: boolean;
}

/** A list generated from a version's inventory, at the current address or the version's own. */
export interface ListPageProps {
  site: SiteModel;
  locale: LocaleModel;
  document: DocumentModel;
  version: VersionModel;
  /** The version's text in this language (its title names the lists). */
  text: PolicyText;
  inventory: InventoryModel;
  list: ListKind;
  /** At `/<locale>/<document>/<list>/`, which shows the current version's list. */
  isCurrentAddress: boolean;
  variant: Variant;
}

/** The same page in another language. */
export interface Alternate {
  locale: LocaleModel;
  /** Root-relative URL. */
  href: string;
}

export const documentUrl = (locale: string, document: string) => `/${locale}/${document}/`;
export const versionUrl = (locale: string, document: string, version: string) => `/${locale}/${document}/${version}/`;
/** A version's PDF (built with `npm run build -- --pdf`): named after the document, version and language, so that a saved copy says what it is. */
export const versionPdfUrl = (locale: string, document: string, version: string) => `${versionUrl(locale, document, version)}${document}-${version}-${locale}.pdf`;
export const changesUrl = (locale: string, document: string, version: string) => `/${locale}/${document}/${version}/changes/`;
export const historyUrl = (locale: string, document: string) => `/${locale}/${document}/history/`;
export const feedUrl = (locale: string, document: string) => `/${locale}/${document}/feed.xml`;
export const webviewUrl = (locale: string, document: string, version?: string) => `/webview/${locale}/${document}/${version ? `${version}/` : ''}`;
/** The redline of `version` from `from`, any earlier version (the current and upcoming versions have one from each). */
export const changesFromUrl = (locale: string, document: string, version: string, from: string) => `/${locale}/${document}/${version}/changes/${from}/`;
/** The webview's redline of `version`: from the previous version, or from `from`. */
export const webviewChangesUrl = (locale: string, document: string, version: string, from?: string) => `/webview/${locale}/${document}/${version}/changes/${from ? `${from}/` : ''}`;
/** The first-launch notice for the webview: the current version's (no `version`), or one version's, permanently. */
export const webviewNoticeUrl = (locale: string, document: string, version?: string) => `/webview/${locale}/${document}/${version ? `${version}/` : ''}notice/`;
export const translationStatusUrl = '/translation-status/';
/** A version's notice as W3C DPV JSON-LD, per language (src/declarations/write/notice.ts). */
export const noticeJsonLdUrl = (locale: string, document: string, version: string) => `/${locale}/${document}/${version}/notice.jsonld`;

/** A list's URL: the current version's (no `version`) or one version's, hosted or in the webview. */
export function listUrl(variant: Variant, locale: string, document: string, list: ListKind, version?: string): string {
  return `${pageUrl(variant, locale, document, version)}${list}/`;
}

/** The URL of a list page in `locale`. */
export function listPageUrl(page: Pick<ListPageProps, 'document' | 'version' | 'isCurrentAddress' | 'variant' | 'list'>, locale: string): string {
  return listUrl(page.variant, locale, page.document.slug, page.list, page.isCurrentAddress ? undefined : page.version.id);
}

/** The same list in every language the version has one in. */
export function listAlternates(page: ListPageProps): Alternate[] {
  return alternates(page.site, (locale) => (page.version.inventory?.[locale] ? listPageUrl(page, locale) : undefined));
}

/** A policy page's URL: the current version (no `version`) or one version, hosted or in the webview. */
export function pageUrl(variant: Variant, locale: string, document: string, version?: string): string {
  if (variant === 'webview') return webviewUrl(locale, document, version);
  return version ? versionUrl(locale, document, version) : documentUrl(locale, document);
}

/**
 * Where a link of a version's notice leads: its policy page (at a section or
 * clause for `id`), in the webview for the webview variant, or one of its
 * lists; an outside address as written.
 */
export function noticeTargetUrl(target: NoticeTarget, variant: Variant, locale: string, document: string, version: string): string {
  if ('href' in target) return target.href;
  const page = target.page === 'policy' ? pageUrl(variant, locale, document, version) : listUrl(variant, locale, document, target.page, version);
  return target.id ? `${page}#${target.id}` : page;
}

/** A redline page's URL: from the previous version (no `from`) or from `from`, hosted or in the webview. */
export function changesPageUrl(variant: Variant, locale: string, document: string, version: string, from?: string): string {
  if (variant === 'webview') return webviewChangesUrl(locale, document, version, from);
  return from ? changesFromUrl(locale, document, version, from) : changesUrl(locale, document, version);
}

/** The redline a changes page shows in `locale`, if that language has it. */
export function redlineOf(version: VersionModel, locale: string, from?: string): Redline | undefined {
  return from ? version.changesFrom?.[from]?.[locale] : version.changes?.[locale];
}

/** The URL of a policy page in `locale`. */
export function policyPageUrl(page: Pick<PolicyPageProps, 'document' | 'version' | 'isCurrentAddress' | 'variant'>, locale: string): string {
  return pageUrl(page.variant, locale, page.document.slug, page.isCurrentAddress ? undefined : page.version.id);
}

/** The version shown at the document's address. */
export function currentOf(document: DocumentModel): VersionModel {
  return document.versions.find((version) => version.id === document.current) ?? document.versions.at(-1)!;
}

/** A document's name in `locale`: its title from site.yaml, or its current version's title (`undefined`: not in that language). */
export function documentTitle(document: DocumentModel, locale: string): string | undefined {
  const text = currentOf(document).texts[locale];
  return text ? (document.title?.[locale] ?? text.title) : undefined;
}

/** The nearest upcoming version after `version`, if any. */
export function upcomingAfter(document: DocumentModel, version: VersionModel): VersionModel | undefined {
  return document.versions.filter((candidate) => candidate.status === 'upcoming' && candidate.id > version.id).at(-1);
}

/** A page in every language for which `href` gives one, in site order. */
export function alternates(site: SiteModel, href: (locale: string) => string | undefined): Alternate[] {
  return site.locales.flatMap((locale) => {
    const found = href(locale.code);
    return found ? [{ locale, href: found }] : [];
  });
}

export function policyAlternates(page: PolicyPageProps): Alternate[] {
  return alternates(page.site, (locale) => (page.version.texts[locale] ? policyPageUrl(page, locale) : undefined));
}

export function absoluteUrl(site: SiteModel, href: string): string {
  return new URL(href.replace(/^\//, ''), site.baseUrl).href;
}

/** The path a page's link points to: `href` (relative to the site's home) behind the site's base path, such as `/project/en/privacy/`. */
export function link(site: Pick<SiteModel, 'baseUrl'>, href: string): string {
  return `${basePath(site)}${href.replace(/^\//, '')}`;
}

/** The path of the site's home: `/`, or `/project/` for a site published in a folder. */
export function basePath(site: Pick<SiteModel, 'baseUrl'>): string {
  const { pathname } = new URL(site.baseUrl);
  return pathname.endsWith('/') ? pathname : `${pathname}/`;
}

function eachDocument<T>(site: SiteModel, make: (locale: LocaleModel, document: DocumentModel) => T[]): T[] {
  return site.locales.flatMap((locale) => site.documents.flatMap((document) => make(locale, document)));
}

/** `getStaticPaths` entries for /<locale>/<document>/ (or /webview/<locale>/<document>/). */
export function currentPaths(site: SiteModel, variant: Variant = 'hosted') {
  return eachDocument(site, (locale, document) => {
    const version = currentOf(document);
    const text = version.texts[locale.code];
    const props: PolicyPageProps | undefined = text && { site, locale, document, version, text, isCurrentAddress: true, variant };
    return props ? [{ params: { locale: locale.code, document: document.slug }, props }] : [];
  });
}

/** `getStaticPaths` entries for /<locale>/<document>/<version>/ (or its webview page). */
export function versionPaths(site: SiteModel, variant: Variant = 'hosted') {
  return eachDocument(site, (locale, document) =>
    document.versions.flatMap((version) => {
      const text = version.texts[locale.code];
      const props: PolicyPageProps | undefined = text && { site, locale, document, version, text, isCurrentAddress: false, variant };
      return props ? [{ params: { locale: locale.code, document: document.slug, version: version.id }, props }] : [];
    }),
  );
}

/** `getStaticPaths` entries for /<locale>/<document>/<version>/notice.jsonld: each version with a notice in that language. */
export function noticeJsonLdPaths(site: SiteModel) {
  return eachDocument(site, (locale, document) =>
    document.versions.flatMap((version) => {
      const notice = version.declarations?.notice[locale.code];
      return notice ? [{ params: { locale: locale.code, document: document.slug, version: version.id }, props: { notice } }] : [];
    }),
  );
}

/** The JSON-LD notice of a version in a language, when it has one: what its pages link to as an alternate. */
export function noticeJsonLdHref(version: VersionModel, locale: string, document: string): string | undefined {
  return version.declarations?.notice[locale] ? noticeJsonLdUrl(locale, document, version.id) : undefined;
}

/** `getStaticPaths` entries for /<locale>/<document>/history/ (and the feed). */
export function historyPaths(site: SiteModel) {
  return eachDocument(site, (locale, document) => [{ params: { locale: locale.code, document: document.slug }, props: { site, locale, document } satisfies HistoryPageProps }]);
}

/** `getStaticPaths` entries for /<locale>/<document>/<version>/changes/ (or its webview page). */
export function changesPaths(site: SiteModel, variant: Variant = 'hosted') {
  return eachDocument(site, (locale, document) =>
    document.versions.flatMap((version) => {
      const redline = version.changes?.[locale.code];
      return redline ? [{ params: { locale: locale.code, document: document.slug, version: version.id }, props: { site, locale, document, version, redline, variant } satisfies ChangesPageProps }] : [];
    }),
  );
}

/** `getStaticPaths` entries for one list at /<locale>/<document>/<list>/ (or its webview page): the current version's. */
export function currentListPaths(site: SiteModel, list: ListKind, variant: Variant = 'hosted') {
  return eachDocument(site, (locale, document) => {
    const version = currentOf(document);
    const props = listProps(site, locale, document, version, list, true, variant);
    return props ? [{ params: { locale: locale.code, document: document.slug }, props }] : [];
  });
}

/** `getStaticPaths` entries for /<locale>/<document>/<version>/<list>/ (or its webview page): every list of every version. */
export function versionListPaths(site: SiteModel, variant: Variant = 'hosted') {
  return eachDocument(site, (locale, document) =>
    document.versions.flatMap((version) =>
      listKinds.flatMap((list) => {
        const props = listProps(site, locale, document, version, list, false, variant);
        return props ? [{ params: { locale: locale.code, document: document.slug, version: version.id, list }, props }] : [];
      }),
    ),
  );
}

/** `getStaticPaths` entries for /<locale>/<document>/<version>/changes/<from>/ (or its webview page): the current and upcoming versions from every earlier one. */
export function changesFromPaths(site: SiteModel, variant: Variant = 'hosted') {
  return eachDocument(site, (locale, document) =>
    document.versions.flatMap((version) =>
      Object.entries(version.changesFrom ?? {}).flatMap(([from, byLocale]) => {
        const redline = byLocale[locale.code];
        return redline ? [{ params: { locale: locale.code, document: document.slug, version: version.id, from }, props: { site, locale, document, version, redline, from, variant } satisfies ChangesPageProps }] : [];
      }),
    ),
  );
}

function listProps(site: SiteModel, locale: LocaleModel, document: DocumentModel, version: VersionModel, list: ListKind, isCurrentAddress: boolean, variant: Variant): ListPageProps | undefined {
  const text = version.texts[locale.code];
  const inventory = version.inventory?.[locale.code];
  return text && inventory ? { site, locale, document, version, text, inventory, list, isCurrentAddress, variant } : undefined;
}

/** `getStaticPaths` entries for /webview/<locale>/<document>/notice/: the current version's first-launch notice. */
export function currentNoticePaths(site: SiteModel) {
  return eachDocument(site, (locale, document) => {
    const version = currentOf(document);
    const notice = version.notice?.[locale.code];
    return notice ? [{ params: { locale: locale.code, document: document.slug }, props: { site, locale, document, version, notice, isCurrentAddress: true } satisfies NoticePageProps }] : [];
  });
}

/** `getStaticPaths` entries for /webview/<locale>/<document>/<version>/notice/. */
export function noticePaths(site: SiteModel) {
  return eachDocument(site, (locale, document) =>
    document.versions.flatMap((version) => {
      const notice = version.notice?.[locale.code];
      return notice ? [{ params: { locale: locale.code, document: document.slug, version: version.id }, props: { site, locale, document, version, notice, isCurrentAddress: false } satisfies NoticePageProps }] : [];
    }),
  );
}

/** A changes page in every language that has the same redline. */
export function changesAlternates(page: Pick<ChangesPageProps, 'site' | 'document' | 'version' | 'variant'> & { from?: string | undefined }): Alternate[] {
  return alternates(page.site, (code) => (redlineOf(page.version, code, page.from) ? changesPageUrl(page.variant, code, page.document.slug, page.version.id, page.from) : undefined));
}

/** Every page for search engines, with its other-language versions (webview and status pages are left out). */
export function sitemapPages(site: SiteModel): { href: string; alternates: Alternate[] }[] {
  const entries: { href: string; alternates: Alternate[] }[] = [{ href: '/', alternates: [] }];
  for (const { props } of currentPaths(site)) entries.push({ href: policyPageUrl(props, props.locale.code), alternates: policyAlternates(props) });
  for (const { props } of versionPaths(site)) entries.push({ href: policyPageUrl(props, props.locale.code), alternates: policyAlternates(props) });
  const lists = [...listKinds.flatMap((list) => currentListPaths(site, list)), ...versionListPaths(site)];
  for (const { props } of lists) entries.push({ href: listPageUrl(props, props.locale.code), alternates: listAlternates(props) });
  for (const { props } of historyPaths(site)) entries.push({ href: historyUrl(props.locale.code, props.document.slug), alternates: alternates(site, (code) => historyUrl(code, props.document.slug)) });
  for (const { props } of changesPaths(site)) entries.push({ href: changesUrl(props.locale.code, props.document.slug, props.version.id), alternates: changesAlternates(props) });
  // From the previous version, `…/changes/<from>/` repeats `…/changes/` (its canonical address), so it is left out.
  for (const { props } of changesFromPaths(site)) {
    if (props.from !== props.version.previous) entries.push({ href: changesFromUrl(props.locale.code, props.document.slug, props.version.id, props.from), alternates: changesAlternates(props) });
  }
  return entries;
}
