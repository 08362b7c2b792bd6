/**
 * Builds the shipped example once for the whole test run, as `npm run build`
 * does, into a temporary folder; tests read it with `inject('exampleDist')`.
 */
import type { TestProject } from 'vitest/node';
import { runBuild } from '../helpers/build.ts';
import { tempDir } from '../helpers/content.ts';
import path from 'node:path';

declare module 'vitest' {
  export interface ProvidedContext {
    exampleDist: string;
  }
}

export default function setup(project: TestProject): void {
  const out = path.join(tempDir(), 'dist');
  const run = runBuild(['--out', out]);
  if (run.status !== 0 || run.stderr !== '') throw new Error(`Building the example failed:\n${run.stderr}\n${run.stdout}`);
  project.provide('exampleDist', out);
}
