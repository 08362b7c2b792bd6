/**
 * The redline between two versions of a text in one language, aligned
 * clause by clause by id (never by position): clauses added, removed, moved
 * (to another section or another order) and reworded (word by word), flags
 * gained or lost, the SDK table placed elsewhere, and SDK rows added,
 * removed or changed. Sequences are compared with the `diff` package, each
 * comparison bounded (`maxEditLength`), so that time grows linearly with
 * the text even when everything changed.
 *
 * Any two versions compare the same way, neighbours or not: a clause is
 * matched by its id wherever it stands, so one that moved and moved back, or
 * was removed and later restored, reads as what it is between the two
 * versions compared. Clause-level results are kept in a
 * {@link ClauseComparisons} that the redlines of one document share.
 */
import { diffArrays } from 'diff';
import type { TextRun } from '../markdown/remark-text-runs.ts';
import type { SdkModel } from '../model/types.ts';
import { flagKinds, type FlagKind } from '../schema/policy-text.ts';
import type { ClauseChange, FlagChange, Redline, SdkChange, SdkFieldChange, SectionChange, Segment } from './types.ts';
import { diffRuns, isUnchanged, replacedWhole, wholeRuns } from './words.ts';

/** Sequences of clauses or blocks are compared up to this many insertions and deletions; beyond, as all removed then all added. */
const maxSequenceEdits = 1000;

/** The changes from `before` to `after`, or, past `maxSequenceEdits`, everything removed then everything added. */
function diffSequence(before: string[], after: string[]): { value: string[]; count: number; added: boolean; removed: boolean }[] {
  const parts = diffArrays(before, after, { maxEditLength: maxSequenceEdits });
  if (parts) return parts;
  return [
    { value: before, count: before.length, added: false, removed: true },
    { value: after, count: after.length, added: true, removed: false },
  ].filter((part) => part.count > 0);
}

/** A version's text in one language, as the redline compares it. */
export interface ComparableText {
  title: string;
  sections: ComparableSection[];
  sdks: SdkModel[];
}

export interface ComparableSection {
  id: string;
  title?: string;
  clauses: ComparableClause[];
}

export interface ComparableClause {
  id: string;
  title?: string;
  flag?: FlagKind;
  inlineFlags: FlagKind[];
  /** `sdks:` as written. */
  sdks: string;
  /** `lists:` as written. */
  lists: string;
  blocks: TextRun[][];
}

interface Located {
  clause: ComparableClause;
  sectionId: string;
}

/**
 * Clause-level results shared by the redlines of one document. Comparing a
 * version with every earlier one meets the same pair of clause texts again
 * and again; rendered text is shared (src/markdown/cache.ts), so the same
 * words in the same language are the same `blocks` array, and the pair of
 * arrays keys the result. Results are shared between redlines: nothing may
 * change them.
 */
export class ClauseComparisons {
  /** By language (words are split the language's way), then by the two blocks arrays. */
  readonly #pairs = new Map<string, WeakMap<TextRun[][], WeakMap<TextRun[][], Segment[][]>>>();
  readonly #whole = { ins: new WeakMap<TextRun[][], Segment[][]>(), del: new WeakMap<TextRun[][], Segment[][]>() };
  readonly #titles = new Map<string, Segment[]>();

  /** The word-level redline of a clause's blocks. */
  blocks(before: TextRun[][], after: TextRun[][], locale: string): Segment[][] {
    let byBefore = this.#pairs.get(locale);
    if (!byBefore) this.#pairs.set(locale, (byBefore = new WeakMap()));
    let byAfter = byBefore.get(before);
    if (!byAfter) byBefore.set(before, (byAfter = new WeakMap()));
    let found = byAfter.get(after);
    if (!found) byAfter.set(after, (found = diffBlocks(before, after, locale)));
    return found;
  }

  /** A whole clause's blocks, all inserted or all deleted. */
  whole(blocks: TextRun[][], type: 'ins' | 'del'): Segment[][] {
    let found = this.#whole[type].get(blocks);
    if (!found) this.#whole[type].set(blocks, (found = blocks.map((block) => wholeRuns(block, type))));
    return found;
  }

  /** The redline of a title (of the text, a section or a clause). */
  title(before: string | undefined, after: string | undefined, locale: string): Segment[] {
    const key = `${locale}\u0000${before ?? ''}\u0000${after ?? ''}`;
    let found = this.#titles.get(key);
    if (!found) this.#titles.set(key, (found = diffRuns(runs(before), runs(after), locale)));
    return found;
  }
}

/** The redline from `before` to `after`; `memo` shares clause-level results with other redlines of the same document. */
export function redline(before: ComparableText, after: ComparableText, locale: string, ids: { from: string; to: string }, memo = new ClauseComparisons()): Redline {
  const oldClauses = locate(before);
  const newClauses = locate(after);
  const inOrder = orderedIds(before, after, oldClauses, newClauses);
  const oldSections = new Map(before.sections.map((section) => [section.id, section]));
  const newSectionIds = new Set(after.sections.map((section) => section.id));

  const sections: SectionChange[] = after.sections.map((section) => {
    const previous = oldSections.get(section.id);
    const clauses: ClauseChange[] = [];
    const sequence = diffSequence(previous?.clauses.map((clause) => clause.id) ?? [], section.clauses.map((clause) => clause.id));
    for (const part of sequence) {
      for (const id of part.value) {
        if (part.removed) {
          if (!newClauses.has(id)) clauses.push(removedClause(oldClauses.get(id)!.clause, memo));
          continue;
        }
        const old = oldClauses.get(id);
        const current = newClauses.get(id)!;
        if (!old) clauses.push(addedClause(current.clause, memo));
        else clauses.push(compareClause(old, current, !inOrder.has(id), locale, memo));
      }
    }
    const titleRedline = previous && previous.title !== section.title ? memo.title(previous.title, section.title, locale) : undefined;
    const status = !previous ? 'added' : titleRedline || clauses.some((clause) => clause.status !== 'unchanged') ? 'changed' : 'unchanged';
    return {
      id: section.id,
      status,
      ...(section.title ? { title: section.title } : {}),
      ...(titleRedline ? { titleRedline } : {}),
      clauses: status === 'added' ? section.clauses.map((clause) => addedClause(clause, memo)) : clauses,
    };
  });

  for (const section of before.sections) {
    if (newSectionIds.has(section.id)) continue;
    sections.push({
      id: section.id,
      status: 'removed',
      ...(section.title ? { title: section.title } : {}),
      clauses: section.clauses.filter((clause) => !newClauses.has(clause.id)).map((clause) => removedClause(clause, memo)),
    });
  }

  const sdks = compareSdks(before.sdks, after.sdks, locale);
  const titleRedline = before.title !== after.title ? memo.title(before.title, after.title, locale) : undefined;
  return {
    from: ids.from,
    to: ids.to,
    ...(titleRedline ? { titleRedline } : {}),
    sections,
    sdks,
    identical: !titleRedline && sdks.length === 0 && sections.every((section) => section.status === 'unchanged'),
  };
}

function locate(text: ComparableText): Map<string, Located> {
  return new Map(text.sections.flatMap((section) => section.clauses.map((clause): [string, Located] => [clause.id, { clause, sectionId: section.id }])));
}

/** Ids of the clauses both versions have that kept their relative order (the longest common sequence). */
function orderedIds(before: ComparableText, after: ComparableText, oldClauses: Map<string, Located>, newClauses: Map<string, Located>): Set<string> {
  const oldOrder = before.sections.flatMap((section) => section.clauses.map((clause) => clause.id)).filter((id) => newClauses.has(id));
  const newOrder = after.sections.flatMap((section) => section.clauses.map((clause) => clause.id)).filter((id) => oldClauses.has(id));
  // Past the bound (a wholesale reordering), no clause is called moved: better silent than all flagged.
  const parts = diffArrays(oldOrder, newOrder, { maxEditLength: maxSequenceEdits }) ?? [{ value: newOrder, added: false, removed: false }];
  return new Set(parts.filter((part) => !part.added && !part.removed).flatMap((part) => part.value));
}

function compareClause(old: Located, current: Located, outOfOrder: boolean, locale: string, memo: ClauseComparisons): ClauseChange {
  const a = old.clause;
  const b = current.clause;
  const titleRedline = a.title !== b.title ? memo.title(a.title, b.title, locale) : undefined;
  // Text rendered once is shared (src/markdown/cache.ts): the same blocks mean the same words.
  const blocks = a.blocks === b.blocks ? [] : memo.blocks(a.blocks, b.blocks, locale);
  const reworded = Boolean(titleRedline && !isUnchanged(titleRedline)) || blocks.some((block) => !isUnchanged(block));
  const moved = outOfOrder || old.sectionId !== current.sectionId ? { fromSection: old.sectionId, toSection: current.sectionId } : undefined;
  const flags = flagChanges(a, b);
  const sdkTableChanged = a.sdks !== b.sdks;
  const listsChanged = a.lists !== b.lists;
  const status = reworded || moved || flags.length > 0 || sdkTableChanged || listsChanged ? 'changed' : 'unchanged';
  return {
    id: b.id,
    status,
    ...(b.title ? { title: b.title } : {}),
    ...(titleRedline ? { titleRedline } : {}),
    ...(moved ? { moved } : {}),
    reworded,
    flags,
    sdkTableChanged,
    listsChanged,
    // An unchanged clause is shown as a count, so its words are not kept (they would repeat the whole text per version).
    blocks: status === 'unchanged' ? [] : blocks,
  };
}

/** Blocks are aligned first; blocks that changed are then compared word by word, pairwise. */
export function diffBlocks(before: TextRun[][], after: TextRun[][], locale: string): Segment[][] {
  const key = (block: TextRun[]) => JSON.stringify(block.map((run) => [run.text.replace(/\s+/g, ' '), run.flag ?? '']));
  const parts = diffArrays(before.map(key), after.map(key), { maxEditLength: maxSequenceEdits });
  if (!parts) return [...before.map((block) => replacedWhole(block, [])), ...after.map((block) => replacedWhole([], block))];
  const result: Segment[][] = [];
  let oldIndex = 0;
  let newIndex = 0;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    if (!part.added && !part.removed) {
      for (let k = 0; k < part.count; k++) {
        result.push(wholeRuns(after[newIndex++]!, 'same'));
        oldIndex++;
      }
      continue;
    }
    let removed = 0;
    let added = part.count;
    const next = parts[i + 1];
    if (part.removed) {
      removed = part.count;
      added = next?.added ? next.count : 0;
      if (next?.added) i++;
    }
    for (let k = 0; k < Math.max(removed, added); k++) {
      if (k < removed && k < added) result.push(diffRuns(before[oldIndex++]!, after[newIndex++]!, locale));
      else if (k < removed) result.push(wholeRuns(before[oldIndex++]!, 'del'));
      else result.push(wholeRuns(after[newIndex++]!, 'ins'));
    }
  }
  return result;
}

function flagChanges(a: ComparableClause, b: ComparableClause): FlagChange[] {
  const changes: FlagChange[] = [];
  if (a.flag !== b.flag) {
    if (a.flag) changes.push({ kind: a.flag, scope: 'clause', change: 'lost', count: 1 });
    if (b.flag) changes.push({ kind: b.flag, scope: 'clause', change: 'gained', count: 1 });
  }
  for (const kind of flagKinds) {
    const difference = b.inlineFlags.filter((flag) => flag === kind).length - a.inlineFlags.filter((flag) => flag === kind).length;
    if (difference !== 0) changes.push({ kind, scope: 'span', change: difference > 0 ? 'gained' : 'lost', count: Math.abs(difference) });
  }
  return changes;
}

function addedClause(clause: ComparableClause, memo: ClauseComparisons): ClauseChange {
  return wholeClause(clause, 'added', 'ins', memo);
}

function removedClause(clause: ComparableClause, memo: ClauseComparisons): ClauseChange {
  return wholeClause(clause, 'removed', 'del', memo);
}

function wholeClause(clause: ComparableClause, status: 'added' | 'removed', type: 'ins' | 'del', memo: ClauseComparisons): ClauseChange {
  return {
    id: clause.id,
    status,
    ...(clause.title ? { title: clause.title } : {}),
    reworded: false,
    flags: [],
    sdkTableChanged: false,
    listsChanged: false,
    blocks: memo.whole(clause.blocks, type),
  };
}

function compareSdks(before: SdkModel[], after: SdkModel[], locale: string): SdkChange[] {
  const old = new Map(before.map((sdk) => [sdk.id, sdk]));
  const current = new Set(after.map((sdk) => sdk.id));
  const fields = ['name', 'provider', 'purpose', 'personalInformation', 'privacyPolicy'] as const;
  const text = (sdk: SdkModel, field: (typeof fields)[number]) => (field === 'personalInformation' ? sdk.personalInformation.join(', ') : sdk[field]);
  const changes: SdkChange[] = [];
  for (const sdk of after) {
    const previous = old.get(sdk.id);
    if (!previous) {
      changes.push({ id: sdk.id, name: sdk.name, status: 'added', fields: fields.map((field) => ({ field, redline: wholeRuns(runs(text(sdk, field)), 'ins') })) });
      continue;
    }
    const changed: SdkFieldChange[] = fields
      .filter((field) => text(previous, field) !== text(sdk, field))
      .map((field) => ({ field, redline: diffRuns(runs(text(previous, field)), runs(text(sdk, field)), locale) }));
    if (changed.length > 0) changes.push({ id: sdk.id, name: sdk.name, status: 'changed', fields: changed });
  }
  for (const sdk of before) {
    if (!current.has(sdk.id)) changes.push({ id: sdk.id, name: sdk.name, status: 'removed', fields: fields.map((field) => ({ field, redline: wholeRuns(runs(text(sdk, field)), 'del') })) });
  }
  return changes;
}

function runs(text: string | undefined): TextRun[] {
  return text ? [{ text }] : [];
}
