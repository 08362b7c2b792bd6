/**
 * The preview's reloads keep what did not change (parses by file content,
 * clause renderings, built versions, clause comparisons). After any save, a
 * reload with those caches must give exactly what a fresh load gives: the
 * same model and the same messages.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSite, type LoadResult } from '../../src/load/index.ts';
import { ParseCache } from '../../src/load/parse-cache.ts';
import { SharedRenders } from '../../src/markdown/cache.ts';
import { formatReport } from '../../src/messages/report.ts';
import { VersionMemo } from '../../src/model/version-memo.ts';
import { exampleContent, siteWith } from '../helpers/content.ts';

const options = { mode: 'preview' as const, drafts: true, buildDate: '2026-01-01' };

function outcome(result: LoadResult) {
  return { model: JSON.stringify(result.unchecked), report: formatReport(result.files) };
}

describe('incremental reloads in the preview', () => {
  const dir = siteWith({}, exampleContent);
  const caches = { parseCache: new ParseCache(), renders: new SharedRenders(), versions: new VersionMemo() };
  const reload = async () => {
    const result = await loadSite(dir, { ...options, ...caches });
    caches.parseCache.sweep();
    caches.renders.sweep();
    caches.versions.sweep();
    return result;
  };
  const fresh = () => loadSite(dir, options);
  const edit = (file: string, change: (text: string) => string) => {
    const full = path.join(dir, file);
    writeFileSync(full, change(readFileSync(full, 'utf8')));
  };

  it('gives what a fresh load gives, through a series of saves, and reuses what did not change', async () => {
    // A draft to edit, as `npm run new-version` starts one: a copy of the newest version without its frozen values.
    cpSync(path.join(dir, 'privacy/2025-06-01'), path.join(dir, 'privacy/2026-06-01'), { recursive: true, filter: (source) => !/variables(\.[^.]+)?\.yaml$|notice\.yaml$/.test(source) });
    writeFileSync(path.join(dir, 'privacy/2026-06-01/version.yaml'), 'published: 2026-06-01\neffective: 2026-06-01\nmaterial: false\ndraft: true\n');
    const first = await reload();
    expect(outcome(first)).toEqual(outcome(await fresh()));

    const saves: [string, (text: string) => string][] = [
      // a published file changed: an error on that version only
      ['privacy/2022-09-15/en.yaml', (text) => text.replace('Cell phone number is sensitive information', 'Cell phone number is personal information')],
      // undone
      ['privacy/2022-09-15/en.yaml', (text) => text.replace('Cell phone number is personal information', 'Cell phone number is sensitive information')],
      // a clause of the draft reworded
      ['privacy/2026-06-01/en.yaml', (text) => text.replace('we understand the importance', 'we know the importance')],
      // a variable the draft uses (published versions keep theirs), in site.yaml
      ['site.yaml', (text) => text.replace(/^(\s+company:).*$/m, '$1 Renamed Motors Co., Ltd.')],
      // a syntax error, then fixed
      ['privacy/2026-06-01/zh-CN.yaml', (text) => `${text}\n  - id: [broken\n`],
      ['privacy/2026-06-01/zh-CN.yaml', (text) => text.replace('\n  - id: [broken\n', '')],
    ];
    for (const [file, change] of saves) {
      edit(file, change);
      const incremental = await reload();
      expect(outcome(incremental), file).toEqual(outcome(await fresh()));
    }
    expect(caches.versions.hits).toBeGreaterThan(0);
    expect(caches.parseCache.hits).toBeGreaterThan(0);
  });
});
