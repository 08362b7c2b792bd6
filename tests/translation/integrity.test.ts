/**
 * Translation integrity: a translation that lacks a clause, has an extra
 * one, flags differently, is ordered differently or has fallen behind its
 * source fails with a message naming the clause, the language, the file and
 * the line. Nothing ever falls back to another language.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../helpers/build.ts';
import { bilingualSite, messagesOf, positionOf, replaceOnce, siteWith, type Change, type Reported } from '../helpers/content.ts';

const en = 'notice/2024-01-10/en.yaml';
const zh = 'notice/2024-01-10/zh-CN.yaml';
const sdks = 'notice/2024-01-10/sdks.yaml';

async function problems(changes: Record<string, Change>, mode: 'publish' | 'preview' = 'publish') {
  const dir = siteWith(changes, bilingualSite);
  return { dir, ...(await messagesOf(dir, mode)) };
}

function only(messages: Reported[], ruleId: string): Reported {
  const found = messages.filter((message) => message.ruleId === ruleId);
  expect(found, JSON.stringify(messages, null, 2)).toHaveLength(1);
  return found[0]!;
}

function confirm(dir: string, locale: string) {
  return spawnSync(process.execPath, [path.join(projectRoot, 'src/cli/translations.ts'), 'confirm', locale, '--all', '--content', dir], { encoding: 'utf8' });
}

describe('translation integrity', () => {
  it('the confirmed bilingual fixture loads without messages', async () => {
    const { messages, ok } = await problems({});
    expect(messages).toEqual([]);
    expect(ok).toBe(true);
  });

  it('a clause missing from the translation', async () => {
    const { messages, ok, dir } = await problems({ [zh]: replaceOnce('      - id: liability\n        flag: important\n        text: |\n          我们对服务中断不承担责任。\n', '') });
    expect(ok).toBe(false);
    const error = only(messages, 'translation-missing');
    expect(error.fatal).toBe(true);
    expect(error.file).toBe(zh);
    expect(error.reason).toContain('Missing clause `liability` in the `zh-CN` text');
    expect(error.reason).toContain(`en: en.yaml line ${positionOf(path.join(dir, en), 'id: liability').line}`);
    expect(error.line).toBe(positionOf(path.join(dir, zh), 'id: data').line);
  });

  it('a clause only in the translation', async () => {
    const { messages, dir } = await problems({ [zh]: (old) => `${old}      - id: bonus\n        text: |\n          额外条款。\n` });
    const error = only(messages, 'translation-extra');
    expect(error.reason).toContain('Unexpected clause `bonus` in the `zh-CN` text');
    expect([error.file, error.line]).toEqual([zh, positionOf(path.join(dir, zh), 'bonus').line]);
  });

  it('a clause flagged as a whole in one language only', async () => {
    const { messages, dir } = await problems({ [zh]: replaceOnce('        flag: important\n', '') });
    const error = only(messages, 'translation-flags');
    expect(error.reason).toContain('`flag` on clause `liability`: none in zh-CN, `important` in en');
    expect([error.file, error.line]).toEqual([zh, positionOf(path.join(dir, zh), 'id: liability').line]);
  });

  it('a span flagged in one language only', async () => {
    const { messages } = await problems({ [zh]: replaceOnce(':sensitive[手机号码]', '手机号码') });
    const error = only(messages, 'translation-flags');
    expect(error.reason).toContain('`:sensitive[…]` flags in clause `phone`: 0 in zh-CN, expected 1 as in en');
  });

  it('clauses in another order', async () => {
    const { messages } = await problems({ [zh]: (old) => old.replace(/( {6}- id: liability[\s\S]*?)( {6}- id: sdks[\s\S]*)$/, '$2$1') });
    expect(only(messages, 'translation-structure').reason).toContain('clause `sdks` is not where the en text has it');
  });

  it('a source clause changed after the translation was confirmed: an error when publishing', async () => {
    // As publish-version checks the version: no longer a draft.
    const { messages, ok, dir } = await problems({ [en]: replaceOnce('We are not liable for outages.', 'We are not liable for outages or delays.'), 'notice/2024-01-10/version.yaml': replaceOnce('draft: true\n', '') });
    expect(ok).toBe(false);
    const error = only(messages, 'translation-stale');
    expect(error.fatal).toBe(true);
    expect(error.reason).toContain('Stale translation of clause `liability` in zh-CN');
    expect([error.file, error.line]).toEqual([zh, positionOf(path.join(dir, zh), 'id: liability').line]);
    expect(error.note).toContain('npm run translations:confirm -- zh-CN');
  });

  it('the same change is a warning in a draft', async () => {
    const { messages, ok } = await problems({ [en]: replaceOnce('We are not liable for outages.', 'We are not liable for outages or delays.') });
    expect(ok).toBe(true);
    expect(only(messages, 'translation-stale').fatal).toBe(false);
  });

  it('the same change is a warning in a preview', async () => {
    const { messages, ok } = await problems({ [en]: replaceOnce('We are not liable for outages.', 'We are not liable for outages or delays.') }, 'preview');
    expect(ok).toBe(true);
    expect(only(messages, 'translation-stale').fatal).toBe(false);
  });

  it('a changed SDK purpose makes that SDK stale, at its place in sdks.yaml', async () => {
    const { messages, dir } = await problems({ [sdks]: replaceOnce('en: Crash reports', 'en: Crash and error reports') });
    const error = only(messages, 'translation-stale');
    expect(error.reason).toContain('SDK `crash-sdk`');
    expect([error.file, error.line, error.column]).toEqual([sdks, ...Object.values(positionOf(path.join(dir, sdks), '崩溃报告'))]);
  });

  it('spacing changes in the source do not make a translation stale', async () => {
    const { messages } = await problems({ [en]: replaceOnce('We are not liable for outages.', 'We are  not liable\n          for outages.') });
    expect(messages).toEqual([]);
  });

  it('a translation never confirmed gets one message', async () => {
    const { messages } = await problems({ 'notice/2024-01-10/translations.yaml': null });
    const error = only(messages, 'translation-stale');
    expect(error.reason).toContain('Unconfirmed translation');
    expect([error.file, error.line]).toEqual([zh, 1]);
  });

  it('translations:confirm --all records the current source, and the stale error goes away', async () => {
    const dir = siteWith({ [en]: replaceOnce('We are not liable for outages.', 'We are not liable for outages or delays.') }, bilingualSite);
    expect((await messagesOf(dir)).messages.map((message) => message.ruleId)).toEqual(['translation-stale']);
    const run = confirm(dir, 'zh-CN');
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('confirmed zh-CN for notice 2024-01-10');
    expect(await messagesOf(dir)).toEqual({ messages: [], ok: true });
    expect(readFileSync(path.join(dir, 'notice/2024-01-10/translations.yaml'), 'utf8')).toMatch(/^# yaml-language-server: \$schema=/);
  });

  it('translations:confirm refuses while the translation is structurally wrong', async () => {
    const dir = siteWith({ [zh]: replaceOnce('        flag: important\n', '') }, bilingualSite);
    const run = confirm(dir, 'zh-CN');
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('Nothing was confirmed');
    expect(run.stderr).toContain('(translation-flags)');
  });
});
