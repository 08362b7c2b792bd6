/**
 * The preview's memory of file reads: a save changes one file, and reading
 * every other file again (decoding it, scanning it for forbidden characters)
 * would find the same text. A file whose size, modification and change times
 * and inode are those of the last read gets its text and its read messages
 * again; any change to the file changes one of them. Used only by a cache
 * passed in (src/load/parse-cache.ts): a build reads every file.
 */
import type { Stats } from 'node:fs';
import type { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import { copyMessage } from '../messages/message.ts';

interface Entry {
  signature: string;
  text: string;
  messages: VFileMessage[];
}

export class ReadCache {
  readonly #entries = new Map<string, Entry>();
  #used = new Set<string>();

  /** What identifies a file's content without reading it, or `undefined` for anything but a regular file. */
  static signature(stats: Stats | undefined): string | undefined {
    return stats?.isFile() ? `${stats.dev}:${stats.ino}:${stats.size}:${stats.mtimeMs}:${stats.ctimeMs}` : undefined;
  }

  /** Gives `file` the text and messages of its last read, when `signature` is unchanged. */
  restore(file: VFile, signature: string): boolean {
    this.#used.add(file.path);
    const entry = this.#entries.get(file.path);
    if (!entry || entry.signature !== signature) return false;
    file.value = entry.text;
    for (const message of entry.messages) file.messages.push(copyMessage(message, file.path));
    return true;
  }

  keep(file: VFile, signature: string, messages: readonly VFileMessage[]): void {
    this.#used.add(file.path);
    this.#entries.set(file.path, { signature, text: String(file.value), messages: messages.map((message) => copyMessage(message, file.path)) });
  }

  sweep(): void {
    for (const key of this.#entries.keys()) if (!this.#used.has(key)) this.#entries.delete(key);
    this.#used = new Set();
  }

  clear(): void {
    this.#entries.clear();
    this.#used = new Set();
  }
}
