/**
 * Limits that keep the Markdown parser's time linear and its recursion
 * shallow, checked before the text is parsed (one pass over the lines, no
 * recursion), and the tree's depth checked after it, before any plugin walks
 * the tree.
 *
 * - Nesting: lists and block quotes inside each other. The parser's time
 *   grows with the square of the depth, and the tree it builds is walked
 *   recursively: a single line of `- - - - … x` or `> - > - … x` a few
 *   thousand levels deep overflows the stack. The depth is counted the way
 *   CommonMark opens and continues containers (markers on the line, and the
 *   indentation or `>` that keeps each one open), so that it is the depth of
 *   the tree, whatever the indentation looks like.
 * - Inline syntax: micromark matches emphasis (`*`, `_`, `~`) and brackets
 *   (`[`, `]`) by walking back over the paragraph, so its time grows with the
 *   square of the number of such markers in one paragraph (`*a**a**a…` over
 *   100 KB takes minutes). A paragraph may hold a generous number of them;
 *   with that bound, the time grows linearly with the text.
 *
 * No legal text comes near either limit.
 */
import type { Point } from 'unist';

/** Lists and quotes inside each other (each list item or quote counts one level). */
export const maxNesting = 10;
/** Emphasis and bracket markers in one paragraph (or table row). */
export const maxInlineMarkers = 1000;
/** Nodes inside each other in the syntax tree: nesting, plus emphasis, links and flags inside it. */
export const maxTreeDepth = 48;

export interface LimitProblem {
  point: Point;
  reason: string;
  ruleId: 'markdown-too-deep' | 'markdown-too-complex';
}

interface Container {
  kind: 'quote' | 'item';
  /** For a list item: the columns of indentation that continue it. */
  width: number;
}

const listMarker = /^(?:[-+*]|\d{1,9}[.)])(?= |$)/;
const thematicBreak = /^([-*_]) *(?:\1 *){2,}$/;
const fenceOpening = /^(`{3,}(?!.*`)|~{3,})/;
const heading = /^#{1,6}(?: |$)/;
/** Starts of blocks whose lines are read on their own: headings, table rows, HTML (removed later). */
const ownLine = /^(?:#{1,6}(?: |$)|<|\|)/;

/** The first limit the text exceeds, with its place (line 1 is the text's first line). */
export function limitProblem(markdown: string): LimitProblem | undefined {
  const stack: Container[] = [];
  let paragraph = false;
  let fence: { depth: number; closing: RegExp } | undefined;
  let markers = 0;
  let flowStart: Point = { line: 1, column: 1 };
  const lines = markdown.split(/\r\n|\r|\n/);

  for (let number = 1; number <= lines.length; number++) {
    const { text, column } = expandTabs(lines[number - 1]!);
    let at = 0;

    // Which open containers this line continues: a quote by its `>`, a list item by its indentation.
    let matched = 0;
    for (; matched < stack.length; matched++) {
      const container = stack[matched]!;
      const indent = spacesAt(text, at);
      if (container.kind === 'quote') {
        if (indent > 3 || text[at + indent] !== '>') break;
        at += indent + 1;
        if (text[at] === ' ') at++;
      } else if (at + indent === text.length) {
        continue;
      } else if (indent >= container.width) {
        at += container.width;
      } else break;
    }

    if (fence) {
      if (matched >= fence.depth) {
        if (fence.closing.test(text.slice(at))) fence = undefined;
        continue;
      }
      fence = undefined;
    }

    const rest = () => text.slice(at);
    // A line that continues a paragraph lazily keeps every container open and opens none.
    if (matched < stack.length && paragraph && !startsBlock(rest())) {
      markers += countMarkers(rest());
      if (markers > maxInlineMarkers) return tooComplex(flowStart);
      continue;
    }
    const allMatched = matched === stack.length;
    stack.length = matched;

    // The containers this line opens.
    let opened = false;
    for (;;) {
      const indent = spacesAt(text, at);
      if (indent > 3) break;
      const after = text.slice(at + indent);
      const marker = after.startsWith('>') ? '>' : listMarker.exec(after)?.[0];
      if (!marker || (marker !== '>' && thematicBreak.test(after))) break;
      if (marker === '>') {
        stack.push({ kind: 'quote', width: 0 });
      } else {
        const spaces = spacesAt(after, marker.length);
        // Content after 1 to 4 spaces; after more (indented code) or none (an empty item), one column.
        const content = spaces === 0 || spaces > 4 || marker.length + spaces === after.length ? 1 : spaces;
        stack.push({ kind: 'item', width: indent + marker.length + content });
      }
      opened = true;
      if (stack.length > maxNesting) {
        return {
          point: { line: number, column: column(at + indent) },
          reason: `Unexpected list or quote nested ${stack.length} levels deep, expected at most ${maxNesting} (each list item, and each \`>\`, inside another counts one level)`,
          ruleId: 'markdown-too-deep',
        };
      }
      at += indent + marker.length;
      const top = stack.at(-1)!;
      if (top.kind === 'quote') {
        if (text[at] === ' ') at++;
      } else {
        at = Math.min(text.length, at + top.width - indent - marker.length);
      }
    }

    // The paragraph goes on when every container was continued and none opened.
    const continues = paragraph && allMatched && !opened;
    const content = rest();
    const trimmed = content.replace(/^ {0,3}/, '');
    if (/^ *$/.test(content) || (!continues && spacesAt(content, 0) >= 4)) {
      // A blank line, or indented code.
      paragraph = false;
      continue;
    }
    if (!continues && fenceOpening.test(trimmed)) {
      const marker = fenceOpening.exec(trimmed)![0];
      fence = { depth: stack.length, closing: new RegExp(`^ {0,3}${marker[0] === '`' ? '`' : '~'}{${marker.length},} *$`) };
      paragraph = false;
      continue;
    }
    if (thematicBreak.test(trimmed) || (ownLine.test(trimmed) && !(continues && !heading.test(trimmed) && !trimmed.startsWith('|')))) {
      paragraph = false;
      if (countMarkers(content) > maxInlineMarkers) return tooComplex({ line: number, column: column(at) });
      continue;
    }
    if (!continues) {
      markers = 0;
      flowStart = { line: number, column: column(at) };
    }
    paragraph = true;
    markers += countMarkers(content);
    if (markers > maxInlineMarkers) return tooComplex(flowStart);
  }
  return undefined;
}

/** A line with its tabs expanded to the next multiple of 4 columns, and the column (1-based) in the original line of each position. */
function expandTabs(line: string): { text: string; column: (index: number) => number } {
  if (!line.includes('\t')) return { text: line, column: (index) => index + 1 };
  let text = '';
  const origin: number[] = [];
  for (let i = 0; i < line.length; i++) {
    const width = line[i] === '\t' ? 4 - (text.length % 4) : 1;
    for (let k = 0; k < width; k++) origin.push(i);
    text += line[i] === '\t' ? ' '.repeat(width) : line[i];
  }
  return { text, column: (index) => (origin[index] ?? line.length) + 1 };
}

function spacesAt(text: string, at: number): number {
  let end = at;
  while (text[end] === ' ') end++;
  return end - at;
}

/** Whether a line's rest would start a block of its own rather than continue a paragraph lazily. */
function startsBlock(rest: string): boolean {
  const indent = spacesAt(rest, 0);
  if (indent > 3) return false;
  const after = rest.slice(indent);
  return after === '' || after.startsWith('>') || listMarker.test(after) || thematicBreak.test(after) || fenceOpening.test(after) || heading.test(after);
}

/**
 * Emphasis and bracket markers in a piece of a line: unescaped `[` and `]`,
 * and runs of `*`, `_` and `~` except those with a space (or the line's end)
 * on both sides, which can neither open nor close (`Name: ______`).
 */
function countMarkers(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '\\') {
      i++;
    } else if (char === '[' || char === ']') {
      count++;
    } else if (char === '*' || char === '_' || char === '~') {
      let end = i;
      while (text[end + 1] === char) end++;
      const before = text[i - 1];
      const after = text[end + 1];
      const inert = (before === undefined || /\s/.test(before)) && (after === undefined || /\s/.test(after));
      if (!inert) count += end - i + 1;
      i = end;
    }
  }
  return count;
}

function tooComplex(point: Point): LimitProblem {
  return {
    point,
    reason: `Unexpected paragraph with more than ${maxInlineMarkers} emphasis and bracket markers (\`*\`, \`_\`, \`~\`, \`[\`, \`]\`), expected fewer`,
    ruleId: 'markdown-too-complex',
  };
}

/**
 * The deepest node of a syntax tree, found without recursion, and its
 * depth, when it is deeper than `limit`.
 */
export function tooDeepNode<T extends { children?: unknown[]; position?: { start: Point } | undefined }>(root: T, limit: number): { depth: number; node: T } | undefined {
  const stack: [T, number][] = [[root, 0]];
  let deepest: [T, number] | undefined;
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (depth > limit && (!deepest || depth > deepest[1])) deepest = [node, depth];
    for (const child of node.children ?? []) stack.push([child as T, depth + 1]);
  }
  return deepest && { node: deepest[0], depth: deepest[1] };
}
