/**
 * The example's two versions as a reader and an app see them: permanent
 * pages with notices, history, redline pages, the manifest, the Atom feeds
 * and the sitemap; and a rebuild that is byte for byte the same.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { select, selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import { describe, expect, it } from 'vitest';
import { manifestSchema } from '../../src/schema/manifest.ts';
import { readPage } from '../helpers/dist.ts';
import { buildOutputOf, builtSite } from '../helpers/sites.ts';

const out = builtSite('example');
const base = 'https://privacy.kaiyang-motors.example';
const fileOf = (url: string) => path.join(out, new URL(url).pathname.replace(/\/$/, '/index.html'));

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
