/** Values written once for all languages or once per language, and `{{variables}}` in plain text. */
import { fail } from '../messages/message.ts';
import { nodeAtPath, placeOfNode, type YamlSource } from '../load/yaml.ts';
import { replaceVariables, tooLongReason, undefinedVariableReason } from '../markdown/variables.ts';
import type { MaybeLocalizedText } from '../schema/common.ts';
import type { SiteConfig } from '../schema/site.ts';
import type { Parsed, ParsedVersion } from '../load/parsed.ts';

/**
 * Replaces variables in a plain-text value (the site name, a title, a
 * summary, an SDK field); unknown names, placeholders written incorrectly
 * and text that would grow too long are errors.
 */
export function plainText(source: YamlSource, value: string, path: PropertyKey[], variables: Readonly<Record<string, string>>): string {
  const result = replaceVariables(value, variables);
  if (result.missing.length === 0 && result.malformed.length === 0 && !result.tooLong) return result.value;
  const place = placeOfNode(source, nodeAtPath(source, path).node);
  for (const { name } of result.missing) fail(source.file, undefinedVariableReason(name, variables), place, 'undefined-variable');
  for (const { reason } of result.malformed) fail(source.file, reason, place, 'variable-syntax');
  if (result.tooLong) fail(source.file, tooLongReason, place, 'text-too-long');
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

/**
 * Each variable's value in `locale`. Values are not filled in themselves, so
 * a placeholder inside a value would be published as written: it is an error.
 */
export function resolveVariables(site: Parsed<SiteConfig>, locale: string): Record<string, string> {
  return Object.fromEntries(
    Object.entries(site.data.variables).map(([name, value]) => {
      const resolved = localizedValue(site, ['variables', name], value, locale);
      const path = typeof value === 'string' ? ['variables', name] : ['variables', name, locale];
      const found = replaceVariables(resolved, {});
      for (const { written } of [...found.missing.map(({ name: inner }) => ({ written: `{{${inner}}}` })), ...found.malformed]) {
        fail(site.source.file, `Unexpected \`${written}\` in the value of variable \`${name}\`: a value is used as written, never filled in`, placeOfNode(site.source, nodeAtPath(site.source, path).node), 'variable-syntax', 'Write the value out in full (variables cannot refer to other variables).');
      }
      return [name, resolved];
    }),
  );
}

/** The site's name and the language's own name in `locale`, with variables filled in. */
export function localeTexts(site: Parsed<SiteConfig>, locale: string, variables: Readonly<Record<string, string>>): { siteName: string; name: string } {
  const { name } = site.data;
  const siteName = localizedValue(site, ['name'], name, locale);
  return {
    siteName: plainText(site.source, siteName, typeof name === 'string' ? ['name'] : ['name', locale], variables),
    name: plainText(site.source, site.data.locales[locale]?.name ?? locale, ['locales', locale, 'name'], variables),
  };
}

/** A version's summary in each language, with variables filled in. */
export function localizedSummary(source: YamlSource, summary: Readonly<Record<string, string>>, variables: ReadonlyMap<string, Readonly<Record<string, string>>>): Record<string, string> {
  return Object.fromEntries(Object.entries(summary).map(([locale, text]) => [locale, plainText(source, text, ['summary', locale], variables.get(locale) ?? {})]));
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
