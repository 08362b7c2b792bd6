/**
 * Limits checked before Markdown is parsed. Deeply nested lists make the
 * parser's time grow much faster than the text (400 levels take seconds,
 * 5 000 would stall a build), and no legal text nests beyond a few levels.
 */
import type { Point } from 'unist';

/** Spaces of indentation (a tab counts 4) beyond which a line is nested too deep: about 10 list levels. */
export const maxIndent = 40;
/** Block quote markers (`>`) on one line. */
export const maxQuoteDepth = 10;

export function nestingProblem(markdown: string): { point: Point; reason: string } | undefined {
  const lines = markdown.split(/\r?\n/);
  for (const [index, line] of lines.entries()) {
    const indent = /^[ \t]*/.exec(line)![0].replace(/\t/g, '    ').length;
    if (indent > maxIndent) {
      return { point: { line: index + 1, column: 1 }, reason: `Unexpected indentation of ${indent} spaces, expected lists nested at most about ${maxIndent / 4} levels deep` };
    }
    const quotes = /^(?:\s*>)+/.exec(line)?.[0].replace(/[^>]/g, '').length ?? 0;
    if (quotes > maxQuoteDepth) {
      return { point: { line: index + 1, column: 1 }, reason: `Unexpected ${quotes} nested quotes (\`>\`), expected at most ${maxQuoteDepth}` };
    }
  }
  return undefined;
}
