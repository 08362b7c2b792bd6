/** What the commands share: the project folder and the options and environment several of them take. */
import path from 'node:path';
import { sourceDateEpochProblem } from '../model/build-date.ts';
import type { EnvironmentSpec, OptionSpec } from './command.ts';

/** The project folder (where package.json is). */
export const projectRoot = path.resolve(import.meta.dirname, '../..');

export const contentOption = {
  type: 'string',
  value: '<dir>',
  description: 'the content folder (default: content/)',
} as const satisfies OptionSpec;

export const outOption = {
  type: 'string',
  value: '<dir>',
  description: 'where to write the site (default: dist/): a new or empty folder, or one a build wrote before',
} as const satisfies OptionSpec;

/** Commands that check content decide the current version by the build date. */
export const buildDateEnvironment = {
  SOURCE_DATE_EPOCH: {
    description: 'the build date as seconds since 1970, which decides the current version (default: today)',
    check: sourceDateEpochProblem,
  },
} as const satisfies Record<string, EnvironmentSpec>;

/** A folder option as an absolute path: the value given (from the current folder), or `fallback` in the project folder. */
export function folder(value: string | undefined, fallback: string): string {
  return value === undefined ? path.join(projectRoot, fallback) : path.resolve(value);
}
