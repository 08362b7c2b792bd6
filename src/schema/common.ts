/**
 * Building blocks shared by every content schema.
 *
 * Each schema rejects unknown keys (`z.strictObject`), so a misspelt key such
 * as `sensitve` is reported instead of being ignored.
 */
import { z } from 'zod';

/** Stable identifier of a section, clause or SDK: it becomes an HTML `id` and a deep link. */
export const idSchema = z
  .string()
  .regex(/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/, {
    error: 'Expected an id in lowercase kebab-case (letters, digits, single hyphens), starting with a letter, such as `data-we-collect`.',
  })
  .describe('Stable id in kebab-case. Keep it unchanged across versions and translations: it is the deep link `#id`.');

/** The shape of a language tag the generator takes: a language, then subtags such as a script, a region or a variant. */
export const localeCodePattern = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;

/** Answers of `isValidLocale`: a site names few languages, and every file checks them again. */
const localeValidity = new Map<string, boolean>();

/** True when the JavaScript Intl APIs (dates, word breaking, language names) accept `code` as a language tag. */
export function isValidLocale(code: string): boolean {
  let valid = localeValidity.get(code);
  if (valid === undefined) {
    try {
      valid = Intl.getCanonicalLocales(code).length === 1;
    } catch {
      valid = false;
    }
    if (localeValidity.size < 1000) localeValidity.set(code, valid);
  }
  return valid;
}

/**
 * BCP 47 language tag such as `en`, `zh-CN` or `ar`. Well-formed by the
 * pattern, and valid: the Intl APIs the pages use must accept it (`en-a1`
 * has the shape, but `a1` is neither a region nor a variant).
 */
export const localeCodeSchema = z
  .string()
  .regex(localeCodePattern, {
    error: 'Expected a language tag such as `en`, `zh-CN` or `pt-BR`.',
  })
  .refine(isValidLocale, {
    error: (issue) => `Expected a valid BCP 47 language tag such as \`en\`, \`zh-CN\` or \`pt-BR\`: in \`${String(issue.input)}\`, a part after the language is neither a script, a region nor a variant`,
    params: { ruleId: 'invalid-locale' },
    abort: true,
  })
  .describe('Language tag (BCP 47), such as `en` or `zh-CN`.');

/** Text that shows nothing: empty, or only spaces, line breaks and zero-width characters. */
export function isBlank(value: string): boolean {
  return /^[\s\u200B-\u200D\u2060\uFEFF]*$/.test(value);
}

/** Text shown to readers: at least one visible character. */
export const textSchema = z
  .string()
  .min(1)
  .refine((value) => !isBlank(value), { error: 'Unexpected text of only spaces, expected words', params: { ruleId: 'blank-text' } });

/** True when `value` (YYYY-MM-DD) names a day that exists in the calendar. */
export function isRealDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** A calendar date written `YYYY-MM-DD`, checked to exist (no 2022-02-30). */
export const isoDateSchema = z
  .string({ error: 'Expected a date written YYYY-MM-DD, such as `2022-09-15`.' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'Expected a date written YYYY-MM-DD, such as `2022-09-15`.' })
  .refine(isRealDate, { error: 'This date does not exist in the calendar.' })
  .describe('A date written YYYY-MM-DD.');

/** Protocols a link in content may use. Anything else (`javascript:`, `data:`, …) is rejected. */
export const linkProtocols = ['http', 'https', 'mailto', 'tel'] as const;

/** An absolute http(s) URL, for SDK privacy-policy links. */
export const httpUrlSchema = z
  .string()
  .refine((value) => !/[{}]/.test(value), {
    error: 'Unexpected `{` or `}` in the address: variables are not filled in addresses in site.yaml and sdks.yaml, expected the address written in full',
    params: { ruleId: 'variable-syntax' },
    abort: true,
  })
  .refine((value) => /^https?:\/\/[^\s/]+\.[^\s]*$/i.test(value) && URL.canParse(value), {
    error: 'Expected an absolute web address starting with `https://` or `http://`.',
    abort: true,
  })
  // A password in a published address is a leaked password, and browsers refuse or warn on such links.
  .refine((value) => !URL.canParse(value) || (new URL(value).username === '' && new URL(value).password === ''), {
    error: 'Unexpected user name or password in the address (`user:password@`), expected an address without them',
    params: { ruleId: 'invalid-url' },
  })
  .describe('An absolute web address starting with https:// or http://.');

/**
 * Text that can differ per language: a map from language tag to text,
 * for example `{ en: Payment, zh-CN: 支付 }`.
 */
export function localized<T extends z.ZodType>(value: T) {
  return z.record(localeCodeSchema, value).describe('One value per language, keyed by language tag (`en:`, `zh-CN:` …).');
}

/** Text that is either the same in every language (a plain string) or given per language. */
export const maybeLocalizedTextSchema = z.union([textSchema, localized(textSchema)]);

export type MaybeLocalizedText = z.infer<typeof maybeLocalizedTextSchema>;
