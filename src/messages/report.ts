/**
 * Formats collected messages for a person:
 *
 *     content/privacy/2022-09-15/en.yaml:12:9  error  Unknown key `sensitve` in a clause …  (unknown-key)
 *       see: content/privacy/2022-09-15/en.yaml:4:9  first used here
 *       fix: Check the spelling of the key …
 *

 * One entry per problem, in file order, then a count. No stack traces.
 * Content quoted in a message is printed with its control characters and
 * direction overrides written out (`<U+001B>`), so that it can neither
 * rewrite the terminal nor turn the line around.
 */
import path from 'node:path';
import type { VFile } from 'vfile';
import { VFileMessage } from 'vfile-message';
import { printable } from './characters.ts';
import { startOf } from './message.ts';

export interface ReportOptions {
  /** Paths are printed relative to this folder. */
  cwd?: string;
  /** A file whose messages come first (the one the author just saved), before the problems it caused elsewhere. */
  first?: string | undefined;
}

export function formatMessage(file: VFile, message: VFileMessage, options: ReportOptions = {}): string {
  const point = startOf(message.place);
  const severity = message.fatal === true ? 'error' : 'warning';
  const rule = message.ruleId ? `  (${message.ruleId})` : '';
  const lines = [`${printable(displayPath(file.path, options))}:${point.line}:${point.column}  ${severity}  ${printable(message.reason)}${rule}`];
  const cause = message.cause;
  if (cause instanceof VFileMessage && cause.file) {
    const at = startOf(cause.place);
    lines.push(`  see: ${printable(displayPath(cause.file, options))}:${at.line}:${at.column}  ${printable(cause.reason)}`);
  }
  if (message.note) lines.push(`  fix: ${printable(message.note)}`);
  return lines.join('\n');
}

export function formatReport(files: readonly VFile[], options: ReportOptions = {}): string {
  const entries = files
    .flatMap((file) => file.messages.map((message) => ({ file, message })))
    .sort((a, b) => compare(a.file, a.message, b.file, b.message, options));
  if (entries.length === 0) return '';
  const errors = entries.filter((entry) => entry.message.fatal === true).length;
  const warnings = entries.length - errors;
  const body = entries.map(({ file, message }) => formatMessage(file, message, options)).join('\n');
  return `${body}\n\n${count(errors, 'error')}, ${count(warnings, 'warning')}`;
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

function displayPath(filePath: string | undefined, options: ReportOptions): string {
  const cwd = options.cwd ?? process.cwd();
  return filePath ? path.relative(cwd, filePath) || filePath : '<unknown file>';
}

function compare(fileA: VFile, a: VFileMessage, fileB: VFile, b: VFileMessage, options: ReportOptions): number {
  const first = Number(fileB.path === options.first) - Number(fileA.path === options.first);
  if (first !== 0) return first;
  const byFile = displayPath(fileA.path, options).localeCompare(displayPath(fileB.path, options));
  if (byFile !== 0) return byFile;
  const pa = startOf(a.place);
  const pb = startOf(b.place);
  return pa.line - pb.line || pa.column - pb.column;
}
