/**
 * Writing single files safely, the file counterpart of index.ts:
 *
 * - an output file (`translations:export --out x.xlf`) replaces only a
 *   missing file, or one the same command wrote and nobody changed since
 *   (the command says, through `owner`, how it recognises its own files);
 *   never a folder, a symbolic link, nor anything inside the content folder;
 * - every file is written beside its place first and renamed over it, so a
 *   reader never sees half a file and a failed write leaves the old one.
 */
import { lstat, mkdir, readFile, realpath, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { OutputError, shown } from './error.ts';

/** Writes `text` to `file` through a temporary file beside it and a rename. */
export async function writeFileAtomic(file: string, text: string): Promise<void> {
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    await writeFile(temporary, text);
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/** Whether an existing file is this command's: `ours` (unchanged since it wrote it), `changed` (it wrote it, someone changed it since) or `foreign`. */
export type Ownership = 'ours' | 'changed' | 'foreign';

export interface FileOutputSpec {
  /** What the command writes, for messages: `the XLIFF file`. */
  what: string;
  /** The command as a person types it: `npm run translations:export`. */
  command: string;
  /** The content folder: nothing is written inside it. */
  contentDir: string;
  /** Reads an existing file's text: whose is it? */
  owner: (text: string) => Ownership;
  /** Advice when the file was changed since the command wrote it. */
  changedAdvice?: string;
}

/** Checks that `file` may be written by `spec.command`; throws an {@link OutputError} otherwise. Reads only. Returns the absolute path and whether it exists. */
export async function checkFileTarget(file: string, spec: FileOutputSpec): Promise<{ path: string; exists: boolean }> {
  const target = path.resolve(file);
  const display = shown(target).replace(/[\\/]$/, '');
  const refuse = (reason: string, advice = 'Choose another file with --out.') =>
    new OutputError(`Refusing to write ${spec.what} ${display}: ${reason}. Nothing was written. ${advice}`);
  const contentDir = await realpath(path.resolve(spec.contentDir)).catch(() => path.resolve(spec.contentDir));
  const folder = await realpath(path.dirname(target)).catch(() => undefined);
  const real = folder === undefined ? target : path.join(folder, path.basename(target));
  const relative = path.relative(contentDir, real);
  if (relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative))) {
    throw refuse(`it is inside the content folder ${shown(contentDir)}, which holds only content`, 'Choose a file outside it with --out.');
  }
  const info = await lstat(target).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    if (error.code === 'ENOTDIR') throw refuse(`${path.dirname(target)} is a file, not a folder`);
    throw error;
  });
  if (!info) return { path: target, exists: false };
  if (info.isSymbolicLink()) throw refuse('it is a symbolic link', 'Remove the link, or choose another file with --out.');
  if (info.isDirectory()) throw refuse('it is a folder', 'Name a file, such as zh-CN.xlf, with --out.');
  if (!info.isFile()) throw refuse('it is not a regular file');
  const owner = spec.owner(await readFile(target, 'utf8').catch(() => ''));
  if (owner === 'foreign') throw refuse(`it exists and \`${spec.command}\` did not write it; replacing it would lose it`, 'Move it elsewhere, or choose another file with --out.');
  if (owner === 'changed') throw refuse(`it was changed since \`${spec.command}\` wrote it; replacing it would lose the changes`, spec.changedAdvice ?? 'Move it elsewhere, or choose another file with --out.');
  return { path: target, exists: true };
}

/** Writes `text` to `file` after {@link checkFileTarget}, checking again just before the file is replaced. */
export async function writeOutputFile(file: string, text: string, spec: FileOutputSpec): Promise<string> {
  const { path: target } = await checkFileTarget(file, spec);
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.tmp`);
  try {
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(temporary, text);
    // Another program may have written the file in the meantime.
    await checkFileTarget(target, spec);
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { force: true });
    if (error instanceof OutputError) throw error;
    throw new OutputError(`Could not write ${spec.what} ${target}: ${(error as Error).message}`, 1);
  }
  return target;
}
