/**
 * Delivery checks on the built example, without a browser: every page passes
 * the W3C Nu HTML Checker (one call over all files), every page carries the
 * same Content Security Policy as public/_headers, and the webview page
 * weighs at most 1.3 times its text, gzipped.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { select } from 'hast-util-select';
import { describe, expect, it } from 'vitest';
import { pageWeight } from '../../src/bench/weight.ts';
import { contentSecurityPolicy } from '../../src/security.ts';
import { projectRoot } from '../helpers/build.ts';
import { htmlFiles, readPage } from '../helpers/dist.ts';
import { builtSite } from '../helpers/sites.ts';

const out = builtSite('example');
const files = htmlFiles(out);

describe('delivery', () => {
  it('every page passes the Nu HTML Checker with no errors', () => {
    const vnu = createRequire(import.meta.url).resolve('vnu-jar/build/dist/vnu.jar');
    const run = spawnSync('java', ['-jar', vnu, '--errors-only', '--format', 'gnu', ...files.map((file) => path.join(out, file))], { encoding: 'utf8' });
    expect(run.error, 'Java must be installed (.ci/run installs it)').toBeUndefined();
    expect(run.stderr + run.stdout).toBe('');
    expect(run.status).toBe(0);
    expect(files.length).toBeGreaterThan(15);
  });

  it('every page has the Content Security Policy and no-referrer meta tags, as in public/_headers', () => {
    const headers = readFileSync(path.join(projectRoot, 'public/_headers'), 'utf8');
    const headerPolicy = /Content-Security-Policy: (.+)/.exec(headers)?.[1] ?? '';
    expect(headerPolicy.startsWith(`${contentSecurityPolicy};`)).toBe(true);
    expect(headers).toContain('Referrer-Policy: no-referrer');
    expect(headers).toContain('Strict-Transport-Security: max-age=');
    for (const file of files) {
      const page = readPage(out, file);
      expect(select('meta[http-equiv]', page)?.properties['content'], file).toBe(contentSecurityPolicy);
      expect(select('meta[name="referrer"]', page)?.properties['content'], file).toBe('no-referrer');
    }
  });

  it('the English webview page weighs at most 1.3 times its text, gzipped (HTML + CSS)', () => {
    const weight = pageWeight(out, 'webview/en/privacy/index.html');
    expect(weight.text).toBeGreaterThan(3000);
    expect(weight.ratio).toBeLessThanOrEqual(1.3);
  });

  it('the Simplified Chinese webview page stays within 1.35 (its ASCII clause ids compress poorly beside Chinese text)', () => {
    expect(pageWeight(out, 'webview/zh-CN/privacy/index.html').ratio).toBeLessThanOrEqual(1.35);
  });
});
