/**
 * Every page of the example not in Chinese, in a real browser: see
 * checkEveryPage in browser.ts (status, layout at 360 px, requests, console,
 * text size, axe-core in light and dark mode).
 */
import { checkEveryPage, otherPages, useBrowser } from './browser.ts';

useBrowser();
checkEveryPage(otherPages);
