/** The site model → /policies.json, checked against its schema as it is made. */
import { listKinds } from '../inventory/taxonomy.ts';
import { absoluteUrl, changesFromUrl, changesUrl, currentOf, documentUrl, feedUrl, listUrl, noticeJsonLdUrl, noticeTargetUrl, versionPdfUrl, versionUrl, webviewChangesUrl, webviewNoticeUrl, webviewUrl } from '../routing.ts';
import { manifestSchema, type Manifest } from '../schema/manifest.ts';
import { nextChange } from './schedule.ts';
import type { DocumentModel, SiteModel, VersionModel } from './types.ts';

/** `pdf`: the build writes a PDF of every version (`npm run build -- --pdf`), so each version names its `pdfUrl`. */
export function buildManifest(site: SiteModel, { pdf = false }: { pdf?: boolean } = {}): Manifest {
  const abs = (href: string) => absoluteUrl(site, href);
  /** The three lists' addresses, of one version or (no `version`) at the current version's stable addresses. */
  const lists = (locale: string, document: string, version?: string) =>
    Object.fromEntries(listKinds.map((kind) => [kind, { url: abs(listUrl('hosted', locale, document, kind, version)), webviewUrl: abs(listUrl('webview', locale, document, kind, version)) }])) as Record<(typeof listKinds)[number], { url: string; webviewUrl: string }>;
  const documents = site.documents.flatMap((document) =>
    site.locales.flatMap((locale) => {
      const published = document.versions.filter((version) => !version.draft && version.texts[locale.code]);
      const current = currentOf(document);
      const text = current.texts[locale.code];
      if (!text || published.length === 0) return [];
      const inEffect = published.filter((version) => version.status !== 'upcoming');
      const consentRequiredSince = (inEffect.find((version) => version.material) ?? inEffect.at(-1) ?? published.at(-1)!).id;
      const publishedIds = new Set(published.map((version) => version.id));
      return [
        {
          document: document.slug,
          locale: locale.code,
          title: text.title,
          url: abs(documentUrl(locale.code, document.slug)),
          webviewUrl: abs(webviewUrl(locale.code, document.slug)),
          feedUrl: abs(feedUrl(locale.code, document.slug)),
          ...(current.inventory?.[locale.code] ? { lists: lists(locale.code, document.slug) } : {}),
          ...(current.notice?.[locale.code] ? { noticeWebviewUrl: abs(webviewNoticeUrl(locale.code, document.slug)) } : {}),
          current: current.id,
          consentRequiredSince,
          versions: published.map((version) => ({
            version: version.id,
            published: version.published,
            effective: version.effective,
            status: version.status === 'draft' ? ('upcoming' as const) : version.status,
            material: version.material,
            ...(version.summary[locale.code] ? { summary: version.summary[locale.code] } : {}),
            sha256: version.sha256[locale.code]!,
            ...(version.legacySha256?.[locale.code] ? { legacySha256: version.legacySha256[locale.code] } : {}),
            url: abs(versionUrl(locale.code, document.slug, version.id)),
            webviewUrl: abs(webviewUrl(locale.code, document.slug, version.id)),
            ...(pdf ? { pdfUrl: abs(versionPdfUrl(locale.code, document.slug, version.id)) } : {}),
            ...(version.inventory?.[locale.code] && version.inventorySha256?.[locale.code] ? { inventory: { sha256: version.inventorySha256[locale.code], lists: lists(locale.code, document.slug, version.id) } } : {}),
            ...(version.declarations?.notice[locale.code] ? { jsonldUrl: abs(noticeJsonLdUrl(locale.code, document.slug, version.id)) } : {}),
            ...(version.changes?.[locale.code] ? { changesUrl: abs(changesUrl(locale.code, document.slug, version.id)), webviewChangesUrl: abs(webviewChangesUrl(locale.code, document.slug, version.id)) } : {}),
            ...changesFrom(document, version, locale.code, publishedIds),
            ...notice(document, version, locale.code),
          })),
        },
      ];
    }),
  );
  const next = nextChange(site);
  return manifestSchema.parse({ schemaVersion: 2, builtFor: site.builtFor, baseUrl: site.baseUrl, ...(next ? { nextChange: next } : {}), records: site.records, documents });

  /** The current and upcoming versions: the redline from every earlier published version. */
  function changesFrom(document: DocumentModel, version: VersionModel, locale: string, publishedIds: ReadonlySet<string>) {
    const from = Object.keys(version.changesFrom ?? {}).filter((id) => publishedIds.has(id) && version.changesFrom![id]![locale]);
    if (from.length === 0) return {};
    return { changesFrom: Object.fromEntries(from.map((id) => [id, { url: abs(changesFromUrl(locale, document.slug, version.id, id)), webviewUrl: abs(webviewChangesUrl(locale, document.slug, version.id, id)) }])) };
  }

  /** The first-launch notice as plain text and links, for a native dialog. */
  function notice(document: DocumentModel, version: VersionModel, locale: string) {
    const model = version.notice?.[locale];
    if (!model) return {};
    const links = model.links.map(({ label, target }) => ({
      label,
      url: 'href' in target ? target.href : abs(noticeTargetUrl(target, 'hosted', locale, document.slug, version.id)),
      // The policy and the lists have webview pages; outside addresses have none.
      ...('page' in target ? { webviewUrl: abs(noticeTargetUrl(target, 'webview', locale, document.slug, version.id)) } : {}),
    }));
    return { notice: { text: model.text, links, webviewUrl: abs(webviewNoticeUrl(locale, document.slug, version.id)), sha256: model.sha256 } };
  }
}
