/**
 * Locked history: a published version never changes. Changing, adding or
 * removing one of its files fails with a message naming the version and the
 * file and saying to publish a new version; publish-version and new-version
 * keep the record.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { projectRoot } from '../helpers/build.ts';
import { exampleContent, fixturesDir, messagesOf, replaceOnce, siteWith, type Reported } from '../helpers/content.ts';

function only(messages: Reported[], ruleId: string): Reported {
  const found = messages.filter((message) => message.ruleId === ruleId);
  expect(found, JSON.stringify(messages, null, 2)).toHaveLength(1);
  return found[0]!;
}

function versions(dir: string, ...args: string[]) {
  return spawnSync(process.execPath, [path.join(projectRoot, 'src/cli/versions.ts'), ...args, '--content', dir], { encoding: 'utf8' });
}

describe('locked history', () => {
  it('the example has both versions locked, the 2025 notice and both inventories as annexes, and loads cleanly', async () => {
    const lock = parse(readFileSync(path.join(exampleContent, 'versions.lock.yaml'), 'utf8'));
    expect(lock.entries.map((entry: { document: string; version: string; record: string }) => `${entry.document}/${entry.version} ${entry.record}`)).toEqual(['privacy/2022-09-15 policy', 'privacy/2025-06-01 policy', 'privacy/2025-06-01 notice', 'privacy/2022-09-15 inventory', 'privacy/2025-06-01 inventory']);
    expect((await messagesOf(siteWith({}, exampleContent))).messages).toEqual([]);
  });

  it('a changed file of a published version fails, naming the version and the file', async () => {
    const dir = siteWith({ 'privacy/2022-09-15/en.yaml': replaceOnce('Cell phone number is sensitive information', 'Cell phone number is personal information') }, exampleContent);
    const { messages, ok } = await messagesOf(dir);
    expect(ok).toBe(false);
    const error = only(messages, 'version-locked');
    expect(error.file).toBe('privacy/2022-09-15/en.yaml');
    expect(error.reason).toContain('Unexpected change to published version `privacy/2022-09-15`: en.yaml was changed after publication');
    expect(error.cause).toMatchObject({ file: 'versions.lock.yaml', reason: 'recorded as published here' });
    expect(error.note).toContain('npm run new-version -- privacy');
  });

  it('Windows line endings alone are not a change', async () => {
    const dir = siteWith({ 'privacy/2022-09-15/en.yaml': (old) => old.replaceAll('\n', '\r\n') }, exampleContent);
    expect((await messagesOf(dir)).messages).toEqual([]);
  });

  it('a file added to or removed from a published version fails', async () => {
    const added = await messagesOf(siteWith({ 'privacy/2022-09-15/notes.yaml': 'x: 1\n' }, exampleContent));
    expect(only(added.messages, 'version-locked').reason).toContain('notes.yaml was added');
    const removed = await messagesOf(siteWith({ 'privacy/2022-09-15/sdks.yaml': null }, exampleContent));
    expect(removed.messages.some((message) => message.ruleId === 'version-locked' && message.reason.includes('sdks.yaml was removed'))).toBe(true);
  });

  it('a deleted published version fails, once for each of its records (the policy and its inventory)', async () => {
    const { messages } = await messagesOf(siteWith({ 'privacy/2022-09-15': null }, exampleContent));
    const locked = messages.filter((message) => message.ruleId === 'version-locked');
    expect(locked.map((message) => message.reason)).toEqual([expect.stringContaining('Missing published version `privacy/2022-09-15`'), expect.stringContaining('Missing published version `privacy/2022-09-15`')]);
    expect(new Set(locked.map((message) => message.line)).size).toBe(2);
  });

  it('new-version starts a draft copy; publish-version records it; then it is locked', async () => {
    const dir = siteWith({}, path.join(fixturesDir, 'sites/versions'));

    const started = versions(dir, 'new', 'notice', '2024-12-01');
    expect(started.status, started.stderr).toBe(0);
    const meta = parse(readFileSync(path.join(dir, 'notice/2024-12-01/version.yaml'), 'utf8'));
    expect(meta).toMatchObject({ published: '2024-12-01', effective: '2024-12-01', draft: true, material: false });
    expect(readFileSync(path.join(dir, 'notice/2024-12-01/en.yaml'), 'utf8')).toBe(readFileSync(path.join(dir, 'notice/2024-09-01/en.yaml'), 'utf8'));

    expect(versions(dir, 'publish', 'notice', '2024-06-01').stderr).toContain('already published');
    for (const id of ['2024-09-01', '2024-12-01']) {
      const run = versions(dir, 'publish', 'notice', id);
      expect(run.status, run.stderr).toBe(0);
    }
    const lock = parse(readFileSync(path.join(dir, 'versions.lock.yaml'), 'utf8'));
    expect(lock.entries.map((entry: { version: string }) => entry.version)).toEqual(['2024-01-10', '2024-06-01', '2024-09-01', '2024-12-01']);
    expect(lock.entries.at(-1).previous).toBe(lock.entries.at(-2).hash);
    expect(readFileSync(path.join(dir, 'notice/2024-12-01/variables.yaml'), 'utf8')).toContain('company: Example Ltd');
    expect(parse(readFileSync(path.join(dir, 'notice/2024-12-01/version.yaml'), 'utf8')).draft).toBeUndefined();
    expect((await messagesOf(dir)).messages).toEqual([]);

    writeFileSync(path.join(dir, 'notice/2024-12-01/en.yaml'), readFileSync(path.join(dir, 'notice/2024-12-01/en.yaml'), 'utf8').replace('outages', 'downtime'));
    expect(only((await messagesOf(dir)).messages, 'version-locked').file).toBe('notice/2024-12-01/en.yaml');
  });

  it('with a lock file, a version that is neither draft nor published fails the publish build', async () => {
    const dir = siteWith({ 'notice/2024-09-01/version.yaml': replaceOnce('draft: true\n', '') }, path.join(fixturesDir, 'sites/versions'));
    const error = only((await messagesOf(dir)).messages, 'version-unlocked');
    expect(error.file).toBe('notice/2024-09-01/version.yaml');
    expect(only((await messagesOf(dir, 'preview')).messages, 'version-unlocked').fatal).toBe(false);
  });

  it('publish-version refuses a version with errors, and leaves it a draft', async () => {
    const dir = siteWith({ 'notice/2024-09-01/en.yaml': replaceOnce('flag: important', 'flag: importnt') }, path.join(fixturesDir, 'sites/versions'));
    const run = versions(dir, 'publish', 'notice', '2024-09-01');
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('(invalid-value)');
    expect(run.stderr).toContain('was not published');
    expect(parse(readFileSync(path.join(dir, 'notice/2024-09-01/version.yaml'), 'utf8')).draft).toBe(true);
  });
});
