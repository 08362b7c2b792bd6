/**
 * Interface words behind `t(key, values)`. Components hold no words of their
 * own: they ask the site model for the words of their page's language,
 * resolved once per build from the shipped strings (src/i18n/strings/) and
 * the site's content/ui/ files (src/i18n/resolve.ts), so a legal team's
 * overrides reach every page.
 *
 *     const t = useTranslations(site, locale);
 *     t('toc.heading');                                       // "Contents"
 *     t('changes.unchangedClauses', { count: 1 });            // "1 unchanged clause"
 */
import type { SiteModel } from '../model/types.ts';
import { kept } from './kept.ts';
import { translator, type Translate } from './translate.ts';

export type { PluralKey, TextKey, UiKey, UiMessages } from './messages.ts';
export type { MessagePart, Translate, Values } from './translate.ts';

/** `t()` for `locale` with the site's resolved words. */
export function useTranslations(site: Pick<SiteModel, 'ui'>, locale: string): Translate {
  const messages = site.ui[locale];
  // The build checks that every site language has every word; this is a bug in a page, not in content.
  if (!messages) throw new Error(`No interface words for language "${locale}" in the site model.`);
  return translator(locale, messages);
}

/** Intl formatters are slow to make and cheap to use: one per language, kept. */
const dateFormats = new Map<string, Intl.DateTimeFormat>();
const languageNames = new Map<string, Intl.DisplayNames>();
const listFormats = new Map<string, Intl.ListFormat>();

/** A date (YYYY-MM-DD) written the way `locale` writes dates, such as "September 15, 2022" or "2022年9月15日". */
export function formatDate(date: string, locale: string): string {
  // Every page shows the same few dates.
  return kept(`date ${locale} ${date}`, () => {
    let format = dateFormats.get(locale);
    if (!format) dateFormats.set(locale, (format = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' })));
    return format.format(new Date(`${date}T00:00:00Z`));
  });
}

/** A list written the way `locale` writes lists: "a, b, and c", "a、b和c". */
export function formatList(items: readonly string[], locale: string): string {
  let format = listFormats.get(locale);
  if (!format) listFormats.set(locale, (format = new Intl.ListFormat(locale, { type: 'conjunction' })));
  return format.format(items);
}

/** Languages written in more than one script: their name says which (Simplified or Traditional Chinese). */
const multiScript = new Set(['zh', 'sr', 'pa', 'uz', 'az', 'bs', 'mn']);

/** The name of language `code` in the language `locale`, such as "Simplified Chinese" or "英语". */
export function languageName(code: string, locale: string): string {
  // Every page names every language of the site.
  return kept(`language ${locale} ${code}`, () => languageNameOf(code, locale));
}

function languageNameOf(code: string, locale: string): string {
  const { language, script } = new Intl.Locale(code).maximize();
  const tag = multiScript.has(language) && script ? `${language}-${script}` : code;
  let names = languageNames.get(locale);
  if (!names) languageNames.set(locale, (names = new Intl.DisplayNames([locale], { type: 'language', languageDisplay: 'dialect' })));
  return names.of(tag) ?? code;
}
