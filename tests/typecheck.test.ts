/**
 * `npm run typecheck` (astro check: TypeScript over every .ts and .astro
 * file, strictest settings) as a test, so that it runs beside the others
 * instead of before them: it uses one core for most of its time.
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot, userEnvironment } from './helpers/build.ts';

const astro = path.join(path.dirname(createRequire(import.meta.url).resolve('astro/package.json')), 'bin/astro.mjs');

describe('types', () => {
  it('astro check finds no errors, warnings or hints', () => {
    const run = spawnSync(process.execPath, [astro, 'check', '--minimumFailingSeverity', 'hint'], { cwd: projectRoot, encoding: 'utf8', env: { ...userEnvironment(), ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1' }, timeout: 170_000 });
    const output = run.stdout + run.stderr;
    expect(output).toMatch(/- 0 errors\n- 0 warnings\n- 0 hints/);
    expect(run.status, output).toBe(0);
  }, 180_000);
});
