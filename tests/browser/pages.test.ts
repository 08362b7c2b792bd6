/**
 * Every built page of the example, in a real browser (the Chromium that
 * src/browser/chromium.ts finds) served from 127.0.0.1: no WCAG 2.1 A/AA
 * violation found by axe-core in light and dark mode, no sideways scrolling
 * on a 360 px phone, flags bold and underlined and unlike links, in print
 * too, no request to any other host, and clause deep links that land in the
 * webview. Each page is loaded once for its checks.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, type LaunchedBrowser } from '../../src/browser/chromium.ts';
import { serveStatic, type StaticServer } from '../../src/browser/server.ts';
import { htmlFiles, urlOf } from '../helpers/dist.ts';
import { builtSite } from '../helpers/sites.ts';

const out = builtSite('example');
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const urls = htmlFiles(out).map(urlOf).sort();

let server: StaticServer;
let browser: LaunchedBrowser;
let context: BrowserContext;

beforeAll(async () => {
  [server, browser] = await Promise.all([serveStatic(out), launchChromium()]);
  context = browser.context;
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

interface Opened {
  page: Page;
  /** The HTTP status of the page itself. */
  status: number | undefined;
  /** Every request the page made. */
  requests: string[];
  /** Errors and warnings in the console, and uncaught errors (what Lighthouse's errors-in-console audit counts). */
  console: string[];
}

/** Opens `url`, recording what the page requests and logs. */
async function open(url: string, colorScheme: 'light' | 'dark' = 'light', origin = server.origin): Promise<Opened> {
  const page = await context.newPage();
  const requests: string[] = [];
  const logged: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') logged.push(`${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => logged.push(`uncaught: ${error.message}`));
  await page.emulateMedia({ colorScheme });
  const response = await page.goto(origin + url, { waitUntil: 'load' });
  return { page, status: response?.status(), requests, console: logged };
}

interface AxeViolation {
  id: string;
  help: string;
  nodes: { target: string[] }[];
}

/**
 * axe-core on the page as it is now (injected once per page): the WCAG 2.1 A
 * and AA rules, WCAG 2.2's target size (Lighthouse's tap targets), and axe's
 * best practices (headings in order, landmarks …), which Lighthouse's
 * accessibility score also counts.
 */
async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const violations = await page.evaluate(
    async () =>
      (
        await (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: AxeViolation[] }> } }).axe.run(document, {
          runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
          // Details of the rules that passed are not needed, and cost as much again on long pages.
          resultTypes: ['violations'],
        })
      ).violations,
  );
  return violations.map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`);
}

/** axe in light mode, then in dark mode on the same page (the colour scheme applies without a reload). */
async function axeInBothSchemes(page: Page): Promise<void> {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(colorScheme === 'dark');
    expect(await axeViolations(page), `${colorScheme} mode`).toEqual([]);
  }
}

describe('every page in a browser', () => {
  it('covers every page type in every language', () => {
    for (const locale of ['en', 'zh-CN']) {
      for (const tail of ['privacy/', 'privacy/2022-09-15/', 'privacy/2025-06-01/changes/', 'privacy/history/']) expect(urls).toContain(`/${locale}/${tail}`);
      expect(urls).toContain(`/webview/${locale}/privacy/`);
    }
    expect(urls).toContain('/');
  });

  describe.each(urls)('%s', (url) => {
    // One load serves both tests: the first records the requests, the second runs axe on the same page.
    let loaded: Promise<Opened> | undefined;
    const visit = () => (loaded ??= open(url));
    afterAll(async () => (await loaded)?.page.close());

    it('answers 200, does not scroll sideways at 360 x 740, requests nothing from another host, logs no error, and has no text under 12 px', async () => {
      const { page, status, requests, console: logged } = await visit();
      expect(status).toBe(200);
      expect(logged).toEqual([]);
      // Lighthouse's font-size audit asks 60% of the text at 12 px or more; here, all of it.
      const small = await page.evaluate(() => {
        const found: string[] = [];
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const element = node.parentElement!;
          const hidden = element.closest('.visually-hidden') !== null || element.getClientRects().length === 0;
          if (node.textContent!.trim() !== '' && !hidden && parseFloat(getComputedStyle(element).fontSize) < 12) found.push(node.textContent!.trim());
        }
        return found;
      });
      expect(small).toEqual([]);
      const width = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, viewport: window.innerWidth }));
      expect(width.viewport).toBe(360);
      expect(width.scroll).toBeLessThanOrEqual(width.viewport);
      expect(requests.length).toBeGreaterThan(0);
      for (const request of requests) expect(new URL(request).origin, request).toBe(server.origin);
      expect(await page.locator('script').count()).toBe(0);
    });

    it('has no accessibility violations (WCAG 2.1 A/AA, target size, best practices), in light and in dark mode', async () => {
      await axeInBothSchemes((await visit()).page);
    });
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
