/**
 * Freezing variable values at publication: the values of the variables a
 * record uses, written beside it (variables.yaml, or variables.<locale>.yaml
 * for a translation published later), so that a later change to site.yaml
 * never changes a published text.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { stringify } from 'yaml';
import type { VFile } from 'vfile';
import { variablePattern } from '../markdown/variables.ts';
import { frozenValuesFile } from '../schema/frozen-values.ts';

/** Names of the variables the files use (comments included: a name mentioned there is frozen too, harmlessly). */
export function usedVariables(files: Iterable<VFile>): Set<string> {
  const names = new Set<string>();
  for (const file of files) for (const match of String(file.value ?? '').matchAll(variablePattern)) names.add(match[1]!);
  return names;
}

/** Writes the frozen values; `annexLocale` for a translation published after its version. */
export async function writeFrozenValues(dir: string, values: Record<string, Record<string, string>>, annexLocale?: string): Promise<string> {
  const file = path.join(dir, frozenValuesFile(annexLocale));
  const header = [
    '# yaml-language-server: $schema=../../../schemas/frozen-values.schema.json',
    '# Written by `npm run publish-version`: the variable values this record was published with.',
    '# The build fills this version’s {{variables}} from here, never from site.yaml. Do not edit.',
    '',
  ].join('\n');
  await writeFile(file, header + stringify({ values }, { lineWidth: 0, aliasDuplicateObjects: false }));
  return file;
}

/** The values of `names` per language, from site.yaml's resolved values. */
export function pickValues(siteValues: ReadonlyMap<string, Record<string, string>>, locales: readonly string[], names: ReadonlySet<string>): Record<string, Record<string, string>> {
  return Object.fromEntries(
    locales.map((locale) => {
      const all = siteValues.get(locale) ?? {};
      return [locale, Object.fromEntries([...names].filter((name) => Object.hasOwn(all, name)).sort().map((name) => [name, all[name]!]))];
    }),
  );
}
