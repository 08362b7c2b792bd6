/**
 * The example's two versions as a reader and an app see them: permanent
 * pages with notices, history, redline pages, the manifest, the Atom feeds
 * and the sitemap; and a rebuild that is byte for byte the same. Then the
 * moment of consent: redlines from any earlier version, the consent notice
 * on the webview page, the first-launch notice, and what /policies.json
 * gives an app for each.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { select, selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { manifestSchema } from '../../src/schema/manifest.ts';
import { projectRoot, runBuild } from '../helpers/build.ts';
import { replaceOnce, siteWith, tempDir } from '../helpers/content.ts';
import { readPage } from '../helpers/dist.ts';
import { buildOutputOf, builtSite } from '../helpers/sites.ts';

const out = builtSite('example');
const base = 'https://privacy.kaiyang-motors.example';
const fileOf = (url: string, dir = out) => path.join(dir, new URL(url).pathname.replace(/\/$/, '/index.html'));

/** Every absolute address anywhere in a manifest. */
function urlsOf(value: unknown): string[] {
  if (typeof value === 'string') return /^https?:\/\//.test(value) ? [value] : [];
  if (Array.isArray(value)) return value.flatMap(urlsOf);
  if (value && typeof value === 'object') return Object.values(value).flatMap(urlsOf);
  return [];
}

/** Every address of the site in a manifest leads to a built page (the feed to its XML). */
function expectEveryUrlBuilt(manifest: unknown, dir: string, baseUrl: string): string[] {
  const urls = urlsOf(manifest).filter((url) => url.startsWith(baseUrl));
  for (const url of urls) {
    const file = fileOf(url.replace(/#.*$/, ''), dir);
    expect(existsSync(file), url).toBe(true);
    // Pages, feeds, and the PDFs of a build with --pdf (tests/build/pdf.test.ts reads them).
    if (url.endsWith('.pdf')) expect(readFileSync(file).subarray(0, 5).toString('latin1'), url).toBe('%PDF-');
    // The JSON-LD notice (docs/app-stores.md) is JSON with its context inline; every other address but the feeds is a page.
    else if (url.endsWith('.jsonld')) expect(JSON.parse(readFileSync(file, 'utf8'))['@context'], url).toBeDefined();
    else if (!url.endsWith('.xml')) expect(readFileSync(file, 'utf8'), url).toContain('<html');
  }
  return urls;
}

describe('versions on the example site', () => {
  it('shows the 2025 version at the document address, and notices on the older version', () => {
    const current = readPage(out, 'en/privacy/index.html');
    expect(select('time[datetime="2025-06-01"]', current)).toBeDefined();
    expect(select('section#vehicle-data', current)).toBeDefined();
    const older = readPage(out, 'en/privacy/2022-09-15/index.html');
    const notice = select('.notice', older)!;
    expect(toText(notice)).toContain('This version was replaced on July 1, 2025.');
    expect(select('a', notice)!.properties['href']).toBe('/en/privacy/');
  });

  it('lists every version on the history page, newest first, with dates, summary and links (its redline and its three lists)', () => {
    const history = readPage(out, 'zh-CN/privacy/history/index.html');
    const items = selectAll('ol.history > li', history);
    expect(items.map((item) => select('time', item)!.properties['dateTime'])).toEqual(['2025-06-01', '2022-09-15']);
    expect(toText(items[0]!)).toContain('示例修订');
    expect(selectAll('a', items[0]!).map((a) => a.properties['href'])).toEqual(['/zh-CN/privacy/2025-06-01/', '/zh-CN/privacy/2025-06-01/changes/', ...['collection', 'sharing', 'permissions'].map((list) => `/zh-CN/privacy/2025-06-01/${list}/`)]);
    expect(selectAll('a', items[1]!).map((a) => a.properties['href'])).toEqual(['/zh-CN/privacy/2022-09-15/', ...['collection', 'sharing', 'permissions'].map((list) => `/zh-CN/privacy/2022-09-15/${list}/`)]);
    expect(toText(items[1]!)).toContain('已替代');
  });

  it('has a redline page for the second version in each language, with <ins> and <del> labelled for screen readers', () => {
    for (const locale of ['en', 'zh-CN']) {
      const page = readPage(out, `${locale}/privacy/2025-06-01/changes/index.html`);
      expect(selectAll('ins', page).length, locale).toBeGreaterThan(5);
      expect(selectAll('del', page).length, locale).toBeGreaterThan(1);
      for (const mark of selectAll('ins, del', page)) expect(select('.visually-hidden', mark), locale).toBeDefined();
      expect(select('#vehicle-data .change-labels', page)).toBeDefined();
      expect(selectAll('#_sdk-changes .change', page).map((change) => change.properties['id'])).toEqual(['sdk-tencent-cloud', 'sdk-amap', 'sdk-weibo']);
      expect(select('p.unchanged', page), 'unchanged parts collapse to a line').toBeDefined();
    }
    expect(() => readFileSync(path.join(out, 'en/privacy/2022-09-15/changes/index.html'))).toThrow();
  });

  it('publishes a manifest that matches its schema and points at real pages', () => {
    const manifest = manifestSchema.parse(JSON.parse(readFileSync(path.join(out, 'policies.json'), 'utf8')));
    expect(manifest.builtFor).toBe('2026-01-01');
    expect(manifest.documents.map((entry) => [entry.document, entry.locale, entry.current, entry.consentRequiredSince])).toEqual([
      ['privacy', 'en', '2025-06-01', '2025-06-01'],
      ['privacy', 'zh-CN', '2025-06-01', '2025-06-01'],
    ]);
    for (const entry of manifest.documents) {
      expect(entry.versions.map((version) => [version.version, version.status, version.material])).toEqual([['2025-06-01', 'current', true], ['2022-09-15', 'past', false]]);
      for (const url of [entry.url, ...entry.versions.flatMap((version) => [version.url, ...(version.changesUrl ? [version.changesUrl] : [])])]) {
        expect(url.startsWith(base), url).toBe(true);
        expect(readFileSync(fileOf(url), 'utf8'), url).toContain('<html');
      }
      expect(new Set(entry.versions.map((version) => version.sha256)).size).toBe(2);
    }
    expect(expectEveryUrlBuilt(manifest, out, base).length).toBeGreaterThan(30);
  });

  it('publishes an Atom feed per language with one entry per version', () => {
    const feed = readFileSync(path.join(out, 'zh-CN/privacy/feed.xml'), 'utf8');
    expect(feed).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?>\n?<feed xmlns="http:\/\/www.w3.org\/2005\/Atom" xml:lang="zh-CN">/);
    expect(feed.match(/<entry>/g)).toHaveLength(2);
    expect(feed).toContain(`<link rel="alternate" type="text/html" href="${base}/zh-CN/privacy/2025-06-01/" />`);
  });

  it('lists every public page in sitemap.xml, with hreflang alternates', () => {
    const sitemap = readFileSync(path.join(out, 'sitemap.xml'), 'utf8');
    const locs = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1]!);
    expect(locs).toContain(`${base}/zh-CN/privacy/2025-06-01/changes/`);
    expect(locs).toContain(`${base}/en/privacy/history/`);
    expect(locs.some((loc) => loc.includes('translation-status'))).toBe(false);
    for (const loc of locs) expect(readFileSync(fileOf(loc), 'utf8'), loc).toContain('<html');
    expect(sitemap).toContain(`<xhtml:link rel="alternate" hreflang="zh-CN" href="${base}/zh-CN/privacy/" />`);
  });

  it('writes HTML with one block element per line, for readable diffs', () => {
    const html = readFileSync(path.join(out, 'en/privacy/index.html'), 'utf8');
    expect(html.split('\n').length).toBeGreaterThan(150);
    for (const line of html.split('\n')) expect(line.match(/<(p|h[1-6]|section|div|table|tr|ul|ol|dl)[ >]/g)?.length ?? 0, line).toBeLessThanOrEqual(1);
  });
});

describe('reproducible builds', () => {
  it('a second build with the same SOURCE_DATE_EPOCH is byte for byte the same', () => {
    const again = builtSite('exampleAgain');
    const files = (dir: string) => readdirSync(dir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name))).sort();
    expect(files(again)).toEqual(files(out));
    expect(files(out).length).toBeGreaterThan(20);
    for (const file of files(out)) expect(readFileSync(path.join(again, file)).equals(readFileSync(path.join(out, file))), file).toBe(true);
  });
});

describe('upcoming versions and drafts in a built site', () => {
  // Built with --drafts for 2024-06-15: 2024-01-10 in effect; 2024-06-01 published, in effect from 2024-07-01; 2024-09-01 a draft.
  // (That a build without --drafts leaves drafts out is tested on the model, in tests/versions/selection.test.ts.)
  const dist = builtSite('versions');

  it('announces a published version that is not yet in effect, and links to it', () => {
    const current = readPage(dist, 'en/notice/index.html');
    expect(select('time[datetime="2024-01-10"]', current)).toBeDefined();
    const notice = select('.notice', current)!;
    expect(toText(notice)).toContain('A new version of this policy takes effect on July 1, 2024.');
    expect(select('a', notice)!.properties['href']).toBe('/en/notice/2024-06-01/');
    expect(toText(select('.notice', readPage(dist, 'en/notice/2024-06-01/index.html'))!)).toContain('This version takes effect on July 1, 2024.');
  });

  it('says when to build again: the day the upcoming version takes effect, in the output and in /policies.json', () => {
    expect(buildOutputOf('versions')).toContain('Version 2024-06-01 of notice takes effect on 2024-07-01: build the site again on or after 2024-07-01');
    expect(JSON.parse(readFileSync(path.join(dist, 'policies.json'), 'utf8')).nextChange).toBe('2024-07-01');
    // On 2026-01-01 nothing of the example is upcoming: nothing to say, and no nextChange.
    expect(buildOutputOf('example')).not.toContain('takes effect');
    expect(JSON.parse(readFileSync(path.join(out, 'policies.json'), 'utf8'))).not.toHaveProperty('nextChange');
  });

  it('builds drafts only when asked, marks them, and leaves them out of the manifest', () => {
    expect(toText(select('.notice-draft', readPage(dist, 'en/notice/2024-09-01/index.html'))!)).toBe('Draft: this version is not published.');
    const manifest = manifestSchema.parse(JSON.parse(readFileSync(path.join(dist, 'policies.json'), 'utf8')));
    expect(manifest.documents[0]!.versions.map((version) => [version.version, version.status])).toEqual([['2024-06-01', 'upcoming'], ['2024-01-10', 'current']]);
  });
});

describe('the moment of consent on the example site', () => {
  const manifest = () => manifestSchema.parse(JSON.parse(readFileSync(path.join(out, 'policies.json'), 'utf8')));

  it('builds the current version’s redline from every earlier version, hosted and for the webview', () => {
    for (const locale of ['en', 'zh-CN']) {
      const since = readPage(out, `${locale}/privacy/2025-06-01/changes/2022-09-15/index.html`);
      const previous = readPage(out, `${locale}/privacy/2025-06-01/changes/index.html`);
      expect(toText(select('main > article', since)!), locale).toBe(toText(select('main > article', previous)!));
      // From the previous version it repeats …/changes/, its canonical address, which the sitemap lists instead.
      expect(select('link[rel="canonical"]', since)!.properties['href']).toBe(`${base}/${locale}/privacy/2025-06-01/changes/`);
      for (const page of [`webview/${locale}/privacy/2025-06-01/changes/index.html`, `webview/${locale}/privacy/2025-06-01/changes/2022-09-15/index.html`]) {
        const webview = readPage(out, page);
        expect(select('.site-header, nav, link[rel="canonical"]', webview), page).toBeUndefined();
        expect(selectAll('ins', webview).length, page).toBeGreaterThan(5);
        expect(selectAll('.version-links a', webview).map((a) => a.properties['href'])).toEqual([`/webview/${locale}/privacy/2022-09-15/`, `/webview/${locale}/privacy/2025-06-01/`]);
        // The redline's styles, and none of the hosted site's.
        const sheets = selectAll('link[rel="stylesheet"]', webview).map((link) => readFileSync(path.join(out, String(link.properties['href'])), 'utf8')).join('');
        expect(sheets).toContain('.visually-hidden');
        expect(sheets).not.toContain('.site-header');
      }
    }
    const sitemap = readFileSync(path.join(out, 'sitemap.xml'), 'utf8');
    expect(sitemap).not.toContain('/webview/');
    expect(sitemap).not.toContain('/changes/2022-09-15/');
  });

  it('gives, for the current version, the redline from each earlier version, and the webview redline of every version with one before it', () => {
    for (const entry of manifest().documents) {
      const [current, past] = entry.versions;
      expect(current!.changesFrom).toEqual({
        '2022-09-15': { url: `${base}/${entry.locale}/privacy/2025-06-01/changes/2022-09-15/`, webviewUrl: `${base}/webview/${entry.locale}/privacy/2025-06-01/changes/2022-09-15/` },
      });
      expect(current!.webviewChangesUrl).toBe(`${base}/webview/${entry.locale}/privacy/2025-06-01/changes/`);
      expect(past!.changesFrom).toBeUndefined();
      expect(past!.webviewChangesUrl).toBeUndefined();
    }
  });

  it('shows the summary and the consent notice on the webview page of the version that needs renewed consent, linking to its webview redline', () => {
    for (const [locale, words] of [['en', 'the app will ask for it'], ['zh-CN', '应用将请求您同意']] as const) {
      const entry = manifest().documents.find((document) => document.locale === locale)!;
      for (const page of [`webview/${locale}/privacy/index.html`, `webview/${locale}/privacy/2025-06-01/index.html`]) {
        const article = select('main > article', readPage(out, page))!;
        const text = toText(article);
        expect(text, page).toContain(entry.versions[0]!.summary!);
        expect(text, page).toContain(words);
        const link = selectAll('a', article).find((a) => a.properties['href'] === `/webview/${locale}/privacy/2025-06-01/changes/`);
        expect(link, page).toBeDefined();
        expect(select('script', readPage(out, page))).toBeUndefined();
      }
      // Not on the replaced version, nor on the hosted pages (which have their own summary and record links).
      expect(toText(readPage(out, `webview/${locale}/privacy/2022-09-15/index.html`))).not.toContain(words);
      expect(toText(readPage(out, `${locale}/privacy/index.html`))).not.toContain(words);
    }
  });

  it('builds the first-launch notice for the webview, and gives it in the manifest as the same text and links', () => {
    for (const entry of manifest().documents) {
      const { locale } = entry;
      const notice = entry.versions[0]!.notice!;
      expect(entry.noticeWebviewUrl).toBe(`${base}/webview/${locale}/privacy/notice/`);
      expect(notice.webviewUrl).toBe(`${base}/webview/${locale}/privacy/2025-06-01/notice/`);
      expect(entry.versions[1]!.notice).toBeUndefined();
      const current = select('main > article', readPage(out, `webview/${locale}/privacy/notice/index.html`))!;
      const permanent = select('main > article', readPage(out, `webview/${locale}/privacy/2025-06-01/notice/index.html`))!;
      expect(toText(current)).toBe(toText(permanent));
      expect(selectAll('p', current).map((p) => toText(p).replace(/\s+/g, ' ').trim()).join('\n\n')).toBe(notice.text);
      const anchors = selectAll('p a', current);
      expect(anchors.map((a) => toText(a))).toEqual(notice.links.map((link) => link.label));
      expect(anchors.map((a) => String(a.properties['href']))).toEqual(notice.links.map((link) => (link.webviewUrl ?? link.url).replace(base, '')));
      for (const label of notice.links.map((link) => link.label)) expect(notice.text).toContain(label);
      // Its links lead to the policy: the page, its sections, and the contact (the lists come with the data inventory).
      expect(notice.links.filter((link) => link.webviewUrl).map((link) => new URL(link.webviewUrl!).hash)).toEqual(['', '#collection', '#sdk-directory', '#permissions', '#contact']);
      for (const link of notice.links.filter((candidate) => candidate.webviewUrl)) {
        const [page, id] = link.webviewUrl!.replace(base, '').split('#');
        const target = readPage(out, `${page!.slice(1)}index.html`);
        if (id) expect(select(`[id="${id}"]`, target), link.webviewUrl).toBeDefined();
      }
    }
  });
});

describe('a user who accepted a version two versions ago', () => {
  // The versions fixture, its draft 2024-09-01 rewording `phone`, with a notice, published (as publish-version does).
  const content = siteWith(
    {
      'notice/2024-09-01/en.yaml': replaceOnce('to sign you in', 'to sign you in and to reach you'),
      'notice/2024-09-01/version.yaml': (text) => `${text.replace('draft: true\n', '')}material: true\nsummary:\n  en: Phone clause reworded.\n`,
      'notice/2024-09-01/notice.yaml': '# yaml-language-server: $schema=../../../../../../schemas/notice.schema.json\ntext:\n  en: |\n    Welcome to {{app}}. Please read [the notice](page:policy).\n',
    },
    path.join(projectRoot, 'tests/fixtures/sites/versions'),
  );
  const dist = path.join(tempDir(), 'dist');
  const nbase = 'https://notices.example.com';

  it('opens, from /policies.json, a webview page with everything that changed since the version they accepted', () => {
    const published = spawnSync(process.execPath, [path.join(projectRoot, 'src/cli/versions.ts'), 'publish', 'notice', '2024-09-01', '--content', content], { encoding: 'utf8' });
    expect(published.status, published.stderr).toBe(0);
    const run = runBuild(['--content', content, '--out', dist]);
    expect(run.status, run.stderr).toBe(0);

    const entry = manifestSchema.parse(JSON.parse(readFileSync(path.join(dist, 'policies.json'), 'utf8'))).documents[0]!;
    expect([entry.current, entry.consentRequiredSince]).toEqual(['2024-09-01', '2024-09-01']);
    const current = entry.versions[0]!;
    expect(Object.keys(current.changesFrom!).sort()).toEqual(['2024-01-10', '2024-06-01']);
    expectEveryUrlBuilt(entry, dist, nbase);

    // Stored: "accepted 2024-01-10". Between it and the current version, `liability` was reworded and restored, `phone` reworded.
    const page = readPage(dist, new URL(current.changesFrom!['2024-01-10']!.webviewUrl).pathname.slice(1) + 'index.html');
    expect(toText(select('h1', page)!)).toBe('Changes from January 10, 2024 to September 1, 2024');
    expect(select('#phone ins', page)).toBeDefined();
    expect(select('#liability', page)).toBeUndefined();
    // Both versions since then say what they changed.
    const summaries = toText(select('.summary', page)!);
    expect(summaries).toContain('Outages clause reworded.');
    expect(summaries).toContain('Phone clause reworded.');
    // From the version just before, `liability` is the change.
    expect(select('#liability del', readPage(dist, 'webview/en/notice/2024-09-01/changes/2024-06-01/index.html'))).toBeDefined();

    // The hosted page links to the redline from each earlier version; the sitemap lists the one that is not also …/changes/.
    const hosted = readPage(dist, 'en/notice/2024-09-01/changes/2024-01-10/index.html');
    expect(selectAll('nav.compare a', hosted).map((a) => [a.properties['href'], a.properties['ariaCurrent'] ?? null])).toEqual([
      ['/en/notice/2024-09-01/changes/', null],
      ['/en/notice/2024-09-01/changes/2024-01-10/', 'page'],
    ]);
    const sitemap = readFileSync(path.join(dist, 'sitemap.xml'), 'utf8');
    expect(sitemap).toContain(`<loc>${nbase}/en/notice/2024-09-01/changes/2024-01-10/</loc>`);
    expect(sitemap).not.toContain('/changes/2024-06-01/');

    // First launch: the notice, as a page and as text with links.
    expect(current.notice).toMatchObject({ text: 'Welcome to Example App. Please read the notice.', links: [{ label: 'the notice', url: `${nbase}/en/notice/2024-09-01/`, webviewUrl: `${nbase}/webview/en/notice/2024-09-01/` }] });
    expect(toText(select('main', readPage(dist, 'webview/en/notice/notice/index.html'))!)).toContain('Please read the notice.');
  });
});
