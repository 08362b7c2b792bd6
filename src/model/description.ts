/**
 * The meta description of a page, for search results and link previews, in
 * the page's language: the document's `description` from site.yaml when the
 * legal team wrote one, otherwise the start of the first clause, cut at a
 * sentence or word boundary (Intl.Segmenter knows where words end in
 * Chinese, which has no spaces).
 */
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import type { PolicyText } from './types.ts';

/** About what search engines show of a description. */
export const descriptionLength = 155;

/** The start of each text's first clause, made once per text: every page showing a version in a language has it. */
const starts = new WeakMap<PolicyText, string>();

/** The description of a page showing `text`: the document's own, or the start of its first clause. */
export function pageDescription(descriptions: Record<string, string> | undefined, text: PolicyText): string {
  const given = descriptions?.[text.locale];
  if (given) return given;
  let start = starts.get(text);
  if (start === undefined) {
    const first = text.sections.flatMap((section) => section.clauses)[0];
    starts.set(text, (start = first ? summarize(toText(fromHtml(first.html, { fragment: true })), text.locale) : text.title));
  }
  return start;
}

/**
 * The start of `text`, at most `max` wide: whole sentences when they fill at
 * least half of it, otherwise whole words and an ellipsis. Search results cut
 * descriptions by width, so a Chinese, Japanese or Korean character counts
 * as two.
 */
export function summarize(text: string, locale: string, max = descriptionLength): string {
  const plain = text.replace(/\s+/g, ' ').trim();
  if (widthOf(plain) <= max) return plain;
  let kept = '';
  for (const { segment } of new Intl.Segmenter(locale, { granularity: 'sentence' }).segment(plain)) {
    if (widthOf(kept + segment) > max) break;
    kept += segment;
  }
  if (widthOf(kept) >= max / 2) return kept.trim();
  // Too little fits in whole sentences: whole words (in Chinese, dictionary words), leaving room for the ellipsis.
  kept = '';
  for (const { segment } of new Intl.Segmenter(locale, { granularity: 'word' }).segment(plain)) {
    if (widthOf(kept + segment) > max - 1) break;
    kept += segment;
  }
  return `${kept.replace(/[\s\p{P}]+$/u, '')}…`;
}

const wide = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\uff00-\uffef]/u;

function widthOf(text: string): number {
  let width = 0;
  for (const character of text) width += wide.test(character) ? 2 : 1;
  return width;
}
