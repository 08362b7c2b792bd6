/**
 * A content mistake stops `npm run build` with a report (file:line:column,
 * no stack trace), a non-zero exit, and the previous site left untouched.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isPreviousSite, previousSite, runBuild } from '../helpers/build.ts';
import { fixturesDir, positionOf, replaceOnce, siteWith, tempDir } from '../helpers/content.ts';

describe('a build with content errors', () => {
  it('exits non-zero, reports every error with its place, and keeps the previous site', () => {
    const content = siteWith({
      'notice/2024-01-10/en.yaml': replaceOnce('        flag: important', '        sensitve: true'),
      'notice/2024-01-10/sdks.yaml': replaceOnce('https://crash.example.com/privacy', 'javascript:alert(1)'),
    });
    const out = previousSite();

    const run = runBuild(['--content', content, '--out', out, '--drafts']);

    expect(run.status).toBe(1);
    const en = path.join(content, 'notice/2024-01-10/en.yaml');
    const sdks = path.join(content, 'notice/2024-01-10/sdks.yaml');
    const at = (file: string, needle: string) => {
      const { line, column } = positionOf(file, needle);
      return `${path.relative(process.cwd(), file)}:${line}:${column}  error  `;
    };
    expect(run.stderr).toContain(at(en, 'sensitve'));
    expect(run.stderr).toContain(at(sdks, 'javascript:'));
    expect(run.stderr).toContain('2 errors, 0 warnings');
    expect(run.stderr).toMatch(/fix: /);
    expect(run.stderr).not.toMatch(/^\s+at /m);
    expect(run.stderr).toContain('was left as it was');
    expect(isPreviousSite(out)).toBe(true);
  });

  it('a broken draft never blocks the published versions: without --drafts its problems are warnings and it is left out', () => {
    const content = siteWith({ 'notice/2024-09-01/en.yaml': replaceOnce('flag: important', 'flag: importnt') }, path.join(fixturesDir, 'sites/versions'));
    const out = path.join(tempDir(), 'dist');
    const run = runBuild(['--content', content, '--out', out]);
    expect(run.status, run.stderr).toBe(0);
    const en = path.join(content, 'notice/2024-09-01/en.yaml');
    const { line, column } = positionOf(en, 'importnt');
    expect(run.stderr).toContain(`${path.relative(process.cwd(), en)}:${line}:${column}  warning  Unexpected \`importnt\``);
    expect(run.stderr).toContain('(draft `2024-09-01`: left out of this build; with `--drafts` this is an error)');
    expect(existsSync(path.join(out, 'en/notice/2024-06-01/index.html'))).toBe(true);
    expect(existsSync(path.join(out, 'en/notice/2024-09-01'))).toBe(false);

    const withDrafts = runBuild(['--content', content, '--out', path.join(tempDir(), 'dist'), '--drafts']);
    expect(withDrafts.status).toBe(1);
    expect(withDrafts.stderr).toContain(`${path.relative(process.cwd(), en)}:${line}:${column}  error  Unexpected \`importnt\``);
  });
});
