/**
 * Search and sharing, on every page of the built example: the audits of
 * Lighthouse's SEO category that the HTML decides (a title, a meta
 * description in the page's language, a valid robots.txt that names the
 * sitemap, a self-referencing canonical, valid hreflang, crawlable links
 * with descriptive text, image alt text, the viewport) and which pages may
 * be indexed. The audits that need a browser (status, console errors, font
 * sizes, tap targets, accessibility) are in tests/browser/pages.test.ts; the
 * real Lighthouse run is `npm run lighthouse` (docs/performance.md).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Root } from 'hast';
import { select, selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import { toString } from 'mdast-util-to-string';
import remarkDirective from 'remark-directive';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import en from '../../src/i18n/strings/en.json' with { type: 'json' };
import zhCN from '../../src/i18n/strings/zh-CN.json' with { type: 'json' };
import { summarize } from '../../src/model/description.ts';
import { exampleContent, fixturesDir } from '../helpers/content.ts';
import { htmlFiles, readPage, urlOf } from '../helpers/dist.ts';
import { builtSite } from '../helpers/sites.ts';

const out = builtSite('example');
const base = 'https://privacy.kaiyang-motors.example/';
const pages = htmlFiles(out).map((file) => ({ file, url: urlOf(file), html: readFileSync(path.join(out, file), 'utf8'), tree: readPage(out, file) }));
const robotsTxt = readFileSync(path.join(out, 'robots.txt'), 'utf8');

/** The `Disallow` paths of robots.txt for all crawlers. */
const disallowed = robotsTxt
  .split('\n')
  .filter((line) => /^disallow:/i.test(line))
  .map((line) => line.slice('disallow:'.length).trim())
  .filter((value) => value !== '');
const blockedByRobots = (url: string) => disallowed.some((prefix) => url.startsWith(prefix));
const noindex = (tree: Root) => /noindex/.test(String(select('meta[name="robots"]', tree)?.properties['content'] ?? ''));

/** Link texts Lighthouse's link-text audit calls not descriptive (its English and Chinese lists, in part). */
const vagueLinkTexts = new Set(['click here', 'click this', 'go', 'here', 'information', 'learn more', 'more', 'more info', 'more information', 'right here', 'read more', 'see more', 'start', 'this', '点击此处', '了解更多', '更多', '这里', '点击这里', '阅读更多']);

const han = /\p{Script=Han}/u;

describe('robots.txt', () => {
  it('is valid, names the sitemap, and keeps crawlers out of /webview/ only', () => {
    const lines = robotsTxt.split('\n').filter((line) => line.trim() !== '' && !line.startsWith('#'));
    for (const line of lines) expect(line).toMatch(/^(User-agent|Allow|Disallow|Sitemap): \S*$/);
    expect(lines[0]).toBe('User-agent: *');
    expect(disallowed).toEqual(['/webview/']);
    const sitemap = lines.find((line) => line.startsWith('Sitemap: '))!.slice('Sitemap: '.length);
    expect(sitemap).toBe(`${base}sitemap.xml`);
    expect(existsSync(path.join(out, 'sitemap.xml'))).toBe(true);
  });
});

describe.each(pages)('$url', ({ url, html, tree }) => {
  const lang = String(select('html', tree)!.properties['lang']);

  it('starts with a doctype and declares its charset first', () => {
    expect(html.toLowerCase().startsWith('<!doctype html>')).toBe(true);
    expect(select('head > :first-child', tree)?.tagName).toBe('meta');
    expect(select('head > :first-child', tree)?.properties['charSet']).toBe('utf-8');
  });

  it('has a title, and a meta description in its own language', () => {
    const titles = selectAll('title', tree).map((title) => toText(title).trim());
    expect(titles).toHaveLength(1);
    expect(titles[0]).not.toBe('');
    const descriptions = selectAll('meta[name="description"]', tree).map((meta) => String(meta.properties['content']).trim());
    expect(descriptions).toHaveLength(1);
    expect(descriptions[0]!.length).toBeGreaterThan(20);
    expect(han.test(descriptions[0]!), descriptions[0]).toBe(lang === 'zh-CN');
  });

  it('has a valid language, a viewport that allows zoom, and a canonical link to itself (webview pages: none)', () => {
    expect(Intl.getCanonicalLocales(lang)).toEqual([lang]);
    const viewport = String(select('meta[name="viewport"]', tree)?.properties['content']);
    expect(viewport).toContain('width=device-width');
    expect(viewport).not.toMatch(/user-scalable\s*=\s*(no|0)|maximum-scale/);
    const canonical = selectAll('link[rel~="canonical"]', tree).map((link) => String(link.properties['href']));
    // A webview page is kept out of search (robots.txt), and names no canonical page. The redline from
    // the previous version at …/changes/<previous>/ repeats …/changes/, which it names as canonical.
    const repeated = /^(\/[^/]+\/[^/]+\/\d{4}-\d{2}-\d{2}\/changes\/)\d{4}-\d{2}-\d{2}\/$/.exec(url)?.[1];
    if (url.startsWith('/webview/')) expect(canonical).toEqual([]);
    else if (repeated) expect([[new URL(url.slice(1), base).href], [new URL(repeated.slice(1), base).href]]).toContainEqual(canonical);
    else expect(canonical).toEqual([new URL(url.slice(1), base).href]);
  });

  it('gives valid hreflang codes with absolute addresses', () => {
    for (const link of selectAll('link[rel~="alternate"][hreflang]', tree)) {
      const code = String(link.properties['hrefLang']);
      if (code !== 'x-default') expect(Intl.getCanonicalLocales(code)).toEqual([code]);
      expect(String(link.properties['href']).startsWith(base)).toBe(true);
    }
  });

  it('has crawlable links with descriptive text, and no image without alt text', () => {
    for (const link of selectAll('a', tree)) {
      const href = link.properties['href'];
      expect(href, toText(link)).toBeDefined();
      expect(String(href)).not.toMatch(/^\s*javascript:/i);
      expect(vagueLinkTexts.has(toText(link).trim().toLowerCase()), toText(link)).toBe(false);
    }
    expect(selectAll('img:not([alt])', tree)).toEqual([]);
  });

  it('may be indexed if and only if it is a public page', () => {
    const kept = url.startsWith('/webview/') || url === '/404.html' || url === '/translation-status/';
    expect(noindex(tree) || blockedByRobots(url), 'kept out of search').toBe(kept);
    // A crawler kept out by robots.txt cannot read a noindex: one way per page.
    if (blockedByRobots(url)) expect(noindex(tree)).toBe(false);
  });
});

describe('the page for an address with no page, /404.html', () => {
  it('says so in every language of the site, with links to the documents in that language', () => {
    const page = readPage(out, '404.html');
    const sections = selectAll('main section[lang]', page);
    expect(sections.map((section) => section.properties['lang'])).toEqual(['en', 'zh-CN']);
    for (const section of sections) {
      const links = selectAll('a', section).map((link) => String(link.properties['href']));
      expect(links).toEqual([`/${String(section.properties['lang'])}/privacy/`]);
      for (const link of links) expect(existsSync(path.join(out, link, 'index.html'))).toBe(true);
    }
    expect(han.test(toText(sections[1]!))).toBe(true);
    expect(han.test(toText(sections[0]!))).toBe(false);
  });
});

describe('the meta description', () => {
  it('is the document description from site.yaml, with variables filled in, on every page of the document', () => {
    const written = parse(readFileSync(path.join(exampleContent, 'site.yaml'), 'utf8')) as { documents: { privacy: { description: Record<string, string> } }; variables: Record<string, Record<string, string>> };
    for (const locale of ['en', 'zh-CN']) {
      const expected = written.documents.privacy.description[locale]!.replace(/\{\{(\w+)\}\}/g, (_, name: string) => written.variables[name]![locale]!);
      // The first-launch notice (a webview page) is described by its own words; the lists by theirs.
      for (const page of pages.filter((each) => each.url.replace(/^\/webview/, '').startsWith(`/${locale}/privacy/`) && !/history|changes|notice|collection|sharing|permissions/.test(each.url))) {
        expect(select('meta[name="description"]', page.tree)!.properties['content'], page.url).toBe(expected);
      }
      // A list page says what the list shows.
      for (const page of pages.filter((each) => /\/(collection|sharing|permissions)\/$/.test(each.url) && each.url.replace(/^\/webview/, '').startsWith(`/${locale}/`))) {
        const kind = /(collection|sharing|permissions)\/$/.exec(page.url)![1]!;
        expect(select('meta[name="description"]', page.tree)!.properties['content'], page.url).toBe((locale === 'en' ? en : zhCN)[`lists.intro.${kind}` as 'lists.intro.collection']);
      }
    }
  });

  it('is the start of the first clause where site.yaml gives none', () => {
    const dist = builtSite('rtl');
    const text = parse(readFileSync(path.join(fixturesDir, 'sites/rtl/notice/2024-01-10/ar.yaml'), 'utf8')) as { sections: { clauses: { text: string }[] }[] };
    // The clause as a reader sees it: its Markdown (and flags) as plain text.
    const first = toString(unified().use(remarkParse).use(remarkDirective).parse(text.sections[0]!.clauses[0]!.text));
    expect(first).not.toContain(':sensitive[');
    for (const file of ['ar/notice/index.html', 'webview/ar/notice/index.html']) {
      expect(select('meta[name="description"]', readPage(dist, file))!.properties['content']).toBe(summarize(first, 'ar'));
    }
  });
});

describe('summarize', () => {
  const sentences = 'We collect your phone number to sign you in. We keep it for as long as your account exists. You can delete it at any time in the settings of the app.';

  it('keeps short text whole', () => {
    expect(summarize('  We collect   your phone number. ', 'en')).toBe('We collect your phone number.');
  });

  it('ends at a sentence when whole sentences fill at least half', () => {
    expect(summarize(sentences, 'en', 100)).toBe('We collect your phone number to sign you in. We keep it for as long as your account exists.');
  });

  it('ends at a word with an ellipsis when the first sentence is too long', () => {
    const cut = summarize(sentences, 'en', 30);
    expect(cut).toBe('We collect your phone number…');
    expect(cut.length).toBeLessThanOrEqual(30);
  });

  it('counts a Chinese character twice, and cuts Chinese at a word', () => {
    const chinese = '我们会收集您的手机号码用于登录，并在您的账户存续期间保存该信息，您可以随时在应用设置中删除。';
    const cut = summarize(chinese, 'zh-CN', 30);
    expect(cut.endsWith('…')).toBe(true);
    expect([...cut].length).toBeLessThanOrEqual(15);
    expect(chinese.startsWith(cut.slice(0, -1))).toBe(true);
  });
});
