/**
 * What changed in the source text since a translation was confirmed, word by
 * word, for the terminal (`npm run translations:status -- --diff <language>`).
 * The comparison is the redline's (src/diff/: blocks aligned, then words from
 * Intl.Segmenter compared); here it is only printed, git-style:
 * `[-removed-]{+added+}`, or in colour on a terminal (NO_COLOR turns colour off).
 * Flagged words show as `:sensitive[…]` / `:important[…]`, as editors write them.
 */
import { diffBlocks } from '../diff/redline.ts';
import type { Segment } from '../diff/types.ts';
import { diffRuns } from '../diff/words.ts';
import { renderMarkdown } from '../markdown/processor.ts';
import { replaceVariables } from '../markdown/variables.ts';
import type { ConfirmedSource } from '../schema/translations.ts';

export interface SourceDiff {
  /** The title's words, when the part has a title then or now. */
  title: Segment[] | undefined;
  /** One entry per block (paragraph, list item, table cell) of the text. */
  blocks: Segment[][];
}

/** The word diff from `then` to `now` (source texts of one part), with `variables` filled in as a reader sees them. */
export function sourceDiff(then: ConfirmedSource, now: ConfirmedSource, variables: Readonly<Record<string, string>>, locale: string): SourceDiff {
  const plain = (title: string | undefined) => (title === undefined ? [] : [{ text: replaceVariables(title, variables).value }]);
  const blocks = (text: string | undefined) => (text === undefined ? [] : renderMarkdown(text, { variables }).blocks);
  const hasTitle = then.title !== undefined || now.title !== undefined;
  return {
    title: hasTitle ? diffRuns(plain(then.title), plain(now.title), locale) : undefined,
    blocks: diffBlocks(blocks(then.text), blocks(now.text), locale),
  };
}

export interface SegmentStyle {
  /** ANSI colours (red deletions, green insertions) instead of `[-…-]{+…+}`. */
  color: boolean;
}

/** Whether to print in colour: on a terminal, unless NO_COLOR is set (https://no-color.org). */
export function useColor(stream: NodeJS.WriteStream = process.stdout, env: NodeJS.ProcessEnv = process.env): boolean {
  return stream.isTTY === true && !env.NO_COLOR && env.TERM !== 'dumb';
}

const ansi = { del: ['\u001b[31;9m', '\u001b[0m'], ins: ['\u001b[32;4m', '\u001b[0m'] } as const;
const marks = { del: ['[-', '-]'], ins: ['{+', '+}'] } as const;

/** Segments as one line of text: changes marked, flagged words inside their flag. */
export function formatSegments(segments: readonly Segment[], style: SegmentStyle): string {
  let out = '';
  let open: Segment['flag'];
  for (const segment of segments) {
    if (segment.flag !== open) {
      if (open) out += ']';
      if (segment.flag) out += `:${segment.flag}[`;
      open = segment.flag;
    }
    const text = segment.text.replace(/\s+/g, ' ');
    if (segment.type === 'same') out += text;
    else if (style.color) out += `${ansi[segment.type][0]}${text}${ansi[segment.type][1]}`;
    else out += `${marks[segment.type][0]}${text}${marks[segment.type][1]}`;
  }
  if (open) out += ']';
  return out.trim();
}

/** Whether any segment was inserted or deleted. */
export function hasChanges(diff: SourceDiff): boolean {
  return [...(diff.title ?? []), ...diff.blocks.flat()].some((segment) => segment.type !== 'same');
}
