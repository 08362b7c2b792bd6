/** Values written once for all languages or once per language, and `{{variables}}` in plain text. */
import type { Parsed, ParsedVersion } from '../load/parsed.ts';
import { nodeAtPath, placeOfNode, type YamlSource } from '../load/yaml.ts';
import { replaceVariables, undefinedVariableReason } from '../markdown/variables.ts';
import { fail } from '../messages/message.ts';
import type { MaybeLocalizedText } from '../schema/common.ts';
import type { SiteConfig } from '../schema/site.ts';

/** Replaces variables in a plain-text value (a title, an SDK field); unknown names are errors. */
export function plainText(source: YamlSource, value: string, path: PropertyKey[], variables: Record<string, string>): string {
  const result = replaceVariables(value, variables);
  for (const { name } of result.missing) {
    fail(source.file, undefinedVariableReason(name, variables), placeOfNode(source, nodeAtPath(source, path).node), 'undefined-variable');
  }
  return result.value;
}

/** The value for `locale` of a text that is either the same in every language or given per language. */
export function localizedValue(parsed: Parsed<unknown>, path: PropertyKey[], value: MaybeLocalizedText, locale: string): string {
  if (typeof value === 'string') return value;
  const found = value[locale];
  if (found === undefined) {
    fail(parsed.source.file, `Missing \`${locale}:\` value for \`${String(path.at(-1))}\`: give it in every language, or write one text for all`, placeOfNode(parsed.source, nodeAtPath(parsed.source, path).node), 'missing-translation', `Add a line \`${locale}: …\`.`);
    return '';
  }
  return found;
}

export function resolveVariables(site: Parsed<SiteConfig>, locale: string): Record<string, string> {
  return Object.fromEntries(Object.entries(site.data.variables).map(([name, value]) => [name, localizedValue(site, ['variables', name], value, locale)]));
}

/**
 * The variable values a version's text in `locale` is filled with: those
 * frozen at publication for a published record, site.yaml's for a draft or
 * an unpublished record.
 */
export function valuesFor(version: ParsedVersion, locale: string, siteValues: ReadonlyMap<string, Record<string, string>>): Record<string, string> {
  if (version.publication?.locales.includes(locale)) {
    const frozen: Record<string, string> = {};
    for (const file of version.frozen) Object.assign(frozen, file.data.values[locale]);
    return frozen;
  }
  return siteValues.get(locale) ?? {};
}
