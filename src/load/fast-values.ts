/**
 * A content file's values without positions, read with js-yaml: eight times
 * as fast as the `yaml` package's document with every node's position (0.4 s
 * against 3.2 s for the 23 MB of the largest benchmark site). A valid file
 * needs no position until something is reported about it, so the document
 * is made only then (yaml.ts).
 *
 * The two parsers must give the same values, so js-yaml's are taken only
 * where they are sure to: for everything else the file is read the usual
 * way, with its messages. A plain value (not quoted) is resolved by the
 * tests of the YAML 1.2 core schema as `yaml` implements them (`coreSchema`
 * below, not js-yaml's own, which reads `0b101` as 5 and `+.5` as text), so
 * numbers, booleans and null come out the same. Not taken (measured
 * differences, and what the usual way reports on):
 * - a byte-order mark, a `%` directive, a `!` tag, a `&` anchor (so no
 *   alias either: the usual way counts and limits them);
 * - a syntax error, a duplicate key, an empty file or one that is not a
 *   group of keys;
 * - a list or group of keys met twice (an alias; never without an anchor);
 * - a key that is empty, `null`, a number, or holds a comma, `[` or `{`
 *   (written as `~`, a list or a group, the parsers name it differently),
 *   or `__proto__`;
 * - a control or direction character in a text of a file with escapes
 *   (`"\x1b"`): the usual way says where it was written.
 *
 * tests/load/fast-values.test.ts compares both on every YAML file of the
 * example, the test sites and a synthetic site, and on each kind of plain value.
 */
import jsyaml from 'js-yaml';
import { findForbidden } from '../messages/characters.ts';

/** YAML 1.2 core schema numbers, as written plain (https://yaml.org/spec/1.2.2/#1032-tag-resolution). */
const coreNumber = /^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;

/**
 * The core schema's plain values, with the tests and conversions of `yaml` (its schema/core and
 * schema/common), in its order: null, booleans, integers (octal, decimal, hexadecimal), then floats.
 */
const scalar = (tag: string, test: RegExp, construct: (text: string) => unknown) =>
  new jsyaml.Type(`tag:yaml.org,2002:${tag}`, { kind: 'scalar', resolve: (text: string | null) => text !== null && test.test(text), construct });
const coreSchema = jsyaml.FAILSAFE_SCHEMA.extend({
  implicit: [
    // An empty value (`a:`) reaches js-yaml's types as null, and is null.
    new jsyaml.Type('tag:yaml.org,2002:null', { kind: 'scalar', resolve: (text: string | null) => text === null || /^(?:~|[Nn]ull|NULL)?$/.test(text), construct: () => null }),
    scalar('bool', /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/, (text) => text[0] === 't' || text[0] === 'T'),
    scalar('int', /^(?:0o[0-7]+|[-+]?[0-9]+|0x[0-9a-fA-F]+)$/, (text) => (text.startsWith('0o') ? parseInt(text.slice(2), 8) : text.startsWith('0x') ? parseInt(text.slice(2), 16) : parseInt(text, 10))),
    scalar('float', /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+|[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*))$/, (text) =>
      /^[-+]?\.(?:inf|Inf|INF)$/.test(text) ? (text[0] === '-' ? -Infinity : Infinity) : /^\.nan$/i.test(text) ? NaN : parseFloat(text),
    ),
  ],
});
/** Where a `!` starts a tag or a `&` an anchor: first in a value, after an indicator or a space. */
const tagOrAnchor = /(?:^|[\s[{,:?-])(?:!|&[^\s,[\]{}])/;
const otherKeys = new Set(['', 'null', 'Null', 'NULL', '~', '__proto__']);

/** The file's values, or `undefined` when they must be read with positions (see above). */
export function fastValues(text: string): { data: object } | undefined {
  if (text.charCodeAt(0) === 0xfeff || /^%/m.test(text) || tagOrAnchor.test(text)) return undefined;
  let data: unknown;
  try {
    data = jsyaml.load(text, { schema: coreSchema });
  } catch {
    return undefined;
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return undefined;
  return plain(data, text.includes('\\')) ? { data } : undefined;
}

/** Whether every value is one both parsers read alike (without recursion: nesting depth is the author's). */
function plain(root: object, escapes: boolean): boolean {
  const seen = new Set<object>();
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const value = stack.pop();
    if (value === null || typeof value === 'boolean' || typeof value === 'number') continue;
    if (typeof value === 'string') {
      if (escapes && findForbidden(value, 1).length > 0) return false;
      continue;
    }
    if (typeof value !== 'object' || seen.has(value)) return false;
    seen.add(value);
    if (Array.isArray(value)) {
      for (const item of value) stack.push(item);
      continue;
    }
    for (const [key, item] of Object.entries(value)) {
      if (otherKeys.has(key) || coreNumber.test(key) || /[,[{]/.test(key) || (escapes && findForbidden(key, 1).length > 0)) return false;
      stack.push(item);
    }
  }
  return true;
}
