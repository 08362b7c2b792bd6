/**
 * Every rule in the catalogue (src/messages/catalog.ts) is raised by at
 * least one fixture: a small site with one mistake, which must produce a
 * message of that rule, in the file it names, with a place and a fix. The
 * table is typed by the catalogue, so a new rule without a fixture does not
 * compile; a rule that nothing raises any more fails here.
 */
import { symlinkSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { rules, type RuleId } from '../../src/messages/catalog.ts';
import { bilingualSite, exampleContent, fixturesDir, messagesOf, minimalSite, replaceOnce, siteWith, type Change } from '../helpers/content.ts';

interface RuleFixture {
  /** The site the changes apply to (default: the minimal fixture). */
  from?: string;
  changes: Record<string, Change>;
  /** Extra set-up on the copied site (symbolic links). */
  prepare?: (dir: string) => void;
  /** The file the message must name, relative to the site. */
  file: string;
}

const en = 'notice/2024-01-10/en.yaml';
const zh = 'notice/2024-01-10/zh-CN.yaml';
const sdks = 'notice/2024-01-10/sdks.yaml';
const version = 'notice/2024-01-10/version.yaml';
const versionsSite = path.join(fixturesDir, 'sites/versions');
const inText = (markdown: string) => ({ [en]: replaceOnce('We are not liable for outages.', markdown) });

const fixtures: Record<RuleId, RuleFixture> = {
  'file-encoding': { changes: { [version]: new Uint8Array([0x70, 0x3a, 0x20, 0xff, 0xfe, 0x0a]) }, file: version },
  'file-too-large': { changes: { [en]: (old) => `${old}# ${'x'.repeat(2 * 1024 * 1024)}\n` }, file: en },
  'file-outside-content': { changes: { [en]: null }, prepare: (dir) => symlinkSync('/etc/hostname', path.join(dir, en)), file: en },
  'file-missing': { changes: { [en]: '' }, file: en },
  'file-unexpected': { changes: { 'notice/2024-01-10/notes.txt': 'A note to self.\n' }, file: 'notice/2024-01-10/notes.txt' },
  'yaml-syntax': { changes: { [en]: replaceOnce('    title: Data we collect', '\ttitle: Data we collect') }, file: en },
  'unknown-key': { changes: { [en]: replaceOnce('        flag: important', '        falg: important') }, file: en },
  'missing-key': { changes: { [version]: replaceOnce('effective: 2024-02-01\n', '') }, file: version },
  'wrong-type': { changes: { [en]: replaceOnce('    title: Data we collect', '    title:\n      - Data') }, file: en },
  'invalid-value': { changes: { [en]: replaceOnce('flag: important', 'flag: sensitve') }, file: en },
  'invalid-id': { changes: { [en]: replaceOnce('- id: liability', '- id: Liability_1') }, file: en },
  'invalid-date': { changes: { [version]: replaceOnce('effective: 2024-02-01', 'effective: 2024-02-30') }, file: version },
  'invalid-url': { changes: { [sdks]: replaceOnce('https://crash.example.com/privacy', 'javascript:alert(1)') }, file: sdks },
  'duplicate-id': { changes: { [en]: replaceOnce('- id: liability', '- id: phone') }, file: en },
  'unknown-flag': { changes: { [en]: replaceOnce(':sensitive[phone number]', ':sensitve[phone number]') }, file: en },
  'flag-misuse': { changes: inText(':important[click me]{onclick="alert(1)"}'), file: en },
  'undefined-variable': { changes: { [en]: replaceOnce('runs {{app}}', 'runs {{appp}}') }, file: en },
  'raw-html': { changes: inText('We are <b>not</b> liable.'), file: en },
  'unsupported-markdown': { changes: inText('# Liability'), file: en },
  'markdown-too-deep': { changes: inText(Array.from({ length: 60 }, (_, level) => `${'  '.repeat(level)}- level ${level}`).join('\n          ')), file: en },
  'unsafe-link': { changes: inText('[Open](data:text/html,hi)'), file: en },
  'unknown-sdk': { changes: { [en]: replaceOnce('sdks: all', 'sdks: [crash-sdk, pay-sdk]') }, file: en },
  'version-folder': { changes: { 'notice/2022-02-30/version.yaml': 'published: 2022-02-30\neffective: 2022-03-01\n' }, file: 'notice/2022-02-30' },
  'version-date-mismatch': { changes: { [version]: replaceOnce('published: 2024-01-10', 'published: 2024-01-11') }, file: version },
  'version-locked': { from: exampleContent, changes: { 'privacy/2022-09-15/en.yaml': replaceOnce('Cell phone number is sensitive information', 'Cell phone number is personal information') }, file: 'privacy/2022-09-15/en.yaml' },
  'version-unlocked': { from: versionsSite, changes: { 'versions.lock.yaml': 'documents: {}\n' }, file: 'notice/2024-06-01/version.yaml' },
  'unknown-locale': { changes: { 'notice/2024-01-10/fr.yaml': 'title: Avis\nsections: []\n' }, file: 'notice/2024-01-10/fr.yaml' },
  'missing-translation': { from: bilingualSite, changes: { 'site.yaml': replaceOnce('    zh-CN: 示例有限公司\n', '') }, file: 'site.yaml' },
  'translation-missing': { from: bilingualSite, changes: { [zh]: replaceOnce('      - id: liability\n        flag: important\n        text: |\n          我们对服务中断不承担责任。\n', '') }, file: zh },
  'translation-extra': { from: bilingualSite, changes: { [zh]: (old) => `${old}      - id: bonus\n        text: |\n          额外条款。\n` }, file: zh },
  'translation-structure': { from: bilingualSite, changes: { [zh]: (old) => old.replace(/( {6}- id: liability[\s\S]*?)( {6}- id: sdks[\s\S]*)$/, '$2$1') }, file: zh },
  'translation-flags': { from: bilingualSite, changes: { [zh]: replaceOnce(':sensitive[手机号码]', '手机号码') }, file: zh },
  'translation-stale': { from: bilingualSite, changes: { [en]: replaceOnce('We are not liable for outages.', 'We are not liable for outages or delays.') }, file: zh },
  'unflagged-sensitive': { changes: inText('We keep your location history.'), file: en },
  'over-marking': { changes: inText(':important[We are not liable for outages, delays, data loss or any other damage caused by events outside our reasonable control, including network failures.] '.repeat(4)), file: en },
  'name-not-variable': { changes: { [en]: replaceOnce('runs {{app}}', 'runs Example App') }, file: en },
  'repeated-paragraph': { changes: inText('You can delete your account at any time from the settings page.\n\n          You can delete your account at any time from the settings page.'), file: en },
  'broken-reference': { changes: { [en]: replaceOnce('to sign you in.', 'to sign you in (see [liability](#liabilty)).') }, file: en },
  'sdk-not-shown': { changes: { [en]: replaceOnce('        sdks: all\n', '') }, file: sdks },
  'missing-ui-strings': { changes: { 'site.yaml': replaceOnce('locales:\n', 'locales:\n  xx:\n    name: Xx\n') }, file: 'site.yaml' },
};

describe('the rule catalogue', () => {
  it('has a fixture for every rule, and no fixture for a rule it lacks', () => {
    expect(Object.keys(fixtures).sort()).toEqual(Object.keys(rules).sort());
  });

  it.each(Object.entries(fixtures))('%s is raised by its fixture, in the file it names, with a place and a fix', async (ruleId, fixture) => {
    const dir = siteWith(fixture.changes, fixture.from ?? minimalSite);
    fixture.prepare?.(dir);
    const { messages } = await messagesOf(dir);
    const raised = messages.filter((message) => message.ruleId === ruleId);
    expect(raised.length, JSON.stringify(messages, null, 2)).toBeGreaterThan(0);
    expect(raised.map((message) => message.file)).toContain(fixture.file);
    for (const message of raised) {
      expect(message.line).toBeGreaterThanOrEqual(1);
      expect(message.note, 'every message carries a fix').toBeTruthy();
    }
  });
});
