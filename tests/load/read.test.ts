/**
 * Reading failures the file system can cause but a test running as root
 * cannot (a file or folder without read permission): the file system is
 * made to fail, and each failure must be a placed message, never an
 * exception.
 */
import { describe, expect, it } from 'vitest';
import { messagesOf, refusing, siteWith } from '../helpers/content.ts';

describe('files the build may not read', () => {
  it('a content file', async () => {
    const { messages, ok } = await messagesOf(siteWith({}), 'publish', true, refusing('version.yaml'));
    expect(ok).toBe(false);
    expect(messages).toEqual([
      expect.objectContaining({ file: 'notice/2024-01-10/version.yaml', line: 1, column: 1, ruleId: 'file-unreadable', fatal: true, reason: 'Cannot read `version.yaml` (permission denied)' }),
    ]);
  });

  it('a version folder', async () => {
    const { messages, ok } = await messagesOf(siteWith({}), 'publish', true, refusing('2024-01-10'));
    expect(ok).toBe(false);
    expect(messages).toEqual([expect.objectContaining({ file: 'notice/2024-01-10', line: 1, column: 1, ruleId: 'file-unreadable', reason: 'Cannot read the folder `2024-01-10` (permission denied)' })]);
  });
});
