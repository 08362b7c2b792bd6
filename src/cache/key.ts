/**
 * The key of a build: a sha256 over everything that decides its output.
 *
 * - every file of the content folder (path and bytes);
 * - the generator: every file of the project that the build reads (src/,
 *   public/, astro.config.mjs, tsconfig.json, package-lock.json: the
 *   dependencies' versions), and the Node.js and ICU versions (dates and
 *   plural rules come from ICU);
 * - the options (drafts, translation status, …) and the build date, which
 *   decides which version is current and which are upcoming.
 *
 * Two builds with the same key write the same bytes (tests/build/cache.test.ts
 * checks it), so the second may copy the first's output.
 */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { maxFileBytes } from '../load/read.ts';
import { listFiles } from '../output/stamp.ts';

/** Raised whenever the cache's layout or the key's recipe changes: older entries then never match. */
export const cacheFormat = 'legal-site-build-cache/1';

export interface KeyInputs {
  contentDir: string;
  projectRoot: string;
  /** The build's options, as given (without the output folder, which does not change what is written). */
  options: Record<string, unknown>;
  buildDate: string;
}

/** What the project contributes to the key: the files that make the generator. */
const generatorPaths = ['src', 'public', 'astro.config.mjs', 'tsconfig.json', 'package-lock.json'];

/**
 * The key, or `undefined` when the content holds something the build will
 * refuse (a file too large, a named pipe, a device …): reading it here could
 * hang or fail before the build reports it in its place, so such a build
 * runs without the cache.
 */
export async function buildKey(inputs: KeyInputs): Promise<string | undefined> {
  const hash = createHash('sha256');
  const field = (name: string, value: string | Buffer) => {
    hash.update(`${name}\u0000${Buffer.byteLength(value)}\u0000`);
    hash.update(value);
  };
  field('format', cacheFormat);
  field('node', `${process.version} icu ${process.versions.icu ?? ''} tz ${process.versions.tz ?? ''}`);
  field('date', inputs.buildDate);
  field('options', JSON.stringify(Object.keys(inputs.options).sort().map((name) => [name, inputs.options[name] ?? null])));
  field('content-path', inputs.contentDir);
  for (const file of await listFiles(inputs.contentDir)) {
    const full = path.join(inputs.contentDir, file);
    const stats = await stat(full).catch(() => undefined);
    if (!stats?.isFile() || stats.size > maxFileBytes) return undefined;
    field(`content:${file}`, await readFile(full));
  }
  for (const entry of generatorPaths) {
    const full = path.join(inputs.projectRoot, entry);
    const files = await listFiles(full).catch(() => undefined);
    if (files === undefined) {
      // A file, or missing (then it counts as empty).
      field(`generator:${entry}`, await readFile(full).catch(() => Buffer.alloc(0)));
      continue;
    }
    for (const file of files) field(`generator:${entry}/${file}`, await readFile(path.join(full, file)));
  }
  return hash.digest('hex');
}
