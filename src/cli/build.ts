/**
 * `npm run build`: checks the content, builds the site with Astro into a
 * staging folder, then swaps it into place. A content error stops the build
 * before anything is written, and a failed build never touches the previous
 * site, so dist/ always holds a complete site.
 *
 * Options: --content <dir> (default content/), --out <dir> (default dist/),
 * --drafts (include draft versions, for a review copy; never for publishing).
 * The build date, which decides the current version, is SOURCE_DATE_EPOCH or today.
 */
import { mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { sharedLoad } from '../integration/handoff.ts';
import { formatReport } from '../messages/report.ts';
import { buildDate } from '../model/build-date.ts';
import { upcomingChanges } from '../model/schedule.ts';
import { readOptions, projectRoot } from './args.ts';

process.env['ASTRO_TELEMETRY_DISABLED'] = '1';
// A build is always a production build, whatever NODE_ENV the caller has (test runners set `test`).
process.env['NODE_ENV'] = 'production';

const options = readOptions();
const date = buildDate();
// Shared with the Astro integration below, which reuses this load instead of reading everything again.
const { site, files } = await sharedLoad(options.contentDir, { mode: 'publish', drafts: options.drafts, buildDate: date });
const report = formatReport(files);
if (report) console.error(`${report}\n`);
if (!site) {
  console.error(`Build stopped: fix the errors above, then run the build again. ${describe(options.outDir)} was left as it was.`);
  process.exit(1);
}

// Beside the target, so that the final rename stays on one file system.
const staging = path.join(path.dirname(options.outDir), `.${path.basename(options.outDir)}-next-${process.pid}`);
await rm(staging, { recursive: true, force: true });
// The Astro integration loads the content again in this process; these make it load the same way.
process.env['LEGAL_SITE_CONTENT'] = options.contentDir;
process.env['LEGAL_SITE_BUILD_DATE'] = date;
process.env['LEGAL_SITE_DRAFTS'] = options.drafts ? '1' : '0';
// Astro writes its intermediate server build into <working directory>/.astro/ when the output folder
// is outside the working directory, and removes it at the end: two builds at once (tests, CI) would
// overwrite each other's. Each build works in a folder of its own inside the project (so that the
// intermediate build still finds node_modules/).
const callerDir = process.cwd();
const workDir = path.join(projectRoot, '.astro', `build-${process.pid}`);
await mkdir(workDir, { recursive: true });
process.chdir(workDir);
try {
  const { build } = await import('astro');
  await build({ root: projectRoot, outDir: staging, logLevel: 'warn', mode: 'production' });
} catch (error) {
  await rm(staging, { recursive: true, force: true });
  await leave(workDir);
  console.error(`Build failed: ${error instanceof Error ? error.message : String(error)}\n${describe(options.outDir)} was left as it was.`);
  process.exit(1);
}
await swapInto(staging, options.outDir);
await leave(workDir);
console.log(`Built the site into ${path.relative(process.cwd(), options.outDir) || '.'}/ for ${date}.`);
// Which version is current depends on the build date: say when the next one needs a build.
for (const change of upcomingChanges(site)) {
  console.log(`Version ${change.version} of ${change.document} takes effect on ${change.effective}: build the site again on or after ${change.effective} (the workflow in .github/workflows/site.yml builds daily).`);
}

/** Goes back to the caller's folder and removes the build's own working folder. */
async function leave(dir: string): Promise<void> {
  process.chdir(callerDir);
  await rm(dir, { recursive: true, force: true });
}

/** Replaces `target` with `staging`, keeping the old one until the new one is in place. */
async function swapInto(from: string, target: string): Promise<void> {
  const previous = `${from}-previous`;
  await rm(previous, { recursive: true, force: true });
  await rename(target, previous).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'ENOENT') throw error;
  });
  await rename(from, target);
  await rm(previous, { recursive: true, force: true });
}

function describe(outDir: string): string {
  return `The previous site in ${path.relative(process.cwd(), outDir) || outDir}/`;
}
