/**
 * Validates a parsed YAML document against a Zod schema and turns every Zod
 * issue into a positioned message a legal editor can act on: which key, in
 * which clause, what was expected, what was found, and a "did you mean".
 * Plays the role of Starlight's `utils/error-map.ts`.
 *
 * A file that fails its schema is still checked further, as unified-engine
 * goes on past a failed file: the values at fault are set aside (an optional
 * key dropped, a list item left out, a required top-level value replaced by
 * a placeholder) and the rest is returned marked `partial`, so that one run
 * reports the problems behind the first one too. The errors already reported
 * keep the site from being built, so partial data never reaches a page.
 */
import { isMap, isScalar, isSeq, type Node } from 'yaml';
import { z } from 'zod';
import { rules, type RuleId } from '../messages/catalog.ts';
import { fail } from '../messages/message.ts';
import { closest } from '../messages/suggest.ts';
import { localeCodePattern } from '../schema/common.ts';
import { keyNodeOf, nodeAtPath, placeOfNode, takeValues, type YamlSource } from './yaml.ts';

type Issue = z.core.$ZodIssue;

/** Longer lists of allowed keys (the interface words have about 70) are not spelt out in a message. */
const maxListed = 12;

/** Aliases (`*name`) allowed per file: enough for any real content, far too few for an alias bomb. */
const maxAliasCount = 50;

/** Rounds of setting values aside before giving up on a file. */
const maxSalvageRounds = 8;

export interface Validated<T> {
  data: T;
  /** Some values failed the schema and were set aside: the data is good for further checks, never for a page. */
  partial: boolean;
}

/**
 * Values for required top-level keys that cannot simply be left out when they
 * fail (a site without `baseUrl` cannot be checked further): a value, or a
 * function of the file's other values.
 */
export type Placeholders = Readonly<Record<string, unknown>>;

export function validate<S extends z.ZodType>(source: YamlSource, schema: S, placeholders: Placeholders = {}): Validated<z.output<S>> | undefined {
  let input: unknown;
  try {
    input = takeValues(source, { maxAliasCount });
  } catch {
    fail(source.file, `Unexpected use of YAML aliases (\`*name\`): the file expands to too much content (more than ${maxAliasCount} aliases)`, { line: 1, column: 1 }, 'yaml-syntax', 'Write the text out instead of repeating it with `&anchor` and `*alias`.');
    return undefined;
  }
  let result = schema.safeParse(input);
  if (result.success) return { data: result.data, partial: false };
  for (const issue of result.error.issues) report(source, schema, issue);
  for (let round = 0; round < maxSalvageRounds && !result.success; round++) {
    if (!setAside(input, schema, result.error.issues, placeholders)) return undefined;
    result = schema.safeParse(input);
  }
  return result.success ? { data: result.data, partial: true } : undefined;
}

/**
 * Sets aside the values behind `issues`, in place: unknown keys and failed
 * optional keys are dropped, a failed required key takes its top-level
 * placeholder, or else the nearest list item holding it is left out.
 * Returns false when nothing could be set aside.
 */
function setAside(input: unknown, schema: z.ZodType, issues: readonly Issue[], placeholders: Placeholders): boolean {
  let changed = false;
  const dropped = new Map<unknown[], Set<number>>();
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      const owner = valueAt(input, issue.path);
      if (owner && typeof owner === 'object') for (const key of issue.keys) changed = delete (owner as Record<string, unknown>)[key] || changed;
      continue;
    }
    for (let end = issue.path.length; end > 0; end--) {
      const key = issue.path[end - 1]!;
      const parentPath = issue.path.slice(0, end - 1);
      const parent = valueAt(input, parentPath);
      if (Array.isArray(parent) && typeof key === 'number') {
        const set = dropped.get(parent) ?? new Set<number>();
        dropped.set(parent, set.add(key));
        changed = true;
        break;
      }
      if (!parent || typeof parent !== 'object') continue;
      const owner = parent as Record<string, unknown>;
      if (!Object.hasOwn(owner, String(key)) && parentPath.length > 0) continue;
      if (parentPath.length === 0 && Object.hasOwn(placeholders, String(key))) {
        const placeholder = placeholders[String(key)];
        owner[String(key)] = typeof placeholder === 'function' ? placeholder(owner) : structuredClone(placeholder);
        changed = true;
        break;
      }
      if (isOptional(schemaAtPath(schema, parentPath), String(key))) {
        changed = delete owner[String(key)] || changed;
        break;
      }
    }
  }
  for (const [list, indexes] of dropped) {
    const kept = list.filter((_, index) => !indexes.has(index));
    list.splice(0, list.length, ...kept);
  }
  return changed;
}

/** Whether `key` may be left out of an object of `schema` (optional, defaulted, or any key of a record). */
function isOptional(schema: z.ZodType | undefined, key: string): boolean {
  if (schema instanceof z.ZodRecord) return true;
  if (!(schema instanceof z.ZodObject)) return false;
  const field = (schema.shape as Record<string, z.ZodType>)[key];
  return field === undefined || field instanceof z.ZodOptional || field instanceof z.ZodDefault;
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let current = input;
  for (const key of path) current = current && typeof current === 'object' ? (current as Record<PropertyKey, unknown>)[key] : undefined;
  return current;
}

function report(source: YamlSource, schema: z.ZodType, issue: Issue): void {
  const path = issue.path;
  const where = contextOf(source, path);
  const { node, missing } = nodeAtPath(source, path);

  switch (issue.code) {
    case 'unrecognized_keys': {
      const allowed = objectKeys(schemaAtPath(schema, path));
      for (const key of issue.keys) {
        const suggestion = closest(key, allowed);
        fail(
          source.file,
          `Unknown key \`${key}\`${where}, expected ${allowed.length > maxListed ? `one of the ${allowed.length} keys its JSON Schema lists` : `one of ${list(allowed)}`}${suggestion ? `. Did you mean \`${suggestion}\`?` : ''}`,
          placeOfNode(source, keyNodeOf(node, key) ?? node),
          'unknown-key',
        );
      }
      return;
    }
    case 'invalid_type': {
      const key = String(path.at(-1) ?? '');
      if (missing) {
        fail(source.file, `Missing key \`${key}\`${where}, expected ${kindOfExpected(issue.expected)}`, placeOfNode(source, node), 'missing-key');
      } else {
        fail(source.file, `Unexpected ${describeNode(node)} for \`${key}\`${where}, expected ${kindOfExpected(issue.expected)}`, placeOfNode(source, node), 'wrong-type');
      }
      return;
    }
    case 'invalid_value': {
      const found = isScalar(node) ? String(node.value) : describeNode(node);
      const options = issue.values.map(String);
      const suggestion = closest(found, options);
      fail(
        source.file,
        `Unexpected \`${found}\`${where}, expected ${list(options)}${suggestion ? `. Did you mean \`${suggestion}\`?` : ''}`,
        placeOfNode(source, node),
        'invalid-value',
      );
      return;
    }
    case 'invalid_key': {
      const key = String(path.at(-1) ?? '');
      const parent = nodeAtPath(source, path.slice(0, -1)).node;
      const inner = issue.issues[0];
      const reason = inner?.message ?? 'This key is not allowed here.';
      fail(source.file, `Unexpected key \`${key}\`${where}: ${reason}`, placeOfNode(source, keyNodeOf(parent, key) ?? parent), (inner && ruleOfIssue(inner)) ?? ruleForKey(path));
      return;
    }
    case 'invalid_union': {
      // The option of the kind written (text, or one text per language) says what is wrong with it.
      const sameKind = issue.errors.find((issues) => issues.length > 0 && issues.every((inner) => inner.code !== 'invalid_type'));
      if (sameKind) {
        for (const inner of sameKind) report(source, schema, { ...inner, path: [...path, ...inner.path] } as Issue);
        return;
      }
      const options = unionOptions(schemaAtPath(schema, path));
      const key = path.at(-1);
      fail(source.file, `Unexpected ${describeNode(node)}${typeof key === 'string' ? ` for \`${key}\`` : ''}${where}, expected ${options.join(' or ')}`, placeOfNode(source, node), 'wrong-type');
      return;
    }
    case 'too_small': {
      const reason = issue.origin === 'array' ? `Expected at least ${issue.minimum} item in this list${where}` : `Unexpected empty value${where}, expected text`;
      fail(source.file, reason, placeOfNode(source, node), 'missing-key', 'Write the missing content, or remove the key.');
      return;
    }
    default: {
      const ruleId = ruleOfIssue(issue) ?? ruleForKey(path);
      const params = issue.code === 'custom' ? (issue.params as { atKey?: boolean } | undefined) : undefined;
      if (params?.atKey) {
        const key = String(path.at(-1) ?? '');
        const parent = nodeAtPath(source, path.slice(0, -1)).node;
        fail(source.file, issue.message, placeOfNode(source, keyNodeOf(parent, key) ?? node), ruleId);
        return;
      }
      const reason = ruleId === 'blank-text' ? `${issue.message.replace(/, expected words$/, '')} for \`${String(path.findLast((key) => typeof key === 'string') ?? '')}\`${where}, expected words` : `${issue.message.replace(/\.$/, '')}${where}: found ${describeNode(node)}`;
      fail(source.file, reason, placeOfNode(source, node), ruleId);
    }
  }
}

/** A rule named by the schema itself (`params: { ruleId }` on a refinement), or implied by the check that failed. */
function ruleOfIssue(issue: Issue): RuleId | undefined {
  if (issue.code === 'custom') {
    const ruleId = (issue.params as { ruleId?: string } | undefined)?.ruleId;
    if (ruleId && Object.hasOwn(rules, ruleId)) return ruleId as RuleId;
  }
  if (issue.code === 'invalid_format' && issue.format === 'regex' && issue.pattern === String(localeCodePattern)) return 'invalid-locale';
  return undefined;
}

/** The rule for a format problem, from the key it concerns. */
function ruleForKey(path: readonly PropertyKey[]): RuleId {
  const key = String(path.at(-1) ?? '');
  if (key === 'id' || path.at(-2) === 'sdks') return 'invalid-id';
  if (key === 'published' || key === 'effective') return 'invalid-date';
  if (key === 'privacyPolicy' || key === 'baseUrl') return 'invalid-url';
  if (key === 'sourceLocale' || key === 'governingLocale') return 'unknown-locale';
  return 'invalid-value';
}

/** What an item of each list is called in a message. */
const nouns: Record<string, string> = { sections: 'section', clauses: 'clause', sdks: 'SDK', dataItems: 'data item', functions: 'function', purposes: 'purpose', permissions: 'permission', processing: 'processing row', recipients: 'recipient' };

/** " in clause `registration`" — the nearest enclosing item that has an id. */
function contextOf(source: YamlSource, path: readonly PropertyKey[]): string {
  for (let end = path.length; end > 0; end--) {
    const collection = path[end - 2];
    const index = path[end - 1];
    if (typeof index !== 'number' || typeof collection !== 'string') continue;
    const item = nodeAtPath(source, path.slice(0, end)).node;
    // A value in a list of plain values (an id in `data:`) is named by the item holding the list.
    if (!isMap(item) && path.slice(0, end - 2).some((key) => typeof key === 'number')) continue;
    const id = isMap(item) ? item.get('id') : undefined;
    const noun = nouns[collection];
    if (typeof id === 'string') return ` in ${noun ?? 'item'} \`${id}\``;
    return noun ? ` in ${noun} number ${index + 1}` : ` in item ${index + 1} of \`${collection}\``;
  }
  return '';
}

/** What the editor wrote, as a noun phrase: "list", "text `foo`", "empty value". */
function describeNode(node: Node | undefined): string {
  if (isMap(node)) return 'group of keys';
  if (isSeq(node)) return 'list';
  if (isScalar(node)) {
    if (node.value === null) return 'empty value';
    if (typeof node.value === 'string') return `text \`${node.value.length > 40 ? `${node.value.slice(0, 40)}…` : node.value}\``;
    return `${typeof node.value} \`${String(node.value)}\``;
  }
  return 'empty value';
}

function kindOfExpected(expected: string): string {
  switch (expected) {
    case 'string':
      return 'text';
    case 'array':
      return 'a list (lines starting with `- `)';
    case 'object':
    case 'record':
      return 'a group of keys';
    case 'boolean':
      return '`true` or `false`';
    case 'number':
      return 'a number';
    default:
      return expected;
  }
}

function list(values: readonly string[]): string {
  return values.map((value) => `\`${value}\``).join(', ');
}


/** Walks a schema along a data path, unwrapping optional, default and union wrappers. */
function schemaAtPath(schema: z.ZodType, path: readonly PropertyKey[]): z.ZodType | undefined {
  let current: z.ZodType | undefined = schema;
  for (const key of path) {
    current = unwrap(current);
    if (current instanceof z.ZodObject) current = (current.shape as Record<string, z.ZodType>)[String(key)];
    else if (current instanceof z.ZodArray) current = current.element as z.ZodType;
    else if (current instanceof z.ZodRecord) current = current.valueType as z.ZodType;
    else if (current instanceof z.ZodUnion) {
      const options = current.options as readonly z.ZodType[];
      current = options.map((option) => schemaAtPath(option, [key])).find(Boolean);
    } else return undefined;
  }
  return unwrap(current);
}

function unwrap(schema: z.ZodType | undefined): z.ZodType | undefined {
  let current = schema;
  while (current instanceof z.ZodOptional || current instanceof z.ZodDefault) current = current.unwrap() as z.ZodType;
  return current;
}

function objectKeys(schema: z.ZodType | undefined): string[] {
  return schema instanceof z.ZodObject ? Object.keys(schema.shape).filter((key) => key !== '$schema') : [];
}

function unionOptions(schema: z.ZodType | undefined): string[] {
  if (!(schema instanceof z.ZodUnion)) return ['another kind of value'];
  return (schema.options as readonly z.ZodType[]).map((option) => {
    const inner = unwrap(option);
    if (inner instanceof z.ZodLiteral) return `\`${String(inner.value)}\``;
    if (inner instanceof z.ZodArray) return 'a list';
    if (inner instanceof z.ZodRecord) return 'one value per language (`en: …`)';
    if (inner instanceof z.ZodString) return 'text';
    if (inner instanceof z.ZodObject) return 'a group of keys';
    return 'another kind of value';
  });
}
