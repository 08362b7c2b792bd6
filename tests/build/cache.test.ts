/**
 * The warm-build cache (src/cache/): a build with the content, generator,
 * options and date of an earlier one copies that build's checked output; the
 * output is byte-identical with and without the cache; a changed or
 * incomplete cache entry is ignored and removed, never trusted.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listFiles } from '../../src/output/stamp.ts';
import { runBuild } from '../helpers/build.ts';
import { fixturesDir, siteWith, tempDir } from '../helpers/content.ts';

const content = siteWith({}, path.join(fixturesDir, 'sites/versions'));
const cacheDir = path.join(tempDir(), 'cache');
const env = { LEGAL_SITE_CACHE_DIR: cacheDir };
const fromCache = /from the build cache/;

async function tree(dir: string): Promise<Map<string, string>> {
  const files = await listFiles(dir);
  return new Map(files.map((file) => [file, readFileSync(path.join(dir, file), 'latin1')]));
}

function build(out: string, extra: string[] = [], environment: NodeJS.ProcessEnv = env) {
  const run = runBuild(['--content', content, '--out', out, ...extra], environment);
  expect(run.status, run.stderr).toBe(0);
  return run;
}

describe('the build cache', () => {
  const root = tempDir();
  const uncached = path.join(root, 'uncached');
  const cold = path.join(root, 'cold');
  const warm = path.join(root, 'warm');

  it('writes the same bytes with --no-cache, on a cold build and from the cache', async () => {
    expect(build(uncached, ['--no-cache']).stdout).not.toMatch(fromCache);
    expect(existsSync(cacheDir)).toBe(false);
    expect(build(cold).stdout).not.toMatch(fromCache);
    const hit = build(warm);
    expect(hit.stdout).toMatch(fromCache);
    const expected = await tree(uncached);
    expect(expected.size).toBeGreaterThan(10);
    expect(await tree(cold)).toEqual(expected);
    expect(await tree(warm)).toEqual(expected);
  });

  it('ignores and removes an entry whose files changed, and builds in full', async () => {
    const [entry] = readdirSync(cacheDir).filter((name) => /^[0-9a-f]{64}$/.test(name));
    expect(entry).toBeDefined();
    const page = path.join(cacheDir, entry!, 'files/en/notice/index.html');
    writeFileSync(page, readFileSync(page, 'utf8').replace('</h1>', '<script>alert(1)</script></h1>'));
    const out = path.join(root, 'after-tamper');
    const run = build(out);
    expect(run.stdout).not.toMatch(fromCache);
    expect(run.stderr).toMatch(/build cache's copy of this build was ignored and removed \(en\/notice\/index\.html differs from its hash\)/);
    expect(await tree(out)).toEqual(await tree(uncached));
    // The full build kept a fresh copy: the next build is warm again.
    expect(build(path.join(root, 'again')).stdout).toMatch(fromCache);
  });

  it('ignores an entry with a missing or an extra file', async () => {
    const [entry] = readdirSync(cacheDir).filter((name) => /^[0-9a-f]{64}$/.test(name));
    writeFileSync(path.join(cacheDir, entry!, 'files/extra.html'), '<p>not ours</p>');
    const run = build(path.join(root, 'after-extra'));
    expect(run.stderr).toMatch(/list of files differs from its manifest/);
    expect(readdirSync(path.join(root, 'after-extra'))).not.toContain('extra.html');
  });

  it('misses when the content, an option or the build date changes', () => {
    build(path.join(root, 'base'));
    expect(build(path.join(root, 'base-again')).stdout).toMatch(fromCache);
    expect(build(path.join(root, 'drafts'), ['--drafts']).stdout).not.toMatch(fromCache);
    expect(build(path.join(root, 'later'), [], { ...env, SOURCE_DATE_EPOCH: String(1767225600 + 400 * 86400) }).stdout).not.toMatch(fromCache);
    const file = path.join(content, 'site.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('name: Example Notices', 'name: Renamed Notices'));
    const changed = path.join(root, 'changed');
    expect(build(changed).stdout).not.toMatch(fromCache);
    expect(readFileSync(path.join(changed, 'en/notice/index.html'), 'utf8')).toContain('Renamed Notices');
  });
});
