/** Runs `npm run build`'s script (src/cli/build.ts) as a child process, as a user would. */
import { spawnSync } from 'node:child_process';
import path from 'node:path';

export const projectRoot = path.resolve(import.meta.dirname, '../..');

export interface BuildRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** The build date the tests build the example for: 2026-01-01, so that results do not depend on today. */
export const testEpoch = '1767225600';

export function runBuild(args: string[], env: NodeJS.ProcessEnv = {}): BuildRun {
  const result = spawnSync(process.execPath, [path.join(projectRoot, 'src/cli/build.ts'), ...args], {
    cwd: projectRoot,
    encoding: 'utf8',
    env: { ...userEnvironment(), NO_COLOR: '1', SOURCE_DATE_EPOCH: testEpoch, ...env },
    timeout: 170_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The environment a user's shell would have: without what Vitest adds for its own workers (MODE, DEV, PROD, NODE_ENV=test …). */
export function userEnvironment(): NodeJS.ProcessEnv {
  const added = /^(VITEST.*|TEST|MODE|DEV|PROD|SSR|BASE_URL|NODE_ENV)$/;
  return Object.fromEntries(Object.entries(process.env).filter(([name]) => !added.test(name)));
}
