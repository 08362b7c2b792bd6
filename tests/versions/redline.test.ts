/**
 * The redline engine, case by case: clauses added, removed, moved and
 * reworded, Chinese compared word by word, flags gained and lost, SDK rows
 * added, removed and changed, and identical versions. Texts are written as
 * Markdown and go through the real pipeline, as content does.
 */
import { describe, expect, it } from 'vitest';
import { redline, type ComparableText } from '../../src/diff/redline.ts';
import type { Segment } from '../../src/diff/types.ts';
import { renderMarkdown } from '../../src/markdown/processor.ts';
import type { SdkModel } from '../../src/model/types.ts';
import type { FlagKind } from '../../src/schema/policy-text.ts';

type ClauseSpec = { id: string; text: string; title?: string; flag?: FlagKind; sdks?: string; lists?: string };

function text(sections: Record<string, ClauseSpec[]>, sdks: SdkModel[] = [], title = 'Policy'): ComparableText {
  return {
    title,
    sdks,
    sections: Object.entries(sections).map(([id, clauses]) => ({
      id,
      title: `Section ${id}`,
      clauses: clauses.map((clause) => {
        const rendered = renderMarkdown(clause.text, { variables: {}, clauseFlag: clause.flag });
        return {
          id: clause.id,
          ...(clause.title ? { title: clause.title } : {}),
          ...(clause.flag ? { flag: clause.flag } : {}),
          inlineFlags: rendered.inlineFlags,
          sdks: clause.sdks ?? '',
          lists: clause.lists ?? '',
          blocks: rendered.blocks,
        };
      }),
    })),
  };
}

const compare = (before: ComparableText, after: ComparableText, locale = 'en') => redline(before, after, locale, { from: '2024-01-01', to: '2024-06-01' });
const clauses = (result: ReturnType<typeof compare>) => result.sections.flatMap((section) => section.clauses);
const clause = (result: ReturnType<typeof compare>, id: string) => clauses(result).find((change) => change.id === id)!;
const pieces = (segments: Segment[], type: Segment['type']) => segments.filter((segment) => segment.type === type).map((segment) => segment.text.trim());
/** What a reader of the old (or new) version sees, from the segments alone. */
const reading = (segments: Segment[], side: 'old' | 'new') => segments.filter((segment) => segment.type === 'same' || segment.type === (side === 'old' ? 'del' : 'ins')).map((segment) => segment.text).join('');

const a = { id: 'a', text: 'We collect your name.' };
const b = { id: 'b', text: 'We keep it for a year.' };
const c = { id: 'c', text: 'You may ask us to delete it.' };

describe('redline', () => {
  it('identical versions: nothing changed, every section unchanged', () => {
    const result = compare(text({ one: [a, b] }), text({ one: [a, b] }));
    expect(result.identical).toBe(true);
    expect(result.sections.map((section) => section.status)).toEqual(['unchanged']);
  });

  it('an added clause', () => {
    const result = compare(text({ one: [a] }), text({ one: [a, c] }));
    expect(result.identical).toBe(false);
    expect(clause(result, 'c').status).toBe('added');
    expect(clause(result, 'c').blocks).toEqual([[{ type: 'ins', text: 'You may ask us to delete it.' }]]);
    expect(clause(result, 'a').status).toBe('unchanged');
  });

  it('a removed clause, shown where it was', () => {
    const result = compare(text({ one: [a, b, c] }), text({ one: [a, c] }));
    expect(clauses(result).map((change) => [change.id, change.status])).toEqual([['a', 'unchanged'], ['b', 'removed'], ['c', 'unchanged']]);
    expect(clause(result, 'b').blocks).toEqual([[{ type: 'del', text: 'We keep it for a year.' }]]);
  });

  it('a clause moved to another section', () => {
    const result = compare(text({ one: [a, b], two: [c] }), text({ one: [a], two: [b, c] }));
    expect(clause(result, 'b').moved).toEqual({ fromSection: 'one', toSection: 'two' });
    expect(clause(result, 'b').reworded).toBe(false);
    expect(clauses(result).filter((change) => change.id === 'b')).toHaveLength(1);
  });

  it('a clause moved within its section', () => {
    const result = compare(text({ one: [a, b, c] }), text({ one: [c, a, b] }));
    const moved = clauses(result).filter((change) => change.moved).map((change) => change.id);
    expect(moved).toEqual(['c']);
    expect(clause(result, 'c').moved).toEqual({ fromSection: 'one', toSection: 'one' });
  });

  it('a reworded clause, word by word', () => {
    const result = compare(text({ one: [b] }), text({ one: [{ id: 'b', text: 'We keep it for two years at most.' }] }));
    const change = clause(result, 'b');
    expect(change.reworded).toBe(true);
    expect(pieces(change.blocks[0]!, 'del')).toEqual(['a year']);
    expect(pieces(change.blocks[0]!, 'ins')).toEqual(['two years at most']);
    expect(reading(change.blocks[0]!, 'old')).toBe('We keep it for a year.');
    expect(reading(change.blocks[0]!, 'new')).toBe('We keep it for two years at most.');
  });

  it('Chinese is compared by word, not by sentence', () => {
    const before = text({ one: [{ id: 'x', text: '我们会收集您的手机号码。' }] });
    const after = text({ one: [{ id: 'x', text: '我们会收集您的电子邮件地址。' }] });
    const change = clause(compare(before, after, 'zh-CN'), 'x');
    expect(pieces(change.blocks[0]!, 'same').join('')).toContain('我们会收集您的');
    expect(pieces(change.blocks[0]!, 'del').join('')).toBe('手机号码');
    expect(pieces(change.blocks[0]!, 'ins').join('')).toBe('电子邮件地址');
    expect(reading(change.blocks[0]!, 'new')).toBe('我们会收集您的电子邮件地址。');
  });

  it('a span newly flagged: the words are marked changed and the flag is reported', () => {
    const result = compare(text({ one: [{ id: 'x', text: 'We share your location.' }] }), text({ one: [{ id: 'x', text: 'We share your :sensitive[location].' }] }));
    const change = clause(result, 'x');
    expect(change.flags).toEqual([{ kind: 'sensitive', scope: 'span', change: 'gained', count: 1 }]);
    expect(change.blocks[0]!.find((segment) => segment.type === 'ins')).toEqual({ type: 'ins', text: 'location', flag: 'sensitive' });
  });

  it('a whole clause losing its flag', () => {
    const change = clause(compare(text({ one: [{ ...c, flag: 'important' }] }), text({ one: [c] })), 'c');
    expect(change.status).toBe('changed');
    expect(change.flags).toEqual([{ kind: 'important', scope: 'clause', change: 'lost', count: 1 }]);
  });

  it('a paragraph added inside a clause', () => {
    const change = clause(compare(text({ one: [a] }), text({ one: [{ id: 'a', text: `${a.text}\n\nAnd your e-mail address.` }] })), 'a');
    expect(change.blocks.map((block) => block.map((segment) => segment.type))).toEqual([['same'], ['ins']]);
  });

  it('SDK rows added, removed and changed', () => {
    const sdk = (id: string, purpose: string): SdkModel => ({ id, name: `${id} SDK`, provider: 'Co.', purpose, personalInformation: ['Device information'], privacyPolicy: `https://${id}.example.com/` });
    const result = compare(text({ one: [a] }, [sdk('pay', 'Payment'), sdk('share', 'Sharing')]), text({ one: [a] }, [sdk('pay', 'Payment and refunds'), sdk('map', 'Navigation')]));
    expect(result.sdks.map((change) => [change.id, change.status])).toEqual([['pay', 'changed'], ['map', 'added'], ['share', 'removed']]);
    const pay = result.sdks[0]!;
    expect(pay.fields.map((field) => field.field)).toEqual(['purpose']);
    expect(pieces(pay.fields[0]!.redline, 'ins')).toEqual(['and refunds']);
    expect(result.identical).toBe(false);
  });

  it('an added section lists its clauses as added; a removed one as removed', () => {
    const result = compare(text({ one: [a], old: [b] }), text({ one: [a], fresh: [c] }));
    expect(result.sections.map((section) => [section.id, section.status])).toEqual([['one', 'unchanged'], ['fresh', 'added'], ['old', 'removed']]);
    expect(clause(result, 'c').status).toBe('added');
    expect(clause(result, 'b').status).toBe('removed');
  });
});
