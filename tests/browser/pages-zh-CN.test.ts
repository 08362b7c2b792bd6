/**
 * Every Chinese page of the example in a real browser (see checkEveryPage in
 * browser.ts), and a right-to-left site.
 */
import { describe, expect, it } from 'vitest';
import { serveStatic } from '../../src/browser/server.ts';
import { builtSite } from '../helpers/sites.ts';
import { axeInBothSchemes, checkEveryPage, chinesePages, open, useBrowser } from './browser.ts';

useBrowser();
checkEveryPage(chinesePages);

describe('a right-to-left site in the browser', () => {
  it('lays out right to left, with no accessibility violations and no sideways scrolling', async () => {
    const rtl = await serveStatic(builtSite('rtl'));
    try {
      for (const url of ['/ar/notice/', '/webview/ar/notice/']) {
        const { page } = await open(url, 'light', rtl.origin);
        expect(await page.evaluate(() => getComputedStyle(document.querySelector('h1')!).direction)).toBe('rtl');
        expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
        await axeInBothSchemes(page);
        await page.close();
      }
    } finally {
      await rtl.close();
    }
  });
});
