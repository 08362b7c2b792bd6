/** The site model → /policies.json, checked against its schema as it is made. */
import { listKinds } from '../inventory/taxonomy.ts';
import { absoluteUrl, changesUrl, currentOf, documentUrl, feedUrl, listUrl, versionUrl, webviewUrl } from '../routing.ts';
import { manifestSchema, type Manifest } from '../schema/manifest.ts';
import { nextChange } from './schedule.ts';
import type { SiteModel } from './types.ts';

export function buildManifest(site: SiteModel): Manifest {
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
      return [
        {
          document: document.slug,
          locale: locale.code,
          title: text.title,
          url: abs(documentUrl(locale.code, document.slug)),
          webviewUrl: abs(webviewUrl(locale.code, document.slug)),
          feedUrl: abs(feedUrl(locale.code, document.slug)),
          ...(current.inventory?.[locale.code] ? { lists: lists(locale.code, document.slug) } : {}),
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
            ...(version.changes?.[locale.code] ? { changesUrl: abs(changesUrl(locale.code, document.slug, version.id)) } : {}),
            ...(version.inventory?.[locale.code] && version.inventorySha256?.[locale.code] ? { inventory: { sha256: version.inventorySha256[locale.code], lists: lists(locale.code, document.slug, version.id) } } : {}),
          })),
        },
      ];
    }),
  );
  const next = nextChange(site);
  return manifestSchema.parse({ schemaVersion: 2, builtFor: site.builtFor, baseUrl: site.baseUrl, ...(next ? { nextChange: next } : {}), records: site.records, documents });
}
