/**
 * Loading interface words: the ones that ship (src/i18n/strings/<locale>.json,
 * one file per language, found by listing the folder, so a shipped language
 * is one new file) and a site's own (content/ui/<locale>.yaml). Both are
 * parsed with positions (JSON is YAML), validated by the same schema and
 * checked message by message; src/i18n/resolve.ts then merges them per
 * site language.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { VFile } from 'vfile';
import { validate } from '../load/validate.ts';
import { parseYaml } from '../load/yaml.ts';
import type { Parsed } from '../model/build.ts';
import { uiStringsSchema, type UiStringsInput } from '../schema/ui.ts';
import { checkUiMessages } from './check.ts';
import type { UiSources } from './resolve.ts';

/** The folder of the shipped interface words. */
export const shippedStringsDir = fileURLToPath(new URL('./strings/', import.meta.url));

/** Parses, validates and checks one interface-words file for `locale`. */
export function parseUiFile(file: VFile, locale: string): Parsed<UiStringsInput> | undefined {
  const source = parseYaml(file);
  if (!source) return undefined;
  const data = validate(source, uiStringsSchema) as UiStringsInput | undefined;
  if (data === undefined) return undefined;
  checkUiMessages(source, data, locale);
  return { data, source };
}

interface Shipped {
  strings: Map<string, UiStringsInput>;
  /** The shipped files; any with messages is a bug in the generator, reported like a content file. */
  files: VFile[];
}

let shipped: Promise<Shipped> | undefined;

/** The shipped interface words, read once per process (they do not change while it runs). */
export function loadShippedStrings(): Promise<Shipped> {
  shipped ??= (async () => {
    const names = (await readdir(shippedStringsDir)).filter((name) => name.endsWith('.json')).sort();
    const strings = new Map<string, UiStringsInput>();
    const files: VFile[] = [];
    for (const name of names) {
      const full = path.join(shippedStringsDir, name);
      const file = new VFile({ path: full, value: await readFile(full, 'utf8') });
      files.push(file);
      const parsed = parseUiFile(file, path.basename(name, '.json'));
      if (parsed) strings.set(path.basename(name, '.json'), parsed.data);
    }
    return { strings, files };
  })();
  return shipped;
}

/** The shipped words and the site's content/ui files (`files` by language tag, as read.ts found them). */
export async function loadUiSources(files: ReadonlyMap<string, VFile>): Promise<{ sources: UiSources; files: VFile[] }> {
  const { strings, files: shippedFiles } = await loadShippedStrings();
  const content = new Map<string, Parsed<UiStringsInput>>();
  for (const [locale, file] of files) {
    const parsed = parseUiFile(file, locale);
    if (parsed) content.set(locale, parsed);
  }
  return { sources: { shipped: strings, content }, files: shippedFiles.filter((file) => file.messages.length > 0) };
}
