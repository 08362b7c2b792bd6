/**
 * Once per test run: a temporary folder that holds every file the tests
 * write (removed at the end, whatever happened), the sites of
 * tests/helpers/sites.ts built into it at the same time, and the browser.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { findChromium } from '../../src/browser/chromium.ts';
import { startBuild } from '../helpers/build.ts';
import { tempDir, useTempRoot } from '../helpers/content.ts';
import { siteBuilds, type SiteName } from '../helpers/sites.ts';

export default async function setup(project: TestProject): Promise<() => void> {
  const root = mkdtempSync(path.join(tmpdir(), 'legal-site-tests-'));
  // tempDir() makes its folders inside: here through useTempRoot, in the tests through inject.
  useTempRoot(root);
  project.provide('tempRoot', root);
  const teardown = () => rmSync(root, { recursive: true, force: true });
  try {
    // Meanwhile, find the browser once (unpacking the npm-delivered Chromium into its cache on a new
    // machine), so that the browser test files do not all unpack it at once. A failure here is left to them.
    const browser = findChromium().catch(() => undefined);
    const entries = await Promise.all(
      Object.entries(siteBuilds).map(async ([name, build]: [string, { content?: () => string; args?: string[]; epoch?: string }]) => {
        const out = path.join(tempDir(`${name}-`), 'dist');
        const run = await startBuild([...(build.content ? ['--content', build.content()] : []), '--out', out, ...(build.args ?? [])], build.epoch ? { SOURCE_DATE_EPOCH: build.epoch } : {}).done;
        if (run.status !== 0 || run.stderr !== '') throw new Error(`Building the test site "${name}" failed:\n${run.stderr}\n${run.stdout}`);
        return [name, out, run.stdout] as const;
      }),
    );
    await browser;
    project.provide('sites', Object.fromEntries(entries.map(([name, out]) => [name, out])) as Record<SiteName, string>);
    project.provide('buildOutputs', Object.fromEntries(entries.map(([name, , stdout]) => [name, stdout])) as Record<SiteName, string>);
  } catch (error) {
    teardown();
    throw error;
  }
  return teardown;
}
