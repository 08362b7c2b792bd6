/**
 * remark plugin: gives a place to the nodes that remark-gfm makes without
 * one, so that every message about them is positioned.
 *
 * micromark finds most bare addresses (`https://…`, `www.…`, `a@b.co`) itself,
 * with their places. After an unclosed `[` it leaves them, and
 * mdast-util-gfm-autolink-literal finds them afterwards in the finished tree
 * (with mdast-util-find-and-replace), splitting the text node into text and
 * link nodes that have no `position` (upstream sets it to `undefined`). A
 * mistake in such text, as in `[see https://example.com/{{nope}}`, was then
 * reported with no place (printed at 1:1).
 *
 * The pieces of a split text are consecutive siblings between nodes that do
 * have places. Each address is found, in order, as written between them; the
 * text between two addresses gets the place of what is written there (which
 * may say `&amp;` or `\*` where the text says `&` or `*`). An address not
 * written as it reads (`https://a.com/&amp;`) gets the place of everything
 * between its neighbours: coarser, but inside the text. (No library maps
 * text back to its source; this only measures text the parser already read.)
 */
import type { Nodes, Parent, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Point, Position } from 'unist';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { advance } from '../messages/message.ts';

export default function remarkAutolinkPositions() {
  return function (tree: Root, file: VFile): void {
    placeAutolinks(tree, String(file.value));
  };
}

/** Gives every node of `tree` (parsed from `source`) that has no place one. */
export function placeAutolinks(tree: Root, source: string): void {
  // Preorder: a link gets its place before its own children are placed inside it.
  visit(tree, (node) => {
    if ('children' in node && node.position) placeChildren(node, node.position, source);
  });
}

function placeChildren(parent: Parent, within: Position, source: string): void {
  const children = parent.children as Nodes[];
  for (let first = 0; first < children.length; first += 1) {
    if (children[first]!.position) continue;
    let last = first;
    while (last + 1 < children.length && !children[last + 1]!.position) last += 1;
    const previous = children[first - 1]?.position?.end;
    const next = children[last + 1]?.position?.start;
    placeRun(children.slice(first, last + 1), previous ?? within.start, next ?? within.end, previous !== undefined, next !== undefined, source);
    first = last;
  }
}

/**
 * Places `run`, which lies between `from` and `to` (right after `from` when
 * `fromExact`, right before `to` when `toExact`).
 */
function placeRun(run: Nodes[], from: Point, to: Point, fromExact: boolean, toExact: boolean, source: string): void {
  if (from.offset === undefined || to.offset === undefined) {
    for (const node of run) node.position = { start: { ...from }, end: { ...to } };
    return;
  }
  const written = source.slice(from.offset, to.offset);
  const texts = run.map((node) => toString(node));
  // An address is found as written, in order; the text between two addresses is what lies between them.
  const found: ([number, number] | undefined)[] = [];
  let cursor = 0;
  for (const [index, node] of run.entries()) {
    const at = node.type === 'text' ? -1 : written.indexOf(texts[index]!, cursor);
    found.push(at >= 0 ? [at, at + texts[index]!.length] : undefined);
    if (at >= 0) cursor = at + texts[index]!.length;
  }
  const endBefore = (index: number): number => found.slice(0, index).findLast((each) => each)?.[1] ?? 0;
  const startAfter = (index: number): number => found.slice(index + 1).find((each) => each)?.[0] ?? written.length;
  for (const [index, node] of run.entries()) {
    let [start, end] = found[index] ?? [endBefore(index), startAfter(index)];
    const between = written.slice(start, end);
    const text = texts[index]!;
    // Before the first piece may be markup of the parent (`# `), after the last its end (` ##`).
    if (index === 0 && !fromExact && between.endsWith(text)) start = end - text.length;
    if (index === run.length - 1 && !toExact && between.startsWith(text)) end = start + text.length;
    node.position = { start: pointAt(from, written.slice(0, start)), end: pointAt(from, written.slice(0, end)) };
  }
}

function pointAt(from: Point, text: string): Point {
  return { ...advance(from, text), ...(from.offset !== undefined ? { offset: from.offset + text.length } : {}) };
}
