/**
 * `npm run translations:export`: the stale and missing clauses of a language
 * as XLIFF 2.0, read back with the `xliff` package as another tool would:
 * one `<file>` per document and version, unit ids that are clause ids, only
 * what needs translating, flags, variables and links as protected codes, and
 * never over a file the command did not write.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fromXml } from 'xast-util-from-xml';
import xliff2js, { type XliffElement, type XliffValue } from 'xliff/xliff2js';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { loadSite } from '../../src/load/index.ts';
import { segmentMarkdown } from '../../src/translation/xliff/codes.ts';
import { exportTranslation } from '../../src/translation/xliff/export.ts';
import { readXliff, writeXliff, xliffNamespace } from '../../src/translation/xliff/format.ts';
import { bilingualSite, siteWith, tempDir } from '../helpers/content.ts';
import { changedSite, translations } from '../helpers/translations.ts';

async function exported(dir: string, locale = 'zh-CN') {
  const { parsed } = await loadSite(dir, { mode: 'preview' });
  return exportTranslation(parsed.content!, locale);
}

/** Every inline element of a value, depth first, as the `xliff` package reads it. */
function elementsOf(value: XliffValue | undefined): XliffElement[] {
  if (value === undefined || typeof value === 'string') return [];
  const list = Array.isArray(value) ? value : [value];
  return list.flatMap((piece): XliffElement[] => {
    if (typeof piece === 'string') return [];
    const inner = Object.values(piece as XliffElement).flatMap((element) => elementsOf((element as { contents?: XliffValue }).contents));
    return [piece as XliffElement, ...inner];
  });
}

describe('translations:export', () => {
  it('writes XLIFF 2.0 with one unit per stale or missing clause, ids as clause ids', async () => {
    const result = await exported(changedSite());
    expect([result.stale, result.missing]).toEqual([1, 1]);
    const xml = writeXliff(result.xliff!);
    const js = await xliff2js(xml);
    expect([js.sourceLanguage, js.targetLanguage]).toEqual(['en', 'zh-CN']);
    expect(Object.keys(js.resources)).toEqual(['notice.2024-01-10']);
    // `welcome`, `phone` and `sdks` are up to date: not exported.
    expect(Object.keys(js.resources['notice.2024-01-10']!)).toEqual(['liability', 'contact.title', 'contact']);
    const root = fromXml(xml).children.find((node) => node.type === 'element');
    expect(root).toMatchObject({ name: 'xliff', attributes: { xmlns: xliffNamespace, version: '2.0', srcLang: 'en', trgLang: 'zh-CN' } });
  });

  it('a stale clause carries its current translation as the target; a missing one has none', async () => {
    const units = (await xliff2js(writeXliff((await exported(changedSite())).xliff!))).resources['notice.2024-01-10']!;
    expect(units.liability!.source).toBe('We are not liable for outages or delays.');
    expect(units.liability!.target).toBe('我们对服务中断不承担责任。');
    expect(units.contact!.target).toBeUndefined();
    expect(units.contact!.note).toContain('Missing: there is no zh-CN translation yet.');
  });

  it('records the fingerprint of the source each unit was exported from', async () => {
    const dir = changedSite();
    const result = await exported(dir);
    const { parsed } = await loadSite(dir, { mode: 'preview' });
    const record = (await import('../../src/translation/parts.ts')).partStatuses(parsed.content!.documents[0]!.versions[0]!, 'en', 'zh-CN')!;
    const units = (await xliff2js(writeXliff(result.xliff!))).resources['notice.2024-01-10']!;
    for (const id of ['liability', 'contact']) expect(units[id]!.note, id).toContain(record.find((part) => part.key === id)!.fingerprint);
  });

  it('flags, variables and links are inline codes a CAT tool protects', async () => {
    const units = (await xliff2js(writeXliff((await exported(changedSite())).xliff!))).resources['notice.2024-01-10']!;
    const codes = elementsOf(units.contact!.source);
    const link = codes.find((code) => code.Span?.type === 'link')!.Span!;
    expect(link).toMatchObject({ equivStart: '[', equivEnd: '](mailto:privacy@example.com)', canDelete: 'no' });
    const variable = codes.find((code) => code.Standalone?.subType === 'xlf:var')!.Standalone!;
    // `disp` shows the value in the target language.
    expect(variable).toMatchObject({ type: 'ui', equiv: '{{company}}', disp: '示例有限公司', canDelete: 'no', canCopy: 'no' });
    const flag = codes.find((code) => code.Span?.subType === 'ls:sensitive')!.Span!;
    expect(flag).toMatchObject({ type: 'fmt', equivStart: ':sensitive[', equivEnd: ']', contents: 'data', canDelete: 'no' });
  });

  it('reads back to exactly the words and codes it wrote, spaces between codes included', async () => {
    const result = await exported(changedSite());
    const read = readXliff(new VFile({ path: 'zh-CN.xlf', value: writeXliff(result.xliff!) }))!;
    const contact = read.files[0]!.units.find((unit) => unit.id === 'contact')!;
    expect(contact.source).toEqual(segmentMarkdown('Write to [{{company}}](mailto:privacy@example.com) about your :sensitive[data].\n').content);
    expect(contact.state).toBe('initial');
  });

  it('one <file> per document and version; published versions are left out', async () => {
    const dir = changedSite();
    // A second draft version of the same document, with its own change.
    cpSync(path.join(dir, 'notice/2024-01-10'), path.join(dir, 'notice/2024-03-01'), { recursive: true });
    writeFileSync(path.join(dir, 'notice/2024-03-01/version.yaml'), 'published: 2024-03-01\neffective: 2024-03-01\ndraft: true\n');
    const second = path.join(dir, 'notice/2024-03-01/en.yaml');
    writeFileSync(second, readFileSync(second, 'utf8').replace('{{company}} runs {{app}}.', '{{company}} runs {{app}} and its website.'));
    const js = await xliff2js(writeXliff((await exported(dir)).xliff!));
    expect(Object.keys(js.resources)).toEqual(['notice.2024-01-10', 'notice.2024-03-01']);
    expect(Object.keys(js.resources['notice.2024-03-01']!)).toEqual(['welcome', 'liability', 'contact.title', 'contact']);

    const records = await exported(siteWith({ 'notice/2024-06-01/en.yaml': (text) => text }, path.resolve(bilingualSite, '../records')));
    expect(records.xliff).toBeUndefined();
    expect(records.notes).toEqual(['left out notice 2024-01-10: published versions never change', 'left out notice 2024-06-01: published versions never change']);
  });

  it('writes the file, replaces its own unchanged export, and refuses a file it did not write or that was changed since', () => {
    const dir = changedSite();
    const out = path.join(tempDir(), 'zh-CN.xlf');
    const first = translations('export', ['zh-CN', '--content', dir, '--out', out]);
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toContain('1 stale and 1 missing part');
    expect(translations('export', ['zh-CN', '--content', dir, '--out', out]).status).toBe(0);

    writeFileSync(out, readFileSync(out, 'utf8').replace('<segment state="initial">', '<segment state="translated">'));
    const changed = translations('export', ['zh-CN', '--content', dir, '--out', out]);
    expect(changed.status).toBe(2);
    expect(changed.stderr).toMatch(/^Refusing to write the XLIFF file .*zh-CN\.xlf: it was changed since `npm run translations:export` wrote it; replacing it would lose the changes\. Nothing was written\./);
    expect(readFileSync(out, 'utf8')).toContain('<segment state="translated">');

    const foreign = path.join(path.dirname(out), 'notes.xlf');
    writeFileSync(foreign, '<xliff>my own file</xliff>');
    const refused = translations('export', ['zh-CN', '--content', dir, '--out', foreign]);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('notes.xlf: it exists and `npm run translations:export` did not write it');
    expect(readFileSync(foreign, 'utf8')).toBe('<xliff>my own file</xliff>');
  });

  it('writes nothing when nothing is stale or missing', () => {
    const out = path.join(tempDir(), 'zh-CN.xlf');
    const run = translations('export', ['zh-CN', '--content', bilingualSite, '--out', out]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('Nothing to translate: no zh-CN clause is stale or missing');
    expect(() => readFileSync(out)).toThrow();
  });

  it('refuses the source language and a language the site does not have, with the usage', () => {
    for (const [language, line] of [
      ['en', 'Unexpected language `en`: it is the source language, expected a translation (zh-CN).'],
      ['fr', 'Unexpected language `fr`, expected a translation listed in site.yaml: zh-CN.'],
    ] as const) {
      const run = translations('export', [language, '--content', bilingualSite]);
      expect(run.status).toBe(2);
      expect(run.stderr.split('\n')[0]).toBe(line);
      expect(run.stderr).toContain('Usage: npm run translations:export -- <language> [options]');
    }
  });
});
