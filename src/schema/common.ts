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

/** BCP 47 language tag such as `en`, `zh-CN` or `ar`. */
export const localeCodeSchema = z
  .string()
  .regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, {
    error: 'Expected a language tag such as `en`, `zh-CN` or `pt-BR`.',
  })
  .describe('Language tag (BCP 47), such as `en` or `zh-CN`.');

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
  .refine((value) => /^https?:\/\/[^\s/]+\.[^\s]*$/i.test(value) && URL.canParse(value), {
    error: 'Expected an absolute web address starting with `https://` or `http://`.',
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
export const maybeLocalizedTextSchema = z.union([z.string().min(1), localized(z.string().min(1))]);

export type MaybeLocalizedText = z.infer<typeof maybeLocalizedTextSchema>;
