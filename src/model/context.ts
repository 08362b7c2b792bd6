/**
 * What every step of building the model shares: the site's languages, its
 * variable values, the render cache and the options of the run. Built once
 * from site.yaml by `siteContext`.
 */
import type { Parsed } from '../load/parsed.ts';
import { RenderCache } from '../markdown/cache.ts';
import type { SiteConfig } from '../schema/site.ts';
import { documentUrl, link } from '../routing.ts';
import type { PendingDocumentLink } from './text.ts';
import { resolveVariables } from './values.ts';

export interface BuildOptions {
  /** `publish`: a stale translation is an error. `preview`: a warning. */
  mode: 'publish' | 'preview';
  /** The day the site is built for (YYYY-MM-DD): decides which version is current. */
  buildDate: string;
  /** Include draft versions and unpublished annexes (always in a preview). */
  drafts: boolean;
  /** When given, receives every canonical record built, serialized, by `recordKey()` (for `record`, `records:verify` and publishing). */
  records?: Map<string, string> | undefined;
}

export interface SiteContext {
  site: Parsed<SiteConfig>;
  /** In site order, the source language first. */
  locales: string[];
  sourceLocale: string;
  /** site.yaml's variable values per language: what drafts and future versions use. */
  siteValues: Map<string, Record<string, string>>;
  renderer: RenderCache;
  options: BuildOptions;
  /** Where `doc:<document>#<id>` links lead in a language: the document's address, the site's base path included. */
  documentHref: (locale: string) => (document: string, id: string | undefined) => string;
  /** Every `doc:` link of the texts that can still change, checked once the documents are built. */
  documentLinks: PendingDocumentLink[];
}

export function siteContext(site: Parsed<SiteConfig>, options: BuildOptions): SiteContext {
  const codes = Object.keys(site.data.locales);
  const locales = [site.data.sourceLocale, ...codes.filter((code) => code !== site.data.sourceLocale)].filter((code) => codes.includes(code));
  return {
    site,
    locales,
    sourceLocale: site.data.sourceLocale,
    siteValues: new Map(locales.map((locale) => [locale, resolveVariables(site, locale)])),
    renderer: new RenderCache(),
    options,
    documentHref: (locale) => (document, id) => `${link(site.data, documentUrl(locale, document))}${id ? `#${id}` : ''}`,
    documentLinks: [],
  };
}
