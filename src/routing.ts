/**
 * Every page of the site and its URL, computed once from the model (after
 * Starlight's `utils/routing`). Pages call these; no page builds a URL itself.
 *
 *   /                                      languages and documents
 *   /<locale>/<document>/                  the latest version
 *   /<locale>/<document>/<YYYY-MM-DD>/     one version, permanently
 *   /translation-status/                   how far each translation is
 */
import type { DocumentModel, LocaleModel, PolicyText, SiteModel, VersionModel } from './model/types.ts';

export interface PolicyPageProps {
  site: SiteModel;
  locale: LocaleModel;
  document: DocumentModel;
  version: VersionModel;
  text: PolicyText;
  /** The page at the document's address (`/<locale>/<document>/`), not the permanent one. */
  latest: boolean;
}

/** The same page in another language. */
export interface Alternate {
  locale: LocaleModel;
  /** Root-relative URL. */
  href: string;
}

export function documentUrl(locale: string, document: string): string {
  return `/${locale}/${document}/`;
}

export function versionUrl(locale: string, document: string, version: string): string {
  return `/${locale}/${document}/${version}/`;
}

export const translationStatusUrl = '/translation-status/';

/** The URL of a policy page in `locale`. */
export function policyPageUrl(page: Pick<PolicyPageProps, 'document' | 'version' | 'latest'>, locale: string): string {
  return page.latest ? documentUrl(locale, page.document.slug) : versionUrl(locale, page.document.slug, page.version.id);
}

/** The page in every language that has its text (the page's own language included), in site order. */
export function alternatesOf(page: PolicyPageProps): Alternate[] {
  return page.site.locales.filter((locale) => page.version.texts[locale.code]).map((locale) => ({ locale, href: policyPageUrl(page, locale.code) }));
}

export function absoluteUrl(site: SiteModel, href: string): string {
  return new URL(href.replace(/^\//, ''), site.baseUrl).href;
}

/** One entry per language, document and version (or only the latest version). */
function pages(site: SiteModel, latest: boolean): PolicyPageProps[] {
  return site.locales.flatMap((locale) =>
    site.documents.flatMap((document) =>
      (latest ? document.versions.slice(0, 1) : document.versions).flatMap((version): PolicyPageProps[] => {
        const text = version.texts[locale.code];
        return text ? [{ site, locale, document, version, text, latest }] : [];
      }),
    ),
  );
}

/** `getStaticPaths` entries for /<locale>/<document>/. */
export function latestPaths(site: SiteModel) {
  return pages(site, true).map((props) => ({ params: { locale: props.locale.code, document: props.document.slug }, props }));
}

/** `getStaticPaths` entries for /<locale>/<document>/<version>/. */
export function versionPaths(site: SiteModel) {
  return pages(site, false).map((props) => ({ params: { locale: props.locale.code, document: props.document.slug, version: props.version.id }, props }));
}
