/**
 * The Atom feed of a document's versions in one language (RFC 4287), built
 * as an xast tree and serialized by xast-util-to-xml: no string templates.
 * An entry links its version's lists (`rel="related"`) and tells its
 * inventory changes as HTML content.
 */
import { toHtml } from 'hast-util-to-html';
import { h } from 'hastscript';
import { x } from 'xastscript';
import { formatDate, useTranslations, type Translate } from '../i18n/index.ts';
import { listKinds } from '../inventory/taxonomy.ts';
import { changeSentence } from '../render/inventory-changes.ts';
import { absoluteUrl, documentUrl, feedUrl, listUrl, versionUrl } from '../routing.ts';
import { serializeXml } from './xml.ts';
import type { DocumentModel, LocaleModel, SiteModel, VersionModel } from './types.ts';

export function buildFeed(site: SiteModel, locale: LocaleModel, document: DocumentModel): string {
  const t = useTranslations(site, locale.code);
  const abs = (href: string) => absoluteUrl(site, href);
  const versions = document.versions.filter((version) => !version.draft && version.texts[locale.code]);
  const title = versions[0]?.texts[locale.code]?.title ?? document.slug;
  const updated = `${versions[0]?.published ?? site.builtFor}T00:00:00Z`;

  const tree = x(null, [
    { type: 'instruction', name: 'xml', value: 'version="1.0" encoding="utf-8"' },
    x('feed', { xmlns: 'http://www.w3.org/2005/Atom', 'xml:lang': locale.code }, [
      x('id', abs(feedUrl(locale.code, document.slug))),
      x('title', t('format.title', { page: title, context: t('version.history') })),
      x('updated', updated),
      x('link', { rel: 'self', type: 'application/atom+xml', href: abs(feedUrl(locale.code, document.slug)) }),
      x('link', { rel: 'alternate', type: 'text/html', href: abs(documentUrl(locale.code, document.slug)) }),
      x('author', [x('name', locale.siteName)]),
      ...versions.map((version) =>
        x('entry', [
          x('id', abs(versionUrl(locale.code, document.slug, version.id))),
          x('title', t('format.title', { page: version.texts[locale.code]!.title, context: formatDate(version.published, locale.code) })),
          x('updated', `${version.published}T00:00:00Z`),
          x('published', `${version.published}T00:00:00Z`),
          x('link', { rel: 'alternate', type: 'text/html', href: abs(versionUrl(locale.code, document.slug, version.id)) }),
          // The version's lists, when it has an inventory in this language.
          ...(version.inventory?.[locale.code] ? listKinds.map((kind) => x('link', { rel: 'related', type: 'text/html', title: t(`lists.${kind}`), href: abs(listUrl('hosted', locale.code, document.slug, kind, version.id)) })) : []),
          x('summary', sentences(t, [
            t('feed.effective', { date: formatDate(version.effective, locale.code) }),
            version.summary[locale.code],
            version.material ? t('version.material') : undefined,
          ])),
          ...inventoryContent(version, t),
        ]),
      ),
    ]),
  ]);
  return serializeXml(tree);
}

/** The version's inventory changes, one sentence each, as the entry's HTML content (Atom escapes it). */
function inventoryContent(version: VersionModel, t: Translate) {
  const changes = version.inventoryChanges?.[t.locale] ?? [];
  if (changes.length === 0) return [];
  const html = toHtml([h('p', t('changes.inventory')), h('ul', changes.map((change) => h('li', changeSentence(change, t))))]);
  return [x('content', { type: 'html' }, html)];
}

/** Sentences joined the language's way: with a space in English, without one in Chinese. */
function sentences(t: Translate, parts: (string | undefined)[]): string {
  return parts.filter((part): part is string => Boolean(part)).reduce((first, next) => t('format.sentences', { first, next }));
}
