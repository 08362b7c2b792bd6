/**
 * Positioned messages on content files, the unified way: every problem is a
 * `VFileMessage` on the file it concerns, with a place, a rule id and a hint
 * (`note`). Nothing here throws: a run collects every message, then reports.
 * A related place (the first use of a duplicate id, the lock entry a change
 * breaks) rides on the message as its `cause`, as remark-lint does, never in
 * the message's words.
 */
import type { Point, Position } from 'unist';
import type { VFile } from 'vfile';
import { VFileMessage } from 'vfile-message';
import { rules, type RuleId } from './catalog.ts';

export const messageSource = 'legal-site';

export type Place = Point | Position;

export interface MessageOptions {
  /** How to fix it; defaults to the rule's hint from the catalogue. */
  hint?: string | undefined;
  /** A related place, made with `related()`. */
  cause?: VFileMessage | undefined;
}

/** Adds an error (fatal message) to `file`. */
export function fail(file: VFile, reason: string, place: Place | undefined, ruleId: RuleId, options?: string | MessageOptions): VFileMessage {
  return add(file, reason, place, ruleId, options, true);
}

/** Adds a warning to `file`: shown in the report, does not fail the build. */
export function warn(file: VFile, reason: string, place: Place | undefined, ruleId: RuleId, options?: string | MessageOptions): VFileMessage {
  return add(file, reason, place, ruleId, options, false);
}

function add(file: VFile, reason: string, place: Place | undefined, ruleId: RuleId, options: string | MessageOptions | undefined, fatal: boolean): VFileMessage {
  const { hint, cause } = typeof options === 'string' ? { hint: options, cause: undefined } : (options ?? {});
  const message = file.message(reason, { place, ruleId, source: messageSource, ...(cause ? { cause } : {}) });
  message.fatal = fatal;
  message.note = hint ?? rules[ruleId].hint;
  return message;
}

/** A related place in `file` (not a problem of its own): the `cause` of another message. */
export function related(file: VFile, place: Place | undefined, reason: string): VFileMessage {
  const message = new VFileMessage(reason, { place, source: messageSource });
  message.file = file.path;
  return message;
}

/**
 * A message of its own for the file at `path`, for the caches that give a
 * file the messages of an earlier load (src/load/read-cache.ts,
 * src/load/parse-cache.ts, src/model/version-memo.ts): later steps change
 * messages (a draft's errors become warnings), so each load gets copies.
 */
export function copyMessage(message: VFileMessage, path: string): VFileMessage {
  const copy = Object.assign(Object.create(Object.getPrototypeOf(message) as object) as VFileMessage, message);
  copy.file = path;
  return copy;
}

export function hasErrors(files: Iterable<VFile>): boolean {
  for (const file of files) if (file.messages.some((message) => message.fatal === true)) return true;
  return false;
}

/** The first point of a place, defaulting to the start of the file. */
export function startOf(place: Place | undefined): Point {
  if (!place) return { line: 1, column: 1 };
  return 'start' in place ? place.start : place;
}

/** The point reached after reading `text` from `start` (1-based lines and columns). */
export function advance(start: Point, text: string): Point {
  const lines = text.split('\n');
  if (lines.length === 1) return { line: start.line, column: start.column + text.length };
  return { line: start.line + lines.length - 1, column: (lines.at(-1)?.length ?? 0) + 1 };
}
