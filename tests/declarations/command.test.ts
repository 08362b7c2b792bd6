/**
 * `npm run declarations` run as a person runs it: it writes the five files
 * per version into a new folder and replaces only a folder it wrote before
 * (src/output/), refuses one it did not write, and `--changes` lists what to
 * update in each store without writing anything.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/build.ts';
import { tempDir } from '../helpers/content.ts';

describe('npm run declarations', () => {
  it('writes every version’s files, then replaces only what it wrote', () => {
    const out = path.join(tempDir(), 'declarations');
    const first = runCli('declarations.ts', ['--out', out]);
    expect(first.status, first.stderr).toBe(0);
    expect(readdirSync(path.join(out, 'privacy')).sort()).toEqual(['2022-09-15', '2025-06-01']);
    expect(readdirSync(path.join(out, 'privacy/2025-06-01')).sort()).toEqual(['PrivacyInfo.xcprivacy', 'app_privacy_details.json', 'notice.jsonld', 'pac.json5', 'play-data-safety.csv']);
    // Again, for one version only: the folder it wrote is replaced.
    const again = runCli('declarations.ts', ['--out', out, '--version', '2025-06-01']);
    expect(again.status, again.stderr).toBe(0);
    expect(readdirSync(path.join(out, 'privacy'))).toEqual(['2025-06-01']);
    // A file someone added makes the folder theirs: refused, left as it was.
    writeFileSync(path.join(out, 'notes.txt'), 'mine');
    const refused = runCli('declarations.ts', ['--out', out]);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/^Refusing to write the store declarations into /);
    expect(readFileSync(path.join(out, 'notes.txt'), 'utf8')).toBe('mine');
  }, 200_000);

  it('refuses a folder it did not write, before reading the content', () => {
    const out = tempDir();
    mkdirSync(path.join(out, 'app'));
    writeFileSync(path.join(out, 'app', 'build.gradle'), '');
    const result = runCli('declarations.ts', ['--out', out]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/Refusing to write the store declarations/);
    expect(existsSync(path.join(out, 'privacy'))).toBe(false);
  });

  it('--changes lists what to update in each store between two versions, and writes nothing', () => {
    const result = runCli('declarations.ts', ['--changes', '2022-09-15', '2025-06-01']);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^To update in the stores between 2022-09-15 and 2025-06-01 of privacy:\n/);
    expect(result.stdout).toMatch(/^- Play: Precise location is now shared with a third party \(AMap/m);
    const unknown = runCli('declarations.ts', ['--changes', '2022-09-15', '2024-01-01']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/^Unexpected version `2024-01-01`/);
  }, 200_000);
});
