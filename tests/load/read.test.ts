/**
 * Reading failures the file system can cause but a test running as root
 * cannot (a file or folder without read permission): the file system is
 * made to fail, and each failure must be a placed message, never an
 * exception.
 */
import type { PathLike } from 'node:fs';
import * as fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { messagesOf, siteWith } from '../helpers/content.ts';

vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs/promises')>();
  return { ...actual, open: vi.fn(actual.open), readdir: vi.fn(actual.readdir) };
});

const denied = () => Object.assign(new Error('permission denied'), { code: 'EACCES' });

/** Makes `name` (a file or folder name) fail with EACCES when opened or listed. */
async function deny(name: string): Promise<void> {
  const actual = await vi.importActual<typeof import('node:fs/promises')>('node:fs/promises');
  vi.mocked(fs.open).mockImplementation(((file: PathLike, ...rest: never[]) => (path.basename(String(file)) === name ? Promise.reject(denied()) : actual.open(file, ...rest))) as typeof fs.open);
  vi.mocked(fs.readdir).mockImplementation(((dir: PathLike, ...rest: never[]) => (path.basename(String(dir)) === name ? Promise.reject(denied()) : actual.readdir(dir, ...rest))) as typeof fs.readdir);
}

afterEach(() => {
  vi.mocked(fs.open).mockReset();
  vi.mocked(fs.readdir).mockReset();
});

describe('files the build may not read', () => {
  it('a content file', async () => {
    await deny('version.yaml');
    const { messages, ok } = await messagesOf(siteWith({}));
    expect(ok).toBe(false);
    expect(messages).toEqual([
      expect.objectContaining({ file: 'notice/2024-01-10/version.yaml', line: 1, column: 1, ruleId: 'file-unreadable', fatal: true, reason: 'Cannot read `version.yaml` (permission denied)' }),
    ]);
  });

  it('a version folder', async () => {
    await deny('2024-01-10');
    const { messages, ok } = await messagesOf(siteWith({}));
    expect(ok).toBe(false);
    expect(messages).toEqual([expect.objectContaining({ file: 'notice/2024-01-10', line: 1, column: 1, ruleId: 'file-unreadable', reason: 'Cannot read the folder `2024-01-10` (permission denied)' })]);
  });
});
