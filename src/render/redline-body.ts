/**
 * The body of a redline page as HTML: changed sections and clauses in full,
 * unchanged ones collapsed to a line, then the SDK changes. Built once per
 * redline and shared by its hosted and webview pages; the words of a
 * clause's changes are built once per comparison and shared by every
 * redline that meets it (the current version's redline from each earlier
 * version repeats most of them: src/diff/redline.ts, `ClauseComparisons`).
 *
 * Kept here, as hast, rather than in Astro components: a site with many
 * versions has a redline page per pair of versions the reader may compare,
 * and rendering a component per changed word was most of their cost.
 * Sections are named by their titles; an untitled one (a preamble) by its
 * place, never by its id. Inserted and deleted words carry a hidden label,
 * so the changes read without colour and without sight.
 */
import type { ElementContent } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { h } from 'hastscript';
import type { ClauseChange, Redline, SdkChange, Segment } from '../diff/types.ts';
import type { Translate, UiKey, Values } from '../i18n/index.ts';
import type { PolicyText } from '../model/types.ts';
import { flagClass } from '../schema/policy-text.ts';
import { keptHtml } from './kept-html.ts';

const bodies = new WeakMap<Redline, string>();
/** The HTML of a clause's changed blocks, by the blocks (shared between redlines) and language. */
const blockHtml = new WeakMap<Segment[][], Map<string, string>>();
/** The HTML inside a changed clause's element, by language and by what decides it (`changeKey`). */
const changeHtml = keptHtml();
/** The line of a section left unchanged, by language and by its id, name and number of clauses. */
const unchangedHtml = keptHtml();
/** The HTML inside a changed SDK's element, by language and by the change. */
const sdkChangeHtml = keptHtml();
/** Short ids for the segment lists a change holds: the comparisons share them between redlines (src/diff/redline.ts). */
const segmentIds = new WeakMap<object, number>();
/** Never reused, so that an id stands for one list for as long as it lives. */
let nextSegmentId = 0;

const serialize = (nodes: ElementContent[]) => toHtml({ type: 'root', children: nodes }, { allowDangerousHtml: true, omitOptionalTags: true, preferUnquoted: true });

/** The body of `redline`; `before` and `after` are the two versions' texts in its language, for the section names. */
export function redlineBodyHtml(redline: Redline, before: PolicyText, after: PolicyText, t: Translate): string {
  let html = bodies.get(redline);
  if (html === undefined) bodies.set(redline, (html = redlineBlocks(redline, before, after, t).map((block) => `\n${block}`).join('')));
  return html;
}

/**
 * The body's blocks, each written on its own: what toHtml leaves out of a block's tags does not depend on the
 * blocks around it, since every block is a `<p>` or a `<section>` (a `<p>`'s end tag is left out before either, and
 * at the end). A section left unchanged is one line, the same in most redlines of its document: written once.
 */
function redlineBlocks(redline: Redline, before: PolicyText, after: PolicyText, t: Translate): string[] {
  const formerNames = sectionNames(before, t);
  const currentNames = sectionNames(after, t);
  const nameOf = (section: Redline['sections'][number]) => (section.status === 'removed' ? formerNames : currentNames).get(section.id)!;
  const blocks: string[] = [];
  if (redline.identical) blocks.push(serialize([h('p.notice', { role: 'note' }, t('changes.identical'))]));
  if (redline.titleRedline) blocks.push(serialize([h('p', message(t, 'format.labelled', {}, { label: [h('strong', t('changes.title.label'))], value: segments(redline.titleRedline, t) }))]));
  for (const section of redline.sections) {
    if (section.status === 'unchanged') {
      const name = nameOf(section);
      const count = section.clauses.length;
      blocks.push(unchangedHtml(t, JSON.stringify([section.id, name, count]), () => serialize([h('p.unchanged', { id: section.id }, t('changes.unchangedSection', { section: name, count }))])));
      continue;
    }
    const heading = `${section.id}-title`;
    blocks.push(
      serialize([
        h('section', { id: section.id, className: ['change-section', `change-${section.status}`], ariaLabelledBy: heading }, lines([
          h('h2', { id: heading }, section.titleRedline ? segments(section.titleRedline, t) : nameOf(section)),
          ...(section.status !== 'changed' ? [labelList([t(section.status === 'added' ? 'changes.added' : 'changes.removed')])] : []),
          ...fold(section.clauses).map((item) => ('unchanged' in item ? h('p.unchanged', t('changes.unchangedClauses', { count: item.unchanged })) : clauseChange(item, formerNames, t))),
        ])),
      ]),
    );
  }
  if (redline.sdks.length > 0) {
    blocks.push(serialize([h('section', { id: '_sdk-changes', ariaLabelledBy: '_sdk-changes-title' }, lines([h('h2', { id: '_sdk-changes-title' }, t('changes.sdks')), ...redline.sdks.map((sdk) => sdkChange(sdk, t))]))]));
  }
  return blocks;
}

/**
 * One changed clause: what happened to it, then its text with the changes marked. What is inside its element is
 * written once per distinct change and language: the current version's redline from each earlier version meets the
 * same changes again. The element itself stays in the tree, where the tags left out around it are decided; a `<div>`
 * has no optional tag, so what is left out inside it depends on nothing outside.
 */
function clauseChange(clause: ClauseChange, formerNames: ReadonlyMap<string, string>, t: Translate): ElementContent {
  const html = changeHtml(t, changeKey(clause, formerNames), () => serialize(clauseChangeContent(clause, formerNames, t)));
  return h('div', { className: ['change', `change-${clause.status}`], id: clause.id }, [{ type: 'raw', value: html }]);
}

/** Everything clauseChangeContent reads, the shared segment lists by their ids. */
function changeKey(clause: ClauseChange, formerNames: ReadonlyMap<string, string>): string {
  const { moved } = clause;
  return JSON.stringify([
    clause.status,
    clause.title ?? null,
    segmentId(clause.titleRedline),
    moved ? (moved.fromSection === moved.toSection ? true : formerNames.get(moved.fromSection)!) : null,
    clause.reworded,
    clause.flags,
    clause.sdkTableChanged,
    clause.listsChanged,
    segmentId(clause.blocks),
  ]);
}

function segmentId(segments: object | undefined): number | null {
  if (!segments) return null;
  let id = segmentIds.get(segments);
  if (id === undefined) segmentIds.set(segments, (id = nextSegmentId++));
  return id;
}

function clauseChangeContent(clause: ClauseChange, formerNames: ReadonlyMap<string, string>, t: Translate): ElementContent[] {
  const labels: string[] = [];
  if (clause.status === 'added') labels.push(t('changes.added'));
  if (clause.status === 'removed') labels.push(t('changes.removed'));
  if (clause.reworded) labels.push(t('changes.reworded'));
  if (clause.moved) labels.push(clause.moved.fromSection === clause.moved.toSection ? t('changes.reordered') : t('changes.moved', { section: formerNames.get(clause.moved.fromSection)! }));
  for (const change of clause.flags) {
    const flag = t(`flag.${change.kind}.label`);
    if (change.scope === 'clause') labels.push(t(change.change === 'gained' ? 'changes.flagGained' : 'changes.flagLost', { flag }));
    else labels.push(t(change.change === 'gained' ? 'changes.spansGained' : 'changes.spansLost', { flag, count: change.count }));
  }
  if (clause.sdkTableChanged) labels.push(t('changes.sdkTable'));
  if (clause.listsChanged) labels.push(t('changes.lists'));
  return lines([
    ...(clause.title || clause.titleRedline ? [h('h3', clause.titleRedline ? segments(clause.titleRedline, t) : clause.title)] : []),
    labelList(labels),
    { type: 'raw', value: blocksHtml(clause.blocks, t) },
  ]);
}

function blocksHtml(blocks: Segment[][], t: Translate): string {
  let byLocale = blockHtml.get(blocks);
  if (!byLocale) blockHtml.set(blocks, (byLocale = new Map()));
  let html = byLocale.get(t.locale);
  if (html === undefined) byLocale.set(t.locale, (html = serialize(lines(blocks.map((block) => h('p', segments(block, t))))).replace(/^\n/, '')));
  return html;
}

/**
 * A changed SDK of the table. What is inside its element is written once per distinct change and language, as a
 * changed clause's: an SDK added early is met again in the current version's redline from every version before it.
 */
function sdkChange(sdk: SdkChange, t: Translate): ElementContent {
  const html = sdkChangeHtml(t, JSON.stringify([sdk.name, sdk.status, sdk.fields]), () =>
    serialize([
      h('h3', sdk.name),
      labelList([t(sdk.status === 'added' ? 'changes.added' : sdk.status === 'removed' ? 'changes.removed' : 'changes.reworded')]),
      h('dl.sdk-changes', sdk.fields.map((field) => h('div', [h('dt', t(`sdk.${field.field}`)), h('dd', segments(field.redline, t))]))),
    ]),
  );
  return h('div', { className: ['change', `change-${sdk.status}`], id: `sdk-${sdk.id}` }, [{ type: 'raw', value: html }]);
}

function labelList(labels: string[]): ElementContent {
  return h('ul.change-labels', labels.map((label) => h('li', label)));
}

/**
 * Kept words as they are, inserted words in <ins>, deleted in <del>, each with its hidden label; flagged
 * words keep their marking. Text too long to compare word by word is said to be so, before it.
 */
function segments(list: readonly Segment[], t: Translate): ElementContent[] {
  const [insBefore, insAfter] = hiddenLabel(t, 'changes.ins');
  const [delBefore, delAfter] = hiddenLabel(t, 'changes.del');
  const firstUncompared = list.findIndex((segment) => segment.uncompared);
  return list.flatMap((segment, index): ElementContent[] => {
    const note: ElementContent[] = index === firstUncompared ? [h('span.redline-note', t('changes.uncompared')), { type: 'text', value: ' ' }] : [];
    const text: ElementContent = segment.flag ? h('strong', { className: [flagClass(segment.flag)] }, segment.text) : { type: 'text', value: segment.text };
    if (segment.type === 'same') return [...note, text];
    const [before, after] = segment.type === 'ins' ? [insBefore, insAfter] : [delBefore, delAfter];
    return [...note, h(segment.type, [...(before ? [h('span.visually-hidden', before)] : []), text, ...(after ? [h('span.visually-hidden', after)] : [])])];
  });
}

/** The hidden label around a change, "[added: " … "]", cut from the message at `{text}`. */
function hiddenLabel(t: Translate, name: 'changes.ins' | 'changes.del'): [string, string] {
  const parts = t.parts(name);
  const at = parts.findIndex((part) => typeof part !== 'string');
  return [parts.slice(0, at).join(''), parts.slice(at + 1).join('')];
}

/** A message whose placeholders hold markup: each placeholder `values` leaves open takes the nodes of the same name. */
function message(t: Translate, key: UiKey, values: Values, slots: Record<string, ElementContent[]>): ElementContent[] {
  return t.parts(key, values).flatMap((part) => (typeof part === 'string' ? [{ type: 'text', value: part } as const] : (slots[part.placeholder] ?? [{ type: 'text', value: `{${part.placeholder}}` } as const])));
}

/** Each section's name: its title, or "Preamble" for an untitled first section and "Section 3" for another. */
function sectionNames(text: PolicyText, t: Translate): Map<string, string> {
  return new Map(text.sections.map((section, index) => [section.id, section.title ?? (index === 0 ? t('changes.preamble') : t('changes.untitledSection', { number: index + 1 }))]));
}

/** Clauses in order, with each run of unchanged clauses folded into a count. */
function fold(clauses: ClauseChange[]): (ClauseChange | { unchanged: number })[] {
  const result: (ClauseChange | { unchanged: number })[] = [];
  for (const clause of clauses) {
    const last = result.at(-1);
    if (clause.status !== 'unchanged') result.push(clause);
    else if (last && 'unchanged' in last) last.unchanged++;
    else result.push({ unchanged: 1 });
  }
  return result;
}

/** Children separated by line breaks: one block element per line. */
function lines(children: ElementContent[]): ElementContent[] {
  return children.flatMap((child) => [{ type: 'text', value: '\n' }, child]);
}
