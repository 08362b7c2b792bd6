/**
 * remark plugin: turns the flag directives `:sensitive[…]` and `:important[…]`
 * into `<strong class="flag-<kind>">`, through `data.hName` and
 * `data.hProperties` so that mdast-util-to-hast emits the element.
 *
 * A word after a colon in ordinary prose ("Note:this") parses as a directive
 * with no label; such a directive is turned back into the text it was. A
 * directive with a label or attributes that is not a flag is an error.
 */
import type { Root } from 'mdast';
import type { Directives } from 'mdast-util-directive';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { fail } from '../messages/message.ts';
import { closest } from '../messages/suggest.ts';
import './data.ts';
import { flagClass, flagKinds, type FlagKind } from '../schema/policy-text.ts';

export function isFlagKind(name: string): name is FlagKind {
  return (flagKinds as readonly string[]).includes(name);
}

export default function remarkFlags() {
  return function (tree: Root, file: VFile): void {
    const found: FlagKind[] = [];
    file.data.inlineFlags = found;
    visit(tree, (node, index, parent) => {
      if (node.type !== 'textDirective' && node.type !== 'leafDirective' && node.type !== 'containerDirective') return;
      const directive = node as Directives;
      const hasLabel = directive.children.length > 0;
      const hasAttributes = Object.keys(directive.attributes ?? {}).length > 0;
      const { start, end } = directive.position ?? {};
      // `:name` alone, without `[…]` or `{…}` (even empty ones), is prose.
      const bare = start?.offset !== undefined && end?.offset !== undefined && end.offset - start.offset === directive.name.length + 1;

      if (directive.type === 'textDirective' && bare && parent && index !== undefined) {
        parent.children.splice(index, 1, { type: 'text', value: `:${directive.name}`, ...(directive.position ? { position: directive.position } : {}) } as never);
        return SKIP;
      }

      if (directive.type !== 'textDirective' || !isFlagKind(directive.name)) {
        const suggestion = closest(directive.name, flagKinds);
        const written = directive.type === 'textDirective' ? `:${directive.name}[…]` : `${directive.type === 'leafDirective' ? '::' : ':::'}${directive.name}`;
        fail(
          file,
          `Unknown flag \`${written}\`, expected ${flagKinds.map((kind) => `\`:${kind}[…]\``).join(' or ')}${suggestion ? `. Did you mean \`:${suggestion}[…]\`?` : ''}`,
          directive.position,
          'unknown-flag',
        );
        return;
      }

      if (!hasLabel) {
        fail(file, `Unexpected empty flag \`:${directive.name}[]\`, expected the flagged words inside the brackets`, directive.position, 'flag-misuse');
      } else if (hasAttributes) {
        fail(file, `Unexpected \`{…}\` after flag \`:${directive.name}[…]\`; flags take no options`, directive.position, 'flag-misuse');
      }
      let nested = false;
      visit(directive, (inner) => {
        if (inner !== directive && inner.type === 'textDirective' && isFlagKind((inner as Directives).name)) nested = true;
      });
      if (nested) {
        fail(file, `Unexpected flag inside flag \`:${directive.name}[…]\`; flag each span once`, directive.position, 'flag-misuse');
      }
      found.push(directive.name);
      directive.data = { hName: 'strong', hProperties: { className: [flagClass(directive.name)] } };
      return undefined;
    });
  };
}
