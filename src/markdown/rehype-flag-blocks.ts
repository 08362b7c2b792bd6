/**
 * rehype plugin: renders a whole flagged clause. `<strong>` may only hold
 * phrasing content, so instead of wrapping the clause, the words of every
 * block (paragraph, list item, table cell) are wrapped in
 * `<strong class="flag-<kind>">`. Nested lists keep their structure.
 */
import type { Element, ElementContent, Root } from 'hast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { flagClass, type FlagKind } from '../schema/policy-text.ts';
import './data.ts';

const textBlocks = new Set(['p', 'li', 'td', 'th', 'dd', 'dt']);
const phrasing = new Set(['a', 'strong', 'em', 'code', 'del', 'br', 'span', 'abbr', 'sub', 'sup', 'kbd', 'q', 'small']);

export default function rehypeFlagBlocks() {
  return function (tree: Root, file: VFile): void {
    const kind = file.data.clauseFlag;
    if (!kind) return;
    visit(tree, 'element', (node: Element) => {
      if (textBlocks.has(node.tagName)) node.children = wrapPhrasingRuns(node.children, kind);
    });
  };
}

function wrapPhrasingRuns(children: ElementContent[], kind: FlagKind): ElementContent[] {
  const result: ElementContent[] = [];
  let run: ElementContent[] = [];
  const flush = () => {
    if (run.some((child) => child.type !== 'text' || child.value.trim() !== '')) {
      result.push({ type: 'element', tagName: 'strong', properties: { className: [flagClass(kind)] }, children: run });
    } else result.push(...run);
    run = [];
  };
  for (const child of children) {
    const isPhrasing = child.type === 'text' || (child.type === 'element' && phrasing.has(child.tagName));
    if (isPhrasing && !isSameFlag(child, kind)) run.push(child);
    else if (isPhrasing) run.push(...(child as Element).children);
    else {
      flush();
      result.push(child);
    }
  }
  flush();
  return result;
}

/** An inline flag of the same kind inside a flagged clause adds nothing: its words join the run. */
function isSameFlag(node: ElementContent, kind: FlagKind): boolean {
  if (node.type !== 'element' || node.tagName !== 'strong') return false;
  const className = node.properties['className'];
  return Array.isArray(className) && className.includes(flagClass(kind));
}
