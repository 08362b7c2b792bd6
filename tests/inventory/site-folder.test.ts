/**
 * A site published in a folder (baseUrl with a path): every link of the
 * list pages, of the policy page's links to them and of the lists placed in
 * a clause carries the path, as every other page's do.
 */
import path from 'node:path';
import { selectAll } from 'hast-util-select';
import { describe, expect, it } from 'vitest';
import { runBuild } from '../helpers/build.ts';
import { fixturesDir, replaceOnce, siteWith, tempDir } from '../helpers/content.ts';
import { htmlFiles, readPage } from '../helpers/dist.ts';

describe('the lists of a site published in a folder', () => {
  it('link with the path', () => {
    const placed = replaceOnce('        sdks: all', '        sdks: all\n        lists: [collection]');
    const content = siteWith({ 'site.yaml': replaceOnce('https://notices.example.com/', 'https://example.github.io/project/'), 'notice/2024-01-10/en.yaml': placed, 'notice/2024-01-10/zh-CN.yaml': placed }, path.join(fixturesDir, 'sites/inventory'));
    const dist = path.join(tempDir(), 'dist');
    const run = runBuild(['--content', content, '--out', dist, '--drafts']);
    expect(run.status, run.stderr).toBe(0);
    const pages = htmlFiles(dist).filter((file) => /(collection|sharing|permissions)\/index\.html$|^(en|zh-CN)\/notice\/index\.html$/.test(file));
    expect(pages).toHaveLength(2 * (1 + 6 * 2));
    let links = 0;
    for (const file of pages) {
      for (const element of selectAll('a[href]', readPage(dist, file))) {
        const url = String(element.properties['href']);
        if (url.startsWith('#') || url.startsWith('https://crash.example.com/')) continue;
        links++;
        expect(url, `${file}: ${url}`).toMatch(/^\/project\//);
      }
    }
    expect(links).toBeGreaterThan(50);
  }, 120_000);
});
