/**
 * remark plugin: the syntax tree may be at most `maxTreeDepth` nodes deep.
 * Runs first, before any plugin walks the tree (walking is recursive). A
 * tree too deep is reported at its deepest node and emptied, so that
 * nothing after this step sees it; the text is not published, since the
 * message is an error.
 */
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { fail } from '../messages/message.ts';
import { maxTreeDepth, tooDeepNode } from './limits.ts';

export default function remarkDepthLimit() {
  return function (tree: Root, file: VFile): void {
    const found = tooDeepNode(tree, maxTreeDepth);
    if (!found) return;
    fail(file, `Unexpected text nested ${found.depth} levels deep (lists, quotes, emphasis, links and flags inside each other), expected at most ${maxTreeDepth}`, found.node.position?.start, 'markdown-too-deep');
    tree.children = [];
  };
}
