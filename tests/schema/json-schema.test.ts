/**
 * The JSON Schema files editors and app developers use are generated from the
 * Zod schemas: they must be up to date, reject unknown keys in every object,
 * and be named by every content file.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentSchemaNames, jsonSchemaFileName, jsonSchemaFor, manifestJsonSchema } from '../../src/schema/json-schema.ts';
import { exampleContent, minimalSite } from '../helpers/content.ts';
import { projectRoot } from '../helpers/build.ts';

const schemasDir = path.join(projectRoot, 'schemas');

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.yaml'))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

function expectedSchemaOf(file: string): string {
  const name = path.basename(file);
  if (name === 'site.yaml') return 'site';
  if (name === 'version.yaml') return 'version';
  if (name === 'sdks.yaml') return 'sdks';
  if (name === 'inventory.yaml') return 'inventory';
  if (name === 'translations.yaml') return 'translations';
  if (name === 'notice.yaml') return 'notice';
  if (name === 'versions.lock.yaml') return 'versions-lock';
  if (name === 'declarations.yaml') return 'declarations';
  if (/^variables(\.[^.]+)?\.yaml$/.test(name)) return 'frozen-values';
  if (path.basename(path.dirname(file)) === 'ui') return 'ui';
  return 'policy-text';
}

/** Every object schema in a JSON Schema document, with its path. */
function objectsOf(node: unknown, at = '#'): { at: string; schema: Record<string, unknown> }[] {
  if (Array.isArray(node)) return node.flatMap((item, index) => objectsOf(item, `${at}/${index}`));
  if (typeof node !== 'object' || node === null) return [];
  const schema = node as Record<string, unknown>;
  const own = schema['type'] === 'object' ? [{ at, schema }] : [];
  return [...own, ...Object.entries(schema).flatMap(([key, value]) => objectsOf(value, `${at}/${key}`))];
}

const allSchemas = [...contentSchemaNames.map((name) => ({ file: jsonSchemaFileName(name), text: () => jsonSchemaFor(name) })), { file: 'policies.schema.json', text: manifestJsonSchema }];

describe('JSON Schema', () => {
  it.each(allSchemas)('schemas/$file is up to date (run `npm run schemas`)', ({ file, text }) => {
    expect(readFileSync(path.join(schemasDir, file), 'utf8')).toBe(text());
  });

  it('covers every schema file in schemas/', () => {
    expect(readdirSync(schemasDir).sort()).toEqual(allSchemas.map(({ file }) => file).sort());
  });

  it.each(allSchemas)('schemas/$file rejects unknown keys in every object', ({ text }) => {
    const objects = objectsOf(JSON.parse(text()));
    expect(objects.length).toBeGreaterThan(0);
    for (const { at, schema } of objects) {
      // An object with named keys allows no others; a map (a record, keyed by id or language) says what its values are.
      if (schema['properties']) expect(schema['additionalProperties'], at).toBe(false);
      else expect(schema['additionalProperties'], at).toEqual(expect.objectContaining({}));
    }
  });

  it('names the allowed flags of a clause', () => {
    const clause = JSON.parse(jsonSchemaFor('policy-text')).properties.sections.items.properties.clauses.items;
    expect(clause.properties.flag.enum).toEqual(['sensitive', 'important']);
  });

  it.each([exampleContent, minimalSite])('every content file in %s names its schema on the first line', (dir) => {
    const files = yamlFiles(dir);
    expect(files.length).toBeGreaterThan(3);
    for (const file of files) {
      const firstLine = readFileSync(file, 'utf8').split('\n')[0]!;
      const match = /^# yaml-language-server: \$schema=(\S+)$/.exec(firstLine);
      expect(match, file).not.toBeNull();
      expect(path.resolve(path.dirname(file), match![1]!)).toBe(path.join(schemasDir, jsonSchemaFileName(expectedSchemaOf(file) as never)));
    }
  });
});

describe('the editor documentation', () => {
  it('explains every rule a message can name', async () => {
    const { rules } = await import('../../src/messages/catalog.ts');
    const doc = readFileSync(path.join(projectRoot, 'docs/content-format.md'), 'utf8');
    for (const rule of Object.keys(rules)) expect(doc, rule).toContain(`| \`${rule}\` |`);
  });
});
