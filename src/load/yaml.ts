/**
 * Parses a content file with the `yaml` package, keeping the document so that
 * every later message can point at the line and column of the value it is
 * about. Syntax problems become positioned messages, never exceptions.
 *
 * Most valid files are first read without positions (fast-values.ts, eight
 * times as fast); their document is made when something asks for a place,
 * which only a message about the file does.
 *
 * Every file is read as YAML 1.2 with the core schema, whatever it declares:
 * a date stays the text `2022-09-15` and `yes` stays `yes` (YAML 1.1 would
 * make them a JavaScript Date and `true`). A `%YAML` directive other than
 * 1.2, and tags beyond the core ones (`!!timestamp`, `!!binary`, `!foo` …),
 * are refused with a message rather than read differently from what the
 * author meant.
 */
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, Scalar, type Document, type Node } from 'yaml';
import type { Point, Position } from 'unist';
import type { VFile } from 'vfile';
import { findForbidden } from '../messages/characters.ts';
import { fail } from '../messages/message.ts';
import { fastValues } from './fast-values.ts';

export interface YamlSource {
  file: VFile;
  /**
   * The document, with every node's position. A file whose values were read without positions
   * (fast-values.ts) gets it on first use: only a message about the file needs it.
   */
  readonly document: Document.Parsed;
  readonly lineCounter: LineCounter;
}

/** The tags of the YAML 1.2 core schema, which change nothing a plain value would not. */
const coreTags = new Set(['str', 'int', 'float', 'bool', 'null', 'map', 'seq'].map((name) => `tag:yaml.org,2002:${name}`));

interface Positions {
  document: Document.Parsed;
  lineCounter: LineCounter;
}

/** What a source is made of, shared by its copies for other files with the same text (parse-cache.ts). */
interface Parsed {
  text: string;
  positions: Positions | undefined;
  /** The values read without positions, until validation takes them. */
  values: object | undefined;
}

const parsedOf = new WeakMap<YamlSource, Parsed>();

function withPositions(text: string): Positions {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, version: '1.2', schema: 'core', resolveKnownTags: false, logLevel: 'silent' });
  return { document, lineCounter };
}

function sourceOf(file: VFile, parsed: Parsed): YamlSource {
  const positions = () => (parsed.positions ??= withPositions(parsed.text));
  const source: YamlSource = {
    file,
    get document() {
      return positions().document;
    },
    get lineCounter() {
      return positions().lineCounter;
    },
  };
  parsedOf.set(source, parsed);
  return source;
}

/** The same source for another file with the same text: its document is made once, for both. */
export function withFile(source: YamlSource, file: VFile): YamlSource {
  const parsed = parsedOf.get(source);
  return parsed ? sourceOf(file, parsed) : { ...source, file };
}

/** The file's values, for validation: the ones read without positions (once), or the document's. */
export function takeValues(source: YamlSource, options: { maxAliasCount: number }): unknown {
  const parsed = parsedOf.get(source);
  const values = parsed?.values;
  if (parsed && values) {
    parsed.values = undefined;
    return values;
  }
  return source.document.toJS(options);
}

/** Whether the file's top-level group of keys has `key`; read from its values when they were read without positions. */
export function hasTopKey(source: YamlSource, key: string): boolean {
  const values = parsedOf.get(source)?.values;
  return values ? Object.hasOwn(values, key) : source.document.has(key);
}

export function parseYaml(file: VFile): YamlSource | undefined {
  // A file that could not be read has no value; its error is already reported.
  if (file.value === undefined) return undefined;
  const text = String(file.value);
  const fast = fastValues(text);
  if (fast) return sourceOf(file, { text, positions: undefined, values: fast.data });
  const positions = withPositions(text);
  const { document } = positions;
  const source = sourceOf(file, { text, positions, values: undefined });
  const directive = /^%YAML[ \t]+(\S*)/m.exec(text);
  if (directive && directive[1] !== '1.2') {
    const offset = directive.index;
    fail(file, `Unexpected \`%YAML ${directive[1]}\` directive, expected YAML 1.2 (content files are read as YAML 1.2, where dates and yes/no stay as written)`, placeOfRange(source, offset, offset + directive[0].length), 'yaml-feature');
    return undefined;
  }
  // Only the first syntax error: the ones after it usually follow from it.
  const error = document.errors[0];
  if (error) {
    // The parser may put the end of an error one past the end of the text (a missing closing quote).
    let [start, end] = error.pos.map((offset) => Math.min(offset, text.length)) as [number, number];
    if (error.code === 'RESOURCE_EXHAUSTION' && !/alias/i.test(error.message)) {
      // Where the parser ran out of stack depends on the machine: name the line, from its first character.
      start = end = text.lastIndexOf('\n', start - 1) + 1 + /^[ \t]*/.exec(text.slice(text.lastIndexOf('\n', start - 1) + 1))![0].length;
    }
    fail(file, yamlReason(error.code, error.message, text, start), placeOfRange(source, start, end), 'yaml-syntax');
    return undefined;
  }
  if (document.contents === null) {
    fail(file, 'The file is empty; expected YAML content', { line: 1, column: 1 }, 'file-missing', 'Write the file’s content (see docs/content-format.md), or delete the file.');
    return undefined;
  }
  return checkNodes(source) ? source : undefined;
}

/**
 * Walks every node (without recursion: nesting depth is the author's) for
 * what the parser accepts but the content must not hold: tags other than
 * the core ones, and control characters or direction overrides written as
 * escapes in double-quoted text (`"\x1b"`, `"\u202E"`), in keys or values.
 * Characters written as themselves were reported when the file was read.
 */
function checkNodes(source: YamlSource): boolean {
  let ok = true;
  const stack: unknown[] = [source.document.contents];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isPair(node)) {
      stack.push(node.value, node.key);
      continue;
    }
    if (!isScalar(node) && !isMap(node) && !isSeq(node)) continue;
    if (node.tag && !coreTags.has(node.tag)) {
      ok = false;
      const written = node.tag.replace(/^tag:yaml\.org,2002:/, '!!');
      // The node's range leaves its tag out: point at the tag when it is written as shown, just before.
      const start = node.range?.[0] ?? 0;
      const tagAt = String(source.file.value).lastIndexOf(written, start);
      const place = tagAt >= 0 && !String(source.file.value).slice(tagAt, start).includes('\n') ? placeOfRange(source, tagAt, tagAt + written.length) : placeOfNode(source, node);
      fail(source.file, `Unexpected YAML tag \`${written}\`, expected a plain value (text, list or group of keys)`, place, 'yaml-feature');
    }
    if (isScalar(node)) {
      const written = node.range ? String(source.file.value).slice(node.range[0], node.range[1]) : '';
      // Characters written as themselves were reported when the file was read; these came from escapes.
      if (node.type === Scalar.QUOTE_DOUBLE && typeof node.value === 'string' && findForbidden(written, 1).length === 0) {
        const [character] = findForbidden(node.value, 1);
        if (character) {
          ok = false;
          fail(source.file, `Unexpected ${character.kind === 'bidi' ? 'bidirectional control character' : 'control character'} ${character.name}, written as an escape in quoted text`, placeOfNode(source, node), character.kind === 'bidi' ? 'bidi-control' : 'control-character');
        }
      }
    } else {
      for (let index = node.items.length - 1; index >= 0; index--) stack.push(node.items[index]);
    }
  }
  return ok;
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
    case 'RESOURCE_EXHAUSTION':
      if (!/alias/i.test(message)) return 'Unexpected nesting: lists or groups of keys inside each other thousands of levels deep';
      return `Unexpected use of YAML aliases (${firstLine}); write the text out instead`;
    case 'ALIAS_PROPS':
    case 'BAD_ALIAS':
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
 * The place of the value at `path`, found when first read. Most places are kept for a message that never
 * comes (an id, in case a translation misses it), and finding one makes the file's document (see YamlSource).
 * For a value that exists: a missing one has no place of its own (use placeOfNode with nodeAtPath).
 */
export function placeAt(source: YamlSource, path: readonly PropertyKey[]): Position {
  let found: Position | undefined;
  const place = (): Position => {
    if (!found) {
      const at = placeOfNode(source, nodeAtPath(source, path).node);
      found = 'start' in at ? at : { start: at, end: at };
    }
    return found;
  };
  return {
    get start() {
      return place().start;
    },
    get end() {
      return place().end;
    },
  };
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
