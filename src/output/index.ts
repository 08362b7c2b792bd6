/**
 * Writing an output folder safely, for every command that writes one (the
 * build now; declarations, translation exports and PDFs later):
 *
 * 1. the target is checked (target.ts): only a missing or empty folder, or
 *    one this command wrote before, may be replaced;
 * 2. a lock keeps a second writer of the same folder waiting (lock.ts);
 * 3. temporary folders of writers that were killed are removed;
 * 4. the command writes its output into a new folder beside the target, or
 *    inside it when the target is a mount point or its parent is read-only;
 *    meanwhile a worker thread walks the target for files added since the
 *    stamp (files.ts), and any such file stops the command before step 5;
 * 5. the finished folder gets the stamp (stamp.ts) and is swapped in
 *    (swap.ts). A failed write leaves the target as it was.
 */
import { access, constants, mkdir, readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { OutputError, shown } from './error.ts';
import { lockFolder } from './lock.ts';
import { writeStamp } from './stamp.ts';
import { nodeFs, swapBeside, swapInside, type SwapFs } from './swap.ts';
import { checkTarget, workEntryPid, workNames, type CheckedTarget, type OutputSpec } from './target.ts';

export { OutputError, shown } from './error.ts';
export { checkTarget, type CheckedTarget, type OutputSpec, type TargetState } from './target.ts';
export { stampFileName } from './stamp.ts';
export { moveContents } from './swap.ts';

export interface WriteOptions extends OutputSpec {
  /** Writes the new output into `staging`, an empty folder. A throw leaves the target as it was. */
  write: (staging: string) => Promise<void>;
  /** How long to wait for another command writing the same folder (default 5 minutes). */
  waitSeconds?: number;
  /** Told once when another command holds the folder and this one waits. */
  onWait?: (message: string) => void;
  /**
   * Check the target's files for ones added since its stamp while `write` runs, rather than before: for a command
   * that checked them already when it started (the build), so that the walk through a large earlier output costs
   * no time. A file added meanwhile still stops the command before anything replaces the target.
   */
  checkFilesWhileWriting?: boolean;
  /** File operations of the swap; tests pass failing ones. */
  fs?: SwapFs;
}

/** Writes an output folder at `out` through `options.write`; returns the target as it was checked before. */
export async function writeOutput(out: string, options: WriteOptions): Promise<CheckedTarget> {
  // Where the folder is and whether it may be written at all; the files in it are checked under the lock.
  const checked = await checkTarget(out, options, { files: false });
  const target = checked.path;
  const parent = path.dirname(target);
  const name = path.basename(target);
  await mkdir(parent, { recursive: true }).catch((error: NodeJS.ErrnoException) => {
    throw new OutputError(`Could not create ${shown(parent)} for ${options.what}: ${error.message}`, 1);
  });
  const inside = await worksInside(target, parent);
  const workDir = inside ? target : parent;
  const names = workNames(name);
  const lock = await lockFolder(path.join(workDir, names.lock), { folder: target, waitSeconds: options.waitSeconds ?? 300, ...(options.onWait ? { onWait: options.onWait } : {}) });
  try {
    // The folder may have changed while this command waited for the lock.
    const whileWriting = options.checkFilesWhileWriting === true;
    const before = await checkTarget(target, options, { files: !whileWriting });
    await removeStale(workDir, name);
    const staging = path.join(workDir, names.next);
    await mkdir(staging);
    // Checked while the command writes, the walk runs in a worker (files.ts); the output is written beside the
    // target, or inside it under a name of its own, so nothing is replaced before the check ends.
    const [check, write] = await Promise.allSettled([whileWriting ? checkTarget(target, options) : before, Promise.resolve().then(() => options.write(staging))]);
    let current: CheckedTarget;
    try {
      if (check.status === 'rejected') throw check.reason;
      if (write.status === 'rejected') throw write.reason;
      current = check.value;
      await writeStamp(staging, options.command);
      lock.assertHeld();
      const fs = options.fs ?? nodeFs;
      const keep = new Set([names.lock, names.next, names.previous]);
      if (inside) await swapInside({ staging, target, previous: path.join(target, names.previous), keep }, fs);
      else await swapBeside({ staging, target, previous: path.join(parent, names.previous), keep }, fs);
    } catch (error) {
      await rm(staging, { recursive: true, force: true });
      throw error;
    }
    return { ...checked, state: current.state };
  } finally {
    await lock.release();
  }
}

/**
 * Whether to work inside the target instead of beside it: when it is a
 * mount point (it cannot be renamed, and its parent is another file system)
 * or its parent cannot be written.
 */
async function worksInside(target: string, parent: string): Promise<boolean> {
  const targetInfo = await stat(target).catch(() => undefined);
  if (!targetInfo) return false;
  if (targetInfo.dev !== (await stat(parent)).dev) return true;
  return access(parent, constants.W_OK).then(
    () => false,
    () => true,
  );
}

/** Removes the temporary folders that writers of `<workDir>/<name>` left when they were killed (their process is gone). */
export async function removeStale(workDir: string, name: string): Promise<string[]> {
  const removed: string[] = [];
  for (const entry of await readdir(workDir)) {
    const pid = workEntryPid(name, entry);
    if (!pid || (pid !== process.pid && isRunning(pid))) continue;
    await rm(path.join(workDir, entry), { recursive: true, force: true });
    removed.push(entry);
  }
  return removed;
}

/** Whether a process with this id runs on this machine. */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
