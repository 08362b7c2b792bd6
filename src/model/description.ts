/**
 * The meta description of a page, for search results and link previews, in
 * the page's language: the document's `description` from site.yaml when the
 * legal team wrote one, otherwise the start of the first clause, cut at a
 * sentence or word boundary (Intl.Segmenter knows where words end in
 * Chinese, which has no spaces).
 */
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import { fail } from '../messages/message.ts';
import { closest } from '../messages/suggest.ts';
import { keyNodeOf, nodeAtPath, placeOfNode } from '../load/yaml.ts';
import type { SiteConfig } from '../schema/site.ts';
import type { Parsed } from '../load/parsed.ts';
import type { PolicyText } from './types.ts';
import { localizedValue, plainText } from './values.ts';

/** About what search engines show of a description. */
export const descriptionLength = 155;

/** Each document's description from site.yaml, per language, variables filled in; unknown documents are errors. */
export function documentDescriptions(site: Parsed<SiteConfig>, slugs: readonly string[], variables: ReadonlyMap<string, Record<string, string>>): Map<string, Record<string, string>> {
  const descriptions = new Map<string, Record<string, string>>();
  for (const [slug, settings] of Object.entries(site.data.documents)) {
    if (!slugs.includes(slug)) {
      const suggestion = closest(slug, slugs);
      const place = placeOfNode(site.source, keyNodeOf(nodeAtPath(site.source, ['documents']).node, slug) ?? nodeAtPath(site.source, ['documents']).node);
      const expected = slugs.length > 0 ? `expected the folder name of a document (${slugs.map((known) => `\`${known}\``).join(', ')})` : 'expected the folder name of a document';
      fail(site.source.file, `Unknown document \`${slug}\` under \`documents\`, ${expected}${suggestion ? `. Did you mean \`${suggestion}\`?` : ''}`, place, 'unknown-key');
      continue;
    }
    const description = settings.description;
    if (description === undefined) continue;
    const path = ['documents', slug, 'description'];
    descriptions.set(slug, Object.fromEntries([...variables].map(([locale, values]) => [locale, plainText(site.source, localizedValue(site, path, description, locale), path, values)])));
  }
  return descriptions;
}

/** The description of a page showing `text`: the document's own, or the start of its first clause. */
export function pageDescription(descriptions: Record<string, string> | undefined, text: PolicyText): string {
  const given = descriptions?.[text.locale];
  if (given) return given;
  const first = text.sections.flatMap((section) => section.clauses)[0];
  return first ? summarize(toText(fromHtml(first.html, { fragment: true })), text.locale) : text.title;
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
