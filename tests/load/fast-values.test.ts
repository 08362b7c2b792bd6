/**
 * Values read without positions (src/load/fast-values.ts) must be the values
 * the `yaml` document gives: compared on every YAML file of the example, the
 * test sites and a synthetic site, and refused wherever the two parsers are
 * known to differ; plain values are resolved as `yaml` resolves them. A file read that way still gets exact places in its
 * messages: its document is made when a message needs it.
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { VFile } from 'vfile';
import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { generateSite } from '../../src/bench/synthetic.ts';
import { fastValues } from '../../src/load/fast-values.ts';
import { parseYaml, placeAt } from '../../src/load/yaml.ts';
import { projectRoot } from '../../src/cli/args.ts';
import { fixturesDir } from '../helpers/content.ts';

const withPositions = (text: string) => parseDocument(text, { uniqueKeys: true, version: '1.2', schema: 'core', resolveKnownTags: false, logLevel: 'silent' });

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.yaml'))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

describe('values read without positions', () => {
  it('equal the document’s values in every YAML file of the example, the test sites and a synthetic site', async () => {
    const synthetic = mkdtempSync(path.join(tmpdir(), 'fast-values-'));
    await generateSite(synthetic, { documents: 2, versions: 3, locales: 3 });
    const files = [...yamlFiles(path.join(projectRoot, 'content')), ...yamlFiles(fixturesDir), ...yamlFiles(synthetic)];
    let fast = 0;
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const values = fastValues(text);
      if (!values) continue;
      fast++;
      const document = withPositions(text);
      expect(document.errors, file).toEqual([]);
      expect(values.data, file).toEqual(document.toJS());
    }
    // Most files are read the fast way: the comparison above is not about a handful.
    expect(fast).toBeGreaterThan(files.length / 2);
    for (const file of yamlFiles(path.join(projectRoot, 'content/privacy'))) {
      if (/\/(en|zh-CN)\.yaml$/.test(file)) expect(fastValues(readFileSync(file, 'utf8')), file).toBeDefined();
    }
  });

  it.each([
    ['a null key', '~: x\n'],
    ['a key written as null', 'null: x\n'],
    ['a list as a key', '? [a, b]\n: x\n'],
    ['a number as a key', '1.0: x\n'],
    ['a tag', 'a: !!str x\n'],
    ['an unknown tag', 'a: !secret x\n'],
    ['a YAML directive', '%YAML 1.1\n---\na: x\n'],
    ['a byte-order mark', '\uFEFFa: x\n'],
    ['an alias of a list', 'a: &list [x]\nb: *list\n'],
    ['an alias of a text', 'a: &name x\nb: *name\n'],
    ['a control character written as an escape', 'a: "x\\u001by"\n'],
    ['a direction override written as an escape', 'a: "x\\u202Ey"\n'],
    ['a duplicate key', 'a: x\na: y\n'],
    ['a syntax error', 'a: "x\n'],
    ['an empty file', ''],
    ['a list at the top', '- a\n'],
    ['__proto__', '__proto__: x\n'],
  ])('are refused for %s', (_, text) => {
    expect(fastValues(text)).toBeUndefined();
  });

  // Plain values that js-yaml's own core schema reads otherwise than `yaml` (0b101, +.5, 1_000, .NaN…), and
  // their neighbours: each must come out as the document's value, of the same type.
  it.each(['0b101', '+.5', '.5', '1.', '12', '"12"', "'12'", '+12', '-0', '012', '0o17', '0o8', '0x1F', '0X1F', '1_000', '1e3', '1E+3', '-1.5e-3', '1e', '.inf', '-.Inf', '+.INF', '.nan', '.NaN', '.NAN', '.nAn', 'inf', '12345678901234567890', '0.10', '1:20', '2001-12-14', 'true', 'True', 'TRUE', 'tRue', 'yes', 'on', 'off', 'y', '~', 'null', 'Null', 'NULL', 'nULL', '', '"~"', '1 2', '>-\n  12', '|\n  true'])(
    'are the document’s for the plain value %j',
    (value) => {
      const text = `a: ${value}\nb: [${value.includes('\n') ? 'x' : value}]\n`;
      const values = fastValues(text);
      expect(values).toBeDefined();
      expect(values!.data).toEqual(withPositions(text).toJS());
      expect(typeof (values!.data as { a: unknown }).a).toBe(typeof withPositions(text).toJS().a);
    },
  );

  it('are taken for plain text, lists, groups of keys, booleans and null', () => {
    expect(fastValues('a: x\nb: [y, "z"]\nc: {d: true, e: ~}\nf: |\n  line one\n  line two\n')).toEqual({ data: { a: 'x', b: ['y', 'z'], c: { d: true, e: null }, f: 'line one\nline two\n' } });
  });

  it('a file read without positions still has exact places once a message asks', () => {
    const text = 'title: Privacy\nsections:\n  - id: intro\n    clauses:\n      - id: first\n        text: |\n          Hello.\n';
    expect(fastValues(text)).toBeDefined();
    const source = parseYaml(new VFile({ path: 'en.yaml', value: text }))!;
    const place = placeAt(source, ['sections', 0, 'clauses', 0, 'id']);
    expect(place.start).toMatchObject({ line: 5, column: 13 });
    expect(place.end).toMatchObject({ line: 5, column: 18 });
  });
});
