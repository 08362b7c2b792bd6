/**
 * Running a hostile-input case as a user would: `npm run build` on a copy of
 * a small site must stop with the message at the exact file, line and column,
 * with its rule id and a fix, no stack trace, and the previous site left as
 * it was; `npm run check` must report the same message (its report is made
 * in this process, as src/cli/check.ts makes it, to spare a process per case;
 * tests/lint/lint.test.ts runs the command itself).
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { expect } from 'vitest';
import { loadSite } from '../../src/load/index.ts';
import { formatReport } from '../../src/messages/report.ts';
import { isPreviousSite, previousSite, projectRoot, runBuild, userEnvironment } from './build.ts';
import { positionOf, siteWith, type Change } from './content.ts';

export interface RefusedCase {
  changes: Record<string, Change>;
  /** Extra set-up on the copied site (named pipes, sparse files …). */
  prepare?: (dir: string) => void;
  /** The site copied (default: the minimal site). */
  from?: string;
  /** File the message is about, relative to the site. */
  file: string;
  /** Where: the first occurrence of a text in the file (after `prepare`), or a line and column. */
  at: string | { line: number; column: number };
  rule: string;
  /** Something the message must say. */
  reason?: RegExp;
}

/** Text with the characters that mean something in a regular expression escaped. */
export const literally = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Stack traces and crashes, in any output. */
export const crashed = /^\s+at |TypeError|RangeError|ReferenceError|SyntaxError|node:internal|Maximum call stack/m;

export function runCheck(content: string): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [path.join(projectRoot, 'src/cli/check.ts'), '--content', content], {
    cwd: projectRoot,
    encoding: 'utf8',
    env: { ...userEnvironment(), NO_COLOR: '1' },
    timeout: 120_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** What `npm run check` prints for `content`, and whether it would pass. */
export async function checkReport(content: string): Promise<{ ok: boolean; report: string }> {
  const { site, files } = await loadSite(content, { mode: 'publish', drafts: true });
  return { ok: site !== undefined, report: formatReport(files, { cwd: projectRoot }) };
}

/** Builds and checks the case; returns the build's report. */
export async function expectRefused(testCase: RefusedCase): Promise<string> {
  const content = siteWith(testCase.changes, testCase.from);
  testCase.prepare?.(content);
  const out = previousSite();
  const file = path.join(content, testCase.file);
  const point = typeof testCase.at === 'string' ? positionOf(file, testCase.at) : testCase.at;
  const expected = new RegExp(`^${literally(path.relative(projectRoot, file))}:${point.line}:${point.column} {2}error {2}(.+) {2}\\(${literally(testCase.rule)}\\)$`, 'm');

  // The fixture sites for mistakes are drafts being prepared: built as a review copy, their errors stop the build.
  const build = runBuild(['--content', content, '--out', out, '--drafts']);
  expect(build.status, build.stderr).toBe(1);
  expect(build.stderr).toMatch(expected);
  if (testCase.reason) expect(expected.exec(build.stderr)?.[1]).toMatch(testCase.reason);
  expect(build.stderr).toMatch(/^ {2}fix: /m);
  expect(build.stderr + build.stdout).not.toMatch(crashed);
  expect(isPreviousSite(out), 'the previous site is left as it was').toBe(true);

  const check = await checkReport(content);
  expect(check.ok, check.report).toBe(false);
  expect(check.report).toMatch(expected);
  return build.stderr;
}
