/**
 * Which interface words each language of the site gets. For a site language
 * `L`, later layers win:
 *
 *   1. the words of L's fallback language, shipped, then from content/ui/ (only when nothing ships for L itself)
 *   2. the words that ship for exactly L (src/i18n/strings/L.json)
 *   3. content/ui/L.yaml
 *
 * The fallback rule (docs/translation.md): a language tag with no words of
 * its own borrows those of its bare language (`en-GB` → `en`, `de-AT` → `de`,
 * `pt-BR` → `pt`) or, when no bare tag has words, of the language's default
 * variant in Unicode's likely-subtags data (`zh-SG` → `zh` → `zh-Hans-CN` →
 * `zh-CN`), and only when both are written in the same script, compared with
 * `Intl.Locale#maximize()`. So `zh-HK`, `zh-TW`, `zh-MO` and `zh-Hant-*`
 * (Traditional, `Hant`) never get Simplified Chinese (`Hans`) words, and a
 * Traditional variant never borrows another region's: each needs its own.
 * Anything a language still lacks is an error naming the key, the language
 * and the file to add it to.
 */
import path from 'node:path';
import type { Parsed } from '../load/parsed.ts';
import { keyNodeOf, nodeAtPath, placeOfNode } from '../load/yaml.ts';
import { fail, warn } from '../messages/message.ts';
import type { SiteConfig } from '../schema/site.ts';
import type { UiStringsInput } from '../schema/ui.ts';
import { uiKeys, type UiKey, type UiMessages } from './messages.ts';

export interface UiSources {
  /** The words that ship with the generator, by language tag (each complete). */
  shipped: ReadonlyMap<string, UiStringsInput>;
  /** content/ui/<locale>.yaml files that passed their schema, by language tag. */
  content: ReadonlyMap<string, Parsed<UiStringsInput>>;
  /** Language tags whose content/ui file has errors of its own (reported on it): nothing more is said about them. */
  failed?: ReadonlySet<string>;
}

function maximized(tag: string): Intl.Locale | undefined {
  try {
    return new Intl.Locale(tag).maximize();
  } catch {
    return undefined;
  }
}

/** The language `locale` borrows its missing words from, among `available` tags, or `undefined` (see the rule above). */
export function fallbackOf(locale: string, available: Iterable<string>): string | undefined {
  const wanted = maximized(locale);
  if (!wanted) return undefined;
  const tags = [...available].filter((tag) => tag !== locale);
  const defaultVariant = maximized(wanted.language)?.toString();
  const target = tags.find((tag) => tag === wanted.language) ?? tags.find((tag) => maximized(tag)?.toString() === defaultVariant);
  return target !== undefined && maximized(target)?.script === wanted.script ? target : undefined;
}

/** The language tags whose words `locale` is made of, its own first. */
export function layersOf(locale: string, sources: UiSources): string[] {
  if (sources.shipped.has(locale)) return [locale];
  const fallback = fallbackOf(locale, new Set([...sources.shipped.keys(), ...sources.content.keys()]));
  return fallback ? [locale, fallback] : [locale];
}

/** The merged words of `locale`: possibly incomplete. */
export function mergedMessages(locale: string, sources: UiSources): Partial<UiMessages> {
  const merged: Partial<Record<UiKey, unknown>> = {};
  for (const tag of layersOf(locale, sources).reverse()) {
    for (const layer of [sources.shipped.get(tag), sources.content.get(tag)?.data]) {
      if (!layer) continue;
      for (const key of uiKeys) if (layer[key] !== undefined) merged[key] = layer[key];
    }
  }
  return merged as Partial<UiMessages>;
}

/**
 * The complete words of every site language. Reports a language with no
 * words at all on its `locales:` entry in site.yaml, each missing key on the
 * content/ui file it belongs in, and a content/ui file no language uses.
 */
export function resolveUiStrings(site: Parsed<SiteConfig>, locales: readonly string[], sources: UiSources): Record<string, UiMessages> {
  const resolved: Record<string, UiMessages> = {};
  const used = new Set<string>();
  const localesNode = nodeAtPath(site.source, ['locales']).node;
  const localePlace = (code: string) => placeOfNode(site.source, keyNodeOf(localesNode, code) ?? localesNode);
  // Named as the person gave the content folder (`--content`), not as the default `content/`.
  const shown = (code: string) => path.relative(process.cwd(), path.join(path.dirname(site.source.file.path), 'ui', `${code}.yaml`));

  for (const locale of locales) {
    const layers = layersOf(locale, sources).filter((tag) => sources.shipped.has(tag) || sources.content.has(tag));
    for (const tag of layers) used.add(tag);
    if ([locale, ...layers].some((tag) => sources.failed?.has(tag))) continue;
    if (layers.length === 0) {
      fail(site.source.file, `Unexpected language \`${locale}\`: no interface words ship for it, and there is no ${shown(locale)}${whyNoFallback(locale, sources)}`, localePlace(locale), 'missing-ui-strings', `Add ${shown(locale)} with every interface key (\`npm run ui:new -- ${locale}\` writes one to translate), or list a language that ships (${[...sources.shipped.keys()].sort().join(', ')}).`);
      continue;
    }
    const messages = mergedMessages(locale, sources);
    const missing = uiKeys.filter((key) => messages[key] === undefined);
    if (missing.length === 0) {
      resolved[locale] = messages as UiMessages;
      continue;
    }
    // Reported on the file to add them to: the language's own content/ui file, else the one it borrows from.
    const ownerTag = layers.find((tag) => sources.content.has(tag));
    const owner = ownerTag === undefined ? site.source : sources.content.get(ownerTag)!.source;
    const place = ownerTag === undefined ? localePlace(locale) : placeOfNode(owner, owner.document.contents);
    const where = ownerTag === undefined || ownerTag === locale ? shown(locale) : `${shown(locale)} or ${shown(ownerTag)}`;
    for (const key of missing) fail(owner.file, `Missing interface string \`${key}\` for \`${locale}\`: add it to ${where}`, place, 'missing-ui-string');
  }

  for (const [tag, { source }] of sources.content) {
    if (!used.has(tag)) warn(source.file, `Unexpected interface words for \`${tag}\`: no language in site.yaml uses them (listed: ${locales.join(', ')})`, { line: 1, column: 1 }, 'unknown-locale', 'Add the language under `locales:` in site.yaml, or remove the file.');
  }
  return resolved;
}

/** For a language that could have borrowed words but may not: why (another script). */
function whyNoFallback(locale: string, sources: UiSources): string {
  const wanted = maximized(locale);
  if (!wanted) return '';
  const relatives = [...sources.shipped.keys(), ...sources.content.keys()].filter((tag) => maximized(tag)?.language === wanted.language);
  if (relatives.length === 0) return '';
  return ` (${relatives.sort().map((tag) => `\`${tag}\``).join(', ')} ${relatives.length === 1 ? 'is' : 'are'} not used for it: each variant written in another script or region, such as Traditional and Simplified Chinese, needs its own words)`;
}
