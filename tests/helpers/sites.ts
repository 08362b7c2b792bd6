/**
 * The sites the tests build with `npm run build`'s script, each once per test
 * run, all at the same time, before the tests start (tests/setup/global.ts).
 * A test reads one with `builtSite('rtl')`.
 */
import path from 'node:path';
import { inject } from 'vitest';
import { fixturesDir, replaceOnce, siteWith, type Change } from './content.ts';

/** Titles and a variable value holding markup and a script URL: built, they must show as text. */
export const markupChanges: Record<string, Change> = {
  'notice/2024-01-10/en.yaml': (old) => old.replace('title: Data we collect', 'title: "<script>alert(1)</script> Data"').replace('title: Phone number', 'title: "<img src=x onerror=alert(1)>"'),
  'site.yaml': replaceOnce('app: Example App', 'app: "<b onmouseover=alert(1)>App</b> javascript:alert(1)"'),
};

interface SiteBuild {
  /** The content folder (default: the example in content/), made when the build starts. */
  content?: () => string;
  /** More options for the build command. */
  args?: string[];
  /** SOURCE_DATE_EPOCH, when not the tests' 2026-01-01. */
  epoch?: string;
}

export const siteBuilds = {
  /** The shipped example, for 2026-01-01, with the PDF of every version (tests/build/pdf.test.ts). */
  example: { args: ['--pdf'] },
  /** The example again, for the reproducibility tests (PDFs included); never from the build cache, which would copy the first. */
  exampleAgain: { args: ['--pdf', '--no-cache'] },
  /** An Arabic, right-to-left site. */
  rtl: { content: () => path.join(fixturesDir, 'sites/rtl') },
  /** Three versions, drafts included, on 2024-06-15: one in effect, one upcoming (from 2024-07-01), one draft. */
  versions: { content: () => path.join(fixturesDir, 'sites/versions'), args: ['--drafts'], epoch: String(Date.UTC(2024, 5, 15) / 1000) },
  /** The minimal site with markup in titles and variables. */
  markup: { content: () => siteWith(markupChanges), args: ['--drafts'] },
} satisfies Record<string, SiteBuild>;

export type SiteName = keyof typeof siteBuilds;

declare module 'vitest' {
  export interface ProvidedContext {
    /** The built `dist/` folder of each of `siteBuilds`. */
    sites: Record<SiteName, string>;
    /** What each build printed on standard output. */
    buildOutputs: Record<SiteName, string>;
  }
}

/** What the build of a site printed (its standard error was empty, or the run stopped). */
export function buildOutputOf(name: SiteName): string {
  return inject('buildOutputs')[name];
}

/** The `dist/` folder of a site built for this test run. */
export function builtSite(name: SiteName): string {
  return inject('sites')[name];
}
