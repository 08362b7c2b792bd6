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
import { keyNodeOf, nodeAtPath, placeOfNode } from '../load/yaml.ts';
import { hasUiStrings } from '../i18n/index.ts';
import { fail } from '../messages/message.ts';
import { chainHead } from '../records/chain.ts';
import type { VersionsLock } from '../schema/versions-lock.ts';
import { siteContext, type BuildOptions } from './context.ts';
import { buildDocument } from './document.ts';
import type { DocumentModel, SiteModel } from './types.ts';
import { localizedValue } from './values.ts';

export type { BuildOptions } from './context.ts';

export function buildSiteModel(content: ParsedContent, options: BuildOptions, lock?: Parsed<VersionsLock>): SiteModel {
  const { site } = content;
  const context = siteContext(site, options);

  for (const code of context.locales) {
    if (!hasUiStrings(code)) {
      const node = nodeAtPath(site.source, ['locales']).node;
      fail(site.source.file, `Unexpected language \`${code}\`: the generator has no interface strings for it`, placeOfNode(site.source, keyNodeOf(node, code) ?? node), 'missing-ui-strings');
    }
  }

  const entries = lock?.data.entries ?? [];
  return {
    baseUrl: site.data.baseUrl.endsWith('/') ? site.data.baseUrl : `${site.data.baseUrl}/`,
    builtFor: options.buildDate,
    preview: options.mode === 'preview',
    sourceLocale: site.data.sourceLocale,
    governingLocale: site.data.governingLocale ?? site.data.sourceLocale,
    locales: context.locales.map((code) => {
      const locale = site.data.locales[code]!;
      return { code, name: locale.name, dir: locale.dir, siteName: localizedValue(site, ['name'], site.data.name, code) };
    }),
    documents: content.documents.map((document) => buildDocument(document, context)).filter((document): document is DocumentModel => document !== undefined),
    records: { chainHead: chainHead(entries), entries: entries.length },
  };
}
