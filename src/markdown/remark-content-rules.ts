/**
 * remark plugin: what clause text may contain. Raw HTML, images, headings
 * and footnotes are reported (and removed, so they can never reach a page),
 * and links must use http, https, mailto or tel, point at a clause with
 * `#clause-id`, or at another document of the site with
 * `doc:<document>#clause-id` (no host written, so a copy of the site
 * elsewhere links within itself). The sanitizer after remark-rehype
 * enforces the same again.
 *
 * Footnotes are refused rather than supported: each clause is rendered on
 * its own, so their numbers and ids would repeat on a page, and their
 * back links and "Footnotes" heading would need the page's language. A
 * note belongs in the text, or in a clause a link points to.
 *
 * Text that stands apart from the policy (a version's first-launch notice)
 * sets `file.data.pageLinks`: then `page:<name>` names a page of the version,
 * `#id` leads to the policy page, and every link is listed in
 * `file.data.writtenLinks` with the address as written.
 */
import type { Definition, Link, LinkReference, Root } from 'mdast';
import type { Position } from 'unist';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { linkProtocols } from '../schema/common.ts';
import { advance, fail } from '../messages/message.ts';
import { writtenText } from './data.ts';

const footnoteHint = 'Write the note in the clause itself, in brackets, or link to the clause it refers to: `[see clause 8](#no-consent-needed)`.';

export function isAllowedLink(url: string): boolean {
  if (url.startsWith('#')) return /^#[a-z][a-z0-9-]*$/.test(url);
  const protocol = /^([a-z][a-z0-9+.-]*):/i.exec(url.trim())?.[1]?.toLowerCase();
  return protocol !== undefined && (linkProtocols as readonly string[]).includes(protocol);
}

/** A link to `#id` inside the text, checked later against the document's ids. */
export interface InternalLink {
  id: string;
  position: Position | undefined;
}

/** A link to another document, `doc:<document>` or `doc:<document>#<id>`, checked later against the site's documents. */
export interface DocumentLink {
  document: string;
  id: string | undefined;
  position: Position | undefined;
}

const documentLink = /^doc:([a-z][a-z0-9]*(?:-[a-z0-9]+)*)(?:#([a-z][a-z0-9-]*))?$/;

/** Where the links of a text outside the policy lead (src/model/notice.ts). */
export interface PageLinks {
  /** The address of the page `page:<name>` names, or why there is none (said in the message). */
  page(name: string): { href: string } | { problem: string };
  /** The address of `#id`, a section or clause of the policy. */
  anchor(id: string): string;
}

/** A link as written, with its node: the node's words and (after the other plugins) its address are what readers get. */
export interface WrittenLink {
  written: string;
  node: Link | LinkReference;
  /** For a reference-style link: the definition that holds its address. */
  definition?: Definition;
}

const pageLink = /^page:([a-z][a-z0-9-]*)$/;

export default function remarkContentRules() {
  return function (tree: Root, file: VFile): void {
    const internalLinks: InternalLink[] = [];
    file.data.internalLinks = internalLinks;
    const documentLinks: DocumentLink[] = [];
    file.data.documentLinks = documentLinks;
    const pageLinks = file.data.pageLinks;
    const writtenLinks: WrittenLink[] = [];
    const definitions = new Map<string, { written: string; node: Definition }>();
    if (pageLinks) {
      file.data.writtenLinks = writtenLinks;
      visit(tree, 'definition', (node) => void definitions.set(node.identifier, { written: node.url, node }));
    }
    visit(tree, (node, index, parent) => {
      const remove = (): [typeof SKIP, number] | undefined => {
        if (!parent || index === undefined) return undefined;
        parent.children.splice(index, 1);
        return [SKIP, index];
      };
      switch (node.type) {
        case 'html': {
          // A closing tag goes with its opening tag, which is reported; both are removed.
          if (!/^<\//.test(node.value)) {
            const tag = /^<\s*([a-z][a-z0-9-]*)/i.exec(node.value)?.[1];
            fail(file, `Unexpected HTML${tag ? ` \`<${tag}>\`` : ''} in text, expected Markdown`, node.position, 'raw-html');
          }
          return remove();
        }
        case 'image':
        case 'imageReference':
          fail(file, 'Unexpected image in clause text; images are not supported (they would load from another site)', node.position, 'unsupported-markdown', 'Describe the content in words, or link to it with [text](https://…).');
          return remove();
        case 'footnoteReference':
        case 'footnoteDefinition':
          fail(file, `Unexpected footnote \`[^${node.label ?? node.identifier}]\`${node.type === 'footnoteDefinition' ? ' definition' : ''}, expected the note in the text; footnotes are not supported`, node.position, 'unsupported-markdown', footnoteHint);
          return remove();
        case 'text': {
          // `[^1]` with no definition stays text, and would be published as written.
          // Looked for, and measured, in the text as written: a variable's value is shown as it is.
          const text = writtenText(node);
          const reference = /\[\^[^\]\s]+\]/.exec(text);
          if (reference) fail(file, `Unexpected footnote \`${reference[0]}\`, expected the note in the text; footnotes are not supported`, node.position ? advance(node.position.start, text.slice(0, reference.index)) : undefined, 'unsupported-markdown', footnoteHint);
          return undefined;
        }
        case 'heading':
          fail(file, 'Unexpected heading (`#`) in clause text, expected paragraphs; put a clause heading in its `title`', node.position, 'unsupported-markdown');
          return undefined;
        case 'linkReference': {
          const definition = definitions.get(node.identifier);
          if (pageLinks && definition) writtenLinks.push({ written: definition.written, node, definition: definition.node });
          return undefined;
        }
        case 'link':
        case 'definition':
          if (pageLinks && node.type === 'link') writtenLinks.push({ written: node.url, node });
          if (pageLinks && resolvePageLink(node, pageLinks, file)) return undefined;
          if (resolveDocumentLink(node, file, documentLinks)) return undefined;
          if (!isAllowedLink(node.url)) {
            fail(file, `Unexpected link address \`${node.url}\`, expected one starting with https://, http://, mailto: or tel:, or #clause-id, or doc:<document>#clause-id${pageLinks ? ', or page:policy' : ''}`, node.position, 'unsafe-link');
            node.url = '#';
          } else if (node.url.startsWith('#')) {
            internalLinks.push({ id: node.url.slice(1), position: node.position });
            if (pageLinks) node.url = pageLinks.anchor(node.url.slice(1));
          }
          return undefined;
        default:
          return undefined;
      }
    });
  };
}

/** A `page:<name>` address: replaced by the page's address, or reported. True when the address was one. */
function resolvePageLink(node: Link | Definition, pageLinks: PageLinks, file: VFile): boolean {
  const name = pageLink.exec(node.url)?.[1];
  if (name === undefined) return false;
  const found = pageLinks.page(name);
  if ('href' in found) node.url = found.href;
  else {
    fail(file, `Unexpected link \`${node.url}\`: ${found.problem}`, node.position, 'notice-link');
    node.url = '#';
  }
  return true;
}

/**
 * A `doc:<document>[#<id>]` address: another document of the site, in the
 * text's language, at the address the model gives (the site's base path
 * included); listed for the check that the document and the id exist. True
 * when the address was one.
 */
function resolveDocumentLink(node: Link | Definition, file: VFile, links: DocumentLink[]): boolean {
  const match = documentLink.exec(node.url);
  const href = file.data.documentHref;
  if (!match || !href) return false;
  links.push({ document: match[1]!, id: match[2], position: node.position });
  node.url = href(match[1]!, match[2]);
  return true;
}
