/**
 * remark plugin: replaces `{{name}}` placeholders in text and link addresses
 * with the values from `file.data.variables`. An unknown name is an error at
 * the placeholder's position. Values are inserted as text, never as Markdown,
 * so a variable cannot add markup.
 */
import type { Root, Text } from 'mdast';
import type { Point } from 'unist';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { fail } from '../messages/message.ts';
import { closest } from '../load/validate.ts';
import './data.ts';
import { replaceVariables } from './variables.ts';

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
    const suggestion = closest(name, Object.keys(variables));
    fail(
      file,
      `Undefined variable \`{{${name}}}\`, expected one of ${Object.keys(variables).map((known) => `\`{{${known}}}\``).join(', ') || 'the variables in site.yaml'}${suggestion ? `. Did you mean \`{{${suggestion}}}\`?` : ''}`,
      node.position ? advance(node.position.start, value.slice(0, index)) : undefined,
      'undefined-variable',
    );
  }
  return result.value;
}

/** The point reached after reading `text` from `start`. */
export function advance(start: Point, text: string): Point {
  const lines = text.split('\n');
  if (lines.length === 1) return { line: start.line, column: start.column + text.length };
  return { line: start.line + lines.length - 1, column: (lines.at(-1)?.length ?? 0) + 1 };
}
