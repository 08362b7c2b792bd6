/**
 * Content-addressed cache of rendered clause text: most clauses repeat
 * unchanged from version to version, so each distinct text is rendered once
 * per language (variable values are fixed per language). Messages travel
 * with the cached result and are reported at every place the text appears.
 * The cached results are shared: nothing downstream may change them.
 */
import { renderMarkdown, type RenderOptions, type Rendered } from './processor.ts';

export class RenderCache {
  readonly #entries = new Map<string, Rendered>();

  /** Renders `markdown` for `locale`, or returns the earlier rendering of the same text. */
  render(locale: string, markdown: string, options: RenderOptions): Rendered {
    const key = `${locale}\u0000${options.clauseFlag ?? ''}\u0000${markdown}`;
    let rendered = this.#entries.get(key);
    if (!rendered) this.#entries.set(key, (rendered = renderMarkdown(markdown, options)));
    return rendered;
  }

  get size(): number {
    return this.#entries.size;
  }
}
