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
import { projectRoot, startBuild } from '../helpers/build.ts';
import { tempDir, testTempRootVariable } from '../helpers/content.ts';
import { siteBuilds, type SiteName } from '../helpers/sites.ts';

export default async function setup(project: TestProject): Promise<() => void> {
  const root = mkdtempSync(path.join(tmpdir(), 'legal-site-tests-'));
  // Every Node process of the run (the test workers, each build and command, astro check) keeps the
  // compiled code of the modules it loads in Node's compile cache, and the next one reuses it: each
  // run of a command starts about a third faster. Kept between test runs, beside node_modules' other caches.
  process.env['NODE_COMPILE_CACHE'] ??= path.join(projectRoot, 'node_modules/.cache/node-compile-cache');
  // The test workers start after this and inherit it: tempDir() then makes its folders inside.
  process.env[testTempRootVariable] = root;
  const teardown = () => rmSync(root, { recursive: true, force: true });
  try {
    // Meanwhile, find the browser once (unpacking the npm-delivered Chromium into its cache on a new
    // machine), so that the browser test files do not all unpack it at once. A failure here is left to them.
    const browser = findChromium().catch(() => undefined);
    const entries = await Promise.all(
      Object.entries(siteBuilds).map(async ([name, build]: [string, { content?: () => string; args?: string[]; epoch?: string }]) => {
        const out = path.join(tempDir(`${name}-`), 'dist');
        const run = await startBuild([...(build.content ? ['--content', build.content()] : []), '--out', out, ...(build.args ?? [])], build.epoch ? { SOURCE_DATE_EPOCH: build.epoch } : {});
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
