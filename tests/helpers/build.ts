/** Runs the commands' scripts (src/cli/*.ts) as child processes, as a user would. */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { tempDir } from './content.ts';

export const projectRoot = path.resolve(import.meta.dirname, '../..');

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}
export type BuildRun = CliRun;

/** The build date the tests build the example for: 2026-01-01, so that results do not depend on today. */
export const testEpoch = '1767225600';

let cacheDir: string | undefined;
/** The build cache of the tests' builds: in their temporary folder, never the project's node_modules/.cache. */
function testCacheDir(): string {
  return (cacheDir ??= path.join(tempDir('legal-site-cache-'), 'cache'));
}

/** Runs `npm run <command>`'s script, `src/cli/<script>.ts`, with `args`, in the project `root` (this one unless told), and waits for it. */
export function runCli(script: string, args: string[], env: NodeJS.ProcessEnv = {}, root = projectRoot): CliRun {
  const result = spawnSync(process.execPath, [path.join(root, 'src/cli', script), ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...userEnvironment(), NO_COLOR: '1', SOURCE_DATE_EPOCH: testEpoch, LEGAL_SITE_CACHE_DIR: testCacheDir(), ...env },
    timeout: 170_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Runs the build of the project in `root` (this one unless told), from that folder, as `npm run build -- …args` would. */
export function runBuild(args: string[], env: NodeJS.ProcessEnv = {}, root = projectRoot): BuildRun {
  return runCli('build.ts', args, env, root);
}

/** Starts a build without waiting for it: for builds at the same time, or stopped half way. */
export function startBuild(args: string[], env: NodeJS.ProcessEnv = {}): { child: ChildProcess; done: Promise<BuildRun> } {
  const child = spawn(process.execPath, [path.join(projectRoot, 'src/cli/build.ts'), ...args], {
    cwd: projectRoot,
    env: { ...userEnvironment(), NO_COLOR: '1', SOURCE_DATE_EPOCH: testEpoch, LEGAL_SITE_CACHE_DIR: testCacheDir(), ...env },
    timeout: 170_000,
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const done = new Promise<BuildRun>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
  return { child, done };
}

/** The environment a user's shell would have: without what Vitest adds for its own workers (MODE, DEV, PROD, NODE_ENV=test …). */
export function userEnvironment(): NodeJS.ProcessEnv {
  const added = /^(VITEST.*|TEST|MODE|DEV|PROD|SSR|BASE_URL|NODE_ENV)$/;
  return Object.fromEntries(Object.entries(process.env).filter(([name]) => !added.test(name)));
}

/**
 * A previous site in a new temporary `dist/`, for a build that must leave it as it was: a site built
 * before output folders were stamped (the build recognises it by its policies.json and may replace it).
 */
export function previousSite(): string {
  const out = path.join(tempDir(), 'dist');
  mkdirSync(out);
  writeFileSync(path.join(out, 'index.html'), 'previous site');
  writeFileSync(path.join(out, 'policies.json'), '{"schemaVersion": 1, "documents": []}');
  return out;
}

/** Whether `out` still holds exactly what {@link previousSite} put there. */
export function isPreviousSite(out: string): boolean {
  return readdirSync(out).sort().join() === 'index.html,policies.json' && readFileSync(path.join(out, 'index.html'), 'utf8') === 'previous site';
}
