/**
 * Carries positions from text inside a YAML value over to the YAML file.
 * Markdown parsed from a clause's `text:` knows only its own lines and
 * columns; this maps them back so that a message names the file's own line
 * and column. Exact for `|` blocks (the usual form for clause text), close
 * for quoted and plain values.
 */
import { isScalar, Scalar, type Node } from 'yaml';
import type { Point } from 'unist';
import { pointAt, type YamlSource } from './yaml.ts';

export type PointMapper = (point: Point) => Point;

export function markdownPointMapper(source: YamlSource, node: Node | undefined): PointMapper {
  if (!isScalar(node) || !node.range) return () => ({ line: 1, column: 1 });
  const start = pointAt(source, node.range[0]);
  const text = String(source.file.value);
  const inside = insideRange(source, text, node.range[0], node.range[1]);

  if (node.type === Scalar.BLOCK_LITERAL || node.type === Scalar.BLOCK_FOLDED) {
    const indent = blockIndent(text, node.range[0]);
    return (point) => inside({ line: start.line + point.line, column: indent + point.column });
  }
  const quote = node.type === Scalar.QUOTE_DOUBLE || node.type === Scalar.QUOTE_SINGLE ? 1 : 0;
  return (point) =>
    inside(
      point.line === 1
        ? { line: start.line, column: start.column + quote + point.column - 1 }
        : { line: start.line + point.line - 1, column: point.column },
    );
}

/** Moves a point that falls past the end of its line, or outside the value, to the nearest place inside. */
function insideRange(source: YamlSource, text: string, from: number, to: number): PointMapper {
  const starts = source.lineCounter.lineStarts;
  return (point) => {
    const lineStart = starts[point.line - 1] ?? text.length;
    const lineEnd = Math.max(lineStart, (starts[point.line] ?? text.length + 1) - 1);
    const offset = Math.min(Math.max(lineStart + point.column - 1, lineStart), lineEnd);
    return pointAt(source, Math.min(Math.max(offset, from), to));
  };
}

/** Indentation of the first non-empty line after a block scalar's `|` header. */
function blockIndent(text: string, headerOffset: number): number {
  let start = text.indexOf('\n', headerOffset);
  while (start !== -1) {
    const end = text.indexOf('\n', start + 1);
    const line = text.slice(start + 1, end === -1 ? undefined : end).replace(/\r$/, '');
    if (line.trim() !== '') return line.length - line.trimStart().length;
    start = end;
  }
  return 0;
}
