/**
 * Editorial warnings: each names the place and passes the build; none is
 * given for published (locked) versions, which can no longer change.
 */
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { lintText } from '../../src/lint/index.ts';
import { projectRoot } from '../helpers/build.ts';
import { asDrafts, type Change, exampleContent, messagesOf, positionOf, replaceOnce, type Reported, siteWith } from '../helpers/content.ts';

const text = 'notice/2024-01-10/en.yaml';

async function warningOf(changes: Record<string, Change>, ruleId: string): Promise<{ warning: Reported; dir: string }> {
  const dir = siteWith(changes);
  const { messages, ok } = await messagesOf(dir);
  expect(ok, JSON.stringify(messages, null, 2)).toBe(true);
  const found = messages.filter((message) => message.ruleId === ruleId);
  expect(found, JSON.stringify(messages, null, 2)).toHaveLength(1);
  expect(found[0]!.fatal).toBe(false);
  return { warning: found[0]!, dir };
}

describe('editorial warnings', () => {
  it('sensitive personal information named but not flagged', async () => {
    const { warning, dir } = await warningOf({ [text]: replaceOnce('We are not liable for outages.', 'We keep your location history.') }, 'unflagged-sensitive');
    expect(warning.reason).toContain('“location” is named but not marked');
    expect([warning.file, warning.line, warning.column]).toEqual([text, ...Object.values(positionOf(path.join(dir, text), 'location history'))]);
  });

  it('no warning when a mention in the clause is flagged sensitive', async () => {
    const dir = siteWith({ [text]: replaceOnce('We are not liable for outages.', 'We keep your :sensitive[location] history. Location data stays in China.') });
    expect((await messagesOf(dir)).messages).toEqual([]);
  });

  it('a Chinese term is found without word boundaries', () => {
    const file = new VFile({ path: 'zh-CN.yaml' });
    lintText({ locale: 'zh-CN', file, sections: [], titles: [], variables: {}, clauses: [{ id: 'x', sectionId: 's', flag: undefined, markdown: '我们会收集您的位置信息。', toFile: (point) => point, place: { line: 1, column: 1 }, blocks: [[{ text: '我们会收集您的位置信息。' }]], links: [] }] });
    expect(file.messages.map((message) => [message.ruleId, message.line, message.column])).toEqual([['unflagged-sensitive', 1, 8]]);
  });

  it('a company or app name written out where a variable holds it', async () => {
    const { warning, dir } = await warningOf({ [text]: replaceOnce('runs {{app}}', 'runs Example App') }, 'name-not-variable');
    expect(warning.reason).toContain('the variable `{{app}}` holds it');
    expect([warning.line, warning.column]).toEqual(Object.values(positionOf(path.join(dir, text), 'Example App')));
  });

  it('a paragraph repeated word for word', async () => {
    const repeated = 'You can delete your account at any time from the settings page.';
    const { warning } = await warningOf({ [text]: replaceOnce('We are not liable for outages.', `${repeated}\n\n          ${repeated}`) }, 'repeated-paragraph');
    expect(warning.reason).toContain('clause `liability` has the same words');
  });

  it('a section that is mostly flagged', async () => {
    const long = ':important[We are not liable for outages, delays, data loss or any other damage caused by events outside our reasonable control, including network failures.] '.repeat(4);
    const { warning, dir } = await warningOf({ [text]: replaceOnce('We are not liable for outages.', long) }, 'over-marking');
    expect(warning.reason).toMatch(/section `data`: \d+% is bold and underlined, expected at most 50%/);
    expect(warning.line).toBe(positionOf(path.join(dir, text), 'id: data').line);
  });

  it('a link to a clause that does not exist', async () => {
    const { warning, dir } = await warningOf({ [text]: replaceOnce('to sign you in.', 'to sign you in (see [liability](#liabilty)).') }, 'broken-reference');
    expect(warning.reason).toContain('`#liabilty`');
    expect([warning.line, warning.column]).toEqual(Object.values(positionOf(path.join(dir, text), '[liability]')));
  });

  it('an SDK that no clause shows', async () => {
    const { warning, dir } = await warningOf({ [text]: replaceOnce('        sdks: all\n', '') }, 'sdk-not-shown');
    expect(warning.file).toBe('notice/2024-01-10/sdks.yaml');
    expect(warning.line).toBe(positionOf(path.join(dir, 'notice/2024-01-10/sdks.yaml'), 'crash-sdk').line);
  });

  it('gives no editorial warnings about published, locked versions, which the same files unlocked get', async () => {
    expect((await messagesOf(siteWith({}, exampleContent))).messages).toEqual([]);
    // The same two versions as drafts (lock and frozen values removed) are checked, and the lint finds things to say.
    const unlocked = await messagesOf(siteWith(asDrafts(exampleContent), exampleContent));
    expect(unlocked.ok).toBe(true);
    expect(unlocked.messages.length).toBeGreaterThan(0);
    expect(new Set(unlocked.messages.map((message) => message.file.split('/').slice(0, 2).join('/')))).toEqual(new Set(['privacy/2022-09-15', 'privacy/2025-06-01']));
    // The inventories' translations count as confirmed only once published: as drafts, each says so once.
    const inventoryStale = unlocked.messages.filter((message) => message.ruleId === 'translation-stale');
    expect(inventoryStale.map((message) => [message.file, message.line])).toEqual([['privacy/2022-09-15/inventory.yaml', 1], ['privacy/2025-06-01/inventory.yaml', 1]]);
    expect(unlocked.messages.every((message) => !message.fatal && ['unflagged-sensitive', 'effective-before-published', 'translation-stale'].includes(message.ruleId!))).toBe(true);
    expect(unlocked.messages.some((message) => message.ruleId === 'unflagged-sensitive')).toBe(true);
  });
});

describe('npm run check', () => {
  const check = (dir: string) => spawnSync(process.execPath, [path.join(projectRoot, 'src/cli/check.ts'), '--content', dir], { encoding: 'utf8' });

  it('prints file:line:column, severity, message and rule, with a fix, and fails on errors', () => {
    const dir = siteWith({ [text]: (old) => old.replace('runs {{app}}', 'runs Example App').replace('flag: important', 'flag: importnt') });
    const run = check(dir);
    expect(run.status).toBe(1);
    const en = path.join(dir, text);
    const at = (needle: string) => `${path.relative(projectRoot, en)}:${positionOf(en, needle).line}:${positionOf(en, needle).column}`;
    expect(run.stdout).toContain(`${at('importnt')}  error  Unexpected \`importnt\``);
    expect(run.stdout).toContain('(invalid-value)');
    // The wrong value does not hide the problems behind it: the file is checked further.
    expect(run.stdout).toContain(`${at('Example App')}  warning  Unexpected “Example App” written out`);
    expect(run.stdout).toContain('1 error, 1 warning');
    expect(run.stdout).toMatch(/^ {2}fix: /m);
  });

  it('passes with warnings only', () => {
    const run = check(siteWith({ [text]: replaceOnce('runs {{app}}', 'runs Example App') }));
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/:\d+:\d+ {2}warning {2}Unexpected “Example App” written out/);
    expect(run.stdout).toContain('0 errors, 1 warning');
  });

  it('says so when there is nothing to report', () => {
    const run = check(siteWith({}));
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('No problems found');
  });
});
