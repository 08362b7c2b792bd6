/**
 * The sitemap is written as text (src/model/sitemap.ts), not through
 * xast-util-to-xml: it must come out byte for byte as toXml would write it,
 * escapes included, whatever the addresses hold.
 */
import { toXml } from 'xast-util-to-xml';
import { x } from 'xastscript';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadSite } from '../../src/load/index.ts';
import { buildSitemap } from '../../src/model/sitemap.ts';
import type { SiteModel } from '../../src/model/types.ts';
import { serializeXml, xmlAttribute, xmlText } from '../../src/model/xml.ts';
import { absoluteUrl, sitemapPages } from '../../src/routing.ts';
import { exampleContent } from '../helpers/content.ts';

const tricky = ['plain', 'a & b', '<script>', 'say "hi"', "it's", 'a > b', ']]>', 'tab\there', 'bell\u0007ring', 'line\nbreak', '\u0000', '😀 emoji', 'lone \uD800 high', 'lone \uDC00 low', '\uFFFE', '&amp;', '&#x26;'];

/** The sitemap as an xast tree, serialized by toXml: what buildSitemap replaced, and must equal. */
function sitemapThroughXast(site: SiteModel): string {
  return serializeXml(
    x(null, [
      { type: 'instruction', name: 'xml', value: 'version="1.0" encoding="utf-8"' },
      x(
        'urlset',
        { xmlns: 'http://www.sitemaps.org/schemas/sitemap/0.9', 'xmlns:xhtml': 'http://www.w3.org/1999/xhtml' },
        sitemapPages(site).map((page) =>
          x('url', [
            x('loc', absoluteUrl(site, page.href)),
            ...(page.alternates.length > 1 ? page.alternates.map((alternate) => x('xhtml:link', { rel: 'alternate', hreflang: alternate.locale.code, href: absoluteUrl(site, alternate.href) })) : []),
          ]),
        ),
      ),
    ]),
  );
}

describe('XML escapes', () => {
  it.each(tricky)('escapes %j in text as toXml does', (value) => {
    expect(`<a>${xmlText(value)}</a>`).toBe(toXml(x('a', value)));
  });

  it.each(tricky)('escapes %j in an attribute as toXml does', (value) => {
    expect(`<a b=${xmlAttribute(value)}></a>`).toBe(toXml(x('a', { b: value })));
  });
});

describe('sitemap.xml', () => {
  let site: SiteModel;
  beforeAll(async () => {
    const loaded = await loadSite(exampleContent, { mode: 'publish', buildDate: '2026-01-01' });
    if (!loaded.site) throw new Error('The example did not load.');
    site = loaded.site;
  });

  it('is byte for byte what toXml writes for the same tree', () => {
    const sitemap = buildSitemap(site);
    expect(sitemap).toContain('<xhtml:link rel="alternate" hreflang="zh-CN"');
    expect(sitemap).toBe(sitemapThroughXast(site));
  });

  it('escapes what an address holds', () => {
    const odd = { ...site, baseUrl: 'https://example.com/a&b<c>"d/]]>/' };
    const sitemap = buildSitemap(odd);
    expect(sitemap).toContain('<loc>https://example.com/a&#x26;b%3Cc%3E%22d/]]%3E/</loc>');
    expect(sitemap).toBe(sitemapThroughXast(odd));
  });
});
