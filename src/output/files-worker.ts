/** Lists an output folder's files off the main thread, for listOutputFiles (files.ts). */
import { parentPort, workerData } from 'node:worker_threads';
import { isOwnEntry, listFilesNow } from './files.ts';

const { dir } = workerData as { dir: string };
try {
  parentPort!.postMessage({ files: listFilesNow(dir, (entry) => isOwnEntry(dir, entry)) });
} catch (error) {
  const { message, code } = error as NodeJS.ErrnoException;
  parentPort!.postMessage({ error: { message, ...(code ? { code } : {}) } });
}
