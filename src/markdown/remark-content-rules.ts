/**
 * remark plugin: what clause text may contain. Raw HTML, images and headings
 * are reported (and removed, so they can never reach a page), and links must
 * use http, https, mailto or tel, or point at a clause with `#clause-id`.
 * The sanitizer after remark-rehype enforces the same again.
 */
import type { Root } from 'mdast';
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

export default function remarkContentRules() {
  return function (tree: Root, file: VFile): void {
    const internalLinks: InternalLink[] = [];
    file.data.internalLinks = internalLinks;
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
        case 'link':
        case 'definition':
          if (node.url.startsWith('#') && isAllowedLink(node.url)) internalLinks.push({ id: node.url.slice(1), position: node.position });
          if (!isAllowedLink(node.url)) {
            fail(file, `Unexpected link address \`${node.url}\`, expected one starting with https://, http://, mailto: or tel:, or #clause-id`, node.position, 'unsafe-link');
            node.url = '#';
          }
          return undefined;
        default:
          return undefined;
      }
    });
  };
}
