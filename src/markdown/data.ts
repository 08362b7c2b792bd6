/** What the caller tells the Markdown plugins about the text being rendered, through `file.data`. */
import type { FlagKind } from '../schema/policy-text.ts';
import type { DocumentLink, InternalLink, PageLinks, WrittenLink } from './remark-content-rules.ts';
import type { TextRun } from './remark-text-runs.ts';

declare module 'vfile' {
  interface DataMap {
    /** Variable values for the text's language. */
    variables: Readonly<Record<string, string>>;
    /** Set when the whole clause is flagged. */
    clauseFlag: FlagKind | undefined;
    /** Written by remark-flags: the kind of each inline flag, in reading order. */
    inlineFlags: FlagKind[];
    /** Written by remark-text-runs: each block's words with their flags, for redlines. */
    blocks: TextRun[][];
    /** Written by remark-content-rules: links to `#id` in the text. */
    internalLinks: InternalLink[];
    /** A text outside the policy (a notice): where `page:<name>` and `#id` links lead. Clause text has none. */
    pageLinks: PageLinks | undefined;
    /** Written by remark-content-rules when `pageLinks` is set: every link, in reading order. */
    writtenLinks: WrittenLink[];
    /** Where `doc:<document>#<id>` leads in the text's language (the page of another document). */
    documentHref: ((document: string, id: string | undefined) => string) | undefined;
    /** Written by remark-content-rules: links to another document, checked later against the site's documents. */
    documentLinks: DocumentLink[];
  }
}

declare module 'mdast' {
  interface TextData {
    /**
     * Written by remark-variables where it filled in a variable: the text as
     * written. Later checks look for mistakes in it, and measure places in it:
     * the filled-in value is longer or shorter than what the line says.
     */
    written?: string;
  }
}

/** A text node's text as written in the source (before variables were filled in). */
export function writtenText(node: { value: string; data?: { written?: string } | undefined }): string {
  return node.data?.written ?? node.value;
}

export {};
