/**
 * Positioned messages on content files, the unified way: every problem is a
 * `VFileMessage` on the file it concerns, with a place, a rule id and a hint
 * (`note`). Nothing here throws: a run collects every message, then reports.
 */
import type { Point, Position } from 'unist';
import type { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import { rules, type RuleId } from './catalog.ts';

export const messageSource = 'legal-site';

export type Place = Point | Position;

/** Adds an error (fatal message) to `file`. */
export function fail(file: VFile, reason: string, place: Place | undefined, ruleId: RuleId, hint?: string): VFileMessage {
  const message = file.message(reason, { place, ruleId, source: messageSource });
  message.fatal = true;
  message.note = hint ?? rules[ruleId].hint;
  return message;
}

/** Adds a warning to `file`: shown in the report, does not fail the build. */
export function warn(file: VFile, reason: string, place: Place | undefined, ruleId: RuleId, hint?: string): VFileMessage {
  const message = file.message(reason, { place, ruleId, source: messageSource });
  message.fatal = false;
  message.note = hint ?? rules[ruleId].hint;
  return message;
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
