/**
 * `t(key, values)`: the interface words of one language, with placeholders
 * filled in and plural forms chosen by `Intl.PluralRules`. Numbers are
 * written the language's way (`Intl.NumberFormat`).
 *
 * Written here rather than with an ICU MessageFormat library: our messages
 * use placeholders and plural forms only, the whole of it fits in this file,
 * and the content schema (src/schema/ui.ts) can check every placeholder and
 * form of a legal team's file with a positioned message, which a library's
 * parser errors would not give.
 */
import { isPluralKey, pluralRules, type Message, type PluralCategory, type PluralKey, type TextKey, type UiKey, type UiMessages } from './messages.ts';

export type Values = Readonly<Record<string, string | number>>;

/** A piece of a message: text, or a placeholder left for the caller to fill with markup. */
export type MessagePart = string | { placeholder: string };

export interface Translate {
  (key: TextKey, values?: Values): string;
  (key: PluralKey, values: Values & { count: number }): string;
  /**
   * The message cut at the placeholders `values` does not fill, so that a
   * component can put an element there (a link, a `<strong>`):
   * `parts('governing.notice', { language })` → `['This English text … ', { placeholder: 'link' }]`.
   */
  parts(key: UiKey, values?: Values): MessagePart[];
  readonly locale: string;
}

const numberFormats = new Map<string, Intl.NumberFormat>();

function formatNumber(value: number, locale: string): string {
  let format = numberFormats.get(locale);
  if (!format) numberFormats.set(locale, (format = new Intl.NumberFormat(locale)));
  return format.format(value);
}

/** The text of `message` for `count`: its form for the count's plural category, else `other`. */
function formFor(message: Message, locale: string, count: number | undefined): string {
  if (typeof message === 'string') return message;
  if (count === undefined) return message.other;
  return message[pluralRules(locale).select(count) as PluralCategory] ?? message.other;
}

/** A message's texts and placeholder names in turn (`['Hello, ', 'name', '!']`): cut once per message text. */
const cut = new Map<string, readonly string[]>();

function pieces(text: string): readonly string[] {
  let found = cut.get(text);
  if (!found) {
    // Odd indexes hold the names: split keeps the regular expression's group.
    found = text.split(/\{(\w+)\}/);
    // Messages come from the site's files: a long preview session with many edits starts over.
    if (cut.size >= 10_000) cut.clear();
    cut.set(text, found);
  }
  return found;
}

function split(text: string, values: Values, locale: string): MessagePart[] {
  const parts: MessagePart[] = [];
  const cutText = pieces(text);
  for (let index = 0; index < cutText.length; index++) {
    const piece = cutText[index]!;
    if (index % 2 === 0) {
      parts.push(piece);
      continue;
    }
    const value = values[piece];
    parts.push(value === undefined ? { placeholder: piece } : typeof value === 'number' ? formatNumber(value, locale) : value);
  }
  // Neighbouring texts joined, empty ones dropped.
  return parts.reduce<MessagePart[]>((joined, part) => {
    const previous = joined.at(-1);
    if (typeof part === 'string' && typeof previous === 'string') joined[joined.length - 1] = previous + part;
    else if (part !== '') joined.push(part);
    return joined;
  }, []);
}

const made = new WeakMap<UiMessages, Map<string, Translate>>();

/** The translate function for `locale` over its resolved messages; made once per messages and locale. */
export function translator(locale: string, messages: UiMessages): Translate {
  let byLocale = made.get(messages);
  if (!byLocale) made.set(messages, (byLocale = new Map()));
  const existing = byLocale.get(locale);
  if (existing) return existing;

  const partsOf = (key: UiKey, values: Values = {}): MessagePart[] => {
    const count = isPluralKey(key) && typeof values['count'] === 'number' ? values['count'] : undefined;
    return split(formFor(messages[key], locale, count), values, locale);
  };
  const written = (key: UiKey, values: Values = {}) =>
    partsOf(key, values)
      .map((part) => (typeof part === 'string' ? part : `{${part.placeholder}}`))
      .join('');
  // Most calls name a key alone (a heading, a label), on every page: those are written once.
  const alone = new Map<UiKey, string>();
  const t = ((key: UiKey, values?: Values) => {
    if (values !== undefined) return written(key, values);
    let text = alone.get(key);
    if (text === undefined) alone.set(key, (text = written(key)));
    return text;
  }) as Translate;
  Object.defineProperties(t, { parts: { value: partsOf }, locale: { value: locale } });
  byLocale.set(locale, t);
  return t;
}
