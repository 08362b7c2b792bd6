/**
 * Interface messages: what a message is, and what each language needs of it.
 *
 * English (`strings/en.json`) is the reference: its keys are every key there
 * is, its placeholders (`{date}`) are the ones each translation must keep, and
 * a key whose English value is a group of plural forms is a *plural* message:
 *
 *     "changes.unchangedClauses": { "one": "{count} unchanged clause", "other": "{count} unchanged clauses" }
 *
 * The forms are the plural categories of Unicode CLDR, as `Intl.PluralRules`
 * reports them for the language (`zero`, `one`, `two`, `few`, `many`, `other`):
 * Japanese has only `other`, English `one` and `other`, Russian `one`, `few`,
 * `many`, `other`, Arabic all six. A language with a single form may write a
 * plural message as plain text.
 */
import reference from './strings/en.json' with { type: 'json' };

type Reference = typeof reference;

/** Every interface key. */
export type UiKey = keyof Reference;
/** Keys whose message has a form per plural category; `t()` needs `count` for them. */
export type PluralKey = { [K in UiKey]: Reference[K] extends string ? never : K }[UiKey];
/** Keys whose message is one text. */
export type TextKey = Exclude<UiKey, PluralKey>;

export const pluralCategories = ['zero', 'one', 'two', 'few', 'many', 'other'] as const;
export type PluralCategory = (typeof pluralCategories)[number];

/** One text per plural category the language uses; `other` always. */
export type PluralForms = Partial<Record<PluralCategory, string>> & { other: string };
export type Message = string | PluralForms;

/** A complete set of interface messages for one language. */
export type UiMessages = { [K in TextKey]: string } & { [K in PluralKey]: Message };

export const uiKeys = Object.keys(reference) as UiKey[];

export function isUiKey(key: string): key is UiKey {
  return Object.hasOwn(reference, key);
}

export function isPluralKey(key: UiKey): key is PluralKey {
  return typeof reference[key] !== 'string';
}

const placeholder = /\{(\w+)\}/g;

/** The placeholders a text uses, such as `date` in "Takes effect on {date}.". */
export function placeholdersOf(text: string): string[] {
  return [...text.matchAll(placeholder)].map((match) => match[1]!);
}

const referencePlaceholders = new Map(
  uiKeys.map((key) => {
    const message: Message = reference[key];
    return [key, [...new Set(typeof message === 'string' ? placeholdersOf(message) : Object.values(message).flatMap(placeholdersOf))]];
  }),
);

/** The placeholders of a key, from the English reference: each translation keeps them all. */
export function placeholdersOfKey(key: UiKey): readonly string[] {
  return referencePlaceholders.get(key)!;
}

/** A message's forms by category; plain text stands for every category. */
export function formsOf(message: Message): [PluralCategory | undefined, string][] {
  return typeof message === 'string' ? [[undefined, message]] : pluralCategories.filter((category) => message[category] !== undefined).map((category) => [category, message[category]!]);
}

const rules = new Map<string, Intl.PluralRules>();

/** `Intl.PluralRules` for `locale`, made once. */
export function pluralRules(locale: string): Intl.PluralRules {
  let made = rules.get(locale);
  if (!made) rules.set(locale, (made = new Intl.PluralRules(locale)));
  return made;
}

/** The plural categories `locale` uses, in the order of `pluralCategories`. */
export function categoriesOf(locale: string): PluralCategory[] {
  const used = new Set<string>(pluralRules(locale).resolvedOptions().pluralCategories);
  return pluralCategories.filter((category) => used.has(category));
}

const exact = new Map<string, Set<PluralCategory>>();

/**
 * The categories that a single whole number falls into, such as English
 * `one` (only 1) or Arabic `zero`, `one` and `two`. Their form may spell the
 * number out ("بند واحد") instead of writing `{count}`; in Russian `one` also
 * covers 21 and 31, and in French 0 and 1, so there the number must be written.
 * Counted over 0 to 2000, which covers every rule of CLDR that ends in
 * hundreds or thousands.
 */
export function exactCategories(locale: string): Set<PluralCategory> {
  let found = exact.get(locale);
  if (found) return found;
  const hits = new Map<PluralCategory, number>();
  const select = pluralRules(locale);
  for (let n = 0; n <= 2000; n++) {
    const category = select.select(n) as PluralCategory;
    hits.set(category, (hits.get(category) ?? 0) + 1);
  }
  found = new Set([...hits].filter(([, count]) => count === 1).map(([category]) => category));
  exact.set(locale, found);
  return found;
}
