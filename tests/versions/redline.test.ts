/**
 * The redline engine, case by case: clauses added, removed, moved and
 * reworded, Chinese compared word by word, flags gained and lost, SDK rows
 * added, removed and changed, and identical versions; then across several
 * versions (a clause that moved on, moved back, was removed and restored,
 * or reworded twice reads as what it is between the two versions compared),
 * and the model step that compares the current, upcoming and draft versions
 * with every earlier one, sharing clause-level results between the pairs.
 * Texts are written as Markdown and go through the real pipeline, as
 * content does.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ClauseComparisons, redline, type ComparableText } from '../../src/diff/redline.ts';
import { loadSite } from '../../src/load/index.ts';
import type { Segment } from '../../src/diff/types.ts';
import { renderMarkdown } from '../../src/markdown/processor.ts';
import type { SdkModel } from '../../src/model/types.ts';
import type { FlagKind } from '../../src/schema/policy-text.ts';
import { fixturesDir, replaceOnce, siteWith } from '../helpers/content.ts';

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

describe('redlines across several versions', () => {
  /** The redline between two of a row of versions, as the model compares any pair: one memo shared by all pairs. */
  function across(...texts: ComparableText[]) {
    const memo = new ClauseComparisons();
    return (from: number, to: number) => redline(texts[from]!, texts[to]!, 'en', { from: `v${from + 1}`, to: `v${to + 1}` }, memo);
  }
  const statusOf = (result: ReturnType<typeof compare>) => clauses(result).map((change) => [change.id, change.status]);

  it('a clause moved to another section, then reworded: moved and reworded from the first version, only reworded from the second', () => {
    const moved = { id: 'b', text: 'We keep it for a year.' };
    const reworded = { id: 'b', text: 'We keep it for two years.' };
    const pair = across(text({ one: [a, b], two: [c] }), text({ one: [a], two: [moved, c] }), text({ one: [a], two: [reworded, c] }));
    expect(clause(pair(0, 2), 'b')).toMatchObject({ status: 'changed', moved: { fromSection: 'one', toSection: 'two' }, reworded: true });
    expect(reading(clause(pair(0, 2), 'b').blocks[0]!, 'old')).toBe('We keep it for a year.');
    expect(clause(pair(1, 2), 'b').moved).toBeUndefined();
    expect(clause(pair(1, 2), 'b').reworded).toBe(true);
    expect(clauses(pair(0, 2)).filter((change) => change.id === 'b')).toHaveLength(1);
  });

  it('a clause moved away and back: not moved between the versions where it stands in the same place', () => {
    const pair = across(text({ one: [a, b], two: [c] }), text({ one: [a], two: [b, c] }), text({ one: [a, b], two: [c] }));
    expect(clause(pair(0, 1), 'b').moved).toEqual({ fromSection: 'one', toSection: 'two' });
    expect(clause(pair(1, 2), 'b').moved).toEqual({ fromSection: 'two', toSection: 'one' });
    expect(pair(0, 2).identical).toBe(true);
  });

  it('a clause removed and restored two versions later: unchanged from before its removal, added from the versions without it', () => {
    const cChanged = { id: 'c', text: 'You may ask us to delete it at any time.' };
    const pair = across(text({ one: [a, b, c] }), text({ one: [a, c] }), text({ one: [a, cChanged] }), text({ one: [a, b, cChanged] }));
    expect(statusOf(pair(0, 3))).toEqual([['a', 'unchanged'], ['b', 'unchanged'], ['c', 'changed']]);
    for (const from of [1, 2]) {
      expect(clause(pair(from, 3), 'b').status, `v${from + 1}`).toBe('added');
      expect(clause(pair(from, 3), 'b').blocks).toEqual([[{ type: 'ins', text: 'We keep it for a year.' }]]);
    }
    expect(clause(pair(0, 1), 'b').status).toBe('removed');
  });

  it('a clause reworded twice: from the first version, its first words against its last, never the words in between', () => {
    const pair = across(text({ one: [b] }), text({ one: [{ id: 'b', text: 'We keep it for two years.' }] }), text({ one: [{ id: 'b', text: 'We keep it for three years at most.' }] }));
    const change = clause(pair(0, 2), 'b');
    expect(reading(change.blocks[0]!, 'old')).toBe('We keep it for a year.');
    expect(reading(change.blocks[0]!, 'new')).toBe('We keep it for three years at most.');
    expect(change.blocks[0]!.map((segment) => segment.text).join('')).not.toContain('two');
    expect(pieces(clause(pair(1, 2), 'b').blocks[0]!, 'del')).toEqual(['two']);
  });

  it('a pair of clause texts met again in another pair is compared once: the same words, the same result', () => {
    const memo = new ClauseComparisons();
    const v1 = text({ one: [a, b] });
    const v2 = text({ one: [a, b], two: [c] });
    const v3 = text({ one: [a, { id: 'b', text: 'We keep it for two years.' }] });
    // Rendered text is shared in a build (the render cache), so v1's and v2's `b` are one blocks array there.
    v2.sections[0]!.clauses[1] = { ...v2.sections[0]!.clauses[1]!, blocks: v1.sections[0]!.clauses[1]!.blocks };
    const fromFirst = redline(v1, v3, 'en', { from: 'v1', to: 'v3' }, memo);
    const fromSecond = redline(v2, v3, 'en', { from: 'v2', to: 'v3' }, memo);
    expect(clause(fromSecond, 'b').blocks).toBe(clause(fromFirst, 'b').blocks);
    expect(clause(fromSecond, 'c').status).toBe('removed');
    const alone = redline(v1, v3, 'en', { from: 'v1', to: 'v3' });
    expect(clause(alone, 'b').blocks).not.toBe(clause(fromFirst, 'b').blocks);
    expect(clause(alone, 'b').blocks).toEqual(clause(fromFirst, 'b').blocks);
  });
});

describe('the redlines of a site with three versions', () => {
  // 2024-01-10 and 2024-06-01 are published (2024-06-01 rewords `liability`); the draft 2024-09-01 restores the
  // 2024-01-10 words of `liability`, and here also rewords `phone`.
  const dir = siteWith({ 'notice/2024-09-01/en.yaml': replaceOnce('to sign you in', 'to sign you in and to reach you') }, path.join(fixturesDir, 'sites/versions'));

  async function versionsOn(buildDate: string) {
    const { site, files } = await loadSite(dir, { mode: 'preview', drafts: true, buildDate });
    expect(site, files.flatMap((file) => file.messages.map(String)).join('\n')).toBeDefined();
    return new Map(site!.documents[0]!.versions.map((version) => [version.id, version]));
  }

  it('the current, upcoming and draft versions have a redline from every earlier version; a replaced one only from the one before', async () => {
    const versions = await versionsOn('2026-01-01');
    const [first, second, draft] = ['2024-01-10', '2024-06-01', '2024-09-01'].map((id) => versions.get(id)!);
    expect([first!.status, second!.status, draft!.status]).toEqual(['past', 'current', 'draft']);
    expect(first!.changesFrom).toBeUndefined();
    expect(Object.keys(second!.changesFrom!)).toEqual(['2024-01-10']);
    expect(Object.keys(draft!.changesFrom!).sort()).toEqual(['2024-01-10', '2024-06-01']);
    // The pair with the version before is computed once: the same object as `changes`.
    expect(draft!.changesFrom!['2024-06-01']).toBe(draft!.changes);
    expect(second!.changesFrom!['2024-01-10']).toBe(second!.changes);

    const upcoming = (await versionsOn('2024-06-15')).get('2024-06-01')!;
    expect(upcoming.status).toBe('upcoming');
    expect(Object.keys(upcoming.changesFrom!)).toEqual(['2024-01-10']);
  });

  it('a clause reworded and then restored is unchanged from the version that had its words; pairs share the comparison of a clause', async () => {
    const draft = (await versionsOn('2026-01-01')).get('2024-09-01')!;
    const fromFirst = draft.changesFrom!['2024-01-10']!['en']!;
    const fromSecond = draft.changesFrom!['2024-06-01']!['en']!;
    expect(fromFirst).toMatchObject({ from: '2024-01-10', to: '2024-09-01' });
    expect(clause(fromFirst, 'liability').status).toBe('unchanged');
    expect(pieces(clause(fromSecond, 'liability').blocks[0]!, 'del')).toEqual(['or delays']);
    // `phone` has the same words in both earlier versions: one comparison, shared.
    expect(pieces(clause(fromFirst, 'phone').blocks[0]!, 'ins')).toEqual(['and to reach you']);
    expect(clause(fromSecond, 'phone').blocks).toBe(clause(fromFirst, 'phone').blocks);
  });
});
