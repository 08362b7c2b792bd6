/**
 * A refusal or failure of an output folder, worded for a person: one line
 * that names the folder, what is in it and what to do. Commands print its
 * message alone, never a stack trace.
 */
import path from 'node:path';

export class OutputError extends Error {
  /** 2 when the command line named a folder that must not be written (like any bad argument), 1 when writing failed. */
  readonly exitCode: 1 | 2;

  constructor(message: string, exitCode: 1 | 2 = 2) {
    super(message);
    this.name = 'OutputError';
    this.exitCode = exitCode;
  }
}

/** A folder as a person reads it: relative to the current folder when inside it, else absolute; with a trailing slash. */
export function shown(folder: string, cwd = process.cwd()): string {
  const relative = path.relative(cwd, folder);
  const display = relative === '' ? '.' : relative.startsWith('..') || path.isAbsolute(relative) ? folder : relative;
  return display.endsWith(path.sep) ? display : `${display}${path.sep}`;
}

/** A few names of a listing, for a one-line message: `a, b/, c, d and 4 more`. */
export function someOf(names: readonly string[], limit = 4): string {
  if (names.length <= limit) return names.join(', ');
  return `${names.slice(0, limit).join(', ')} and ${names.length - limit} more`;
}
