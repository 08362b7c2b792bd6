/**
 * `npm run build -- --out X` as a user runs it: folders it must not replace
 * are refused before anything is read or written (exit 2, one line, every
 * file intact); a build from before stamps is replaced; two builds into one
 * folder both end well; a stopped build's leftovers go with the next build.
 * (The minimal fixture's one version is a draft: built with --drafts.)
 * Every folder is a scratch copy: a refusal that failed would delete only
 * the copy, never this project.
 */
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listFiles } from '../../src/output/stamp.ts';
import { projectRoot, runBuild, startBuild, type BuildRun } from '../helpers/build.ts';
import { minimalSite, siteWith, tempDir } from '../helpers/content.ts';
import { builtSite } from '../helpers/sites.ts';
import { treeOf, writeTree } from '../helpers/tree.ts';

/** A refusal: exit 2, exactly one line on stderr, nothing on stdout, and every file under `scratch` as it was. */
function expectRefused(run: BuildRun, scratch: string, before: Record<string, string>): string {
  expect(run.status, run.stderr).toBe(2);
  expect(run.stdout).toBe('');
  expect(run.stderr.endsWith('\n')).toBe(true);
  expect(run.stderr.trimEnd()).not.toContain('\n');
  expect(run.stderr).not.toMatch(/^\s+at /m);
  expect(treeOf(scratch)).toEqual(before);
  return run.stderr.trimEnd();
}

describe('an output folder the build must not replace', () => {
  it('is refused, named with what is in it, and left as it was', () => {
    const content = siteWith({});
    const scratch = path.dirname(content);
    writeTree(scratch, { 'notes.txt': 'mine', 'photos/cat.jpg': 'a cat' });
    const before = treeOf(scratch);
    const refused = (out: string) => expectRefused(runBuild(['--content', content, '--out', out]), scratch, before);

    expect(refused(content)).toBe(`Refusing to write the site into ${content}/: it is the content folder (it contains notice/, site.yaml). Nothing was written. Choose a new or empty folder with --out.`);
    expect(refused(scratch)).toContain(`into ${scratch}/: it holds the content folder ${content}/ (it contains content/, notes.txt, photos/)`);
    expect(refused(path.join(content, 'notice/site'))).toContain(`it is inside the content folder ${content}/, which holds only content`);
    expect(refused(path.join(scratch, 'notes.txt'))).toContain('notes.txt/: it is a file, not a folder');
    expect(refused(path.join(scratch, 'photos'))).toBe(
      `Refusing to write the site into ${scratch}/photos/: it is not empty and \`npm run build\` did not write it (cat.jpg); replacing it would delete it. Nothing was written. Move it elsewhere, or choose a new or empty folder with --out.`,
    );
  });

  it('is refused when it is the project folder or holds it (tried on a copy of the project)', () => {
    const scratch = tempDir('legal-site-project-');
    const copy = path.join(scratch, 'project');
    for (const entry of ['package.json', 'astro.config.mjs', 'tsconfig.json', 'src', 'public', 'content']) cpSync(path.join(projectRoot, entry), path.join(copy, entry), { recursive: true });
    symlinkSync(path.join(projectRoot, 'node_modules'), path.join(copy, 'node_modules'));
    const before = treeOf(scratch);

    expect(expectRefused(runBuild(['--out', '.'], {}, copy), scratch, before)).toBe(
      'Refusing to write the site into ./: it is the project folder (it contains astro.config.mjs, content/, node_modules, package.json and 3 more). Nothing was written. Choose a folder such as dist/ with --out.',
    );
    expect(expectRefused(runBuild(['--out', '..'], {}, copy), scratch, before)).toContain(`into ${scratch}/: it holds the project folder ${copy}/ (it contains project/)`);
  });
});

describe('an output folder the build replaces', () => {
  it('the example built for the tests is stamped with every file it holds', async () => {
    const out = builtSite('example');
    const stamp = JSON.parse(readFileSync(path.join(out, '.legal-site-output'), 'utf8'));
    expect(stamp.command).toBe('npm run build');
    const files = await listFiles(out, (name) => name === '.legal-site-output');
    expect(files).toContain('policies.json');
    expect(stamp.files).toEqual(files);
  });

  it('builds at once: into one folder (a dist/ built before stamps) the second waits; into another, they share .astro/; all succeed', async () => {
    const scratch = tempDir();
    const out = path.join(scratch, 'dist');
    const other = path.join(tempDir(), 'dist');
    writeTree(out, { 'policies.json': '{"schemaVersion": 1, "documents": []}', 'en/old/index.html': 'an old page' });
    // What Astro left to itself would use for every build whose output is outside the project, and delete at
    // the end of each: a build must leave another's files there alone.
    const shared = path.join(projectRoot, '.astro/.prerender');
    const anotherBuilds = path.join(shared, `chunk-of-another-build-${process.pid}.mjs`);
    writeTree(shared, { [path.basename(anotherBuilds)]: 'export {}' });
    const builds = [out, out, other].map((folder) => startBuild(['--content', minimalSite, '--drafts', '--out', folder, '--no-cache']));
    const runs = await Promise.all(builds.map((build) => build.done));
    expect(existsSync(anotherBuilds)).toBe(true);
    rmSync(anotherBuilds);
    if (readdirSync(shared).length === 0) rmSync(shared, { recursive: true });
    for (const [index, run] of runs.entries()) {
      expect(run.status, run.stderr).toBe(0);
      expect(run.stdout).toBe(`Built the site into ${index < 2 ? out : other}/ for 2026-01-01.\n`);
    }
    expect(runs.filter((run) => run.stderr === `Waiting for another command to finish writing ${out}/ (a lock left by a stopped one expires within 20 s)…\n`)).toHaveLength(1);
    expect(runs.filter((run) => run.stderr === '')).toHaveLength(2);
    expect(existsSync(path.join(out, 'en/old/index.html'))).toBe(false);
    expect(readFileSync(path.join(out, 'en/notice/index.html'), 'utf8')).toBe(readFileSync(path.join(other, 'en/notice/index.html'), 'utf8'));
    expect(readdirSync(scratch)).toEqual(['dist']);
    for (const { child } of builds) expect(existsSync(path.join(projectRoot, `.astro/build-${child.pid}`))).toBe(false);
  });

  it('a build stopped half way leaves its temporary folders, and the next build removes them', async () => {
    const scratch = tempDir();
    const out = path.join(scratch, 'dist');
    const stopped = startBuild(['--content', minimalSite, '--drafts', '--out', out, '--no-cache']);
    const staging = path.join(scratch, `.dist-next-${stopped.child.pid}`);
    const deadline = Date.now() + 60_000;
    while (!existsSync(staging) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    stopped.child.kill('SIGTERM');
    await stopped.done;
    expect(readdirSync(scratch)).toEqual([path.basename(staging)]);

    const run = runBuild(['--content', minimalSite, '--drafts', '--out', out]);
    expect(run.status, run.stderr).toBe(0);
    expect(readdirSync(scratch)).toEqual(['dist']);
    expect(existsSync(path.join(projectRoot, `.astro/build-${stopped.child.pid}`))).toBe(false);
  });
});
