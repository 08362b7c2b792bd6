/**
 * The preview's answer time after a save, as a legal editor meets it: a
 * draft version is started (`npm run new-version`), the preview is started
 * on the content, and each sample edits one clause of the draft's source
 * text and polls the draft's page until it shows the new words. The time
 * runs from the save to the first answer with the new words.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseDocument } from 'yaml';
import { projectRoot } from '../cli/args.ts';

export interface PreviewTiming {
  medianMs: number;
  samplesMs: number[];
}

/** The draft every sample edits: later than any version of the example or the synthetic sites. */
const draftDate = '2099-01-01';

export async function measurePreview(contentDir: string, samples = 9, env: NodeJS.ProcessEnv = {}): Promise<PreviewTiming> {
  const document = await firstDocument(contentDir);
  const started = spawnSync(process.execPath, [path.join(projectRoot, 'src/cli/versions.ts'), 'new', document, draftDate, '--content', contentDir], { encoding: 'utf8', env: { ...process.env, ...env } });
  if (started.status !== 0) throw new Error(`Could not start a draft in ${contentDir}:\n${started.stderr}`);
  const server = spawn(process.execPath, [path.join(projectRoot, 'src/cli/dev.ts'), '--content', contentDir, '--port', '0'], { cwd: projectRoot, env: { ...process.env, ...env }, detached: true });
  try {
    const origin = await addressOf(server);
    const page = `${origin}/en/${document}/${draftDate}/`;
    await poll(page, () => true, 120_000);
    const file = path.join(contentDir, document, draftDate, 'en.yaml');
    const original = await readFile(file, 'utf8');
    const times: number[] = [];
    for (let sample = 1; sample <= samples; sample++) {
      const words = `Edited in sample ${sample} of the preview benchmark.`;
      const yaml = parseDocument(original);
      const clause = ['sections', 0, 'clauses', 0, 'text'];
      yaml.setIn(clause, `${String(yaml.getIn(clause)).trimEnd()} ${words}\n`);
      const saved = performance.now();
      await writeFile(file, yaml.toString({ lineWidth: 0 }));
      await poll(page, (body) => body.includes(words), 60_000);
      times.push(Math.round(performance.now() - saved));
      // Let the watcher settle before the next save, as between two edits of a person.
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
    return { medianMs: Math.round(median(times)), samplesMs: times };
  } finally {
    if (server.pid) {
      try {
        process.kill(-server.pid);
      } catch {
        // already gone
      }
    }
  }
}

async function firstDocument(contentDir: string): Promise<string> {
  const entries = await readdir(contentDir, { withFileTypes: true });
  const folder = entries.filter((entry) => entry.isDirectory() && /^[a-z][a-z0-9-]*$/.test(entry.name) && entry.name !== 'ui').map((entry) => entry.name).sort()[0];
  if (!folder) throw new Error(`No document in ${contentDir}.`);
  return folder;
}

/** The address the preview prints when it is ready. */
function addressOf(server: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`The preview did not start:\n${output}`)), 120_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const found = /http:\/\/127\.0\.0\.1:(\d+)/.exec(output.replace(/\u001b\[[0-9;]*m/g, ''));
      if (found) {
        clearTimeout(timer);
        resolve(`http://127.0.0.1:${found[1]}`);
      }
    };
    server.stdout?.on('data', read);
    server.stderr?.on('data', read);
    server.on('exit', (code) => reject(new Error(`The preview stopped (${code}):\n${output}`)));
  });
}

async function poll(url: string, done: (body: string) => boolean, timeoutMs: number): Promise<void> {
  const until = performance.now() + timeoutMs;
  let last = '';
  while (performance.now() < until) {
    try {
      const response = await fetch(url, { headers: { Accept: 'text/html' } });
      last = `${response.status}`;
      const body = await response.text();
      if (response.status === 200 && done(body)) return;
    } catch (error) {
      last = String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error(`${url} did not show the edit within ${timeoutMs} ms (last answer: ${last}).`);
}

/** The middle value (the mean of the two middle ones for an even count). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
