/**
 * sitemap.xml with hreflang alternates. Written as text, escaped as
 * xast-util-to-xml escapes (xml.ts; tests/model/sitemap.test.ts compares
 * the two), rather than as an xast tree like the feeds: a sitemap has one
 * fixed shape, and the largest benchmark site's (11 000 addresses with
 * 110 000 alternates) took half a second through toXml's generic escaping.
 */
import { absoluteUrl, sitemapPages } from '../routing.ts';
import { finishXml, xmlAttribute, xmlText } from './xml.ts';
import type { SiteModel } from './types.ts';

export function buildSitemap(site: SiteModel): string {
  // Each address is an alternate of every page in another language: made absolute once.
  const absolutes = new Map<string, string>();
  const absolute = (href: string) => {
    let value = absolutes.get(href);
    if (value === undefined) absolutes.set(href, (value = absoluteUrl(site, href)));
    return value;
  };
  let xml = '<?xml version="1.0" encoding="utf-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">';
  for (const page of sitemapPages(site)) {
    xml += `<url><loc>${xmlText(absolute(page.href))}</loc>`;
    if (page.alternates.length > 1) {
      for (const alternate of page.alternates) xml += `<xhtml:link rel="alternate" hreflang=${xmlAttribute(alternate.locale.code)} href=${xmlAttribute(absolute(alternate.href))} />`;
    }
    xml += '</url>';
  }
  return finishXml(`${xml}</urlset>`);
}
