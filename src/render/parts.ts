/**
 * A tree written with each of its parts written once per distinct content.
 * Versions of a document mostly repeat the list tables of the last, in
 * every language and on the hosted and webview pages; writing them was most
 * of the cost of those pages. A part's JSON is its exact content (hast is
 * plain data), so it is the key. (The policy body keys its sections by the
 * model instead, src/render/policy-body.ts: their JSON would repeat every
 * clause's HTML.)
 *
 * Only for parts written the same alone as inside the tree: no optional tag
 * of theirs may depend on what follows them (a `<section>`; or any element
 * when every tag is written), and none is the text of a <script> or <style>.
 */
import type { Element, Root, RootContent } from 'hast';
import { toHtml, type Options } from 'hast-util-to-html';

const written = new Map<string, string>();
/** Past this many, the parts of a long preview session start over (a build writes far fewer). */
const maxKept = 20_000;

/** `tree` as toHtml writes it with `options`, the children for which `isPart` is true each written once per content. */
export function toHtmlByParts(tree: Root | Element, options: Options, isPart: (child: Element) => boolean): string {
  const prefix = `${JSON.stringify(options)}\u0000`;
  const children = (tree.children as RootContent[]).map((child): RootContent => {
    if (child.type !== 'element' || !isPart(child)) return child;
    const key = prefix + JSON.stringify(child);
    let html = written.get(key);
    if (html === undefined) {
      if (written.size >= maxKept) written.clear();
      written.set(key, (html = toHtml(child, options)));
    }
    // toHtml's own output: nothing a content file says reaches it unescaped.
    return { type: 'raw', value: html };
  });
  return toHtml({ ...tree, children } as Root | Element, { ...options, allowDangerousHtml: true });
}
