/**
 * Every rule in the catalogue (src/messages/catalog.ts) is raised by at
 * least one fixture: a small site with one mistake, which must produce a
 * message of that rule, in the file it names, with a place and a fix. The
 * table is typed by the catalogue, so a new rule without a fixture does not
 * compile; a rule that nothing raises any more fails here.
 */
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { loadSite } from '../../src/load/index.ts';
import { startOf } from '../../src/messages/message.ts';
import { appendEntry } from '../../src/records/chain.ts';
import { exportTranslation } from '../../src/translation/xliff/export.ts';
import { writeXliff } from '../../src/translation/xliff/format.ts';
import { planImport } from '../../src/translation/xliff/import.ts';
import { VFile } from 'vfile';
import type { LockEntry } from '../../src/schema/versions-lock.ts';
import { hashText } from '../../src/versions/lock.ts';
import { rules, type RuleId } from '../../src/messages/catalog.ts';
import { bilingualSite, exampleContent, fixturesDir, messagesOf, minimalSite, refusing, replaceOnce, siteWith, type Change } from '../helpers/content.ts';
import { contactClause, translateUnits } from '../helpers/translations.ts';

interface RuleFixture {
  /** The site the changes apply to (default: the minimal fixture). */
  from?: string;
  /** A file or folder name the file system refuses to read (a test run as root reads everything). */
  deny?: string;
  /** Whether drafts are built (default: yes, as `npm run check` does). */
  drafts?: boolean;
  /** For a rule that `translations:import` raises rather than loading: the XLIFF file it is given (a function of the site). */
  xliff?: (dir: string) => Promise<string>;
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
const recordsSite = path.join(fixturesDir, 'sites/records');
const inventorySite = path.join(fixturesDir, 'sites/inventory');
const inventory = 'notice/2024-01-10/inventory.yaml';

/** A change that makes the bilingual fixture's `liability` clause stale in Chinese, so that it is exported. */
const changedClause = { [en]: replaceOnce('We are not liable for outages.', 'We are not liable for outages or delays.') };

/** The XLIFF export of `dir` for zh-CN, as `translations:export` writes it. */
async function exportOf(dir: string): Promise<string> {
  const { parsed } = await loadSite(dir, { mode: 'preview' });
  return writeXliff((await exportTranslation(parsed.content!, 'zh-CN')).xliff!);
}

/** The messages `translations:import` gives `xliff` against the content in `dir`, placed on the XLIFF file. */
async function importMessages(dir: string, xliff: string): Promise<{ file: string; ruleId: string | undefined; line: number; note: string | undefined }[]> {
  const { parsed } = await loadSite(dir, { mode: 'preview' });
  const file = new VFile({ path: path.join(dir, 'zh-CN.xlf'), value: xliff });
  planImport(file, parsed.content!, (each) => {
    try {
      return readFileSync(each, 'utf8');
    } catch {
      return undefined;
    }
  });
  return file.messages.map((message) => ({ file: path.relative(dir, file.path), ruleId: message.ruleId, line: startOf(message.place).line, note: message.note }));
}

/**
 * A published version whose frozen values were changed and whose lock was brought to match file by file
 * (files and chain, but not the record): what only the record's hash can tell.
 */
function refreeze(dir: string): void {
  const lockFile = path.join(dir, 'versions.lock.yaml');
  const entries = parse(readFileSync(lockFile, 'utf8')).entries as LockEntry[];
  let chain: LockEntry[] = [];
  for (const entry of entries) {
    const files = Object.fromEntries(Object.keys(entry.files).map((name) => [name, hashText(readFileSync(path.join(dir, 'notice', entry.version, name), 'utf8'))]));
    const { hash: _hash, previous: _previous, ...rest } = entry;
    chain = [...chain, appendEntry(chain, { ...rest, files })];
  }
  writeFileSync(lockFile, stringify({ format: 2, entries: chain }));
}
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
  'version-unlocked': { from: versionsSite, changes: { 'notice/2024-09-01/version.yaml': replaceOnce('draft: true\n', '') }, file: 'notice/2024-09-01/version.yaml' },
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
  'file-not-regular': { changes: { [sdks]: null }, prepare: (dir) => mkdirSync(path.join(dir, sdks)), file: sdks },
  // Root reads every file: the file system is made to refuse this one.
  'file-unreadable': { changes: {}, deny: 'version.yaml', file: version },
  'control-character': { changes: inText('We are not \u0007liable.'), file: en },
  'bidi-control': { changes: inText('We keep logs for \u202E03\u202C days.'), file: en },
  'yaml-feature': { changes: { [version]: (old) => `%YAML 1.1\n---\n${old}` }, file: version },
  'invalid-locale': { changes: { 'site.yaml': replaceOnce('locales:\n', 'locales:\n  en-a1:\n    name: Bad\n') }, file: 'site.yaml' },
  'blank-text': { changes: { [en]: replaceOnce('text: |\n          We are not liable for outages.', 'text: "  \u3000 "') }, file: en },
  'variable-syntax': { changes: { [en]: replaceOnce('{{company}} runs {{app}}.', '{{company}} runs {{app-name}}.') }, file: en },
  'text-too-long': { changes: { 'site.yaml': replaceOnce('app: Example App', `app: ${'x'.repeat(512 * 1024)}`), ...inText('{{app}}'.repeat(20_000)) }, file: en },
  'markdown-too-complex': { changes: inText('*a**'.repeat(2_000)), file: en },
  'duplicate-sdk': { changes: { [en]: replaceOnce('sdks: all', 'sdks: [crash-sdk, crash-sdk]') }, file: en },
  'effective-before-published': { changes: { [version]: replaceOnce('effective: 2024-02-01', 'effective: 2024-01-01') }, file: version },
  'version-order': { from: recordsSite, changes: { 'notice/2024-03-01/version.yaml': 'published: 2024-03-01\neffective: 2024-03-01\ndraft: true\n' }, file: 'notice/2024-03-01/version.yaml' },
  'lock-missing': { from: recordsSite, changes: { 'versions.lock.yaml': null }, file: 'notice/2024-01-10/version.yaml' },
  'lock-chain': { from: recordsSite, changes: { 'versions.lock.yaml': (old) => old.replace(/(\n {4}hash: )[0-9a-f]/, '$1f') }, file: 'versions.lock.yaml' },
  'lock-format': { from: recordsSite, changes: { 'versions.lock.yaml': 'documents: {}\n' }, file: 'versions.lock.yaml' },
  'record-changed': { from: recordsSite, changes: { 'notice/2024-01-10/variables.yaml': (old) => old.replace('company: Example Ltd', 'company: Other Ltd'), 'versions.lock.yaml': (old) => old } , prepare: refreeze, file: 'notice/2024-01-10/en.yaml' },
  'unpublished-annex': { from: recordsSite, changes: { 'site.yaml': replaceOnce('locales:\n', 'locales:\n  de:\n    name: Deutsch\n'), 'notice/2024-06-01/de.yaml': 'title: Hinweis\nsections:\n  - id: intro\n    clauses:\n      - id: welcome\n        text: Willkommen.\n' }, drafts: false, file: 'notice/2024-06-01/de.yaml' },
  'empty-document': { changes: {}, prepare: (dir) => mkdirSync(path.join(dir, 'terms')), file: 'terms' },
  'missing-ui-string': { changes: { 'site.yaml': replaceOnce('locales:\n', 'locales:\n  sw:\n    name: Kiswahili\n'), 'ui/sw.yaml': 'toc.heading: Yaliyomo\n' }, file: 'ui/sw.yaml' },
  'ui-placeholder': { changes: { 'ui/en.yaml': 'version.past: "Replaced on {date}. {onerror}"\n' }, file: 'ui/en.yaml' },
  'xliff-format': { from: bilingualSite, changes: {}, xliff: async () => '<xliff version="1.2"><file/></xliff>', file: 'zh-CN.xlf' },
  'xliff-unknown': { from: bilingualSite, changes: changedClause, xliff: async (dir) => (await exportOf(dir)).replace('trgLang="zh-CN"', 'trgLang="fr"'), file: 'zh-CN.xlf' },
  'xliff-published': { from: recordsSite, changes: { 'notice/2024-09-01/en.yaml': replaceOnce('outages or delays', 'outages, delays or errors') }, xliff: async (dir) => translateUnits((await exportOf(dir)).replace('<file id="notice.2024-09-01"', '<file id="notice.2024-06-01"'), { liability: '我们不对服务中断、延迟或错误承担责任。' }), file: 'zh-CN.xlf' },
  'xliff-source-changed': { from: bilingualSite, changes: changedClause, xliff: async (dir) => translateUnits(await exportOf(dir), { liability: '我们对服务中断或延迟不承担责任。' }).replace('We are not liable for outages or delays.', 'We are not liable.'), file: 'zh-CN.xlf' },
  // A new clause with a link, a variable and a flag, translated without the flag's code.
  'xliff-codes': { from: bilingualSite, changes: { [en]: (text) => text.replace('      - id: sdks\n', `${contactClause}      - id: sdks\n`) }, xliff: async (dir) => translateUnits(await exportOf(dir), { 'contact.title': '联系我们', contact: '关于您的数据，请致信<pc id="1"><ph id="2"/></pc>。' }), file: 'zh-CN.xlf' },
  'notice-link': { from: versionsSite, changes: { 'notice/2024-09-01/notice.yaml': 'text:\n  en: Read [our lists](page:nowhere).\n' }, file: 'notice/2024-09-01/notice.yaml' },
  'ui-plural': { changes: { 'ui/en.yaml': 'changes.unchangedClauses: "{count} unchanged clauses"\n', 'site.yaml': replaceOnce('locales:\n', 'locales:\n  ru:\n    name: Русский\n'), 'ui/ru.yaml': 'changes.unchangedClauses: "{count} пунктов"\n' }, file: 'ui/ru.yaml' },
  'inventory-reference': { from: inventorySite, changes: { [inventory]: replaceOnce('data: [device-model]', 'data: [device-modle]') }, file: inventory },
  'inventory-row-incomplete': { from: inventorySite, changes: { [inventory]: replaceOnce('    method: sdk\n', '') }, file: inventory },
  'inventory-sensitive-incomplete': { from: inventorySite, changes: { [inventory]: (old) => old.replace(/      impact: [^\n]*\n/, '') }, file: inventory },
  'inventory-recipient-incomplete': { from: inventorySite, changes: { [inventory]: replaceOnce('    version: 2.1.0\n', '') }, file: inventory },
  'inventory-retention-missing': { from: inventorySite, changes: { [inventory]: replaceOnce('    retention: { period: P30D, afterExpiry: delete }\n', '') }, file: inventory },
  'inventory-sdk-mismatch': { from: inventorySite, changes: { [inventory]: replaceOnce('    sdk: crash-sdk', '    sdk: crash-kit') }, file: inventory },
  'inventory-unused': { from: inventorySite, changes: { [inventory]: replaceOnce('data: [device-model]', 'data: [mobile-number]') }, file: inventory },
  'declarations-unmapped': { from: inventorySite, changes: { 'declarations.yaml': 'categories:\n  contact.phone: { play: null }\n' }, file: inventory },
  'declarations-contradiction': { from: inventorySite, changes: { 'declarations.yaml': 'items:\n  device-model: { onDevice: true }\n' }, file: 'declarations.yaml' },
  'declarations-answer-missing': { from: inventorySite, changes: { 'declarations.yaml': 'app:\n  tracking: false\n' }, file: 'declarations.yaml' },
  'inventory-material': {
    from: inventorySite,
    // A second version whose inventory adds a permission the first did not have.
    changes: Object.fromEntries(['version.yaml', 'en.yaml', 'zh-CN.yaml', 'sdks.yaml', 'translations.yaml', 'inventory.yaml'].map((name) => {
      const text = readFileSync(path.join(fixturesDir, 'sites/inventory/notice/2024-01-10', name), 'utf8');
      const changed = name === 'version.yaml' ? text.replaceAll('2024-01-10', '2024-06-01').replace('effective: 2024-02-01', 'effective: 2024-06-15') : name === 'inventory.yaml' ? text.replace('  - id: phone-state', '  - id: camera\n    name: { en: Camera, zh-CN: 相机 }\n    refusable: true\n    refusalEffect: { en: No photos., zh-CN: 无法拍照。 }\n  - id: phone-state').replace('    recipients: [crash-sdk]', '    permissions:\n      - { permission: camera, frequency: { en: On use, zh-CN: 使用时 } }\n    recipients: [crash-sdk]') : text;
      return [`notice/2024-06-01/${name}`, changed];
    })),
    file: 'notice/2024-06-01/version.yaml',
  },
};

describe('the rule catalogue', () => {
  it('has a fixture for every rule, and no fixture for a rule it lacks', () => {
    expect(Object.keys(fixtures).sort()).toEqual(Object.keys(rules).sort());
  });

  it.each(Object.entries(fixtures))('%s is raised by its fixture, in the file it names, with a place and a fix', async (ruleId, fixture) => {
    const dir = siteWith(fixture.changes, fixture.from ?? minimalSite);
    fixture.prepare?.(dir);
    const messages = fixture.xliff ? await importMessages(dir, await fixture.xliff(dir)) : (await messagesOf(dir, 'publish', fixture.drafts ?? true, fixture.deny ? refusing(fixture.deny) : undefined)).messages;
    const raised = messages.filter((message) => message.ruleId === ruleId);
    expect(raised.length, JSON.stringify(messages, null, 2)).toBeGreaterThan(0);
    expect(raised.map((message) => message.file)).toContain(fixture.file);
    for (const message of raised) {
      expect(message.line).toBeGreaterThanOrEqual(1);
      expect(message.note, 'every message carries a fix').toBeTruthy();
    }
  });
});
