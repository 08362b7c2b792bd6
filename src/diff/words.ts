/**
 * Word-level diff of flagged text runs. Words come from Intl.Segmenter, so
 * Chinese (written without spaces) is compared word by word, not sentence by
 * sentence; the comparison itself is the `diff` package's `diffArrays`.
 * A word whose flag changed counts as changed: its old form is deleted and
 * its new form inserted.
 *
 * The comparison gives up beyond `maxWordEdits` edits (a paragraph rewritten
 * rather than amended): its time grows with the square of the edits, and a
 * rewritten 15 000-word paragraph would take minutes. Such a paragraph is
 * shown deleted, then inserted, whole, marked `uncompared`.
 */
import { diffArrays } from 'diff';
import type { TextRun } from '../markdown/remark-text-runs.ts';
import type { FlagKind } from '../schema/policy-text.ts';
import type { Segment } from './types.ts';

interface Token {
  text: string;
  flag: FlagKind | undefined;
}

const segmenters = new Map<string, Intl.Segmenter>();

function segmenter(locale: string): Intl.Segmenter {
  let found = segmenters.get(locale);
  if (!found) segmenters.set(locale, (found = new Intl.Segmenter(locale, { granularity: 'word' })));
  return found;
}

export function tokenize(runs: readonly TextRun[], locale: string): Token[] {
  const tokens: Token[] = [];
  for (const run of runs) {
    for (const { segment } of segmenter(locale).segment(run.text.replace(/\s+/g, ' '))) tokens.push({ text: segment, flag: run.flag });
  }
  return tokens;
}

/** Words and spaces added or removed in one paragraph, beyond which it is not compared word by word (about 500 words changed). */
export const maxWordEdits = 1000;

/** The redline from `before` to `after` (runs of one block each), in `locale`. */
export function diffRuns(before: readonly TextRun[], after: readonly TextRun[], locale: string): Segment[] {
  const changes = diffArrays(tokenize(before, locale), tokenize(after, locale), {
    comparator: (a, b) => a.text === b.text && a.flag === b.flag,
    maxEditLength: maxWordEdits,
  });
  if (!changes) return replacedWhole(before, after);
  const segments: Segment[] = [];
  for (const change of changes) {
    const type = change.added ? 'ins' : change.removed ? 'del' : 'same';
    for (const token of change.value) push(segments, type, token.text, token.flag);
  }
  return groupChanges(segments);
}

/** The same text, all kept, all inserted or all deleted. */
export function wholeRuns(runs: readonly TextRun[], type: Segment['type']): Segment[] {
  const segments: Segment[] = [];
  for (const run of runs) push(segments, type, run.text.replace(/\s+/g, ' '), run.flag);
  return segments;
}

/** `before` deleted and `after` inserted, whole, marked as not compared word by word. */
export function replacedWhole(before: readonly TextRun[], after: readonly TextRun[]): Segment[] {
  return [...wholeRuns(before, 'del'), ...wholeRuns(after, 'ins')].map((segment) => ({ ...segment, uncompared: true as const }));
}

export function isUnchanged(segments: readonly Segment[]): boolean {
  return segments.every((segment) => segment.type === 'same');
}

function push(segments: Segment[], type: Segment['type'], text: string, flag: FlagKind | undefined): void {
  const last = segments.at(-1);
  if (last && last.type === type && last.flag === flag) last.text += text;
  else segments.push(flag ? { type, text, flag } : { type, text });
}

/**
 * Word diffs alternate ("<del>needs</del><ins>checks</ins> <del>to</del><ins>whether</ins> …");
 * a run of changes separated only by spaces reads better as one deletion
 * followed by one insertion. Each reading (old: kept + deleted, new: kept +
 * inserted) still gets every character once.
 */
function groupChanges(segments: Segment[]): Segment[] {
  const result: Segment[] = [];
  let i = 0;
  while (i < segments.length) {
    const segment = segments[i]!;
    if (segment.type === 'same') {
      result.push({ ...segment });
      i++;
      continue;
    }
    const deleted: Segment[] = [];
    const inserted: Segment[] = [];
    let end = i;
    while (end < segments.length) {
      const current = segments[end]!;
      if (current.type !== 'same') {
        push(current.type === 'del' ? deleted : inserted, current.type, current.text, current.flag);
        end++;
        continue;
      }
      const next = segments[end + 1];
      if (current.text.trim() !== '' || !next || next.type === 'same') break;
      for (const [side, type] of [[deleted, 'del'], [inserted, 'ins']] as const) push(side, type, current.text, side.at(-1)?.flag);
      end++;
    }
    result.push(...deleted, ...inserted);
    i = end;
  }
  return result;
}
