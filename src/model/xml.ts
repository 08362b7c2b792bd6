/**
 * XML files (the Atom feeds, the sitemap) serialized from xast trees.
 * xast-util-to-xml escapes `<`, `&` and quotes, but leaves `]]>` in text,
 * which XML forbids there: a site name such as `A ]]> B` would make the
 * feed invalid. Characters XML cannot hold at all (control characters,
 * lone surrogates, U+FFFE, U+FFFF) never reach here, since content with
 * them is refused; they are replaced all the same, so that the file stays
 * well-formed whatever changes upstream.
 */
import type { Root } from 'xast';
import { toXml } from 'xast-util-to-xml';

const notXml = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function serializeXml(tree: Root): string {
  // `]]&gt;` is right in text and in attribute values alike; `]]>` appears nowhere else (no CDATA).
  return `${toXml(tree, { closeEmptyElements: true }).replaceAll(']]>', ']]&gt;').replace(notXml, '\uFFFD')}\n`;
}
