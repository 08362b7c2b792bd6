/**
 * Which folders a command may replace with its output. Nothing is ever
 * lost: a command writes only into a folder that does not exist yet, an
 * empty one, or one it wrote before (its stamp lists every file, and none
 * was added since). It never writes into the content folder, a folder inside
 * it or holding it, nor the project folder or one holding it, whatever they
 * contain. Everything else is refused before anything is written, with a
 * message that names the folder, what is in it and what to do.
 */
import type { Dirent } from 'node:fs';
import { lstat, readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { OutputError, shown, someOf } from './error.ts';
import { isOwnEntry, listOutputFiles, stampFileName } from './files.ts';
import { readStamp } from './stamp.ts';

export { workEntryPid, workNames } from './files.ts';

export interface OutputSpec {
  /** What the command writes, for messages: `the site`. */
  what: string;
  /** The command as a person types it, recorded in the stamp: `npm run build`. A folder another command wrote is refused. */
  command: string;
  /** The content folder: never written, nor anything inside it or holding it. */
  contentDir: string;
  /** Other folders the command reads, guarded like the content folder, by name: `{ 'public folder': '/…/public' }`. */
  inputs?: Readonly<Record<string, string>>;
  /** The project folder: never written, nor any folder holding it (a folder inside it, such as dist/, is fine). */
  projectRoot: string;
  /** Recognises a folder that an earlier version of the command wrote, before stamps existed. */
  isLegacyOutput?: (dir: string) => Promise<boolean>;
}

export type TargetState = 'missing' | 'empty' | 'stamped' | 'legacy';

export interface CheckedTarget {
  /** The folder, absolute, symbolic links resolved. */
  path: string;
  state: TargetState;
}

/**
 * Checks that `out` may be replaced by the output of `spec.command`; throws an {@link OutputError} otherwise. Reads only, writes nothing.
 * `files: false` leaves out the walk that finds files added to an earlier output (a second on a large site): for a check that
 * a full one follows before anything is replaced.
 */
export async function checkTarget(out: string, spec: OutputSpec, { files = true }: { files?: boolean } = {}): Promise<CheckedTarget> {
  const target = await resolveReal(path.resolve(out));
  const contentDir = await resolveReal(path.resolve(spec.contentDir));
  const projectRoot = await resolveReal(path.resolve(spec.projectRoot));
  const refuse = (reason: string, advice = 'Choose a new or empty folder with --out.') =>
    new OutputError(`Refusing to write ${spec.what} into ${shown(target)}: ${reason}. Nothing was written. ${advice}`);

  if (target === contentDir) throw refuse(`it is the content folder${await listing(target)}`);
  if (isInside(target, contentDir)) throw refuse(`it is inside the content folder ${shown(contentDir)}, which holds only content`, 'Choose a folder outside it with --out.');
  if (target === projectRoot) throw refuse(`it is the project folder${await listing(target)}`, 'Choose a folder such as dist/ with --out.');
  if (isInside(projectRoot, target)) throw refuse(`it holds the project folder ${projectRoot}${path.sep}${await listing(target)}`);
  if (isInside(contentDir, target)) throw refuse(`it holds the content folder ${contentDir}${path.sep}${await listing(target)}`);
  for (const [name, dir] of Object.entries(spec.inputs ?? {})) {
    const input = await resolveReal(path.resolve(dir));
    if (target === input) throw refuse(`it is the ${name}${await listing(target)}`);
    if (isInside(target, input)) throw refuse(`it is inside the ${name} ${shown(input)}, which the command reads`, 'Choose a folder outside it with --out.');
    if (isInside(input, target)) throw refuse(`it holds the ${name} ${input}${path.sep}${await listing(target)}`);
  }

  const info = await lstat(target).catch(orMissing);
  if (!info) {
    const ancestor = await nearestExisting(target);
    if (!(await stat(ancestor)).isDirectory()) throw refuse(`${ancestor} is a file, not a folder`);
    return { path: target, state: 'missing' };
  }
  if (info.isSymbolicLink()) throw refuse('it is a symbolic link to nothing', 'Remove the link, or choose another folder with --out.');
  if (!info.isDirectory()) throw refuse('it is a file, not a folder', 'Choose a folder with --out.');

  const entries = (await readdir(target, { withFileTypes: true })).filter((entry) => !isOwnEntry(target, entry.name));
  const stamp = await readStamp(target);
  const moveAway = (count: number) => `Move ${count === 1 ? 'it' : 'them'} elsewhere, or choose a new or empty folder with --out.`;
  if (stamp === 'unreadable') {
    const names = entryNames(await readdir(target, { withFileTypes: true }));
    throw refuse(`its ${stampFileName} is not a stamp this tool wrote, so its files (${someOf(names)}) may not be ours to delete`, moveAway(names.length));
  }
  if (entries.length === 0) return { path: target, state: stamp ? 'stamped' : 'empty' };

  const names = entryNames(entries);
  if (stamp) {
    if (stamp.command !== spec.command) throw refuse(`\`${stamp.command}\` wrote it (${someOf(names)})`, `Give each command its own folder with --out.`);
    if (!files) return { path: target, state: 'stamped' };
    const written = new Set(stamp.files);
    const added = (await listOutputFiles(target)).filter((file) => !written.has(file));
    if (added.length > 0) throw refuse(`${added.length === 1 ? 'a file was' : `${added.length} files were`} added since \`${stamp.command}\` wrote it (${someOf(added)}), which replacing it would delete`, moveAway(added.length));
    return { path: target, state: 'stamped' };
  }
  if (await spec.isLegacyOutput?.(target)) return { path: target, state: 'legacy' };
  throw refuse(`it is not empty and \`${spec.command}\` did not write it (${someOf(names)}); replacing it would delete ${names.length === 1 ? 'it' : 'them'}`, moveAway(names.length));
}

/** Whether `inner` is strictly inside `outer`. */
function isInside(inner: string, outer: string): boolean {
  const relative = path.relative(outer, inner);
  return relative !== '' && !relative.startsWith(`..${path.sep}`) && relative !== '..' && !path.isAbsolute(relative);
}

/** The path with every symbolic link resolved, also when its last parts do not exist yet. */
async function resolveReal(absolute: string): Promise<string> {
  const existing = await nearestExisting(absolute);
  const real = await realpath(existing).catch(() => existing);
  return path.join(real, path.relative(existing, absolute));
}

/** `absolute` or the nearest folder above it that exists (a dangling link counts as existing). */
async function nearestExisting(absolute: string): Promise<string> {
  let current = absolute;
  while (!(await lstat(current).catch(orMissing))) {
    const parent = path.dirname(current);
    if (parent === current) break;
    current = parent;
  }
  return current;
}

/** ` (it contains a, b/, c and 5 more)`: a few entries of a folder, for a message. */
async function listing(dir: string): Promise<string> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  if (entries.length === 0) return '';
  return ` (it contains ${someOf(entryNames(entries))})`;
}

/** Names for a message, folders with a slash, hidden ones last. */
function entryNames(entries: readonly Dirent[]): string[] {
  const hiddenLast = (name: string) => `${name.startsWith('.') ? '1' : '0'}${name}`;
  return entries
    .map((entry) => (entry.isDirectory() ? `${entry.name}/` : entry.name))
    .sort((a, b) => hiddenLast(a).localeCompare(hiddenLast(b), 'en'));
}

function orMissing(error: NodeJS.ErrnoException): undefined {
  if (error.code === 'ENOENT' || error.code === 'ENOTDIR') return undefined;
  throw error;
}
