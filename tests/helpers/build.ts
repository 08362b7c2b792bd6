/** Runs the commands' scripts (src/cli/*.ts) as child processes, as a user would. */
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';

export const projectRoot = path.resolve(import.meta.dirname, '../..');

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}
export type BuildRun = CliRun;

/** The build date the tests build the example for: 2026-01-01, so that results do not depend on today. */
export const testEpoch = '1767225600';

/** Runs `npm run <command>`'s script, `src/cli/<script>.ts`, with `args`, and waits for it. */
export function runCli(script: string, args: string[], env: NodeJS.ProcessEnv = {}): CliRun {
  const result = spawnSync(process.execPath, [path.join(projectRoot, 'src/cli', script), ...args], {
    cwd: projectRoot,
    encoding: 'utf8',
    env: { ...userEnvironment(), NO_COLOR: '1', SOURCE_DATE_EPOCH: testEpoch, ...env },
    timeout: 170_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Runs `npm run build`'s script (src/cli/build.ts) and waits for it. */
export function runBuild(args: string[], env: NodeJS.ProcessEnv = {}): BuildRun {
  return runCli('build.ts', args, env);
}

/** The same, without blocking: several builds can run at once. */
export function startBuild(args: string[], env: NodeJS.ProcessEnv = {}): Promise<BuildRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(projectRoot, 'src/cli/build.ts'), ...args], {
      cwd: projectRoot,
      env: { ...userEnvironment(), NO_COLOR: '1', SOURCE_DATE_EPOCH: testEpoch, ...env },
      timeout: 170_000,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

/** The environment a user's shell would have: without what Vitest adds for its own workers (MODE, DEV, PROD, NODE_ENV=test …). */
export function userEnvironment(): NodeJS.ProcessEnv {
  const added = /^(VITEST.*|TEST|MODE|DEV|PROD|SSR|BASE_URL|NODE_ENV)$/;
  return Object.fromEntries(Object.entries(process.env).filter(([name]) => !added.test(name)));
}
