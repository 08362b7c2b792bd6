/**
 * Test content sites: a copy of a fixture site in a temporary folder, with
 * some files replaced, and the loader's messages in a form tests can assert.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, type PathLike } from 'node:fs';
import path from 'node:path';
import { inject } from 'vitest';
import { loadSite } from '../../src/load/index.ts';
import { nodeFileSystem, type ContentFileSystem } from '../../src/load/read.ts';
import { startOf } from '../../src/messages/message.ts';
import { VFileMessage } from 'vfile-message';

function pick(point: { line: number; column: number }): { line: number; column: number } {
  return { line: point.line, column: point.column };
}

export const fixturesDir = path.resolve(import.meta.dirname, '../fixtures');
export const minimalSite = path.join(fixturesDir, 'sites/minimal');
/** English source, Simplified Chinese translation (governing), confirmed in translations.yaml. */
export const bilingualSite = path.join(fixturesDir, 'sites/bilingual');
export const exampleContent = path.resolve(import.meta.dirname, '../../content');

/** A file's new text (string or bytes), a function of its old text, or `null` to delete it. */
export type Change = string | Uint8Array | ((text: string) => string) | null;

declare module 'vitest' {
  export interface ProvidedContext {
    /** The test run's temporary folder, which tests/setup/global.ts removes at the end. */
    tempRoot: string;
  }
}

let setupRoot: string | undefined;

/** For tests/setup/global.ts: where tempDir() makes folders while the run is being set up. */
export function useTempRoot(root: string): void {
  setupRoot = root;
}

/** A new empty folder inside the test run's temporary folder (removed at the end of the run). */
export function tempDir(prefix = 'legal-site-'): string {
  return mkdtempSync(path.join(setupRoot ?? inject('tempRoot'), prefix));
}

/** Copies `from` to a temporary folder and applies `changes` (paths relative to the site). */
export function siteWith(changes: Record<string, Change>, from = minimalSite): string {
  const dir = path.join(tempDir(), 'content');
  cpSync(from, dir, { recursive: true });
  for (const [relative, change] of Object.entries(changes)) {
    const file = path.join(dir, relative);
    if (change === null) {
      rmSync(file, { recursive: true, force: true });
      continue;
    }
    mkdirSync(path.dirname(file), { recursive: true });
    const content = typeof change === 'function' ? change(readFileSync(file, 'utf8')) : change;
    writeFileSync(file, content);
  }
  return dir;
}

/** The minimal fixture site written in `locale` instead of English. */
export function siteIn(locale: string, changes: Record<string, Change> = {}): string {
  const text = readFileSync(path.join(minimalSite, 'notice/2024-01-10/en.yaml'), 'utf8');
  return siteWith({
    'site.yaml': (old) => old.replace('sourceLocale: en', `sourceLocale: ${locale}`).replace('  en:\n    name: English', `  ${locale}:\n    name: ${locale}`),
    'notice/2024-01-10/sdks.yaml': (old) => old.replaceAll('      en:', `      ${locale}:`),
    'notice/2024-01-10/en.yaml': null,
    [`notice/2024-01-10/${locale}.yaml`]: text,
    ...changes,
  });
}

/** Replaces exactly one occurrence of `find`, so a test fails loudly when the fixture changes. */
export function replaceOnce(find: string, replacement: string): (text: string) => string {
  return (text) => {
    const count = text.split(find).length - 1;
    if (count !== 1) throw new Error(`Expected exactly one "${find}" in the fixture, found ${count}`);
    return text.replace(find, replacement);
  };
}

export interface Reported {
  file: string;
  line: number;
  column: number;
  ruleId: string | undefined;
  reason: string;
  fatal: boolean;
  note: string | undefined;
  /** The related place the message points at (`see:` in the report), if any. */
  cause?: { file: string; line: number; column: number; reason: string };
}

/**
 * Loads `dir` and returns every message, with file paths relative to `dir`.
 * Drafts are included (as `npm run check` and `--drafts` do): the fixture
 * sites for content mistakes are drafts being prepared.
 */
export async function messagesOf(dir: string, mode: 'publish' | 'preview' = 'publish', drafts = true, fileSystem?: ContentFileSystem): Promise<{ messages: Reported[]; ok: boolean }> {
  const result = await loadSite(dir, { mode, buildDate: '2026-01-01', drafts, ...(fileSystem ? { fileSystem } : {}) });
  const messages = result.files.flatMap((file) =>
    file.messages.map((message) => {
      const point = startOf(message.place);
      return {
        file: path.relative(dir, file.path),
        line: point.line,
        column: point.column,
        ruleId: message.ruleId,
        reason: message.reason,
        fatal: message.fatal === true,
        note: message.note,
        ...(message.cause instanceof VFileMessage && message.cause.file
          ? { cause: { file: path.relative(dir, message.cause.file), ...pick(startOf(message.cause.place)), reason: message.cause.reason } }
          : {}),
      };
    }),
  );
  return { messages, ok: result.site !== undefined };
}

/** Line and column (1-based) where `needle` first occurs in the text of `file`. */
export function positionOf(file: string, needle: string, occurrence = 1): { line: number; column: number } {
  const text = readFileSync(file, 'utf8');
  let index = -1;
  for (let i = 0; i < occurrence; i++) index = text.indexOf(needle, index + 1);
  if (index < 0) throw new Error(`"${needle}" not found in ${file}`);
  const before = text.slice(0, index).split('\n');
  return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 };
}

/**
 * Changes that turn every version of the fixture site `from` into a draft
 * (lock and frozen values removed): for tests that rewrite the text of
 * versions the fixture has published, which the lock would rightly refuse.
 */
export function asDrafts(from: string): Record<string, Change> {
  const changes: Record<string, Change> = { 'versions.lock.yaml': null };
  for (const entry of readdirSync(from, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const relative = path.relative(from, path.join(entry.parentPath, entry.name));
    if (/^variables(\.[^.]+)?\.yaml$/.test(entry.name)) changes[relative] = null;
    else if (entry.name === 'version.yaml') changes[relative] = (text) => (/^draft: true$/m.test(text) ? text : `${text.replace(/\n?$/, '\n')}draft: true\n`);
  }
  return changes;
}

/**
 * The file system, except that opening or listing anything named `name` fails
 * with EACCES: what a file the build's user may not read does, which a test
 * running as root cannot otherwise produce.
 */
export function refusing(name: string): ContentFileSystem {
  const denied = () => Promise.reject(Object.assign(new Error('permission denied'), { code: 'EACCES' }));
  return {
    ...nodeFileSystem,
    open: ((file: PathLike, ...rest: never[]) => (path.basename(String(file)) === name ? denied() : nodeFileSystem.open(file, ...rest))) as ContentFileSystem['open'],
    readdir: ((dir: PathLike, ...rest: never[]) => (path.basename(String(dir)) === name ? denied() : nodeFileSystem.readdir(dir, ...rest))) as ContentFileSystem['readdir'],
  };
}
