/**
 * remark plugin: records the text of each block (paragraph, list item,
 * table cell) as runs of words with the flag that marks them, in
 * `file.data.blocks`, for the redline between versions. Runs after the
 * variables and flags plugins, so it sees what a reader sees.
 */
import type { Nodes, Root } from 'mdast';
import type { VFile } from 'vfile';
import type { FlagKind } from '../schema/policy-text.ts';
import './data.ts';
import { isFlagKind } from './remark-flags.ts';

export interface TextRun {
  text: string;
  flag?: FlagKind;
}

const blockTypes = new Set(['paragraph', 'tableCell', 'heading', 'code']);

export default function remarkTextRuns() {
  return function (tree: Root, file: VFile): void {
    const blocks: TextRun[][] = [];
    const clauseFlag = file.data.clauseFlag;
    const walk = (node: Nodes, flag: FlagKind | undefined, block: TextRun[] | undefined): void => {
      if (blockTypes.has(node.type)) {
        const runs: TextRun[] = [];
        blocks.push(runs);
        block = runs;
      }
      if (node.type === 'textDirective' && isFlagKind(node.name) && node.data?.hName) flag = node.name;
      if ((node.type === 'text' || node.type === 'inlineCode' || node.type === 'code') && block) {
        const last = block.at(-1);
        if (last && last.flag === flag) last.text += node.value;
        else block.push(flag ? { text: node.value, flag } : { text: node.value });
      }
      if (node.type === 'break' && block) block.push(flag ? { text: '\n', flag } : { text: '\n' });
      if ('children' in node) for (const child of node.children) walk(child as Nodes, flag, block);
    };
    walk(tree, clauseFlag, undefined);
    file.data.blocks = blocks.filter((runs) => runs.some((run) => run.text.trim() !== ''));
  };
}
