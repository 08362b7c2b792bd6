/**
 * One writer per output folder at a time. Two builds into the same folder
 * would otherwise swap half-written folders into each other. The second one
 * waits (a bounded time) for the first to finish.
 *
 * proper-lockfile does the locking: the lock is a folder made with mkdir
 * (atomic, also on network file systems) whose time stamp the holder renews;
 * a lock left by a killed process goes stale after `staleSeconds` and is
 * taken over. A lock held through a normal exit or Ctrl-C is removed at once.
 */
import lockfile from 'proper-lockfile';
import { OutputError, shown } from './error.ts';

/** A lock not renewed for this long was left by a process that died. The holder renews it every 5 s. */
export const staleSeconds = 20;

export interface LockOptions {
  /** The folder the lock protects, for messages. */
  folder: string;
  /** How long to wait for another writer before giving up. */
  waitSeconds: number;
  /** Told once when another writer holds the lock and this one starts to wait. */
  onWait?: (message: string) => void;
}

export interface HeldLock {
  release(): Promise<void>;
  /** Throws when another process took the lock over while this one held it (it stopped renewing it, e.g. a frozen machine). */
  assertHeld(): void;
}

export async function lockFolder(lockPath: string, options: LockOptions): Promise<HeldLock> {
  const deadline = Date.now() + options.waitSeconds * 1000;
  let compromised: Error | undefined;
  let told = false;
  for (;;) {
    try {
      const release = await lockfile.lock(lockPath, {
        lockfilePath: lockPath,
        realpath: false,
        stale: staleSeconds * 1000,
        update: 5000,
        onCompromised: (error) => {
          compromised = error;
        },
      });
      return {
        release: () => release().catch(() => undefined),
        assertHeld() {
          if (compromised) {
            throw new OutputError(`Another process took over the lock ${lockPath} while this one was writing ${shown(options.folder)}; nothing was replaced. Run the command again.`, 1);
          }
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') throw error;
      if (Date.now() >= deadline) {
        throw new OutputError(
          `Another command is still writing ${shown(options.folder)} after ${options.waitSeconds} s of waiting (its lock: ${lockPath}); nothing was written. Run this one when it has finished.`,
          1,
        );
      }
      if (!told) {
        options.onWait?.(`Waiting for another command to finish writing ${shown(options.folder)} (a lock left by a stopped one expires within ${staleSeconds} s)…`);
        told = true;
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}
