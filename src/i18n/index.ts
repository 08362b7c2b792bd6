/**
 * Interface words, one JSON file per language beside this module, behind
 * `t(key)`. Components hold no words of their own. English is the
 * reference: every other language file has the same keys (a test checks).
 */
import ar from './ar.json' with { type: 'json' };
import en from './en.json' with { type: 'json' };
import zhCN from './zh-CN.json' with { type: 'json' };

export type UiKey = keyof typeof en;
export type UiStrings = Record<UiKey, string>;

/** Every language the interface is translated into. Add a language: add its JSON file and a line here. */
export const uiStrings: Readonly<Record<string, UiStrings>> = { en, 'zh-CN': zhCN, ar };

/**
 * The interface words for `locale`: its own file, or the file of another
 * variant of the same language (`en-GB` uses `en`, `zh-SG` uses `zh-CN`).
 */
function stringsFor(locale: string): UiStrings | undefined {
  if (Object.hasOwn(uiStrings, locale)) return uiStrings[locale];
  const language = locale.split('-')[0];
  const variant = Object.keys(uiStrings).find((code) => code.split('-')[0] === language);
  return variant ? uiStrings[variant] : undefined;
}

export function hasUiStrings(locale: string): boolean {
  return stringsFor(locale) !== undefined;
}

/** `t('key', { name: value })` for `locale`; `{name}` placeholders in the string are filled in. */
export function useTranslations(locale: string) {
  const table = stringsFor(locale);
  if (!table) throw new Error(`No interface strings for language "${locale}" (add src/i18n/${locale}.json).`);
  return function t(key: UiKey, values: Record<string, string> = {}): string {
    return table[key].replace(/\{(\w+)\}/g, (placeholder, name: string) => values[name] ?? placeholder);
  };
}

/** Intl formatters are slow to make and cheap to use: one per language, kept. */
const dateFormats = new Map<string, Intl.DateTimeFormat>();
const languageNames = new Map<string, Intl.DisplayNames>();

/** A date (YYYY-MM-DD) written the way `locale` writes dates, such as "September 15, 2022" or "2022年9月15日". */
export function formatDate(date: string, locale: string): string {
  let format = dateFormats.get(locale);
  if (!format) dateFormats.set(locale, (format = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' })));
  return format.format(new Date(`${date}T00:00:00Z`));
}

/** Languages written in more than one script: their name says which (Simplified or Traditional Chinese). */
const multiScript = new Set(['zh', 'sr', 'pa', 'uz', 'az', 'bs', 'mn']);

/** The name of language `code` in the language `locale`, such as "Simplified Chinese" or "英语". */
export function languageName(code: string, locale: string): string {
  const { language, script } = new Intl.Locale(code).maximize();
  const tag = multiScript.has(language) && script ? `${language}-${script}` : code;
  let names = languageNames.get(locale);
  if (!names) languageNames.set(locale, (names = new Intl.DisplayNames([locale], { type: 'language', languageDisplay: 'dialect' })));
  return names.of(tag) ?? code;
}
