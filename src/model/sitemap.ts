/** sitemap.xml with hreflang alternates, built as an xast tree. */
import { x } from 'xastscript';
import { absoluteUrl, sitemapPages } from '../routing.ts';
import { serializeXml } from './xml.ts';
import type { SiteModel } from './types.ts';

export function buildSitemap(site: SiteModel): string {
  const tree = x(null, [
    { type: 'instruction', name: 'xml', value: 'version="1.0" encoding="utf-8"' },
    x(
      'urlset',
      { xmlns: 'http://www.sitemaps.org/schemas/sitemap/0.9', 'xmlns:xhtml': 'http://www.w3.org/1999/xhtml' },
      sitemapPages(site).map((page) =>
        x('url', [
          x('loc', absoluteUrl(site, page.href)),
          ...(page.alternates.length > 1
            ? page.alternates.map((alternate) => x('xhtml:link', { rel: 'alternate', hreflang: alternate.locale.code, href: absoluteUrl(site, alternate.href) }))
            : []),
        ]),
      ),
    ),
  ]);
  return serializeXml(tree);
}
