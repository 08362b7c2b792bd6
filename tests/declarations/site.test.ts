/**
 * The built example publishes each version's notice as JSON-LD, per
 * language, and links it from the version's pages as an alternate (never
 * as a script element); the changes page tells app teams what to update in
 * each store; /policies.json gives the notice's address.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { select, selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { exampleContent } from '../helpers/content.ts';
import { htmlFiles, readPage } from '../helpers/dist.ts';
import { builtSite } from '../helpers/sites.ts';

const out = builtSite('example');
const versions = ['2022-09-15', '2025-06-01'];
const locales = ['en', 'zh-CN'];

describe('the JSON-LD notice on the site', () => {
  it.each(versions.flatMap((version) => locales.map((locale) => [version, locale] as const)))('%s in %s is published and linked from the version’s pages', (version, locale) => {
    const file = path.join(out, locale, 'privacy', version, 'notice.jsonld');
    expect(existsSync(file)).toBe(true);
    const notice = JSON.parse(readFileSync(file, 'utf8')) as { '@type': string; title: Record<string, string> };
    expect(notice['@type']).toBe('dpv:PrivacyNotice');
    expect(Object.keys(notice.title)).toEqual([locale]);
    const pages = htmlFiles(out, path.join(locale, 'privacy', version));
    expect(pages.length).toBeGreaterThan(3);
    for (const page of pages) {
      const tree = readPage(out, page);
      const links = selectAll('head link[rel="alternate"][type="application/ld+json"]', tree);
      expect(links.map((link) => link.properties['href']), page).toEqual([`https://privacy.kaiyang-motors.example/${locale}/privacy/${version}/notice.jsonld`]);
      expect(selectAll('script[type="application/ld+json"]', tree), page).toEqual([]);
    }
  });

  it('policies.json gives each version’s notice address', () => {
    const manifest = JSON.parse(readFileSync(path.join(out, 'policies.json'), 'utf8')) as { documents: { locale: string; versions: { version: string; jsonldUrl?: string }[] }[] };
    for (const document of manifest.documents) {
      for (const version of document.versions) expect(version.jsonldUrl).toBe(`https://privacy.kaiyang-motors.example/${document.locale}/privacy/${version.version}/notice.jsonld`);
    }
  });
});

describe('the changes page, for app teams', () => {
  it.each(locales)('in %s lists the store declarations to update, with the new third party', (locale) => {
    const tree = readPage(out, path.join(locale, 'privacy', '2025-06-01', 'changes', 'index.html'));
    const section = select('#_declaration-changes', tree);
    expect(section).toBeDefined();
    const items = selectAll('li', section!).map((item) => toText(item));
    // The SDK that 2025-06-01 added, by its name in this language (sdks.yaml).
    const sdks = (parse(readFileSync(path.join(exampleContent, 'privacy/2025-06-01/sdks.yaml'), 'utf8')) as { sdks: { id: string; name: string | Record<string, string> }[] }).sdks;
    const name = sdks.find((sdk) => sdk.id === 'amap')!.name;
    const amap = typeof name === 'string' ? name : name[locale]!;
    expect(items.some((item) => item.includes('Play') && item.includes('Precise location') && item.includes(amap)), items.join('\n')).toBe(true);
    expect(items.every((item) => /^(App Store|Play|AppGallery)/.test(item))).toBe(true);
  });

  it('is not on the webview’s changes page, which is for users', () => {
    const tree = readPage(out, path.join('webview', 'en', 'privacy', '2025-06-01', 'changes', 'index.html'));
    expect(select('#_declaration-changes', tree)).toBeUndefined();
  });
});
