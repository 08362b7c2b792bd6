/**
 * The browser tests' shared set-up: the example served from 127.0.0.1, the
 * Chromium that src/browser/chromium.ts finds, and the checks every page
 * gets. The pages are split over several test files so that they run in
 * parallel.
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
/** Every page of the example, by URL. */
export const urls = htmlFiles(out).map(urlOf).sort();

/** The pages in Chinese, and all others: each checked by its own test file, at the same time. */
export const chinesePages = urls.filter((url) => url.includes('/zh-CN/'));
export const otherPages = urls.filter((url) => !chinesePages.includes(url));

let server: StaticServer;
let browser: LaunchedBrowser;
let context: BrowserContext;

/** Starts the browser and serves the example for the tests of the calling file. */
export function useBrowser(): { origin: () => string; context: () => BrowserContext } {
  beforeAll(async () => {
    [server, browser] = await Promise.all([serveStatic(out), launchChromium()]);
    context = browser.context;
  });
  afterAll(async () => {
    tab = undefined;
    await browser?.close();
    await server?.close();
  });
  return { origin: () => server.origin, context: () => context };
}

export interface Opened {
  page: Page;
  /** The HTTP status of the page itself. */
  status: number | undefined;
  /** Every request the page made. */
  requests: string[];
  /** Errors and warnings in the console, and uncaught errors (what Lighthouse's errors-in-console audit counts). */
  console: string[];
}

/**
 * One tab for the checks of every page in a file: navigating it from page to
 * page keeps its renderer, so Chromium starts no new process and V8 compiles
 * axe-core's half megabyte once, not once a page (about a third of the
 * browser tests' time).
 */
let tab: Page | undefined;

/** Opens `url` in a new tab (or, with `reuse`, in the shared one), recording what the page requests and logs. */
export async function open(url: string, colorScheme: 'light' | 'dark' = 'light', origin = server.origin, reuse = false): Promise<Opened> {
  const page = reuse ? (tab ??= await context.newPage()) : await context.newPage();
  for (const event of ['request', 'console', 'pageerror'] as const) page.removeAllListeners(event);
  const requests: string[] = [];
  const logged: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') logged.push(`${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => logged.push(`uncaught: ${error.message}`));
  await page.emulateMedia({ colorScheme, media: 'screen' });
  const response = await page.goto(origin + url, { waitUntil: 'load' });
  return { page, status: response?.status(), requests, console: logged };
}

interface AxeViolation {
  id: string;
  help: string;
  nodes: { target: string[] }[];
}

/** axe-core's rules that depend on colour: all that dark mode changes (the stylesheets change colours only, through light-dark() and system colours). */
const colourRules = ['color-contrast', 'link-in-text-block'];

/**
 * axe-core on the page as it is now (injected once per page): the WCAG 2.1 A
 * and AA rules, WCAG 2.2's target size (Lighthouse's tap targets), and axe's
 * best practices (headings in order, landmarks …), which Lighthouse's
 * accessibility score also counts; or only the colour rules.
 */
async function axeViolations(page: Page, only?: readonly string[]): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const runOnly = only ? { type: 'rule', values: only } : { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] };
  const violations = await page.evaluate(
    async (options) =>
      (await (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: AxeViolation[] }> } }).axe.run(document, options)).violations,
    // Details of the rules that passed are not needed, and cost as much again on long pages.
    { runOnly, resultTypes: ['violations'] },
  );
  return violations.map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`);
}

/** Every rule in light mode, then the colour rules in dark mode, on the same page (the colour scheme applies without a reload). */
export async function axeInBothSchemes(page: Page): Promise<void> {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(colorScheme === 'dark');
    expect(await axeViolations(page, colorScheme === 'dark' ? colourRules : undefined), `${colorScheme} mode`).toEqual([]);
  }
}

/** The checks every page gets, one describe per URL; each page is loaded once for both tests. */
export function checkEveryPage(pageUrls: readonly string[]): void {
  describe.each(pageUrls)('%s', (url) => {
    // One load serves both tests: the first records the requests, the second runs axe on the same page.
    let loaded: Promise<Opened> | undefined;
    const visit = () => (loaded ??= open(url, 'light', server.origin, true));

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
}
