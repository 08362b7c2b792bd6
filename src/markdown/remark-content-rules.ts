/**
 * remark plugin: what clause text may contain. Raw HTML, images and headings
 * are reported (and removed, so they can never reach a page), and links must
 * use http, https, mailto or tel, or point at a clause with `#clause-id`.
 * The sanitizer after remark-rehype enforces the same again.
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
import { fail } from '../messages/message.ts';
import './data.ts';

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
          if (!isAllowedLink(node.url)) {
            fail(file, `Unexpected link address \`${node.url}\`, expected one starting with https://, http://, mailto: or tel:, or #clause-id${pageLinks ? ', or page:policy' : ''}`, node.position, 'unsafe-link');
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
