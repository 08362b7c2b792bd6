/**
 * `npm run translations:confirm -- <language> [<clause-id>…] [--all]`:
 * confirms the named clauses only, or all with `--all`; with neither, lists
 * what is stale and changes nothing. Each confirmation keeps the source text
 * it was made against, for `status --diff`.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSite } from '../../src/load/index.ts';
import { partStatuses } from '../../src/translation/parts.ts';
import { bilingualSite, replaceOnce, siteWith } from '../helpers/content.ts';
import { translations } from '../helpers/translations.ts';

const en = 'notice/2024-01-10/en.yaml';
const record = 'notice/2024-01-10/translations.yaml';

/** The bilingual site with two clauses changed in English: `welcome` and `liability` are stale in Chinese. */
function twoStale(): string {
  return siteWith({
    [en]: (text) => replaceOnce('We are not liable for outages.', 'We are not liable for outages or delays.')(replaceOnce('{{company}} runs {{app}}.', '{{company}} runs {{app}} and its website.')(text)),
  }, bilingualSite);
}

async function staleIn(dir: string): Promise<string[]> {
  const { parsed } = await loadSite(dir, { mode: 'preview' });
  return partStatuses(parsed.content!.documents[0]!.versions[0]!, 'en', 'zh-CN')!.filter((part) => part.state !== 'current').map((part) => part.key);
}

describe('translations:confirm', () => {
  it('confirms only the named clause; the others stay stale', async () => {
    const dir = twoStale();
    expect(await staleIn(dir)).toEqual(['welcome', 'liability']);
    const run = translations('confirm', ['zh-CN', 'liability', '--content', dir]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('confirmed zh-CN for notice 2024-01-10: liability');
    expect(run.stdout).toContain('still stale: welcome');
    expect(await staleIn(dir)).toEqual(['welcome']);
    // The English text it was confirmed against is kept.
    expect(readFileSync(path.join(dir, record), 'utf8')).toContain('    text: |\n      We are not liable for outages or delays.\n');
  });

  it('with neither clauses nor --all, lists what is stale and changes nothing', async () => {
    const dir = twoStale();
    const before = readFileSync(path.join(dir, record), 'utf8');
    const run = translations('confirm', ['zh-CN', '--content', dir]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('notice 2024-01-10 zh-CN stale: welcome, liability');
    expect(run.stdout).toContain('Nothing was confirmed. Name the clauses whose translation you checked');
    expect(readFileSync(path.join(dir, record), 'utf8')).toBe(before);
    expect(await staleIn(dir)).toEqual(['welcome', 'liability']);
  });

  it('--all confirms every clause', async () => {
    const dir = twoStale();
    const run = translations('confirm', ['zh-CN', '--all', '--content', dir]);
    expect(run.status, run.stderr).toBe(0);
    expect(await staleIn(dir)).toEqual([]);
  });

  it('refuses a clause the language does not have, and clauses together with --all, with one line and the usage', () => {
    const dir = twoStale();
    const unknown = translations('confirm', ['zh-CN', 'liabilty', '--content', dir]);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr.split('\n')[0]).toBe('Unexpected clause `liabilty`: the zh-CN text has no such part, expected one of those stale now: welcome, liability.');
    const both = translations('confirm', ['zh-CN', 'liability', '--all', '--content', dir]);
    expect(both.status).toBe(2);
    expect(both.stderr.split('\n')[0]).toBe('Unexpected clause ids with `--all`, expected either the clauses to confirm or `--all`.');
    expect(both.stderr).toContain('Usage: npm run translations:confirm -- <language> [<clause-id>…] [options]');
  });

  it('never writes a published version', () => {
    const records = siteWith({}, path.resolve(bilingualSite, '../records'));
    const before = readFileSync(path.join(records, 'notice/2024-06-01/translations.yaml'), 'utf8');
    const run = translations('confirm', ['zh-CN', '--all', '--version', '2024-06-01', '--content', records]);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('left out notice 2024-06-01: published versions never change');
    expect(run.stderr).toContain('Nothing was confirmed (version 2024-06-01): published versions never change (their translations.yaml is part of the published record); confirm translations in a draft version.');
    expect(readFileSync(path.join(records, 'notice/2024-06-01/translations.yaml'), 'utf8')).toBe(before);
  });
});
