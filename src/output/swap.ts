/**
 * Putting a finished output folder in place of the old one, so that the
 * target always holds a complete output, old or new.
 *
 * The usual way is two renames beside the target (old → `previous`, new →
 * target), which takes a moment whatever the size. A rename cannot always do
 * it: the target may be a mount point (EBUSY: it cannot be renamed), or the
 * new folder on another file system (EXDEV; overlay file systems in
 * containers also answer EXDEV for folders). Then the swap happens inside
 * the target, entry by entry, and an entry that cannot be renamed is copied.
 * A swap that fails half way moves the old entries back.
 *
 * The file operations are passed in, so tests can make rename fail.
 */
import { cp, mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { stampFileName } from './stamp.ts';

export interface SwapFs {
  rename(from: string, to: string): Promise<void>;
  cp(from: string, to: string, options: { recursive: true; errorOnExist: true; force: false; verbatimSymlinks: true }): Promise<void>;
  rm(target: string, options: { recursive: true; force: true }): Promise<void>;
  mkdir(target: string, options: { recursive: true }): Promise<unknown>;
  readdir(target: string): Promise<string[]>;
  exists(target: string): Promise<boolean>;
}

export const nodeFs: SwapFs = {
  rename,
  cp,
  rm,
  mkdir,
  readdir,
  exists: (target) => stat(target).then(
    () => true,
    (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return false;
      throw error;
    },
  ),
};

const renameRefused = new Set(['EXDEV', 'EBUSY', 'EPERM', 'EACCES', 'ENOTSUP']);
const code = (error: unknown) => (error as NodeJS.ErrnoException).code ?? '';

/** Moves `from` to `to` (which must not exist): a rename, or a copy then removal where the rename cannot cross file systems. */
export async function move(from: string, to: string, fs: SwapFs = nodeFs): Promise<void> {
  try {
    await fs.rename(from, to);
  } catch (error) {
    if (code(error) !== 'EXDEV') throw error;
    await fs.cp(from, to, { recursive: true, errorOnExist: true, force: false, verbatimSymlinks: true });
    await fs.rm(from, { recursive: true, force: true });
  }
}

/** Moves every entry of the folder `from` into the existing folder `to`. */
export async function moveContents(from: string, to: string, fs: SwapFs = nodeFs): Promise<void> {
  for (const name of await fs.readdir(from)) await move(path.join(from, name), path.join(to, name), fs);
}

export interface BesideSwap {
  /** The finished new output, beside the target. */
  staging: string;
  target: string;
  /** Where the old output waits (beside the target) until the new one is in place. */
  previous: string;
  /** Names inside the target that are not output and stay (used when the swap falls back to the inside). */
  keep: ReadonlySet<string>;
}

/** Replaces `target` by `staging`, both in the same folder. */
export async function swapBeside(swap: BesideSwap, fs: SwapFs = nodeFs): Promise<void> {
  const { staging, target, previous } = swap;
  if (!(await fs.exists(target))) {
    await move(staging, target, fs);
    return;
  }
  await fs.rm(previous, { recursive: true, force: true });
  try {
    await fs.rename(target, previous);
  } catch (error) {
    if (!renameRefused.has(code(error))) throw error;
    // A mount point, or a file system that will not rename this folder: swap its contents instead.
    await swapInside({ staging, target, previous: path.join(target, path.basename(previous)), keep: swap.keep }, fs);
    return;
  }
  try {
    await move(staging, target, fs);
  } catch (error) {
    await fs.rm(target, { recursive: true, force: true });
    await fs.rename(previous, target);
    throw error;
  }
  await fs.rm(previous, { recursive: true, force: true });
}

export interface InsideSwap {
  /** The finished new output: inside the target, or anywhere when the swap falls back to the inside. */
  staging: string;
  target: string;
  /** A folder inside the target where the old entries wait until the new ones are in place. */
  previous: string;
  /** Names inside the target that are not output and stay: the staging folder, the lock. */
  keep: ReadonlySet<string>;
}

/** Replaces the entries of `target` by those of `staging`, the stamp last, so that an interrupted swap never looks like a finished output. */
export async function swapInside(swap: InsideSwap, fs: SwapFs = nodeFs): Promise<void> {
  const { staging, target, previous } = swap;
  const stays = new Set([...swap.keep, path.basename(staging), path.basename(previous)]);
  await fs.rm(previous, { recursive: true, force: true });
  await fs.mkdir(previous, { recursive: true });
  const old = (await fs.readdir(target)).filter((name) => !stays.has(name));
  const fresh = (await fs.readdir(staging)).sort((a, b) => Number(a === stampFileName) - Number(b === stampFileName));
  const moved: string[] = [];
  const placed: string[] = [];
  try {
    for (const name of old) {
      await move(path.join(target, name), path.join(previous, name), fs);
      moved.push(name);
    }
    for (const name of fresh) {
      await move(path.join(staging, name), path.join(target, name), fs);
      placed.push(name);
    }
  } catch (error) {
    for (const name of placed) await fs.rm(path.join(target, name), { recursive: true, force: true });
    for (const name of moved) await move(path.join(previous, name), path.join(target, name), fs);
    await fs.rm(previous, { recursive: true, force: true });
    throw error;
  }
  await fs.rm(previous, { recursive: true, force: true });
  await fs.rm(staging, { recursive: true, force: true });
}
