/**
 * remark plugin: replaces `{{name}}` placeholders in text and link addresses
 * with the values from `file.data.variables`. An unknown name, and a
 * placeholder written incorrectly (`{{app-name}}`, `{company}`, an unclosed
 * `{{app`), is an error at its position. Values are inserted as text, never
 * as Markdown, so a variable cannot add markup. Runs before the content
 * rules, so that a link address is checked as filled in. The text filled in
 * may grow to `maxFilledLength` characters in all: a variable used a
 * million times is reported, not built into a string too long to hold.
 */
import type { Root, Text } from 'mdast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { advance, fail } from '../messages/message.ts';
import './data.ts';
import { maxFilledLength, replaceVariables, tooLongReason, undefinedVariableReason } from './variables.ts';

export default function remarkVariables() {
  return function (tree: Root, file: VFile): void {
    const variables = file.data.variables ?? {};
    const budget = { left: maxFilledLength, reported: false };
    visit(tree, (node) => {
      if (node.type === 'text') {
        const written = node.value;
        node.value = substitute(written, node, false, file, variables, budget);
        if (node.value !== written) node.data = { ...node.data, written };
      } else if (node.type === 'inlineCode') {
        node.value = substitute(node.value, node, false, file, variables, budget);
      } else if (node.type === 'link' || node.type === 'definition') {
        node.url = substitute(node.url, node, true, file, variables, budget);
      }
    });
  };
}

function substitute(value: string, node: { position?: Text['position'] }, isAddress: boolean, file: VFile, variables: Readonly<Record<string, string>>, budget: { left: number; reported: boolean }): string {
  const result = replaceVariables(value, variables, budget.left);
  // A link address is not text of its own: its place is the link's start.
  const at = (index: number) => (node.position ? (isAddress ? node.position.start : advance(node.position.start, value.slice(0, index))) : undefined);
  for (const { name, index } of result.missing) fail(file, undefinedVariableReason(name, variables), at(index), 'undefined-variable');
  for (const { reason, index } of result.malformed) fail(file, reason, at(index), 'variable-syntax');
  if (result.tooLong) {
    if (!budget.reported) fail(file, tooLongReason, node.position?.start, 'text-too-long');
    budget.reported = true;
    budget.left = 0;
    return value;
  }
  if (result.value !== value) budget.left -= result.value.length;
  return result.value;
}
