/**
 * Content-addressed cache of rendered clause text: most clauses repeat
 * unchanged from version to version, so each distinct text is rendered once
 * per language and set of variable values it uses (published versions keep
 * the values they were published with, so values can differ between
 * versions). Messages travel with the cached result and are reported at
 * every place the text appears. The cached results are shared: nothing
 * downstream may change them.
 */
import { ClauseComparisons } from '../diff/redline.ts';
import { renderMarkdown, type RenderOptions, type Rendered } from './processor.ts';
import { variablePattern } from './variables.ts';

export class RenderCache {
  readonly #entries = new Map<string, Rendered>();
  #used = new Set<string>();

  /** Renders `markdown` for `locale`, or returns the earlier rendering of the same text with the same values. */
  render(locale: string, markdown: string, options: RenderOptions): Rendered {
    const key = `${locale}\u0000${options.clauseFlag ?? ''}\u0000${usedValues(markdown, options.variables)}\u0000${markdown}`;
    this.#used.add(key);
    let rendered = this.#entries.get(key);
    if (!rendered) this.#entries.set(key, (rendered = renderMarkdown(markdown, options)));
    return rendered;
  }

  /** Forgets the renderings no load since the last sweep asked for (a preview keeps only the current content's). */
  sweep(): void {
    for (const key of this.#entries.keys()) if (!this.#used.has(key)) this.#entries.delete(key);
    this.#used = new Set();
  }

  get size(): number {
    return this.#entries.size;
  }
}

/**
 * Render caches that outlive one load (the preview's, src/integration/handoff.ts): a
 * saved file renders again only its changed texts. Links between documents
 * (`doc:`) render with the site's base path, so each base path has its own cache.
 */
export class SharedRenders {
  readonly #byBase = new Map<string, RenderCache>();
  /** Per document: comparisons are keyed by the rendered blocks, which this cache keeps (src/diff/redline.ts). */
  readonly #comparisons = new Map<string, ClauseComparisons>();

  comparisons(document: string): ClauseComparisons {
    let found = this.#comparisons.get(document);
    if (!found) this.#comparisons.set(document, (found = new ClauseComparisons()));
    return found;
  }

  for(basePath: string): RenderCache {
    let cache = this.#byBase.get(basePath);
    if (!cache) {
      // A changed base path makes the other caches useless.
      this.#byBase.clear();
      this.#comparisons.clear();
      this.#byBase.set(basePath, (cache = new RenderCache()));
    }
    return cache;
  }

  sweep(): void {
    for (const cache of this.#byBase.values()) cache.sweep();
  }
}

/** The values of the variables `markdown` uses: all that its rendering depends on. */
function usedValues(markdown: string, variables: Readonly<Record<string, string>>): string {
  if (!markdown.includes('{{')) return '';
  // Each name once, however often the text uses it: the key stays as small as the values it depends on.
  const names = new Set<string>();
  for (const match of markdown.matchAll(variablePattern)) names.add(match[1]!);
  return [...names].map((name) => (Object.hasOwn(variables, name) ? `${name}=${variables[name]}` : `${name}\u0001`)).join('\u0002');
}
