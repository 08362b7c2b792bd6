/**
 * One test per class of content mistake: each must fail the load with a
 * message that names the file, line and column of the mistake, says what
 * was expected, and carries a hint on how to fix it.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bilingualSite, messagesOf, positionOf, replaceOnce, siteWith, type Change, type Reported } from '../helpers/content.ts';

const text = 'notice/2024-01-10/en.yaml';
const sdks = 'notice/2024-01-10/sdks.yaml';
const version = 'notice/2024-01-10/version.yaml';

/** Loads the minimal site with `changes`, expects failure, returns the one error of `ruleId`. */
async function errorOf(changes: Record<string, Change>, ruleId: string): Promise<{ error: Reported; dir: string }> {
  const dir = siteWith(changes);
  const { messages, ok } = await messagesOf(dir);
  expect(ok).toBe(false);
  const errors = messages.filter((message) => message.fatal && message.ruleId === ruleId);
  expect(errors, JSON.stringify(messages, null, 2)).toHaveLength(1);
  const error = errors[0]!;
  expect(error.note, 'every message carries a hint').toBeTruthy();
  return { error, dir };
}

function expectAt(error: Reported, dir: string, file: string, needle: string): void {
  expect(error.file).toBe(file);
  expect({ line: error.line, column: error.column }).toEqual(positionOf(path.join(dir, file), needle));
}

describe('content errors name file, line and column', () => {
  it('the unchanged fixture loads without messages', async () => {
    const { messages, ok } = await messagesOf(siteWith({}));
    expect(messages).toEqual([]);
    expect(ok).toBe(true);
  });

  it('malformed YAML', async () => {
    const { error, dir } = await errorOf({ [text]: replaceOnce('title: Data we collect', 'title: [Data we collect') }, 'yaml-syntax');
    expect(error.file).toBe(text);
    expect(error.line).toBe(positionOf(path.join(dir, text), '[Data').line + 1);
    expect(error.reason).toMatch(/Unexpected|Malformed/);
  });

  it('tab indentation', async () => {
    const { error, dir } = await errorOf({ [text]: replaceOnce('    title: Data we collect', '\ttitle: Data we collect') }, 'yaml-syntax');
    expectAt(error, dir, text, '\ttitle');
    expect(error.reason).toContain('tab');
  });

  it('missing field', async () => {
    const { error, dir } = await errorOf({ [version]: replaceOnce('effective: 2024-02-01\n', '') }, 'missing-key');
    expectAt(error, dir, version, 'published');
    expect(error.reason).toContain('Missing key `effective`');
  });

  it('misspelt field, with a suggestion', async () => {
    const { error, dir } = await errorOf({ [text]: replaceOnce('        flag: important', '        falg: important') }, 'unknown-key');
    expectAt(error, dir, text, 'falg');
    expect(error.reason).toContain('Unknown key `falg` in clause `liability`');
    expect(error.reason).toContain('Did you mean `flag`?');
  });

  it('misspelt flag value, with a suggestion', async () => {
    const { error, dir } = await errorOf({ [text]: replaceOnce('flag: important', 'flag: sensitve') }, 'invalid-value');
    expectAt(error, dir, text, 'sensitve');
    expect(error.reason).toContain('Did you mean `sensitive`?');
  });

  it('wrong type', async () => {
    const { error, dir } = await errorOf({ [text]: replaceOnce('    title: Data we collect', '    title:\n      - Data') }, 'wrong-type');
    expectAt(error, dir, text, '- Data');
    expect(error.reason).toContain('expected text');
  });

  it('unknown inline flag', async () => {
    const { error, dir } = await errorOf({ [text]: replaceOnce(':sensitive[phone number]', ':sensitve[phone number]') }, 'unknown-flag');
    expectAt(error, dir, text, ':sensitve[');
    expect(error.reason).toContain('Did you mean `:sensitive[…]`?');
  });

  it('duplicate clause id', async () => {
    const { error, dir } = await errorOf({ [text]: replaceOnce('- id: liability', '- id: phone') }, 'duplicate-id');
    expect(error.file).toBe(text);
    const second = positionOf(path.join(dir, text), 'id: phone', 2);
    expect({ line: error.line, column: error.column }).toEqual({ line: second.line, column: second.column + 'id: '.length });
    // The first use is a related place on the message (its `cause`), not part of its words.
    const first = positionOf(path.join(dir, text), 'id: phone');
    expect(error.cause).toMatchObject({ file: text, line: first.line, column: first.column + 'id: '.length });
  });

  it('SDK privacy-policy URL that is not http(s)', async () => {
    const { error, dir } = await errorOf({ [sdks]: replaceOnce('https://crash.example.com/privacy', 'javascript:alert(1)') }, 'invalid-url');
    expectAt(error, dir, sdks, 'javascript:');
    expect(error.reason).toContain('https://');
  });

  it('link in text that is not http, https, mailto or tel', async () => {
    const { error, dir } = await errorOf({ [text]: replaceOnce('to sign you in.', 'to [sign you in](data:text/html,hi).') }, 'unsafe-link');
    expectAt(error, dir, text, '[sign you in]');
  });

  it('raw HTML in text', async () => {
    const { error, dir } = await errorOf({ [text]: replaceOnce('We are not liable', 'We are <script>alert(1)</script> not liable') }, 'raw-html');
    expect(error.reason).toContain('<script>');
    expect(error.file).toBe(text);
    expect(error.line).toBe(positionOf(path.join(dir, text), '<script>').line);
  });

  it('undefined variable in text', async () => {
    const { error, dir } = await errorOf({ [text]: replaceOnce('runs {{app}}', 'runs {{appp}}') }, 'undefined-variable');
    expectAt(error, dir, text, '{{appp}}');
    expect(error.reason).toContain('Did you mean `{{app}}`?');
  });

  it('undefined variable in a title', async () => {
    const { error, dir } = await errorOf({ [text]: replaceOnce('"{{company}} Privacy Notice"', '"{{firm}} Privacy Notice"') }, 'undefined-variable');
    expectAt(error, dir, text, '"{{firm}}');
  });

  it('version folder that is not a real date', async () => {
    const { error } = await errorOf({ 'notice/2022-02-30/version.yaml': 'published: 2022-02-30\neffective: 2022-02-30\n' }, 'version-folder');
    expect(error.file).toBe('notice/2022-02-30');
    expect([error.line, error.column]).toEqual([1, 1]);
    expect(error.reason).toContain('does not exist');
  });

  it('impossible date in version.yaml', async () => {
    const { error, dir } = await errorOf({ [version]: replaceOnce('effective: 2024-02-01', 'effective: 2024-02-30') }, 'invalid-date');
    expectAt(error, dir, version, '2024-02-30');
  });

  it('publication date that differs from the folder', async () => {
    const { error, dir } = await errorOf({ [version]: replaceOnce('published: 2024-01-10', 'published: 2024-01-11') }, 'version-date-mismatch');
    expectAt(error, dir, version, '2024-01-11');
  });

  it('clause naming an SDK that is not in sdks.yaml', async () => {
    const { error, dir } = await errorOf({ [text]: replaceOnce('sdks: all', 'sdks: [crash-sdk, pay-sdk]') }, 'unknown-sdk');
    expectAt(error, dir, text, 'pay-sdk');
  });

  it('duplicate key', async () => {
    const { error, dir } = await errorOf({ [version]: (old) => `${old}effective: 2024-03-01\n` }, 'yaml-syntax');
    expectAt(error, dir, version, 'effective: 2024-03-01');
    expect(error.reason).toContain('duplicate key');
  });

  it('language file for a language not in site.yaml', async () => {
    const { error } = await errorOf({ 'notice/2024-01-10/fr.yaml': 'title: Avis\nsections: []\n' }, 'unknown-locale');
    expect(error.file).toBe('notice/2024-01-10/fr.yaml');
  });

  it('bytes that are not UTF-8', async () => {
    const { error } = await errorOf({ [version]: new Uint8Array([0x70, 0x3a, 0x20, 0xff, 0xfe, 0x0a]) }, 'file-encoding');
    expect([error.file, error.line, error.column]).toEqual([version, 1, 4]);
  });

  it('YAML alias bomb', async () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x]', 'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]', 'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]', 'd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]'].join('\n');
    const { error } = await errorOf({ [version]: bomb }, 'yaml-syntax');
    expect(error.reason).toContain('aliases');
  });

  it('unexpected file in a version folder: a warning; a document folder named wrongly: an error', async () => {
    const dir = siteWith({ 'notice/2024-01-10/notes.txt': 'A note to self.\n', 'Notice Two/2024-01-10/version.yaml': 'published: 2024-01-10\neffective: 2024-01-10\n' });
    const { messages, ok } = await messagesOf(dir);
    expect(ok).toBe(false);
    const found = messages.filter((message) => message.ruleId === 'file-unexpected').map(({ file, fatal, reason }) => ({ file, fatal, reason }));
    expect(found).toEqual([
      { file: 'Notice Two', fatal: true, reason: expect.stringContaining('Unexpected document folder name `Notice Two`, expected lowercase words joined by hyphens') },
      { file: 'notice/2024-01-10/notes.txt', fatal: false, reason: expect.stringContaining('Unexpected file `notes.txt` in version folder `2024-01-10`; it is ignored') },
    ]);
  });

  it('id that is not lowercase kebab-case', async () => {
    const { error, dir } = await errorOf({ [text]: replaceOnce('- id: liability', '- id: Liability_1') }, 'invalid-id');
    expectAt(error, dir, text, 'Liability_1');
    expect(error.reason).toContain('Expected an id in lowercase kebab-case');
  });

  it('a per-language value missing one language', async () => {
    const dir = siteWith({ 'site.yaml': replaceOnce('    zh-CN: 示例有限公司\n', '') }, bilingualSite);
    const errors = (await messagesOf(dir)).messages.filter((message) => message.ruleId === 'missing-translation');
    expect(errors).toHaveLength(1);
    expect(errors[0]!.reason).toContain('Missing `zh-CN:` value for `company`');
    expect([errors[0]!.file, errors[0]!.line]).toEqual(['site.yaml', positionOf(path.join(dir, 'site.yaml'), 'en: Example Ltd').line]);
  });

  it('a language file missing from a version', async () => {
    const dir = siteWith({ 'notice/2024-01-10/zh-CN.yaml': null }, bilingualSite);
    const errors = (await messagesOf(dir)).messages.filter((message) => message.ruleId === 'missing-translation');
    expect(errors.map(({ file, reason }) => [file, reason])).toEqual([['notice/2024-01-10', expect.stringContaining('Missing file `zh-CN.yaml` in version folder `2024-01-10`')]]);
  });

  it('a language the interface has no words for', async () => {
    const { error, dir } = await errorOf({ 'site.yaml': replaceOnce('locales:\n', 'locales:\n  xx:\n    name: Xx\n') }, 'missing-ui-strings');
    expectAt(error, dir, 'site.yaml', 'xx:');
    expect(error.reason).toContain('Unexpected language `xx`');
  });

  it('a heading or an image in clause text', async () => {
    const dir = siteWith({ [text]: replaceOnce('We are not liable for outages.', '# Liability\n\n          ![logo](https://example.com/logo.png)') });
    const errors = (await messagesOf(dir)).messages.filter((message) => message.ruleId === 'unsupported-markdown');
    const file = path.join(dir, text);
    expect(errors.map(({ line, column, reason }) => ({ line, column, reason }))).toEqual([
      { ...positionOf(file, '# Liability'), reason: expect.stringContaining('Unexpected heading') },
      { ...positionOf(file, '![logo]'), reason: expect.stringContaining('Unexpected image') },
    ]);
  });

  it('a description for a document that does not exist, with a suggestion', async () => {
    const { error, dir } = await errorOf({ 'site.yaml': (old) => `${old}documents:\n  notcie:\n    description: What this notice covers.\n` }, 'unknown-key');
    expectAt(error, dir, 'site.yaml', 'notcie');
    expect(error.reason).toContain('Unknown document `notcie` under `documents`');
    expect(error.reason).toContain('Did you mean `notice`?');
  });

  it('checks a file further past a misspelt key, so one report lists the problems behind it', async () => {
    const dir = siteWith({ [text]: (old) => old.replace('        flag: important', '        falg: important').replace('runs {{app}}', 'runs {{appp}}') });
    const { messages, ok } = await messagesOf(dir);
    expect(ok).toBe(false);
    expect(messages.map((message) => message.ruleId).sort()).toEqual(['undefined-variable', 'unknown-key']);
  });

  it('reports every problem of a run, not only the first', async () => {
    const dir = siteWith({
      [version]: replaceOnce('effective: 2024-02-01', 'effective: 2024-02-30'),
      [sdks]: replaceOnce('https://crash.example.com/privacy', 'ftp://crash.example.com'),
    });
    const { messages } = await messagesOf(dir);
    expect(messages.map((message) => message.ruleId).sort()).toEqual(['invalid-date', 'invalid-url']);
  });
});

describe('input that must simply work', () => {
  it('a byte order mark and Windows line endings', async () => {
    const dir = siteWith({ [text]: (old) => `\uFEFF${old.replaceAll('\n', '\r\n')}`, [version]: (old) => old.replaceAll('\n', '\r\n') });
    const { messages, ok } = await messagesOf(dir);
    expect(messages).toEqual([]);
    expect(ok).toBe(true);
  });
});
