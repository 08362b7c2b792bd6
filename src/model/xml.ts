/**
 * XML files (the Atom feeds, the sitemap) serialized from xast trees, and
 * the sitemap's text escaped exactly as xast-util-to-xml escapes it.
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
/** What xast-util-to-xml drops from text and attribute values before it escapes them. */
const dropped = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g;
/** Its escapes: a character reference in hexadecimal, upper case (stringify-entities' light format). */
const reference = (character: string) => `&#x${character.codePointAt(0)!.toString(16).toUpperCase()};`;

export function serializeXml(tree: Root): string {
  return finishXml(toXml(tree, { closeEmptyElements: true }));
}

/** A document's text as it is written: `]]&gt;` is right in text and in attribute values alike; `]]>` appears nowhere else (no CDATA). */
export function finishXml(xml: string): string {
  return `${xml.replaceAll(']]>', ']]&gt;').replace(notXml, '\uFFFD')}\n`;
}

/** Text inside an element, as toXml writes it. */
export function xmlText(value: string): string {
  return value.replace(dropped, '').replace(/[&<]/g, reference);
}

/** An attribute's value in double quotes, as toXml writes it. */
export function xmlAttribute(value: string): string {
  return `"${value.replace(dropped, '').replace(/[<&"]/g, reference)}"`;
}
