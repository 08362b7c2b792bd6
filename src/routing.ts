/**
 * Every page of the site and its URL, computed once from the model (after
 * Starlight's `utils/routing`). Pages call these; no page builds a URL itself.
 *
 *   /                                      languages and documents
 *   /<locale>/<document>/                  the latest version
 *   /<locale>/<document>/<YYYY-MM-DD>/     one version, permanently
 */
import type { DocumentModel, LocaleModel, PolicyText, SiteModel, VersionModel } from './model/types.ts';

export interface PolicyPageProps {
  locale: LocaleModel;
  document: DocumentModel;
  version: VersionModel;
  text: PolicyText;
}

export function documentUrl(locale: string, document: string): string {
  return `/${locale}/${document}/`;
}

export function versionUrl(locale: string, document: string, version: string): string {
  return `/${locale}/${document}/${version}/`;
}

/** One entry per language, document and version (or only the latest version). */
function pages(site: SiteModel, latestOnly: boolean): PolicyPageProps[] {
  return site.locales.flatMap((locale) =>
    site.documents.flatMap((document) =>
      (latestOnly ? document.versions.slice(0, 1) : document.versions).flatMap((version): PolicyPageProps[] => {
        const text = version.texts[locale.code];
        return text ? [{ locale, document, version, text }] : [];
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
