/**
 * XLIFF 2.0 files (OASIS XLIFF Version 2.0, core): writing the export and
 * reading a returned file, with the line and column of everything read.
 *
 * Why not the `xliff` npm package: its converter (6.4, measured here) drops
 * a space between two inline codes when reading (`{{company}} :sensitive[…]`
 * would come back as one word), cuts a line break at the end of a text run,
 * writes indentation inside `<source>` when asked to indent, and leaves `&`
 * unescaped in attributes (a company called `A&B` makes a file its own
 * reader rejects). Mixed content has to survive byte for byte here, so the
 * XML is read and written with the unified collective's xast utilities
 * (xast-util-from-xml, which keeps positions, and xast-util-to-xml), and
 * this module maps XLIFF's few core elements onto them. The tests still read
 * every export back with the `xliff` package, as another tool would.
 */
import { createHash } from 'node:crypto';
import type { Element, ElementContent, Root } from 'xast';
import { fromXml } from 'xast-util-from-xml';
import { toXml } from 'xast-util-to-xml';
import { x } from 'xastscript';
import type { Position } from 'unist';
import type { VFile } from 'vfile';
import { fail } from '../../messages/message.ts';
import type { Ownership } from '../../output/file.ts';
import { visible, type Code, type Inline, type Segmented } from './codes.ts';

export const xliffNamespace = 'urn:oasis:names:tc:xliff:document:2.0';

export interface Note {
  category: string;
  text: string;
}

export interface UnitOut {
  id: string;
  notes: Note[];
  source: Segmented;
  /** A translation to start from, with the source's code ids. */
  target?: Inline[] | undefined;
  /** Values of the variables in the target language, shown on their codes. */
  values: Readonly<Record<string, string>>;
}

export interface FileOut {
  id: string;
  original: string;
  notes: Note[];
  units: UnitOut[];
}

export interface DocumentOut {
  srcLang: string;
  trgLang: string;
  files: FileOut[];
}

const stampPattern = /^<\?xml [^>]*\?>\n<!-- Written by npm run translations:export \(legal-site\)\. sha256:([0-9a-f]{64}) -->\n/;

/** The XLIFF file, starting with a comment that lets the next export recognise it as its own, unchanged. */
export function writeXliff(document: DocumentOut): string {
  const indent = (depth: number) => ({ type: 'text' as const, value: `\n${'  '.repeat(depth)}` });
  const block = (depth: number, children: Element[]): ElementContent[] => [...children.flatMap((child) => [indent(depth), child]), indent(depth - 1)];
  const notes = (depth: number, list: readonly Note[]) => (list.length ? [x('notes', block(depth + 1, list.map((note) => x('note', { category: note.category }, note.text))))] : []);
  const root = x('xliff', { xmlns: xliffNamespace, version: '2.0', srcLang: document.srcLang, trgLang: document.trgLang }, block(1, document.files.map((file) =>
    x('file', { id: file.id, original: file.original, canResegment: 'no' }, block(2, [
      ...notes(2, file.notes),
      ...file.units.map((unit) => {
        const attributes = (code: Code) => codeAttributes(code, unit.values);
        const segment = x('segment', { state: 'initial' }, block(4, [
          x('source', { 'xml:space': 'preserve' }, inlineXml(unit.source.content, unit.source, attributes)),
          ...(unit.target ? [x('target', { 'xml:space': 'preserve' }, inlineXml(unit.target, unit.source, attributes))] : []),
        ]));
        return x('unit', { id: unit.id }, block(3, [...notes(3, unit.notes), segment]));
      }),
    ])),
  )));
  const body = `${toXml(root, { closeEmptyElements: true })}\n`;
  return `<?xml version="1.0" encoding="UTF-8"?>\n<!-- Written by npm run translations:export (legal-site). sha256:${sha256(body)} -->\n${body}`;
}

/** Whether an existing file is an export, unchanged since it was written. */
export function xliffOwner(text: string): Ownership {
  const match = stampPattern.exec(text);
  if (!match) return 'foreign';
  return sha256(text.slice(match[0].length)) === match[1] ? 'ours' : 'changed';
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function inlineXml(content: readonly Inline[], source: Segmented, attributes: (code: Code) => Record<string, string>): ElementContent[] {
  return content.map((piece) => {
    if (typeof piece === 'string') return { type: 'text', value: piece };
    const code = source.codes.get(piece.id)!;
    return piece.kind === 'ph' ? x('ph', attributes(code)) : x('pc', attributes(code), inlineXml(piece.children, source, attributes));
  });
}

const subTypes: Partial<Record<Code['role'], string>> = { emphasis: 'xlf:i', strong: 'xlf:b', delete: 'ls:delete', break: 'xlf:lb' };

/**
 * A code's attributes: what it is (`type`, `subType`: `xlf:var` for a
 * variable, `ls:sensitive`/`ls:important` for a flag), its Markdown as text
 * equivalent (`equiv`), what a CAT tool shows (`disp`: a variable's value),
 * and that it may be neither deleted nor copied. Only the id is read back.
 */
export function codeAttributes(code: Code, values: Readonly<Record<string, string>>): Record<string, string> {
  const protect = { canCopy: 'no', canDelete: 'no' };
  switch (code.role) {
    case 'variable':
      return { id: code.id, type: 'ui', subType: 'xlf:var', equiv: code.start, disp: visible(values[code.detail] ?? code.start), ...protect };
    case 'flag':
      return { id: code.id, type: 'fmt', subType: `ls:${code.detail}`, equivStart: code.start, equivEnd: code.end, dispStart: `[${code.detail}]`, dispEnd: `[/${code.detail}]`, ...protect };
    case 'link':
      return { id: code.id, type: 'link', equivStart: visible(code.start), equivEnd: visible(code.end), dispStart: `[link ${visible(code.detail)}]`, dispEnd: '[/link]', ...protect };
    case 'emphasis':
    case 'strong':
    case 'delete':
      return { id: code.id, type: 'fmt', subType: subTypes[code.role]!, equivStart: code.start, equivEnd: code.end, ...protect };
    case 'break':
      return { id: code.id, type: 'fmt', subType: 'xlf:lb', disp: '↵', ...protect };
    case 'structure':
      return { id: code.id, type: 'fmt', disp: visible(code.start), ...protect };
    default:
      return { id: code.id, type: 'other', disp: visible(code.start), ...protect };
  }
}

/* ---------------------------------------------------------------- reading */

export type SegmentState = 'initial' | 'translated' | 'reviewed' | 'final';

export interface UnitIn {
  id: string;
  place: Position | undefined;
  notes: { category: string | undefined; text: string }[];
  source: Inline[];
  sourcePlace: Position | undefined;
  /** `undefined` when a segment has no `<target>`. */
  target: Inline[] | undefined;
  targetPlace: Position | undefined;
  /** The least advanced state of the unit's segments (`initial` unless a CAT tool said otherwise). */
  state: SegmentState;
}

export interface FileIn {
  id: string;
  original: string | undefined;
  place: Position | undefined;
  units: UnitIn[];
}

export interface DocumentIn {
  srcLang: string;
  trgLang: string | undefined;
  place: Position | undefined;
  files: FileIn[];
}

const states: readonly SegmentState[] = ['initial', 'translated', 'reviewed', 'final'];

/** Codes inside codes: a clause has a few levels (a variable in a link in a flag); a file with many more was not exported here. */
const maxDepth = 32;

/** Reads an XLIFF 2.0 file; problems become messages on `file` (rule `xliff-format`) and the result is `undefined`. */
export function readXliff(file: VFile): DocumentIn | undefined {
  let tree: Root;
  try {
    tree = fromXml(String(file.value));
  } catch (error) {
    const { place, cause } = error as { place?: { line: number; column: number }; cause?: Error };
    const reason = error instanceof RangeError || cause instanceof RangeError ? 'elements nested too deeply to read' : (cause?.message?.split('\n')[0] ?? 'the file cannot be read as XML');
    fail(file, `Malformed XML: ${reason}`, place ?? { line: 1, column: 1 }, 'xliff-format');
    return undefined;
  }
  const problems: [string, Position | undefined][] = [];
  const problem = (reason: string, node: { position?: Position | undefined } | undefined) => problems.push([reason, node?.position]);
  const root = tree.children.find((child): child is Element => child.type === 'element');
  if (!root || localName(root) !== 'xliff') {
    fail(file, `Unexpected root element \`<${root?.name ?? ''}>\`, expected \`<xliff>\` (an XLIFF 2.0 file)`, root?.position, 'xliff-format');
    return undefined;
  }
  const version = root.attributes.version ?? '';
  if (!/^2\.[0-2]$/.test(version) || (root.attributes.xmlns !== undefined && root.attributes.xmlns !== xliffNamespace)) {
    fail(file, `Unexpected XLIFF version \`${version || 'none'}\`, expected 2.0 (\`version="2.0"\`, namespace ${xliffNamespace}); an XLIFF 1.2 file cannot be imported`, root.position, 'xliff-format');
    return undefined;
  }
  const files = elements(root, 'file').map((fileNode): FileIn => {
    const units: UnitIn[] = [];
    const collect = (parent: Element) => {
      for (const child of elements(parent)) {
        if (localName(child) === 'group') collect(child);
        else if (localName(child) === 'unit') units.push(readUnit(child, problem));
      }
    };
    collect(fileNode);
    return { id: fileNode.attributes.id ?? '', original: fileNode.attributes.original ?? undefined, place: fileNode.position, units };
  });
  for (const [reason, place] of problems) fail(file, reason, place, 'xliff-format');
  if (problems.length) return undefined;
  return { srcLang: root.attributes.srcLang ?? '', trgLang: root.attributes.trgLang ?? undefined, place: root.position, files };
}

function readUnit(unit: Element, problem: (reason: string, node: { position?: Position | undefined } | undefined) => void): UnitIn {
  const id = unit.attributes.id ?? '';
  const notes = elements(unit, 'notes').flatMap((list) => elements(list, 'note').map((note) => ({ category: note.attributes.category ?? undefined, text: textOf(note) })));
  const source: Inline[] = [];
  let target: Inline[] | undefined = [];
  let sourcePlace: Position | undefined;
  let targetPlace: Position | undefined;
  let state = 3;
  for (const part of elements(unit).filter((child) => ['segment', 'ignorable'].includes(localName(child)))) {
    const sourceNode = elements(part, 'source')[0];
    const targetNode = elements(part, 'target')[0];
    if (!sourceNode) problem(`Unexpected \`<${localName(part)}>\` without \`<source>\` in unit \`${id}\``, part);
    sourcePlace ??= sourceNode?.position;
    targetPlace ??= targetNode?.position;
    const sourceContent = sourceNode ? readInline(sourceNode, id, problem) : [];
    source.push(...sourceContent);
    if (localName(part) === 'segment') {
      const written = part.attributes.state as SegmentState | undefined;
      state = Math.min(state, written && states.includes(written) ? states.indexOf(written) : 0);
    }
    // An ignorable part without a target stands as it is in the source (XLIFF 2.0, 4.2.2.4).
    if (targetNode) target?.push(...readInline(targetNode, id, problem));
    else if (localName(part) === 'ignorable') target?.push(...sourceContent);
    else target = undefined;
  }
  return { id, place: unit.position, notes, source, sourcePlace, target, targetPlace, state: states[state]! };
}

/** The inline content of `<source>` or `<target>`: text, `<ph>` and `<pc>` codes; `<mrk>` annotations are read through, `<cp>` is its character. */
function readInline(node: Element, unitId: string, problem: (reason: string, node: { position?: Position | undefined } | undefined) => void, depth = 0): Inline[] {
  const out: Inline[] = [];
  if (depth > maxDepth) {
    problem(`Unexpected codes nested more than ${maxDepth} deep in unit \`${unitId}\`, expected them as exported`, node);
    return out;
  }
  const push = (text: string) => {
    const last = out.at(-1);
    if (typeof last === 'string') out[out.length - 1] = last + text;
    else if (text) out.push(text);
  };
  for (const child of node.children) {
    if (child.type === 'text') push(child.value);
    else if (child.type === 'cdata') push(child.value);
    if (child.type !== 'element') continue;
    const name = localName(child);
    const id = child.attributes.id ?? '';
    if (name === 'ph') out.push({ kind: 'ph', id });
    else if (name === 'pc') out.push({ kind: 'pc', id, children: readInline(child, unitId, problem, depth + 1) });
    else if (name === 'mrk') {
      for (const piece of readInline(child, unitId, problem, depth + 1)) {
        if (typeof piece === 'string') push(piece);
        else out.push(piece);
      }
    }
    else if (name === 'cp') push(String.fromCodePoint(Number.parseInt(child.attributes.hex ?? '', 16) || 0xfffd));
    else if (name === 'sm' || name === 'em') continue;
    else problem(`Unexpected \`<${child.name}>\` in unit \`${unitId}\`, expected text with \`<ph>\` and \`<pc>\` codes as exported (a CAT tool split a \`<pc>\`?)`, child);
  }
  return out;
}

function localName(node: Element): string {
  return node.name.slice(node.name.indexOf(':') + 1);
}

function elements(parent: Element, name?: string): Element[] {
  return parent.children.filter((child): child is Element => child.type === 'element' && (name === undefined || localName(child) === name));
}

function textOf(node: Element): string {
  return node.children.map((child) => (child.type === 'text' || child.type === 'cdata' ? child.value : child.type === 'element' ? textOf(child) : '')).join('');
}
