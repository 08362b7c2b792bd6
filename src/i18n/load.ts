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
import type { Parsed } from '../load/parsed.ts';
import { uiStringsSchema, type UiStringsInput } from '../schema/ui.ts';
import { checkUiMessages, uiProblems } from './check.ts';
import type { UiSources } from './resolve.ts';

/** The folder of the shipped interface words. */
export const shippedStringsDir = fileURLToPath(new URL('./strings/', import.meta.url));

/** Parses, validates and checks one interface-words file for `locale`. */
export function parseUiFile(file: VFile, locale: string): Parsed<UiStringsInput> | undefined {
  const source = parseYaml(file);
  if (!source) return undefined;
  const validated = validate(source, uiStringsSchema);
  if (validated === undefined) return undefined;
  const data = validated.data as UiStringsInput;
  checkUiMessages(source, data, locale);
  return { data, source, partial: validated.partial };
}

interface Shipped {
  strings: Map<string, UiStringsInput>;
  /** Shipped files with problems (a bug in the generator), reported like content files. */
  files: VFile[];
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
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
      const locale = path.basename(name, '.json');
      const text = await readFile(full, 'utf8');
      // Shipped files are checked by the tests: read them the fast way, and with positions only when one has a problem.
      const quick = uiStringsSchema.safeParse(parseJson(text));
      if (quick.success && uiProblems(quick.data as UiStringsInput, locale).length === 0) {
        strings.set(locale, quick.data as UiStringsInput);
        continue;
      }
      const file = new VFile({ path: full, value: text });
      files.push(file);
      const parsed = parseUiFile(file, locale);
      if (parsed) strings.set(locale, parsed.data);
    }
    return { strings, files };
  })();
  return shipped;
}

/** The shipped words and the site's content/ui files (`files` by language tag, as read.ts found them). */
export async function loadUiSources(files: ReadonlyMap<string, VFile>): Promise<{ sources: UiSources; files: VFile[] }> {
  const { strings, files: shippedFiles } = await loadShippedStrings();
  const content = new Map<string, Parsed<UiStringsInput>>();
  const failed = new Set<string>();
  for (const [locale, file] of files) {
    const parsed = parseUiFile(file, locale);
    if (parsed) content.set(locale, parsed);
    // A file with errors of its own is not also reported for the words those errors set aside.
    if (!parsed || parsed.partial) failed.add(locale);
  }
  return { sources: { shipped: strings, content, failed }, files: shippedFiles };
}
