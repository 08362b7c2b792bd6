/**
 * Parses a content file with the `yaml` package, keeping the document so that
 * every later message can point at the line and column of the value it is
 * about. Syntax problems become positioned messages, never exceptions.
 */
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { Point, Position } from 'unist';
import type { VFile } from 'vfile';
import { fail } from '../messages/message.ts';

export interface YamlSource {
  file: VFile;
  document: Document.Parsed;
  lineCounter: LineCounter;
}

export function parseYaml(file: VFile): YamlSource | undefined {
  const lineCounter = new LineCounter();
  const text = String(file.value);
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const source: YamlSource = { file, document, lineCounter };
  // Only the first syntax error: the ones after it usually follow from it.
  const error = document.errors[0];
  if (error) {
    // The parser may put the end of an error one past the end of the text (a missing closing quote).
    const [start, end] = error.pos.map((offset) => Math.min(offset, text.length)) as [number, number];
    fail(file, yamlReason(error.code, error.message, text, start), placeOfRange(source, start, end), 'yaml-syntax');
    return undefined;
  }
  if (document.contents === null) {
    fail(file, 'The file is empty; expected YAML content', { line: 1, column: 1 }, 'file-missing', 'Write the file’s content (see docs/content-format.md), or delete the file.');
    return undefined;
  }
  return source;
}

/** The YAML package's messages are for programmers; say the common ones plainly. */
function yamlReason(code: string, message: string, text: string, offset: number): string {
  const firstLine = message.split('\n')[0] ?? message;
  if (text[offset] === '\t' || (code === 'TAB_AS_INDENT')) return 'Unexpected tab character, expected spaces for indentation';
  switch (code) {
    case 'DUPLICATE_KEY':
      return 'Unexpected duplicate key: each key may appear only once in the same group';
    case 'BAD_INDENT':
    case 'MISSING_CHAR':
      return `Unexpected indentation or missing character (${firstLine})`;
    case 'ALIAS_PROPS':
    case 'BAD_ALIAS':
    case 'RESOURCE_EXHAUSTION':
      return `Unexpected use of YAML aliases (${firstLine}); write the text out instead`;
    default:
      return `Malformed YAML: ${firstLine}`;
  }
}

export function pointAt(source: YamlSource, offset: number): Point {
  const { line, col } = source.lineCounter.linePos(offset);
  return { line, column: col, offset };
}

export function placeOfRange(source: YamlSource, start: number, end: number): Position {
  return { start: pointAt(source, start), end: pointAt(source, Math.max(start, end)) };
}

export function placeOfNode(source: YamlSource, node: Node | undefined | null): Position | Point {
  if (!node?.range) return { line: 1, column: 1 };
  return placeOfRange(source, node.range[0], node.range[1]);
}

/**
 * The YAML node at `path` (keys and indexes, as Zod reports them), or the
 * deepest existing node on the way when the path ends at a missing key.
 */
export function nodeAtPath(source: YamlSource, path: readonly PropertyKey[]): { node: Node | undefined; missing: boolean } {
  let node: Node | undefined = source.document.contents ?? undefined;
  for (const key of path) {
    const next: Node | undefined = childOf(node, key);
    if (!next) return { node, missing: true };
    node = next;
  }
  return { node, missing: false };
}

/** The key node of `key` inside the map `node`, for messages about a key itself. */
export function keyNodeOf(node: Node | undefined, key: string): Node | undefined {
  if (!isMap(node)) return undefined;
  for (const pair of node.items) {
    if (isScalar(pair.key) && String(pair.key.value) === key) return pair.key;
  }
  return undefined;
}

function childOf(node: Node | undefined, key: PropertyKey): Node | undefined {
  if (isMap(node)) {
    for (const pair of node.items) {
      if (isPair(pair) && isScalar(pair.key) && String(pair.key.value) === String(key)) {
        return (pair.value as Node | null) ?? (pair.key as Node);
      }
    }
    return undefined;
  }
  if (isSeq(node) && typeof key === 'number') return (node.items[key] as Node | undefined) ?? undefined;
  return undefined;
}
