/**
 * Clause Markdown as words and protected codes (src/translation/xliff/codes.ts):
 * every clause of the example cuts into codes and rebuilds to the same
 * Markdown; flags, variables and links become the codes a CAT tool protects;
 * a translation that loses or repeats one is caught; and a translation is
 * rebuilt from the source's codes, by id.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { alignTranslation, checkCodes, rebuild, segmentMarkdown, segmentPlain, type Inline } from '../../src/translation/xliff/codes.ts';
import { exampleContent } from '../helpers/content.ts';

interface Clause {
  id: string;
  text: string;
}

function clausesOf(file: string): Clause[] {
  const data = parse(readFileSync(file, 'utf8')) as { sections: { clauses: Clause[] }[] };
  return data.sections.flatMap((section) => section.clauses);
}

const spaced = (text: string) => text.replace(/\s+/g, ' ').trim();

describe('Markdown as words and codes', () => {
  it('every clause of the example rebuilds to its Markdown, and every Chinese translation lines up with its English source', () => {
    const versions = readdirSync(path.join(exampleContent, 'privacy'));
    let clauses = 0;
    for (const version of versions) {
      const english = clausesOf(path.join(exampleContent, 'privacy', version, 'en.yaml'));
      const chinese = new Map(clausesOf(path.join(exampleContent, 'privacy', version, 'zh-CN.yaml')).map((clause) => [clause.id, clause]));
      for (const clause of english) {
        const source = segmentMarkdown(clause.text);
        // Soft line breaks become spaces: the same Markdown to a reader.
        expect(spaced(rebuild(source, source.content)), clause.id).toBe(spaced(clause.text));
        const translation = chinese.get(clause.id)!;
        const aligned = alignTranslation(source, segmentMarkdown(translation.text));
        expect(aligned, `${version} ${clause.id}`).toBeDefined();
        expect(spaced(rebuild(source, aligned!)), clause.id).toBe(spaced(translation.text));
        clauses++;
      }
    }
    expect(clauses).toBeGreaterThan(40);
  });

  it('a flag, a variable and a link are codes; the link address stays in its code', () => {
    const { content, codes } = segmentMarkdown('{{company}} collects your :sensitive[phone number]. Write to [{{email}}](mailto:{{email}}).\n');
    expect(content).toEqual([
      { kind: 'ph', id: '1' },
      ' collects your ',
      { kind: 'pc', id: '2', children: ['phone number'] },
      '. Write to ',
      { kind: 'pc', id: '3', children: [{ kind: 'ph', id: '4' }] },
      '.',
    ]);
    expect(codes.get('1')).toMatchObject({ role: 'variable', start: '{{company}}', detail: 'company' });
    expect(codes.get('2')).toMatchObject({ element: 'pc', role: 'flag', start: ':sensitive[', end: ']', detail: 'sensitive' });
    expect(codes.get('3')).toMatchObject({ element: 'pc', role: 'link', start: '[', end: '](mailto:{{email}})' });
    expect(codes.get('4')).toMatchObject({ role: 'variable', start: '{{email}}' });
  });

  it('list markers, paragraph breaks and table pipes are codes; a line break inside a paragraph is a space', () => {
    const markdown = 'We collect:\n\n- your name\n  and address\n- your :important[location]\n\n| Data | Use |\n|---|---|\n| name | sign-in |\n';
    const source = segmentMarkdown(markdown);
    const words = source.content.filter((piece): piece is string => typeof piece === 'string');
    expect(words).toContain('your name and address');
    expect(words).toEqual(expect.arrayContaining(['Data', 'Use', 'name', 'sign-in']));
    const structure = [...source.codes.values()].filter((code) => code.role === 'structure').map((code) => code.start);
    expect(structure).toContain('\n\n- ');
    expect(structure.some((code) => code.includes('|---|---|'))).toBe(true);
    expect(rebuild(source, source.content)).toBe(markdown.replace('name\n  and', 'name and'));
  });

  it('words around a bare address after an unclosed `[` stay words (remark-gfm links such an address without a place)', () => {
    const markdown = 'Read [our notice https://example.com/x and *more*.';
    const source = segmentMarkdown(markdown);
    expect(source.content).toEqual(['Read [our notice ', { kind: 'ph', id: '1' }, ' and ', { kind: 'pc', id: '2', children: ['more'] }, '.']);
    expect(source.codes.get('1')).toMatchObject({ role: 'literal', start: 'https://example.com/x' });
    expect(rebuild(source, source.content)).toBe(markdown);
  });

  it('a title is words and variables only', () => {
    const { content, codes } = segmentPlain('{{company}} Privacy *Notice*');
    expect(content).toEqual([{ kind: 'ph', id: '1' }, ' Privacy *Notice*']);
    expect(codes.size).toBe(1);
  });

  it('a translation that lost a flag, repeated a variable or changed a code’s kind is caught, naming the code', () => {
    const source = segmentMarkdown('{{company}} collects your :sensitive[phone number].\n');
    const target = (...pieces: Inline[]) => pieces;
    expect(checkCodes(source, target({ kind: 'ph', id: '1' }, ' 收集您的', { kind: 'pc', id: '2', children: ['手机号码'] }, '。'))).toEqual([]);
    expect(checkCodes(source, target({ kind: 'ph', id: '1' }, ' 收集您的手机号码。')).map((problem) => problem.reason)).toEqual([
      'Missing code `2` (the flag `:sensitive[…]`) in the translation, expected it once as in the source',
    ]);
    expect(checkCodes(source, target({ kind: 'ph', id: '1' }, { kind: 'ph', id: '1' }, { kind: 'pc', id: '2', children: ['x'] })).map((problem) => problem.reason)).toEqual([
      'Unexpected code `1` (the variable `{{company}}`) 2 times in the translation, expected it once as in the source',
    ]);
    expect(checkCodes(source, target({ kind: 'pc', id: '1', children: [] }, { kind: 'pc', id: '2', children: [] }, { kind: 'ph', id: '9' })).map((problem) => problem.reason)).toEqual([
      'Unexpected `<pc>` for code `1` (the variable `{{company}}`), expected `<ph>` as in the source',
      'Unexpected code `9` (`<ph>`): the source has no code with this id',
    ]);
  });

  it('a translation is rebuilt from the source’s codes by id, in the order the translation puts them', () => {
    const source = segmentMarkdown('Contact {{company}} about your :sensitive[location] at [our page](https://example.com/privacy).\n');
    const rebuilt = rebuild(source, [{ kind: 'pc', id: '3', children: ['我们的页面'] }, '上就您的', { kind: 'pc', id: '2', children: ['位置信息'] }, '联系', { kind: 'ph', id: '1' }, '。']);
    expect(rebuilt).toBe('[我们的页面](https://example.com/privacy)上就您的:sensitive[位置信息]联系{{company}}。\n');
  });

  it('an existing translation is offered only when its codes match the source’s one to one', () => {
    const source = segmentMarkdown('We collect your :sensitive[phone number] and :important[location].\n');
    expect(alignTranslation(source, segmentMarkdown('我们收集您的:sensitive[手机号码]和:important[位置]。\n'))).toBeDefined();
    expect(alignTranslation(source, segmentMarkdown('我们收集您的:sensitive[手机号码]。\n'))).toBeUndefined();
  });
});
