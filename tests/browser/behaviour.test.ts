/**
 * Behaviour in a real browser, beyond what every page is checked for (see
 * pages-*.test.ts): flags bold and underlined and unlike links, in print too;
 * an address with no page; clause deep links that land in the webview; the
 * webview page's text size and bare frame.
 */
import { describe, expect, it } from 'vitest';
import { axeInBothSchemes, open, urls, useBrowser } from './browser.ts';

useBrowser();

describe('every page in a browser', () => {
  it('covers every page type in every language (checked in pages-*.test.ts)', () => {
    for (const locale of ['en', 'zh-CN']) {
      for (const tail of ['privacy/', 'privacy/2022-09-15/', 'privacy/2025-06-01/changes/', 'privacy/history/', 'privacy/collection/', 'privacy/sharing/', 'privacy/permissions/', 'privacy/2022-09-15/collection/']) expect(urls).toContain(`/${locale}/${tail}`);
      expect(urls).toContain(`/webview/${locale}/privacy/`);
      expect(urls).toContain(`/webview/${locale}/privacy/sharing/`);
    }
    expect(urls).toContain('/');
    expect(urls).toContain('/404.html');
  });
});

describe('flags and links', () => {
  it.each(['/en/privacy/', '/webview/zh-CN/privacy/'])('on %s flags are bold and underlined, links look different, also in print', async (url) => {
    const { page } = await open(url);
    for (const media of ['screen', 'print'] as const) {
      await page.emulateMedia({ media });
      const styles = await page.evaluate(() => {
        const style = (element: Element) => {
          const computed = getComputedStyle(element);
          return { weight: Number(computed.fontWeight), line: computed.textDecorationLine, decoration: computed.textDecorationStyle, thickness: computed.textDecorationThickness, color: computed.color };
        };
        return {
          flags: [...document.querySelectorAll('strong.flag-sensitive, strong.flag-important')].map(style),
          links: [...document.querySelectorAll('.clause a')].map(style),
        };
      });
      expect(styles.flags.length).toBeGreaterThan(10);
      expect(styles.links.length).toBeGreaterThan(3);
      for (const flag of styles.flags) {
        expect(flag.weight, media).toBeGreaterThanOrEqual(700);
        expect(flag.line, media).toContain('underline');
      }
      for (const link of styles.links) {
        expect(link.weight).toBeLessThan(700);
        for (const flag of styles.flags) expect([link.color, link.decoration, link.thickness]).not.toEqual([flag.color, flag.decoration, flag.thickness]);
        if (media === 'screen') expect(styles.flags.every((flag) => flag.color !== link.color)).toBe(true);
      }
    }
    await page.close();
  });

  it('prints no navigation, and prints the SDK privacy-policy addresses', async () => {
    const { page } = await open('/en/privacy/');
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.site-header').isVisible()).toBe(false);
    expect(await page.locator('nav.toc').isVisible()).toBe(false);
    const printed = await page.locator('table.sdk-table a').allInnerTexts();
    expect(printed.every((text) => text.startsWith('https://'))).toBe(true);
    expect(printed).toHaveLength(5);
    await page.close();
  });
});

describe('an address with no page', () => {
  it('answers 404 with the site\'s page that says so in every language, without errors or violations', async () => {
    const { page, status, console: logged } = await open('/en/privacy/no-such-page/');
    expect(status).toBe(404);
    expect(logged.filter((line) => !line.includes('404'))).toEqual([]);
    expect(await page.locator('section[lang]').evaluateAll((sections) => sections.map((section) => section.getAttribute('lang')))).toEqual(['en', 'zh-CN']);
    await axeInBothSchemes(page);
    await page.close();
  });
});

describe('the webview page', () => {
  it('opens at a clause from a deep link', async () => {
    const { page } = await open('/webview/en/privacy/#single-sign-on');
    const box = await page.evaluate(() => {
      const rect = document.getElementById('single-sign-on')!.getBoundingClientRect();
      return { top: rect.top, height: window.innerHeight, scrolled: window.scrollY };
    });
    expect(box.scrolled).toBeGreaterThan(500);
    expect(box.top).toBeGreaterThan(-1);
    expect(box.top).toBeLessThan(box.height / 2);
    await page.close();
  });

  it('has body text of at least 16 px, and follows the reader’s text size', async () => {
    const { page } = await open('/webview/en/privacy/');
    expect(await page.evaluate(() => parseFloat(getComputedStyle(document.querySelector('.clause p')!).fontSize))).toBeGreaterThanOrEqual(16);
    await page.evaluate(() => {
      document.documentElement.style.fontSize = '24px';
    });
    expect(await page.evaluate(() => parseFloat(getComputedStyle(document.querySelector('.clause p')!).fontSize))).toBe(24);
    expect(await page.evaluate(() => document.querySelector('meta[name="viewport"]')!.getAttribute('content'))).not.toMatch(/user-scalable|maximum-scale/);
    await page.close();
  });

  it('has no site header, navigation or footer', async () => {
    const { page } = await open('/webview/zh-CN/privacy/');
    expect(await page.locator('header, nav, footer').count()).toBe(0);
    expect(await page.locator('table.sdk-table tbody tr').count()).toBe(5);
    await page.close();
  });
});
