/**
 * The example in both languages: structure identical, every page in the
 * right language and direction, language links and hreflang alternates
 * reciprocal, the governing-language notice on translated pages; and a
 * right-to-left fixture built end to end.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Root } from 'hast';
import { select, selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import { describe, expect, it } from 'vitest';
import ar from '../../src/i18n/strings/ar.json' with { type: 'json' };
import { htmlFiles, readPage, urlOf } from '../helpers/dist.ts';
import { builtSite } from '../helpers/sites.ts';

const out = builtSite('example');
const baseUrl = 'https://privacy.kaiyang-motors.example';
const pages = htmlFiles(out).map((file) => ({ file, url: urlOf(file), tree: readPage(out, file) }));
const policyPages = pages.filter((page) => /^\/(en|zh-CN)\/privacy\//.test(page.url));

const alternatesOf = (tree: Root) =>
  Object.fromEntries(selectAll('link[rel~="alternate"][hreflang]', tree).map((link) => [String(link.properties['hrefLang']), String(link.properties['href'])]));

describe('the example in two languages', () => {
  it('has every page in both languages', () => {
    const lists = ['collection/', 'sharing/', 'permissions/'];
    const paths = ['', '2022-09-15/', '2025-06-01/', '2025-06-01/changes/', '2025-06-01/changes/2022-09-15/', 'history/', ...['', '2022-09-15/', '2025-06-01/'].flatMap((version) => lists.map((list) => `${version}${list}`))];
    expect(policyPages.map((page) => page.url).sort()).toEqual(['en', 'zh-CN'].flatMap((locale) => paths.map((tail) => `/${locale}/privacy/${tail}`)).sort());
  });

  it('sets <html lang> and dir on every page', () => {
    for (const page of pages) {
      const html = select('html', page.tree)!;
      const expected = /^\/(webview\/)?zh-CN\//.test(page.url) ? 'zh-CN' : 'en';
      expect(html.properties['lang'], page.url).toBe(expected);
      expect(html.properties['dir'], page.url).toBe('ltr');
    }
  });

  it('writes dates the way each language does', () => {
    expect(toText(select('time[datetime="2025-06-01"]', readPage(out, 'zh-CN/privacy/index.html'))!)).toBe('2025年6月1日');
    expect(toText(select('time[datetime="2025-06-01"]', readPage(out, 'en/privacy/index.html'))!)).toBe('June 1, 2025');
  });

  it('has the same sections, clauses, flagged spans and SDK rows in zh-CN as in en', () => {
    const en = readPage(out, 'en/privacy/index.html');
    const zh = readPage(out, 'zh-CN/privacy/index.html');
    const ids = (tree: Root) => selectAll('article [id]', tree).map((element) => String(element.properties['id']));
    expect(ids(zh)).toEqual(ids(en));
    for (const kind of ['sensitive', 'important']) {
      const spans = (tree: Root) => selectAll(`.clause strong.flag-${kind}`, tree).length;
      expect(spans(zh), kind).toBe(spans(en));
      expect(spans(zh), kind).toBeGreaterThan(0);
    }
    expect(selectAll('table.sdk-table tbody tr', zh)).toHaveLength(5);
    expect(selectAll('table.sdk-table a[href^="https://"]', zh).map((a) => a.properties['href'])).toEqual(
      selectAll('table.sdk-table a[href^="https://"]', en).map((a) => a.properties['href']),
    );
  });

  it('links every policy page to itself in the other language, with reciprocal hreflang alternates and x-default', () => {
    for (const page of policyPages) {
      const alternates = alternatesOf(page.tree);
      expect(Object.keys(alternates).sort(), page.url).toEqual(['en', 'x-default', 'zh-CN']);
      expect(alternates['x-default']).toBe(alternates['en']);
      const own = page.url.startsWith('/zh-CN/') ? 'zh-CN' : 'en';
      // The redline from the previous version at …/changes/<previous>/ repeats …/changes/: that is its canonical page, and its alternates are that page's.
      const canonical = String(select('link[rel="canonical"]', page.tree)!.properties['href']);
      if (page.url.endsWith('/changes/2022-09-15/')) expect(canonical, page.url).toBe(`${baseUrl}${page.url.replace('2022-09-15/', '')}`);
      else expect(canonical, page.url).toBe(`${baseUrl}${page.url}`);
      expect(alternates[own], page.url).toBe(canonical);
      for (const [lang, href] of Object.entries(alternates)) {
        const target = pages.find((candidate) => `${baseUrl}${candidate.url}` === href);
        expect(target, `${page.url} → ${lang} ${href}`).toBeDefined();
        expect(alternatesOf(target!.tree), `${href} links back`).toEqual(alternates);
      }
      const switchLinks = selectAll('nav.language-switch a', page.tree).map((a) => String(a.properties['href']));
      expect(switchLinks.map((href) => `${baseUrl}${href}`).sort()).toEqual([alternates['en'], alternates['zh-CN']].sort());
    }
  });

  it('says on the English page, in English, that the governing Simplified Chinese text prevails, and not on the Chinese page', () => {
    const notice = select('.governing-notice', readPage(out, 'en/privacy/index.html'))!;
    expect(toText(notice)).toContain('If it differs from the Simplified Chinese text, the Simplified Chinese text prevails.');
    expect(select('a', notice)!.properties['href']).toBe('/zh-CN/privacy/');
    expect(select('.governing-notice', readPage(out, 'zh-CN/privacy/index.html'))).toBeUndefined();
  });

  it('lists every language on / in its own language, with plain links and no redirect', () => {
    const root = readPage(out, 'index.html');
    const languages = selectAll('.languages > li', root);
    expect(languages.map((li) => [li.properties['lang'], toText(select('.language-name', li)!)])).toEqual([['en', 'English'], ['zh-CN', '简体中文']]);
    expect(selectAll('a', root).map((a) => a.properties['href'])).toEqual(expect.arrayContaining(['/en/privacy/', '/zh-CN/privacy/']));
    expect(selectAll('meta[http-equiv="refresh"], script', root)).toEqual([]);
  });

  it('keeps the translation status page, which is for the team, out of the published site', () => {
    expect(existsSync(path.join(out, 'translation-status'))).toBe(false);
  });
});

describe('a right-to-left language', () => {
  it('builds with dir="rtl" and the Arabic interface', () => {
    const dist = builtSite('rtl');
    const page = readPage(dist, 'ar/notice/index.html');
    const html = select('html', page)!;
    expect([html.properties['lang'], html.properties['dir']]).toEqual(['ar', 'rtl']);
    expect(toText(select('h1', page)!)).toBe('إشعار الخصوصية من شركة المثال');
    expect(toText(select('#_toc', page)!)).toBe(ar['toc.heading']);
    expect(select('strong.flag-sensitive', select('.clause', page)!)).toBeDefined();
  });
});
