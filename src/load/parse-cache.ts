/**
 * Parse and validate each distinct file content once.
 *
 * Parsing YAML with positions and validating it against its schema depend
 * only on the file's text, the schema and its placeholders. Identical files
 * are common (a version's variables.yaml, an SDK directory that did not
 * change, a translation record), and in the preview every file but the one
 * just saved is the same as at the last load. So the result (the YAML
 * document, the validated data and the messages they produced) is kept by
 * text (the text itself is the key), and a file with a text seen before gets it again: its own copies of
 * the messages, and the shared document and data with its own `file`.
 *
 * Shared results must never be changed. The commands that rewrite content
 * files through the parsed document (publish-version, translations:confirm)
 * load without the cache: only a cache that is passed in is used (the build
 * and the preview pass one, src/integration/handoff.ts).
 *
 * After each load, `sweep()` forgets the texts that load did not meet, so a
 * long preview session holds only the current content.
 */
import type { VFileMessage } from 'vfile-message';
import { copyMessage } from '../messages/message.ts';
import type { VFile } from 'vfile';
import type { z } from 'zod';
import { ReadCache } from './read-cache.ts';
import { withFile, type YamlSource } from './yaml.ts';

interface Entry {
  source: YamlSource | undefined;
  data: unknown;
  partial: boolean;
  valid: boolean;
  messages: VFileMessage[];
}

export class ParseCache {
  /** The reads behind the parses (read-cache.ts). */
  readonly reads = new ReadCache();
  /** By schema (each schema validates differently), then by the placeholders and the text. */
  readonly #entries = new Map<z.ZodType, Map<string, Entry>>();
  #used = new Set<string>();
  hits = 0;
  misses = 0;

  /**
   * The parse of `file` against `schema`: from the cache when its text was
   * parsed before, else from `parse`, whose result and messages are kept.
   */
  parse<T>(file: VFile, schema: z.ZodType, placeholders: Readonly<Record<string, unknown>> | undefined, parse: () => { source: YamlSource | undefined; data?: T; partial?: boolean; valid: boolean }): { source: YamlSource | undefined; data?: T; partial?: boolean; valid: boolean } {
    const text = String(file.value);
    // The text itself is the key: a Map hashes a string natively, faster than a digest of it.
    const key = `${placeholders ? JSON.stringify(placeholders) : ''}\u0000${text}`;
    let bySchema = this.#entries.get(schema);
    if (!bySchema) this.#entries.set(schema, (bySchema = new Map()));
    this.#used.add(`${key}`);
    const found = bySchema.get(key);
    if (found) {
      this.hits++;
      for (const message of found.messages) file.messages.push(copyMessage(message, file.path));
      return { source: found.source && withFile(found.source, file), data: found.data as T, partial: found.partial, valid: found.valid };
    }
    this.misses++;
    const before = file.messages.length;
    const result = parse();
    bySchema.set(key, { source: result.source, data: result.data, partial: result.partial ?? false, valid: result.valid, messages: file.messages.slice(before).map((message) => copyMessage(message, file.path)) });
    return result;
  }

  /** Forgets everything (a build, after its one load: only a preview loads again). */
  clear(): void {
    this.reads.clear();
    this.#entries.clear();
    this.#used = new Set();
  }

  /** Forgets every text the loads since the last sweep did not meet. */
  sweep(): void {
    this.reads.sweep();
    for (const bySchema of this.#entries.values()) {
      for (const key of bySchema.keys()) if (!this.#used.has(key)) bySchema.delete(key);
    }
    this.#used = new Set();
  }
}

