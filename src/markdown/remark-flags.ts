/**
 * remark plugin: turns the flag directives `:sensitive[…]` and `:important[…]`
 * into `<strong class="flag-<kind>">`, through `data.hName` and
 * `data.hProperties` so that mdast-util-to-hast emits the element.
 *
 * A word after a colon in ordinary prose ("Note:this") parses as a directive
 * with no label; such a directive is turned back into the text it was. A
 * directive with a label or attributes that is not a flag is an error.
 *
 * A flag written almost right would be published as raw text, its words not
 * marked: each near miss is an error that gives the right spelling. Near
 * misses are a flag's name (in any case) after a colon without `[…]` right
 * after it (`:sensitive [x]`, `:sensitive(x)`, `:sensitive【x】`, a bare
 * `:sensitive` before words), two or three colons (`::sensitive[x]`), a
 * full-width colon (`：sensitive[x]`), a space after the colon
 * (`: sensitive[x]`), and a misspelt name followed by a bracket.
 */
import type { Parent, Root, Text } from 'mdast';
import type { Directives } from 'mdast-util-directive';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { advance, fail } from '../messages/message.ts';
import { closest } from '../messages/suggest.ts';
import { writtenText } from './data.ts';
import { flagClass, flagKinds, type FlagKind } from '../schema/policy-text.ts';

export function isFlagKind(name: string): name is FlagKind {
  return (flagKinds as readonly string[]).includes(name);
}

/** Brackets and braces a flag's words were probably meant to be in, when not `[…]`. */
const openingBracket = /^[ \t]*[[【［(（{〔〖「]/;
/**
 * A flag's name, followed by a square bracket, after a full-width colon,
 * after an ASCII colon and a space, or after two colons in a line (micromark
 * reads `a ::sensitive[x]` as text). (Without the bracket it may be prose:
 * "敏感个人信息：sensitive personal information".)
 */
const textNearMiss = /(?:[：﹕︓][ \t\u3000]*|:[ \t\u3000]+|:{2,})(sensitive|important)[ \t\u3000]*[[【［]/giu;

const expected = flagKinds.map((kind) => `\`:${kind}[…]\``).join(' or ');

export default function remarkFlags() {
  return function (tree: Root, file: VFile): void {
    const found: FlagKind[] = [];
    file.data.inlineFlags = found;
    visit(tree, (node, index, parent) => {
      if (node.type === 'text') {
        nearMissesInText(node, file);
        return undefined;
      }
      if (node.type !== 'textDirective' && node.type !== 'leafDirective' && node.type !== 'containerDirective') return undefined;
      const directive = node as Directives;
      const hasLabel = directive.children.length > 0;
      const hasAttributes = Object.keys(directive.attributes ?? {}).length > 0;
      const { start, end } = directive.position ?? {};
      // `:name` alone, without `[…]` or `{…}` (even empty ones), is prose.
      const bare = start?.offset !== undefined && end?.offset !== undefined && end.offset - start.offset === directive.name.length + 1;
      const lower = directive.name.toLowerCase();

      if (directive.type === 'textDirective' && bare && parent && index !== undefined) {
        bareNearMiss(directive, parent, index, file);
        parent.children.splice(index, 1, { type: 'text', value: `:${directive.name}`, ...(directive.position ? { position: directive.position } : {}) } as never);
        return SKIP;
      }

      if (directive.type !== 'textDirective' && isFlagKind(lower)) {
        const colons = directive.type === 'leafDirective' ? '::' : ':::';
        fail(file, `Unexpected \`${colons}${directive.name}\` with ${colons.length} colons, expected \`:${lower}[the flagged words]\` with one colon`, directive.position, 'flag-misuse');
        return undefined;
      }

      if (directive.type !== 'textDirective' || !isFlagKind(directive.name)) {
        const suggestion = closest(directive.name, flagKinds);
        const written = directive.type === 'textDirective' ? `:${directive.name}[…]` : `${directive.type === 'leafDirective' ? '::' : ':::'}${directive.name}`;
        fail(file, `Unknown flag \`${written}\`, expected ${expected}${suggestion ? `. Did you mean \`:${suggestion}[…]\`?` : ''}`, directive.position, 'unknown-flag');
        return undefined;
      }

      if (parent && index !== undefined) doubleColon(directive, parent, index, file);
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

/** `:sensitive` with no `[…]`: the words it was meant to flag would be published unmarked. */
function bareNearMiss(directive: Directives, parent: Parent, index: number, file: VFile): void {
  const lower = directive.name.toLowerCase();
  const next = parent.children[index + 1];
  const following = next?.type === 'text' ? writtenText(next) : '';
  const bracket = openingBracket.exec(following)?.[0].trim();
  if (isFlagKind(lower)) {
    const how = bracket === '[' ? 'with no space before `[`' : bracket ? `with the words in square brackets \`[…]\`, not \`${bracket}…\`` : 'with the flagged words in square brackets right after the name';
    fail(file, `Unexpected \`:${directive.name}\` without \`[…]\`, expected \`:${lower}[the flagged words]\` ${how}`, directive.position, 'flag-misuse');
    return;
  }
  const suggestion = closest(directive.name, flagKinds);
  if (suggestion && bracket) {
    fail(file, `Unknown flag \`:${directive.name}\`, expected ${expected}. Did you mean \`:${suggestion}[…]\`?`, directive.position, 'unknown-flag');
  }
}

/** `::sensitive[x]` in a line: the first colon is text just before a flag. */
function doubleColon(directive: Directives, parent: Parent, index: number, file: VFile): void {
  const previous = parent.children[index - 1];
  if (previous?.type !== 'text' || !/[:：]$/.test(writtenText(previous))) return;
  if (previous.position?.end.offset !== directive.position?.start.offset) return;
  const place = directive.position ? { line: directive.position.start.line, column: directive.position.start.column - 1 } : undefined;
  fail(file, `Unexpected \`${writtenText(previous).at(-1)}:${directive.name}[…]\` with two colons, expected \`:${directive.name}[…]\` with one`, place, 'flag-misuse');
}

function nearMissesInText(node: Text, file: VFile): void {
  // In the text as written: a variable's value is shown as it is, never read as a flag.
  const text = writtenText(node);
  textNearMiss.lastIndex = 0;
  for (let match = textNearMiss.exec(text); match; match = textNearMiss.exec(text)) {
    const name = match[1]!.toLowerCase();
    const place = node.position ? advance(node.position.start, text.slice(0, match.index)) : undefined;
    fail(file, `Unexpected \`${match[0].trim()}\`, expected \`:${name}[the flagged words]\`: an ASCII colon right before the name, and the words in square brackets`, place, 'flag-misuse');
  }
}
