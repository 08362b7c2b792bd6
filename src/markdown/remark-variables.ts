/**
 * remark plugin: replaces `{{name}}` placeholders in text and link addresses
 * with the values from `file.data.variables`. An unknown name is an error at
 * the placeholder's position. Values are inserted as text, never as Markdown,
 * so a variable cannot add markup.
 */
import type { Root, Text } from 'mdast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { advance, fail } from '../messages/message.ts';
import './data.ts';
import { replaceVariables, undefinedVariableReason } from './variables.ts';

export default function remarkVariables() {
  return function (tree: Root, file: VFile): void {
    const variables = file.data.variables ?? {};
    visit(tree, (node) => {
      if (node.type === 'text' || node.type === 'inlineCode') {
        node.value = substitute(node.value, node, file, variables);
      } else if (node.type === 'link' || node.type === 'definition') {
        node.url = substitute(node.url, node, file, variables);
      }
    });
  };
}

function substitute(value: string, node: { position?: Text['position'] }, file: VFile, variables: Readonly<Record<string, string>>): string {
  const result = replaceVariables(value, variables);
  for (const { name, index } of result.missing) {
    fail(file, undefinedVariableReason(name, variables), node.position ? advance(node.position.start, value.slice(0, index)) : undefined, 'undefined-variable');
  }
  return result.value;
}
