/**
 * Every built page of the example, in a real browser (Debian's Chromium via
 * playwright-core) served from 127.0.0.1: no WCAG 2.1 A/AA violation found
 * by axe-core in light and dark mode, no sideways scrolling on a 360 px
 * phone, flags bold and underlined and unlike links, in print too, no
 * request to any other host, and clause deep links that land in the webview.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from '../../src/browser/chromium.ts';
import { serveStatic, type StaticServer } from '../../src/browser/server.ts';
import { runBuild } from '../helpers/build.ts';
import { fixturesDir, tempDir } from '../helpers/content.ts';
import { htmlFiles, urlOf } from '../helpers/dist.ts';

const out = inject('exampleDist');
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const urls = htmlFiles(out).map(urlOf).sort();

let server: StaticServer;
let browser: Awaited<ReturnType<typeof launchChromium>>;
let context: BrowserContext;

beforeAll(async () => {
  server = await serveStatic(out);
  browser = await launchChromium();
  context = browser.context;
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Opens `url`, recording every request the page makes. */
async function open(url: string, colorScheme: 'light' | 'dark' = 'light'): Promise<{ page: Page; requests: string[] }> {
  const page = await context.newPage();
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  await page.emulateMedia({ colorScheme });
  await page.goto(server.origin + url, { waitUntil: 'load' });
  return { page, requests };
}

interface AxeViolation {
  id: string;
  help: string;
  nodes: { target: string[] }[];
}

async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(
    async () =>
      (
        await (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: AxeViolation[] }> } }).axe.run(document, {
          runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
        })
      ).violations,
  );
  return violations.map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`);
}

describe('every page in a browser', () => {
  it('covers every page type in every language', () => {
    for (const locale of ['en', 'zh-CN']) {
      for (const tail of ['privacy/', 'privacy/2022-09-15/', 'privacy/2025-06-01/changes/', 'privacy/history/', 'privacy/collection/', 'privacy/sharing/', 'privacy/permissions/', 'privacy/2022-09-15/collection/']) expect(urls).toContain(`/${locale}/${tail}`);
      expect(urls).toContain(`/webview/${locale}/privacy/`);
      expect(urls).toContain(`/webview/${locale}/privacy/sharing/`);
    }
    expect(urls).toContain('/');
  });

  describe.each(urls)('%s', (url) => {
    it('has no WCAG 2.1 A/AA violations, in light and in dark mode', async () => {
      for (const scheme of ['light', 'dark'] as const) {
        const { page } = await open(url, scheme);
        expect(await axeViolations(page), `${scheme} mode`).toEqual([]);
        await page.close();
      }
    });

    it('does not scroll sideways at 360 x 740, and requests nothing from another host', async () => {
      const { page, requests } = await open(url);
      const width = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, viewport: window.innerWidth }));
      expect(width.scroll).toBeLessThanOrEqual(width.viewport);
      expect(requests.length).toBeGreaterThan(0);
      for (const request of requests) expect(new URL(request).origin, request).toBe(server.origin);
      expect(await page.locator('script').count()).toBe(0);
      await page.close();
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
    const dist = path.join(tempDir(), 'dist');
    const run = runBuild(['--content', path.join(fixturesDir, 'sites/rtl'), '--out', dist]);
    expect(run.status, run.stderr).toBe(0);
    const rtl = await serveStatic(dist);
    try {
      for (const url of ['/ar/notice/', '/webview/ar/notice/']) {
        for (const scheme of ['light', 'dark'] as const) {
          const page = await context.newPage();
          await page.emulateMedia({ colorScheme: scheme });
          await page.goto(rtl.origin + url);
          expect(await page.evaluate(() => getComputedStyle(document.querySelector('h1')!).direction)).toBe('rtl');
          expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
          expect(await axeViolations(page), `${url} ${scheme}`).toEqual([]);
          await page.close();
        }
      }
    } finally {
      await rtl.close();
    }
  });
});
