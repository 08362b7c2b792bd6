/**
 * Step: what site.yaml says of each document under `documents:` — its title
 * on / and in the header, its description for search results (both per
 * language, variables filled in) — and the order of the documents: those
 * listed there in that order, then the others by folder name. A name under
 * `documents:` that is no document folder is an error with a did-you-mean.
 */
import { keyNodeOf, nodeAtPath, placeOfNode } from '../load/yaml.ts';
import type { Parsed } from '../load/parsed.ts';
import { fail } from '../messages/message.ts';
import { closest } from '../messages/suggest.ts';
import type { MaybeLocalizedText } from '../schema/common.ts';
import type { SiteConfig } from '../schema/site.ts';
import { localizedValue, plainText } from './values.ts';

export interface DocumentSettings {
  title?: Record<string, string>;
  description?: Record<string, string>;
}

export function documentSettings(site: Parsed<SiteConfig>, slugs: readonly string[], variables: ReadonlyMap<string, Record<string, string>>): Map<string, DocumentSettings> {
  const settings = new Map<string, DocumentSettings>();
  for (const [slug, written] of Object.entries(site.data.documents)) {
    if (!slugs.includes(slug)) {
      const suggestion = closest(slug, slugs);
      const place = placeOfNode(site.source, keyNodeOf(nodeAtPath(site.source, ['documents']).node, slug) ?? nodeAtPath(site.source, ['documents']).node);
      const expected = slugs.length > 0 ? `expected the folder name of a document (${slugs.map((known) => `\`${known}\``).join(', ')})` : 'expected the folder name of a document';
      fail(site.source.file, `Unknown document \`${slug}\` under \`documents\`, ${expected}${suggestion ? `. Did you mean \`${suggestion}\`?` : ''}`, place, 'unknown-key');
      continue;
    }
    const perLanguage = (key: 'title' | 'description', value: MaybeLocalizedText | undefined) => {
      if (value === undefined) return {};
      const path = ['documents', slug, key];
      return { [key]: Object.fromEntries([...variables].map(([locale, values]) => [locale, plainText(site.source, localizedValue(site, path, value, locale), path, values)])) };
    };
    settings.set(slug, { ...perLanguage('title', written.title), ...perLanguage('description', written.description) });
  }
  return settings;
}

/** Documents in site.yaml's order (`documents:`), the ones it does not list after them by folder name. */
export function documentOrder(site: Parsed<SiteConfig>): (a: { slug: string }, b: { slug: string }) => number {
  const listed = Object.keys(site.data.documents);
  const rank = (slug: string) => (listed.includes(slug) ? listed.indexOf(slug) : listed.length);
  return (a, b) => rank(a.slug) - rank(b.slug) || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0);
}
