/**
 * Clause Markdown as translatable text with inline codes, and back.
 *
 * A translator sees words; everything else is a code that a CAT tool shows
 * as a tag and protects:
 *
 * - `{{variable}}` → a standalone code (`<ph>`);
 * - `:sensitive[…]`, `:important[…]`, links, emphasis → a paired code
 *   (`<pc>`) around the words it marks; a link's address stays in the code;
 * - Markdown structure (paragraph breaks, list markers, table pipes, hard
 *   line breaks, inline code, autolinks) → standalone codes.
 *
 * The codes are cut from the Markdown source by the positions of the syntax
 * tree (remark-parse with GFM and directives, as the renderer reads it): the
 * text of each `text` node is the translatable text, as written (escapes
 * included); whatever lies between is a code holding its exact Markdown. So
 * rebuilding from the codes gives back the same Markdown structure, and a
 * translation is rebuilt from the SOURCE's codes, by id: nothing a CAT tool
 * or an agency changes in a code's attributes reaches the content.
 *
 * A line break inside a paragraph (a soft break) is only a space to Markdown:
 * it becomes a space, so a translator sees one sentence, not a broken line.
 */
import type { Nodes, Parent } from 'mdast';
import remarkDirective from 'remark-directive';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { placeAutolinks } from '../../markdown/remark-autolink-positions.ts';
import { isFlagKind } from '../../markdown/remark-flags.ts';
import { variablePattern } from '../../markdown/variables.ts';

/** A piece of translatable content: text, a standalone code, or a paired code around more content. */
export type Inline = string | Placeholder | Paired;

export interface Placeholder {
  kind: 'ph';
  id: string;
}

export interface Paired {
  kind: 'pc';
  id: string;
  children: Inline[];
}

export type CodeRole = 'variable' | 'flag' | 'link' | 'emphasis' | 'strong' | 'delete' | 'structure' | 'break' | 'literal';

/** What a code stands for, from the source text. */
export interface Code {
  id: string;
  element: 'ph' | 'pc';
  role: CodeRole;
  /** The Markdown of a standalone code, or the opening Markdown of a paired one. */
  start: string;
  /** The closing Markdown of a paired code. */
  end: string;
  /** The variable's name, the flag's kind, or the link's address. */
  detail: string;
}

export interface Segmented {
  content: Inline[];
  /** Every code of `content`, by id, in reading order. */
  codes: Map<string, Code>;
  /** Spaces and line breaks before and after the text, kept as they are. */
  before: string;
  after: string;
}

const parser = unified().use(remarkParse).use(remarkGfm).use(remarkDirective);
const pairedRoles: Partial<Record<Nodes['type'], CodeRole>> = { emphasis: 'emphasis', strong: 'strong', delete: 'delete', link: 'link', linkReference: 'link' };

/** A clause text (Markdown) as content with codes. */
export function segmentMarkdown(markdown: string): Segmented {
  const { before, body, after } = trim(markdown);
  const builder = new Builder();
  const tree = parser.parse(body);
  // Cut by positions: the bare addresses remark-gfm links after an unclosed `[` need theirs.
  placeAutolinks(tree, body);

  const offsets = (node: Nodes) => ({ start: node.position?.start.offset ?? 0, end: node.position?.end.offset ?? 0 });
  const walkChildren = (node: Parent, from: number, to: number, out: Inline[]) => {
    let cursor = from;
    for (const child of node.children as Nodes[]) {
      const { start, end } = offsets(child);
      if (start > cursor) builder.code(out, 'ph', 'structure', body.slice(cursor, start));
      emit(child, out);
      cursor = Math.max(cursor, end);
    }
    if (to > cursor) builder.code(out, 'ph', 'structure', body.slice(cursor, to));
  };
  const emit = (node: Nodes, out: Inline[]): void => {
    const { start, end } = offsets(node);
    const raw = body.slice(start, end);
    if (node.type === 'text') return builder.text(out, raw);
    if (node.type === 'break') return builder.code(out, 'ph', 'break', raw);
    if (node.type === 'textDirective' && node.children.length === 0 && Object.keys(node.attributes ?? {}).length === 0 && raw === `:${node.name}`) {
      // `Note:this` is prose that parses as a directive without a label.
      return builder.text(out, raw);
    }
    // `<https://…>` and a bare https://…: the address is the text, and it is not translated.
    if (node.type === 'link' && !raw.startsWith('[')) return builder.code(out, 'ph', 'literal', raw);
    const role = node.type === 'textDirective' && isFlagKind(node.name) ? 'flag' : pairedRoles[node.type];
    if (role && 'children' in node && node.children.length > 0) {
      const first = offsets(node.children[0] as Nodes).start;
      const last = offsets(node.children.at(-1) as Nodes).end;
      const detail = node.type === 'textDirective' ? node.name : node.type === 'link' ? node.url : '';
      const pair = builder.pair(out, role, body.slice(start, first), body.slice(last, end), detail);
      walkChildren(node, first, last, pair.children);
      return;
    }
    if ('children' in node && node.children.length > 0 && node.type !== 'textDirective' && node.type !== 'leafDirective' && node.type !== 'containerDirective') {
      walkChildren(node, start, end, out);
      return;
    }
    builder.code(out, 'ph', 'literal', raw);
  };
  walkChildren(tree, 0, body.length, builder.root);
  return { content: builder.root, codes: builder.codes, before, after };
}

/** A title (plain text with `{{variables}}`) as content with codes. */
export function segmentPlain(value: string): Segmented {
  const { before, body, after } = trim(value);
  const builder = new Builder();
  builder.text(builder.root, body);
  return { content: builder.root, codes: builder.codes, before, after };
}

/** Builds content in reading order, numbering codes from 1. */
class Builder {
  readonly root: Inline[] = [];
  readonly codes = new Map<string, Code>();

  /** Text, with its soft line breaks as spaces and its variables as codes. */
  text(out: Inline[], raw: string): void {
    const text = raw.replace(/[ \t]*\n[ \t>]*/g, ' ');
    let cursor = 0;
    for (const match of text.matchAll(new RegExp(variablePattern.source, 'g'))) {
      this.plain(out, text.slice(cursor, match.index));
      this.code(out, 'ph', 'variable', match[0], match[1]!);
      cursor = match.index + match[0].length;
    }
    this.plain(out, text.slice(cursor));
  }

  code(out: Inline[], element: 'ph', role: CodeRole, markdown: string, detail = ''): void {
    const last = out.at(-1);
    const previous = typeof last === 'object' && last.kind === 'ph' ? this.codes.get(last.id) : undefined;
    if (role === 'structure' && previous?.role === 'structure') {
      // `\n\n` then `- `: one code between two pieces of text.
      previous.start += markdown;
      return;
    }
    const id = String(this.codes.size + 1);
    this.codes.set(id, { id, element, role, start: markdown, end: '', detail });
    out.push({ kind: 'ph', id });
  }

  pair(out: Inline[], role: CodeRole, start: string, end: string, detail: string): Paired {
    const id = String(this.codes.size + 1);
    this.codes.set(id, { id, element: 'pc', role, start, end, detail });
    const code: Paired = { kind: 'pc', id, children: [] };
    out.push(code);
    return code;
  }

  private plain(out: Inline[], text: string): void {
    if (text === '') return;
    const last = out.at(-1);
    if (typeof last === 'string') out[out.length - 1] = last + text;
    else out.push(text);
  }
}

function trim(value: string): { before: string; body: string; after: string } {
  const before = /^\s*/.exec(value)![0];
  const body = value.slice(before.length).trimEnd();
  return { before, body, after: value.slice(before.length + body.length) };
}

/** A code's signature: what must match for a translation's code to stand for a source code. */
function signature(code: Code): string {
  switch (code.role) {
    case 'variable':
    case 'flag':
      return `${code.role}:${code.detail}`;
    case 'link':
      return `link:${code.end}`;
    case 'emphasis':
    case 'strong':
    case 'delete':
    case 'break':
      return code.role;
    default:
      return `${code.role}:${code.start}`;
  }
}

/**
 * An existing translation as content with the source's code ids, for a
 * stale clause's `<target>`: its codes are matched to the source's by kind,
 * in order (the second `{{company}}` of the translation is the source's
 * second). `undefined` when the codes do not match one to one (the source
 * gained a link, the translation lost a flag …): then the translation is
 * not offered as a starting point.
 */
export function alignTranslation(source: Segmented, translation: Segmented): Inline[] | undefined {
  const available = new Map<string, string[]>();
  for (const code of source.codes.values()) {
    const key = signature(code);
    available.set(key, [...(available.get(key) ?? []), code.id]);
  }
  const mapping = new Map<string, string>();
  for (const code of translation.codes.values()) {
    const ids = available.get(signature(code));
    const id = ids?.shift();
    if (id === undefined) return undefined;
    mapping.set(code.id, id);
  }
  if ([...available.values()].some((ids) => ids.length > 0)) return undefined;
  const remap = (content: Inline[]): Inline[] =>
    content.map((piece) => (typeof piece === 'string' ? piece : piece.kind === 'ph' ? { kind: 'ph', id: mapping.get(piece.id)! } : { kind: 'pc', id: mapping.get(piece.id)!, children: remap(piece.children) }));
  return remap(translation.content);
}

/** A problem with the codes of a translation, worded for the message about its unit. */
export interface CodeProblem {
  reason: string;
}

/** Checks that `target` has every code of `source` exactly once, each as the same kind of element. */
export function checkCodes(source: Segmented, target: readonly Inline[]): CodeProblem[] {
  const problems: CodeProblem[] = [];
  const seen = new Map<string, number>();
  const walk = (content: readonly Inline[]) => {
    for (const piece of content) {
      if (typeof piece === 'string') continue;
      const code = source.codes.get(piece.id);
      if (!code) {
        problems.push({ reason: `Unexpected code \`${piece.id}\` (\`<${piece.kind}>\`): the source has no code with this id` });
      } else if (code.element !== piece.kind) {
        problems.push({ reason: `Unexpected \`<${piece.kind}>\` for code \`${piece.id}\` (${describeCode(code)}), expected \`<${code.element}>\` as in the source` });
      }
      seen.set(piece.id, (seen.get(piece.id) ?? 0) + 1);
      if (piece.kind === 'pc') walk(piece.children);
    }
  };
  walk(target);
  for (const code of source.codes.values()) {
    const count = seen.get(code.id) ?? 0;
    if (count === 0) problems.push({ reason: `Missing code \`${code.id}\` (${describeCode(code)}) in the translation, expected it once as in the source` });
    else if (count > 1) problems.push({ reason: `Unexpected code \`${code.id}\` (${describeCode(code)}) ${count} times in the translation, expected it once as in the source` });
  }
  return problems;
}

/** A code as a person reads it: ``the flag `:sensitive[…]` `` */
export function describeCode(code: Code): string {
  switch (code.role) {
    case 'variable':
      return `the variable \`${code.start}\``;
    case 'flag':
      return `the flag \`:${code.detail}[…]\``;
    case 'link':
      return `the link to ${code.detail}`;
    case 'emphasis':
    case 'strong':
    case 'delete':
      return `the ${code.role} \`${code.start}…${code.end}\``;
    case 'break':
      return 'a line break';
    default:
      return `the Markdown \`${visible(code.start)}\``;
  }
}

/** Markdown for display in an attribute: line breaks shown as ↵ (a line break in an attribute would not survive XML). */
export function visible(markdown: string): string {
  return markdown.replace(/\r?\n/g, '↵').replace(/\t/g, ' ');
}

/** The Markdown of a translation: its text (line breaks as spaces), and each code's Markdown from the source, by id. */
export function rebuild(source: Segmented, target: readonly Inline[]): string {
  const write = (content: readonly Inline[]): string =>
    content
      .map((piece) => {
        if (typeof piece === 'string') return piece.replace(/\s*\n\s*/g, ' ');
        const code = source.codes.get(piece.id)!;
        return piece.kind === 'ph' ? code.start : `${code.start}${write(piece.children)}${code.end}`;
      })
      .join('');
  return `${source.before}${write(target)}${source.after}`;
}

/** Content as one comparable string: text with runs of spaces as one, codes as their ids. */
export function comparable(content: readonly Inline[]): string {
  const write = (pieces: readonly Inline[]): string =>
    pieces.map((piece) => (typeof piece === 'string' ? piece : piece.kind === 'ph' ? `\u0000${piece.id}\u0000` : `\u0001${piece.id}\u0001${write(piece.children)}\u0002`)).join('');
  return write(content).replace(/\s+/g, ' ').trim();
}
