/**
 * The warm-build cache: the output of a finished build, kept under its key
 * (key.ts) in node_modules/.cache/legal-site/, with a manifest that lists
 * every file and its sha256. A later build with the same key copies those
 * files instead of building again.
 *
 * Nothing in the cache is trusted: every file is checked against the
 * manifest as it is copied, and the manifest against its own hash. A missing,
 * changed, extra or unreadable file makes the entry invalid: it is removed and
 * the build runs in full. Entries are written into a folder of their own and
 * renamed into place when complete, so a killed build never leaves half an
 * entry; only the newest few entries are kept.
 */
import { createHash } from 'node:crypto';
import { access, copyFile, link, mkdir, readdir, readFile, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { isRunning } from '../output/index.ts';
import { listFiles } from '../output/stamp.ts';

const manifestName = 'manifest.json';
const filesName = 'files';
/** Entries kept: a build of the day and its --drafts review copy, with room for one more. */
const keep = 3;

const manifestSchema = z.strictObject({
  key: z.string().regex(/^[0-9a-f]{64}$/),
  files: z.record(z.string(), z.string().regex(/^[0-9a-f]{64}$/)),
  /** What the build printed (its report and closing lines), printed again on a hit. */
  printed: z.strictObject({ stdout: z.array(z.string()), stderr: z.array(z.string()) }),
  /** sha256 of the manifest without this field. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});

export type Printed = z.infer<typeof manifestSchema>['printed'];

export type Lookup = { hit: true; printed: Printed; files: number } | { hit: false; reason: 'none' | 'invalid'; detail?: string };

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

function manifestHash(manifest: Omit<z.infer<typeof manifestSchema>, 'sha256'>): string {
  return sha256(JSON.stringify({ key: manifest.key, files: manifest.files, printed: manifest.printed }));
}

export class BuildCache {
  readonly dir: string;

  constructor(dir: string) {
    this.dir = dir;
  }

  #entry(key: string): string {
    return path.join(this.dir, key);
  }

  /** Whether there is an entry for `key` (checked only when restored): a build with none goes on without taking its output folder. */
  async holds(key: string): Promise<boolean> {
    return access(path.join(this.#entry(key), manifestName)).then(
      () => true,
      () => false,
    );
  }

  /**
   * Copies the entry for `key` into `target` (an empty folder), checking
   * every file. On any mismatch the entry is removed, `target` is emptied,
   * and the result says why.
   */
  async restore(key: string, target: string): Promise<Lookup> {
    const entry = this.#entry(key);
    let manifest: z.infer<typeof manifestSchema>;
    try {
      manifest = manifestSchema.parse(JSON.parse(await readFile(path.join(entry, manifestName), 'utf8')));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { hit: false, reason: 'none' };
      return this.#invalid(entry, target, 'its manifest is unreadable');
    }
    if (manifest.key !== key || manifestHash(manifest) !== manifest.sha256) return this.#invalid(entry, target, 'its manifest does not match its hash');
    const root = path.join(entry, filesName);
    let present: string[];
    try {
      present = await listFiles(root);
    } catch {
      return this.#invalid(entry, target, 'its files are missing');
    }
    const expected = Object.keys(manifest.files).sort();
    if (present.length !== expected.length || present.some((file, index) => file !== expected[index])) return this.#invalid(entry, target, 'its list of files differs from its manifest');
    try {
      await mapLimited(expected, 16, async (file) => {
        const from = path.join(root, file);
        const bytes = await readFile(from);
        if (sha256(bytes) !== manifest.files[file]) throw new Mismatch(file);
        const destination = path.join(target, file);
        await mkdir(path.dirname(destination), { recursive: true });
        // Linked where possible (see save): checked just now, and a later change in place fails the next check.
        await link(from, destination).catch(() => writeFile(destination, bytes));
      });
    } catch (error) {
      return this.#invalid(entry, target, error instanceof Mismatch ? `${error.file} differs from its hash` : 'a file could not be read');
    }
    // Used now: the newest entries are kept.
    const now = new Date();
    await utimes(path.join(entry, manifestName), now, now).catch(() => undefined);
    return { hit: true, printed: manifest.printed, files: expected.length };
  }

  /**
   * Keeps `source` (a finished build's output, but for the top-level names
   * `skip` leaves out) under `key`. Files are hard-linked where the cache and
   * the output share a file system (a build replaces its output whole, so the
   * linked files are never written again; an output file edited in place
   * fails its hash at the next restore), copied elsewhere. Failure to write
   * the cache never fails the build.
   */
  async save(key: string, source: string, printed: Printed, skip: (topLevelName: string) => boolean = () => false): Promise<void> {
    const temporary = path.join(this.dir, `.tmp-${process.pid}-${Date.now()}`);
    try {
      await mkdir(path.join(temporary, filesName), { recursive: true });
      const files: Record<string, string> = {};
      const names = await listFiles(source, skip);
      await mapLimited(names, 16, async (file) => {
        const from = path.join(source, file);
        files[file] = sha256(await readFile(from));
        const destination = path.join(temporary, filesName, file);
        await mkdir(path.dirname(destination), { recursive: true });
        await link(from, destination).catch(() => copyFile(from, destination));
      });
      const sorted = Object.fromEntries(Object.keys(files).sort().map((file) => [file, files[file]!]));
      const body = { key, files: sorted, printed };
      await writeFile(path.join(temporary, manifestName), `${JSON.stringify({ ...body, sha256: manifestHash(body) })}\n`);
      await rm(this.#entry(key), { recursive: true, force: true });
      await rename(temporary, this.#entry(key));
      await this.#prune();
    } catch {
      // A full disk or a read-only node_modules: the next build is simply cold.
    } finally {
      await rm(temporary, { recursive: true, force: true }).catch(() => undefined);
    }
  }

  /** Removes the oldest entries beyond `keep`, and temporary folders left by killed builds. */
  async #prune(): Promise<void> {
    const entries = await readdir(this.dir, { withFileTypes: true });
    const dated: { name: string; time: number }[] = [];
    for (const entry of entries) {
      if (!entry.isDirectory()) continue;
      const full = path.join(this.dir, entry.name);
      if (entry.name.startsWith('.tmp-')) {
        const pid = Number(entry.name.split('-')[1]);
        if (pid !== process.pid && !isRunning(pid)) await rm(full, { recursive: true, force: true });
        continue;
      }
      const time = await stat(path.join(full, manifestName)).then((info) => info.mtimeMs, () => 0);
      dated.push({ name: entry.name, time });
    }
    dated.sort((a, b) => b.time - a.time);
    for (const old of dated.slice(keep)) await rm(path.join(this.dir, old.name), { recursive: true, force: true });
  }

  async #invalid(entry: string, target: string, detail: string): Promise<Lookup> {
    await rm(entry, { recursive: true, force: true }).catch(() => undefined);
    for (const name of await readdir(target).catch(() => [])) await rm(path.join(target, name), { recursive: true, force: true });
    return { hit: false, reason: 'invalid', detail };
  }
}

class Mismatch extends Error {
  readonly file: string;

  constructor(file: string) {
    super(file);
    this.file = file;
  }
}

/** Runs `work` on every item, at most `limit` at a time. */
async function mapLimited<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await work(items[next++]!);
  });
  await Promise.all(lanes);
}
