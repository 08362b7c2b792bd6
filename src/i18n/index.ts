/**
 * Interface words, one JSON file per language beside this module, behind
 * `t(key)`. Components hold no words of their own. English is the
 * reference: every other language file must have the same keys.
 */
import en from './en.json' with { type: 'json' };

export type UiKey = keyof typeof en;
export type UiStrings = Record<UiKey, string>;

const strings: Record<string, UiStrings> = { en };

export function hasUiStrings(locale: string): boolean {
  return Object.hasOwn(strings, locale);
}

/** `t('key', { name: value })` for `locale`; `{name}` placeholders in the string are filled in. */
export function useTranslations(locale: string) {
  const table = strings[locale];
  if (!table) throw new Error(`No interface strings for language "${locale}" (add src/i18n/${locale}.json).`);
  return function t(key: UiKey, values: Record<string, string> = {}): string {
    return table[key].replace(/\{(\w+)\}/g, (placeholder, name: string) => values[name] ?? placeholder);
  };
}

/** A date (YYYY-MM-DD) written the way `locale` writes dates, such as "15 September 2022" or "2022年9月15日". */
export function formatDate(date: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));
}
