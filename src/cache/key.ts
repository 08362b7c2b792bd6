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
import { readFile } from 'node:fs/promises';
import path from 'node:path';
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

export async function buildKey(inputs: KeyInputs): Promise<string> {
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
  for (const file of await listFiles(inputs.contentDir)) field(`content:${file}`, await readFile(path.join(inputs.contentDir, file)));
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
