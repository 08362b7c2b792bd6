/**
 * The one unified processor for clause text, built once and reused for every
 * clause of every version and language (per-text settings travel in
 * `file.data`):
 *
 *   (limits on nesting and inline syntax, checked before parsing) →
 *   remark-parse → remark-gfm → remark-directive → places for the bare
 *   addresses remark-gfm links without one → depth limit, variables,
 *   our rules, flags, text runs (for redlines) → remark-rehype →
 *   whole-clause flags → rehype-sanitize → rehype-stringify
 *
 * Variables are filled before the rules check links, so that the address a
 * reader gets (`[site]({{website}})` → `https://…`) is the one checked.
 */
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkDirective from 'remark-directive';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import type { FlagKind } from '../schema/policy-text.ts';
import './data.ts';
import rehypeFlagBlocks from './rehype-flag-blocks.ts';
import remarkAutolinkPositions from './remark-autolink-positions.ts';
import remarkContentRules, { type DocumentLink, type InternalLink, type PageLinks, type WrittenLink } from './remark-content-rules.ts';
import remarkDepthLimit from './remark-depth-limit.ts';
import remarkFlags from './remark-flags.ts';
import remarkTextRuns, { type TextRun } from './remark-text-runs.ts';
import remarkVariables from './remark-variables.ts';
import { fail } from '../messages/message.ts';
import { limitProblem } from './limits.ts';
import { sanitizeSchema } from './sanitize.ts';

export const processor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkDirective)
  .use(remarkAutolinkPositions)
  .use(remarkDepthLimit)
  .use(remarkVariables)
  .use(remarkContentRules)
  .use(remarkFlags)
  .use(remarkTextRuns)
  .use(remarkRehype)
  .use(rehypeFlagBlocks)
  .use(rehypeSanitize, sanitizeSchema)
  // Lean, still valid HTML (the Nu checker runs on every built page): clause text is most of
  // each page, and the webview page must weigh little more than its text.
  .use(rehypeStringify, { omitOptionalTags: true, preferUnquoted: true })
  .freeze();

export interface RenderOptions {
  variables: Readonly<Record<string, string>>;
  /** Flags every block of the text. */
  clauseFlag?: FlagKind | undefined;
  /** Text outside the policy (a notice): where its `page:<name>` and `#id` links lead. */
  pageLinks?: PageLinks | undefined;
  /** Where `doc:<document>#<id>` leads in the text's language; without it such a link is refused. */
  documentHref?: ((document: string, id: string | undefined) => string) | undefined;
}

export interface Rendered {
  html: string;
  /** The kind of each inline flag, in reading order. */
  inlineFlags: FlagKind[];
  /** Each block's words with their flags. */
  blocks: TextRun[][];
  /** Links to `#id` in the text, with their positions, for reference checks. */
  links: InternalLink[];
  /** With `pageLinks`: every link as written, in reading order. */
  writtenLinks: WrittenLink[];
  /** Links to other documents (`doc:`), with their positions, for reference checks. */
  documentLinks: DocumentLink[];
  /** Messages positioned in the Markdown text (line 1 is its first line). */
  messages: VFileMessage[];
}

export function renderMarkdown(markdown: string, options: RenderOptions): Rendered {
  const file = new VFile({ value: markdown, data: { variables: options.variables, clauseFlag: options.clauseFlag, pageLinks: options.pageLinks, documentHref: options.documentHref } });
  const problem = limitProblem(markdown);
  if (problem) {
    fail(file, problem.reason, problem.point, problem.ruleId);
    return { html: '', inlineFlags: [], blocks: [], links: [], writtenLinks: [], documentLinks: [], messages: file.messages };
  }
  const html = String(processor.processSync(file)).trim();
  return { html, inlineFlags: file.data.inlineFlags ?? [], blocks: file.data.blocks ?? [], links: file.data.internalLinks ?? [], writtenLinks: file.data.writtenLinks ?? [], documentLinks: file.data.documentLinks ?? [], messages: file.messages };
}
