/**
 * Which words a site language gets: its own, or those of the variant the
 * documented rule names (docs/translation.md), never across scripts, so
 * Traditional Chinese never shows Simplified words.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadShippedStrings } from '../../src/i18n/load.ts';
import { fallbackOf, layersOf } from '../../src/i18n/resolve.ts';
import { loadSite } from '../../src/load/index.ts';
import { messagesOf, positionOf, siteIn } from '../helpers/content.ts';

const { strings } = await loadShippedStrings();
const shipped = [...strings.keys()];

describe('the fallback rule', () => {
  it.each([
    ['en-GB', 'en'],
    ['en-AU', 'en'],
    ['de-AT', 'de'],
    ['de-CH', 'de'],
    ['pt-BR', 'pt'],
    ['es-MX', 'es'],
    ['ar-EG', 'ar'],
    ['zh-SG', 'zh-CN'],
    ['zh-Hans', 'zh-CN'],
    ['zh-Hans-HK', 'zh-CN'],
    ['zh', 'zh-CN'],
  ])('%s borrows the words of %s', (locale, expected) => {
    expect(fallbackOf(locale, shipped)).toBe(expected);
  });

  it.each(['zh-TW', 'zh-HK', 'zh-MO', 'zh-Hant', 'zh-Hant-CN', 'zh-Hant-SG'])('%s (Traditional) never borrows Simplified words, nor another region’s', (locale) => {
    expect(fallbackOf(locale, shipped.filter((tag) => tag !== locale))).toBeUndefined();
    expect(fallbackOf(locale, ['zh-CN', 'zh-SG', 'zh'])).toBeUndefined();
  });

  it('borrows only within one script (Serbian in Latin script does not get Cyrillic words)', () => {
    expect(fallbackOf('sr-Latn', ['sr'])).toBeUndefined();
    expect(fallbackOf('sr-Cyrl-BA', ['sr'])).toBe('sr');
  });

  it('a language that ships uses its own words only', () => {
    expect(layersOf('zh-HK', { shipped: strings, content: new Map() })).toEqual(['zh-HK']);
    expect(layersOf('zh-TW', { shipped: strings, content: new Map() })).toEqual(['zh-TW']);
    expect(layersOf('en-GB', { shipped: strings, content: new Map() })).toEqual(['en-GB', 'en']);
  });
});

describe('site languages get their words from the site model', () => {
  it('zh-TW and zh-HK get Traditional Chinese words with their own usage, never zh-CN’s', async () => {
    for (const [locale, privacy, published] of [['zh-TW', '隱私權政策', '發布日期'], ['zh-HK', '私隱政策', '發佈日期']] as const) {
      const { site } = await loadSite(siteIn(locale), { buildDate: '2026-01-01' });
      const words = site!.ui[locale]!;
      expect(words['sdk.privacyPolicy']).toBe(privacy);
      expect(words['dates.published']).toBe(published);
      expect(words['toc.heading']).toBe('目錄');
      expect(Object.values(words)).not.toContain(strings.get('zh-CN')!['toc.heading']);
    }
  });

  it('en-GB gets the English words, as docs/translation.md says', async () => {
    const { site } = await loadSite(siteIn('en-GB'), { buildDate: '2026-01-01' });
    expect(site!.ui['en-GB']).toEqual(strings.get('en'));
  });

  it('a language with no words at all is an error on its `locales:` entry in site.yaml', async () => {
    const dir = siteIn('zh-MO');
    const { messages, ok } = await messagesOf(dir);
    expect(ok).toBe(false);
    const errors = messages.filter((message) => message.ruleId === 'missing-ui-strings');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ file: 'site.yaml', fatal: true, ...positionOf(path.join(dir, 'site.yaml'), 'zh-MO:') });
    expect(errors[0]!.reason).toContain('`zh-MO`');
    expect(errors[0]!.reason).toContain(path.relative(process.cwd(), path.join(dir, 'ui/zh-MO.yaml')));
    expect(errors[0]!.reason).toMatch(/`zh-CN`.*`zh-HK`.*`zh-TW`.*not used/);
    expect(errors[0]!.note).toContain('npm run ui:new -- zh-MO');
  });

  it('a content/ui file gives a language that does not ship its words', async () => {
    const { site } = await loadSite(siteIn('zh-MO', { 'ui/zh-MO.yaml': readFileSync(path.join(import.meta.dirname, '../../src/i18n/strings/zh-HK.json'), 'utf8') }), { buildDate: '2026-01-01' });
    expect(site!.ui['zh-MO']).toEqual(strings.get('zh-HK'));
  });
});
