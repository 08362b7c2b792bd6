/**
 * Parsed content → the typed site model, as a row of small steps, each in
 * its own module and each reporting into the files' messages and going on:
 *
 *   site context (context.ts: languages, variable values)
 *   → per document (document.ts): per version (version.ts): dates, each language's text
 *     (text.ts: clause rendering, ids, SDK references, canonical record), translations
 *     (translations.ts), editorial checks (src/lint), record hashes
 *   → which versions this build includes (drafts), redlines (redlines.ts), status (status.ts)
 *
 * The model is complete even when some file has errors, so that one run
 * reports everything; src/load/index.ts hands it on only when there is none.
 */
import type { Parsed, ParsedContent } from '../load/parsed.ts';
import { resolveUiStrings } from '../i18n/resolve.ts';
import { chainHead } from '../records/chain.ts';
import type { VersionsLock } from '../schema/versions-lock.ts';
import { siteContext, type BuildOptions } from './context.ts';
import { buildDocument } from './document.ts';
import { documentOrder, documentSettings } from './document-settings.ts';
import { checkDocumentLinks } from './document-links.ts';
import type { SiteModel } from './types.ts';
import { localeTexts } from './values.ts';

export type { BuildOptions } from './context.ts';

export function buildSiteModel(content: ParsedContent, options: BuildOptions, lock?: Parsed<VersionsLock>): SiteModel {
  const { site } = content;
  const context = siteContext(site, options);

  const ui = resolveUiStrings(site, context.locales, content.ui);

  const entries = lock?.data.entries ?? [];
  const settings = documentSettings(site, content.documents.map((document) => document.slug), context.siteValues);
  const documents = [...content.documents].sort(documentOrder(site)).flatMap((document) => {
    const built = buildDocument(document, context);
    return built ? [{ ...built, ...settings.get(document.slug) }] : [];
  });
  checkDocumentLinks(context.documentLinks, documents);
  return {
    baseUrl: site.data.baseUrl.endsWith('/') ? site.data.baseUrl : `${site.data.baseUrl}/`,
    builtFor: options.buildDate,
    preview: options.mode === 'preview',
    sourceLocale: site.data.sourceLocale,
    governingLocale: site.data.governingLocale ?? site.data.sourceLocale,
    locales: context.locales.map((code) => ({ code, dir: site.data.locales[code]!.dir, ...localeTexts(site, code, context.siteValues.get(code) ?? {}) })),
    ui,
    documents,
    records: { chainHead: chainHead(entries), entries: entries.length },
  };
}
