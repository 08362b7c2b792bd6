/**
 * A content mistake stops `npm run build` with a report (file:line:column,
 * no stack trace), a non-zero exit, and the previous site left untouched.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isPreviousSite, previousSite, runBuild } from '../helpers/build.ts';
import { positionOf, replaceOnce, siteWith } from '../helpers/content.ts';

describe('a build with content errors', () => {
  it('exits non-zero, reports every error with its place, and keeps the previous site', () => {
    const content = siteWith({
      'notice/2024-01-10/en.yaml': replaceOnce('        flag: important', '        sensitve: true'),
      'notice/2024-01-10/sdks.yaml': replaceOnce('https://crash.example.com/privacy', 'javascript:alert(1)'),
    });
    const out = previousSite();

    const run = runBuild(['--content', content, '--out', out]);

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
});
