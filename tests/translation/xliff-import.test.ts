/**
 * `npm run translations:import`: an export filled in by translators goes
 * back into the language file and is confirmed; a file whose source changed
 * since, that lost a protected code, that is for a published version or a
 * language the site does not have, or that would bring errors into the
 * content, is refused whole, with the place of each problem in the XLIFF file.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { loadSite } from '../../src/load/index.ts';
import { startOf } from '../../src/messages/message.ts';
import { partStatuses } from '../../src/translation/parts.ts';
import { exportTranslation } from '../../src/translation/xliff/export.ts';
import { writeXliff } from '../../src/translation/xliff/format.ts';
import { planImport } from '../../src/translation/xliff/import.ts';
import { messagesOf, replaceOnce, siteWith, tempDir } from '../helpers/content.ts';
import { changedSite, translateUnits, translations } from '../helpers/translations.ts';

const zh = 'notice/2024-01-10/zh-CN.yaml';

/** The export of `dir` for `locale`, as text. */
async function exportOf(dir: string, locale = 'zh-CN'): Promise<string> {
  const { parsed } = await loadSite(dir, { mode: 'preview' });
  return writeXliff((await exportTranslation(parsed.content!, locale)).xliff!);
}

/** What import makes of `xliff` against the content in `dir` now: the plan, and the messages on the XLIFF file. */
async function plan(dir: string, xliff: string) {
  const { parsed } = await loadSite(dir, { mode: 'preview' });
  const file = new VFile({ path: path.join(dir, '..', 'zh-CN.xlf'), value: xliff });
  const result = planImport(file, parsed.content!, (each) => {
    try {
      return readFileSync(each, 'utf8');
    } catch {
      return undefined;
    }
  });
  return { result, messages: file.messages.map((message) => ({ rule: message.ruleId, reason: message.reason, line: startOf(message.place).line })) };
}

/** Line of the first occurrence of `needle` in `text`. */
function lineOf(text: string, needle: string): number {
  const index = text.indexOf(needle);
  if (index < 0) throw new Error(`${needle} not found`);
  return text.slice(0, index).split('\n').length;
}

const translatedUnits = {
  liability: '我们对服务中断或延迟不承担责任。',
  'contact.title': '联系我们',
  contact: '关于您的<pc id="3">数据</pc>，请致信<pc id="1"><ph id="2"/></pc>。',
};

describe('translations:import', () => {
  it('round trip: export, translate, import; the language file is updated in place, the content loads cleanly, the clauses are confirmed', async () => {
    // A comment in the Chinese file, to see that it survives.
    const dir = changedSite({ [zh]: replaceOnce('      - id: liability\n', '      # Reviewed by the legal team.\n      - id: liability\n') });
    const file = path.join(tempDir(), 'zh-CN.xlf');
    expect(translations('export', ['zh-CN', '--content', dir, '--out', file]).status).toBe(0);
    writeFileSync(file, translateUnits(readFileSync(file, 'utf8'), translatedUnits));

    const run = translations('import', [file, '--content', dir]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('imported zh-CN for notice 2024-01-10: 2 clauses, confirmed (zh-CN.yaml, translations.yaml)');

    const text = readFileSync(path.join(dir, zh), 'utf8');
    expect(text).toContain('      # Reviewed by the legal team.\n      - id: liability\n        flag: important\n        text: |\n          我们对服务中断或延迟不承担责任。\n');
    // The new clause stands where the source has it, with the source's keys in the source's order.
    expect(text).toContain('      - id: contact\n        title: 联系我们\n        text: |\n          关于您的:sensitive[数据]，请致信[{{company}}](mailto:privacy@example.com)。\n      - id: sdks\n');
    expect(await messagesOf(dir, 'preview')).toEqual({ messages: [], ok: true });

    const { parsed } = await loadSite(dir, { mode: 'preview' });
    const version = parsed.content!.documents[0]!.versions[0]!;
    expect(partStatuses(version, 'en', 'zh-CN')!.filter((part) => part.state !== 'current')).toEqual([]);
    // The source texts confirmed are kept, for a later --diff.
    expect(version.translationsLock!.data.sources![partStatuses(version, 'en', 'zh-CN')!.find((part) => part.key === 'liability')!.fingerprint]).toEqual({ text: 'We are not liable for outages or delays.\n' });
  });

  it('a unit the translator did not touch (state still initial) is left out and stays stale', async () => {
    const dir = changedSite();
    const { result } = await plan(dir, translateUnits(await exportOf(dir), { liability: '我们对服务中断或延迟不承担责任。' }, 'initial'));
    expect(result!.writes.size).toBe(0);
    expect(result!.report.join('\n')).toContain('left out clause `liability`: not translated');
  });

  it('a clause is imported whole: its text without its title is left out', async () => {
    const dir = changedSite();
    const { result } = await plan(dir, translateUnits(await exportOf(dir), { liability: translatedUnits.liability, contact: translatedUnits.contact }));
    expect(result!.imported).toBe(1);
    expect(result!.report.join('\n')).toContain('left out clause `contact`: unit `contact.title` not translated, and a clause is imported whole');
  });

  it('refuses a file whose source changed since the export, naming document, version and clause', async () => {
    const dir = changedSite();
    const xliff = translateUnits(await exportOf(dir), translatedUnits);
    const en = path.join(dir, 'notice/2024-01-10/en.yaml');
    writeFileSync(en, readFileSync(en, 'utf8').replace('outages or delays.', 'outages, delays or data loss.'));
    const { result, messages } = await plan(dir, xliff);
    expect(result).toBeUndefined();
    expect(messages).toEqual([
      {
        rule: 'xliff-source-changed',
        reason: expect.stringMatching(/^Unexpected source for unit `liability`: the en text of clause `liability` \(notice 2024-01-10\) changed since this file was exported \(fingerprint \w{12}, now \w{12}\)$/),
        line: lineOf(xliff, '<unit id="liability">'),
      },
    ]);
  });

  it('refuses a source edited in the file, even with the fingerprint note gone', async () => {
    const dir = changedSite();
    const xliff = translateUnits(await exportOf(dir), translatedUnits)
      .replace(/\s*<note category="fingerprint">\w+<\/note>/g, '')
      .replace('We are not liable for outages or delays.', 'We are not liable.');
    const { messages } = await plan(dir, xliff);
    expect(messages.map((message) => [message.rule, message.reason])).toEqual([['xliff-source-changed', 'Unexpected source for unit `liability`: it no longer matches the en text of clause `liability` (notice 2024-01-10)']]);
  });

  it('refuses a translation that dropped a flag, naming the unit and the flag', async () => {
    const dir = changedSite();
    const xliff = translateUnits(await exportOf(dir), { ...translatedUnits, contact: '关于您的数据，请致信<pc id="1"><ph id="2"/></pc>。' });
    const { result, messages } = await plan(dir, xliff);
    expect(result).toBeUndefined();
    expect(messages).toEqual([
      {
        rule: 'xliff-codes',
        reason: 'Missing code `3` (the flag `:sensitive[…]`) in the translation, expected it once as in the source: unit `contact`, the zh-CN translation of clause `contact` (notice 2024-01-10)',
        line: lineOf(xliff, '<target xml:space="preserve">关于您的数据'),
      },
    ]);
  });

  it('refuses a file for a published version', async () => {
    const records = path.resolve(import.meta.dirname, '../fixtures/sites/records');
    const dir = siteWith({ 'notice/2024-09-01/en.yaml': replaceOnce('outages or delays', 'outages, delays or errors') }, records);
    const xliff = (await exportOf(dir)).replace('<file id="notice.2024-09-01"', '<file id="notice.2024-06-01"');
    const { result, messages } = await plan(dir, translateUnits(xliff, { liability: '我们不对服务中断、延迟或错误承担责任。' }));
    expect(result).toBeUndefined();
    expect(messages.map((message) => [message.rule, message.reason])).toEqual([['xliff-published', 'Unexpected translation for notice 2024-06-01: this version is published, and a published version never changes']]);
  });

  it('refuses a file for a language the site does not have', async () => {
    const dir = changedSite();
    const { result, messages } = await plan(dir, (await exportOf(dir)).replace('trgLang="zh-CN"', 'trgLang="fr"'));
    expect(result).toBeUndefined();
    expect(messages.map((message) => [message.rule, message.reason])).toEqual([['xliff-unknown', "Unexpected target language `fr` (`trgLang`), expected one of this site's translations: `zh-CN` (content/site.yaml)"]]);
  });

  it('refuses what is not an XLIFF 2.0 file, at its place', async () => {
    const dir = changedSite();
    expect((await plan(dir, '<xliff version="1.2"><file/></xliff>')).messages.map((message) => message.rule)).toEqual(['xliff-format']);
    expect((await plan(dir, '<xliff version="2.0">\n<file>\n</xliff>')).messages).toEqual([{ rule: 'xliff-format', reason: expect.stringMatching(/^Malformed XML: /), line: 3 }]);
    const nested = translateUnits(await exportOf(dir), { liability: `${'<pc id="1">'.repeat(40)}x${'</pc>'.repeat(40)}` });
    expect((await plan(dir, nested)).messages.map((message) => message.reason)).toEqual(['Unexpected codes nested more than 32 deep in unit `liability`, expected them as exported']);
    const deeper = translateUnits(await exportOf(dir), { liability: `${'<pc id="1">'.repeat(100_000)}x${'</pc>'.repeat(100_000)}` });
    expect((await plan(dir, deeper)).messages.map((message) => message.reason)).toEqual(['Malformed XML: elements nested too deeply to read']);
  });

  it('writes nothing when the translation would bring an error into the content', () => {
    const dir = changedSite();
    const before = readFileSync(path.join(dir, zh), 'utf8');
    const file = path.join(tempDir(), 'zh-CN.xlf');
    expect(translations('export', ['zh-CN', '--content', dir, '--out', file]).status).toBe(0);
    // Raw HTML typed into the translation is an error in clause text.
    writeFileSync(file, translateUnits(readFileSync(file, 'utf8'), { ...translatedUnits, liability: '我们对服务中断&lt;script&gt;不承担责任。' }));
    const run = translations('import', [file, '--content', dir]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('zh-CN.yaml');
    expect(run.stderr).toContain('(raw-html)');
    expect(run.stderr).toContain('Nothing was imported: the translation would bring these errors into the content.');
    expect(readFileSync(path.join(dir, zh), 'utf8')).toBe(before);
  });
});
