/**
 * The benchmark's synthetic site (src/bench/synthetic.ts) is content the
 * build accepts: every version published, its notices checked, and the
 * current version compared with every earlier one, so that `npm run bench`
 * measures the pages a real site has.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateSite } from '../../src/bench/synthetic.ts';
import { loadSite } from '../../src/load/index.ts';
import { tempDir } from '../helpers/content.ts';

describe('the synthetic benchmark site', () => {
  it('at the smallest size, loads as a published build would, with no message', async () => {
    const { dir } = await generateSite(path.join(tempDir(), 'content'), { documents: 1, versions: 5, locales: 2 });
    const { site, files } = await loadSite(dir, { mode: 'publish', buildDate: '2026-01-01' });
    expect(files.flatMap((file) => file.messages.map(String))).toEqual([]);
    const versions = site!.documents[0]!.versions;
    expect(versions.map((version) => version.status)).toEqual(['current', 'past', 'past', 'past', 'past']);
    expect(Object.keys(versions[0]!.changesFrom!).sort()).toEqual(versions.slice(1).map((version) => version.id).sort());
    expect(Object.keys(versions.at(-1)!.notice!)).toEqual(['en', 'zh-CN']);
  });
});
