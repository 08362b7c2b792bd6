/**
 * The scheduled workflow that rebuilds and publishes the site: it builds
 * daily and on push, runs the README's commands, verifies the records
 * before deploying, and docs/hosting.md gives the same schedule.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { projectRoot } from '../helpers/build.ts';

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
}
interface Workflow {
  on: { push: { branches: string[] }; schedule: { cron: string }[] };
  jobs: Record<string, { steps: Step[]; needs?: string; if?: string }>;
}

const workflow = parse(readFileSync(path.join(projectRoot, '.github/workflows/site.yml'), 'utf8')) as Workflow;
const hosting = readFileSync(path.join(projectRoot, 'docs/hosting.md'), 'utf8');
const build = workflow.jobs['build']!.steps;
const indexOf = (match: (step: Step) => boolean) => build.findIndex(match);

describe('.github/workflows/site.yml', () => {
  it('builds daily and on every push to main, on the schedule docs/hosting.md gives', () => {
    expect(workflow.on.push.branches).toEqual(['main']);
    const [daily] = workflow.on.schedule;
    expect(daily!.cron).toMatch(/^\d+ \d+ \* \* \*$/);
    expect(hosting).toContain(`cron: '${daily!.cron}'`);
    // The crontab line for other CI.
    expect(hosting).toContain(`\n${daily!.cron} cd /srv/legal-site && `);
  });

  it('runs the README commands, then verifies the records against the live site, then uploads and deploys', () => {
    const commands = build.flatMap((step) => (step.run ? [step.run.trim()] : []));
    expect(commands.slice(0, 3)).toEqual(['npm ci', 'npm run build', 'npm test']);
    const verify = indexOf((step) => step.run?.includes('npm run records:verify -- ') === true);
    expect(verify).toBeGreaterThan(indexOf((step) => step.run === 'npm test'));
    expect(build[verify]!.run).toMatch(/404\|000\)/);
    expect(indexOf((step) => step.uses?.startsWith('actions/upload-artifact@') === true)).toBeGreaterThan(verify);
    expect(indexOf((step) => step.uses?.startsWith('actions/upload-pages-artifact@') === true)).toBeGreaterThan(verify);
    expect(workflow.jobs['deploy']!.needs).toBe('build');
    expect(workflow.jobs['deploy']!.steps.map((step) => step.uses)).toEqual([expect.stringMatching(/^actions\/deploy-pages@/)]);
  });
});
