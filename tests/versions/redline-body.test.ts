/**
 * A changed clause is written once per distinct change and language
 * (src/render/redline-body.ts), and shared by the redlines that meet it: the
 * current version's redline from each earlier version meets the same changes
 * again. A cache keyed on the wrong thing would show one redline's labels or
 * words in another.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ClauseComparisons, redline, type ComparableText } from '../../src/diff/redline.ts';
import { useTranslations } from '../../src/i18n/index.ts';
import { loadSite } from '../../src/load/index.ts';
import { renderMarkdown } from '../../src/markdown/processor.ts';
import type { ClauseModel, PolicyText, SdkModel } from '../../src/model/types.ts';
import { redlineBodyHtml } from '../../src/render/redline-body.ts';
import { fixturesDir } from '../helpers/content.ts';

const loaded = await loadSite(path.join(fixturesDir, 'sites/minimal'), { mode: 'preview', drafts: true, buildDate: '2026-01-01' });
const t = useTranslations(loaded.site!, 'en');

/** Rendered once per text, as the render cache does in a build: the same words are the same blocks. */
const rendered = new Map<string, ReturnType<typeof renderMarkdown>>();
const renderOf = new Map<ClauseModel, ReturnType<typeof renderMarkdown>>();
function clause(id: string, words: string): ClauseModel {
  let render = rendered.get(words);
  if (!render) rendered.set(words, (render = renderMarkdown(words, { variables: {} })));
  const model: ClauseModel = { id, html: render.html, sdks: [], lists: [] };
  renderOf.set(model, render);
  return model;
}

function policy(sections: Record<string, ClauseModel[]>): PolicyText {
  return { locale: 'en', title: 'Policy', sdks: [], sections: Object.entries(sections).map(([id, clauses]) => ({ id, title: `Title of ${id}`, clauses })) };
}

const comparable = (text: PolicyText): ComparableText => ({
  title: text.title,
  sdks: text.sdks,
  sections: text.sections.map((section) => ({
    ...section,
    clauses: section.clauses.map((entry) => ({ id: entry.id, blocks: renderOf.get(entry)!.blocks, inlineFlags: renderOf.get(entry)!.inlineFlags, sdks: '', lists: '' })),
  })),
});

/** The redline bodies of each pair, the pairs sharing one comparison memo as the model does. */
function bodies(texts: PolicyText[], pairs: [number, number][]): string[] {
  const memo = new ClauseComparisons();
  return pairs.map(([from, to]) => redlineBodyHtml(redline(comparable(texts[from]!), comparable(texts[to]!), 'en', { from: `v${from}`, to: `v${to}` }, memo), texts[from]!, texts[to]!, t));
}

/** The clause's element in a body, whole. */
const changeOf = (html: string, id: string) => new RegExp(`<div class="change[^"]*" id=${id}>[^]*?</div>`).exec(html)?.[0];

describe('a changed clause written once per distinct change', () => {
  const a = clause('a', 'We collect your name.');
  const other = clause('c', 'Other words.');

  it('the same change met by two redlines is written the same in both', () => {
    const reworded = clause('a', 'We collect your name and phone number.');
    const [fromFirst, fromSecond] = bodies([policy({ one: [a] }), policy({ one: [a], two: [other] }), policy({ one: [reworded], two: [other] })], [[0, 2], [1, 2]]);
    expect(changeOf(fromFirst!, 'a')).toContain('phone number');
    expect(changeOf(fromSecond!, 'a')).toBe(changeOf(fromFirst!, 'a'));
  });

  it('the same rewording, moved from two different sections, names in each redline its own section', () => {
    const reworded = clause('a', 'We collect your name and phone number.');
    const texts = [policy({ one: [a], two: [other], three: [] }), policy({ one: [], two: [other, a], three: [] }), policy({ one: [], two: [other], three: [reworded] })];
    const [fromFirst, fromSecond] = bodies(texts, [[0, 2], [1, 2]]);
    expect(changeOf(fromFirst!, 'a')).toContain('Title of one');
    expect(changeOf(fromSecond!, 'a')).toContain('Title of two');
  });

  it('the same clause changed in other words, or in another language, is written anew', () => {
    const twoYears = clause('a', 'We collect your name for two years.');
    const threeYears = clause('a', 'We collect your name for three years.');
    const [toTwo, toThree] = bodies([policy({ one: [a] }), policy({ one: [twoYears] }), policy({ one: [threeYears] })], [[0, 1], [0, 2]]);
    expect(changeOf(toTwo!, 'a')).toContain('two');
    expect(changeOf(toThree!, 'a')).toContain('three');
    expect(changeOf(toThree!, 'a')).not.toContain('two');
  });
});

/** The block of a body that starts with `start`, to the next block. */
const blockOf = (html: string, start: string) => html.split('\n').find((line) => line.startsWith(start));

describe('blocks written once and met again', () => {
  const x = clause('x', 'Words that change.');
  const changed = clause('x', 'Words that changed.');
  const other = clause('c', 'Other words.');
  const more = clause('d', 'More words.');

  it("an unchanged section's line names its own section and counts its own clauses", () => {
    const [fewer, more1, renamed] = bodies(
      [policy({ one: [x], two: [other] }), policy({ one: [changed], two: [other] }), policy({ one: [x], two: [other, more] }), policy({ one: [changed], two: [other, more] })],
      [[0, 1], [2, 3]],
    ).concat(bodies([policy({ one: [x], three: [other] }), policy({ one: [changed], three: [other] })], [[0, 1]]));
    expect(blockOf(fewer!, '<p class=unchanged id=two>')).toContain('Title of two');
    expect(blockOf(fewer!, '<p class=unchanged id=two>')).toContain('1 ');
    expect(blockOf(more1!, '<p class=unchanged id=two>')).toContain('2 ');
    expect(blockOf(renamed!, '<p class=unchanged id=three>')).toContain('Title of three');
    const retitled = (text: PolicyText): PolicyText => ({ ...text, sections: text.sections.map((section) => (section.id === 'two' ? { ...section, title: 'Another title' } : section)) });
    const [otherTitle] = bodies([retitled(policy({ one: [x], two: [other] })), retitled(policy({ one: [changed], two: [other] }))], [[0, 1]]);
    expect(blockOf(otherTitle!, '<p class=unchanged id=two>')).toContain('Another title');
  });

  const sdk = (purpose: string): SdkModel => ({ id: 'pay', name: 'Pay SDK', provider: 'Pay Ltd.', purpose, personalInformation: ['Device information'], privacyPolicy: 'https://pay.example/privacy' });
  const withSdks = (sdks: SdkModel[]): PolicyText => ({ ...policy({ one: [other] }), sdks });
  const sdkBlock = (html: string) => /<div class="change[^"]*" id=sdk-pay>[^]*?<\/dl><\/div>/.exec(html)?.[0];

  it('the same SDK change met by two redlines is written the same; another change anew', () => {
    const [addedA, addedB] = bodies([withSdks([]), withSdks([sdk('Payments')]), withSdks([sdk('Refunds')])], [[0, 1], [0, 2]]);
    expect(sdkBlock(addedA!)).toContain('Payments');
    expect(sdkBlock(addedB!)).toContain('Refunds');
    expect(sdkBlock(addedB!)).not.toContain('Payments');
    const [reworded, removed] = bodies([withSdks([sdk('Payments')]), withSdks([sdk('Refunds')]), withSdks([])], [[0, 1], [0, 2]]);
    expect(sdkBlock(reworded!)).toContain('change-changed');
    expect(sdkBlock(removed!)).toContain('change-removed');
    expect(sdkBlock(removed!)).not.toBe(sdkBlock(reworded!));
    const [again] = bodies([withSdks([]), withSdks([sdk('Payments')])], [[0, 1]]);
    expect(sdkBlock(again!)).toBe(sdkBlock(addedA!));
  });
});
