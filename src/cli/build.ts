/**
 * `npm run build`: checks the content, builds the site with Astro into a
 * staging folder, then swaps it into place (src/output/). A content error
 * stops the build before anything is written, and a failed build never
 * touches the previous site, so the output folder always holds a complete site.
 * With `--pdf`, a PDF of every version and language is printed into the
 * staging folder before the swap (src/pdf/); the browser is found first, so
 * that a build without one stops before anything else, even one the build
 * cache holds, and which browser it is is part of the cache key.
 *
 * The output folder must be new, empty, or one a build wrote before (its
 * stamp, .legal-site-output, lists the files; a dist/ of a build from before
 * stamps is recognised by its policies.json). Anything else, and the content
 * or project folder, is refused before anything is written and before any
 * problem in the content is reported.
 */
import './threadpool.ts';
import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { buildDate } from '../model/build-date.ts';
import { upcomingChanges } from '../model/schedule.ts';
import { buildKey } from '../cache/key.ts';
import { BuildCache, type Lookup, type Printed } from '../cache/store.ts';
import { checkTarget, isRunning, moveContents, OutputError, shown, stampFileName, writeOutput, type CheckedTarget, type OutputSpec, type TargetState } from '../output/index.ts';
import { buildDateEnvironment, contentOption, folder, outOption, projectRoot } from './args.ts';
import { parseCommand } from './command.ts';

/** Thrown inside a cache restore that found no usable entry: the output folder is left as it was. */
class CacheMiss extends Error {}

/** The /policies.json of a dist/ a build wrote before output folders were stamped. */
const legacyManifest = z.looseObject({ schemaVersion: z.number().int(), documents: z.array(z.unknown()) });

const { values } = parseCommand({
  command: 'npm run build --',
  summary: 'Checks the content and builds the site. On a content error it prints every problem and exits with 1, leaving the output folder as it was.',
  options: {
    content: contentOption,
    out: outOption,
    drafts: { type: 'boolean', description: 'include draft versions, for a review copy (never for publishing)' },
    'translation-status': { type: 'boolean', description: 'also build /translation-status/, the translation status page for the team (never for the public site)' },
    pdf: { type: 'boolean', description: 'also print a PDF of every version in every language, linked from its page (needs Chromium: found as for the tests)' },
    'no-cache': { type: 'boolean', description: 'build everything, without reusing or keeping a copy in the build cache (node_modules/.cache/legal-site)' },
  },
  environment: {
    ...buildDateEnvironment,
    LEGAL_SITE_CACHE_DIR: { description: 'where the build cache is kept (default: node_modules/.cache/legal-site in the project)', check: (value) => (value.trim() ? undefined : 'Unexpected empty LEGAL_SITE_CACHE_DIR, expected a folder, or no value for node_modules/.cache/legal-site.') },
  },
});

process.env['ASTRO_TELEMETRY_DISABLED'] = '1';
// A build is always a production build, whatever NODE_ENV the caller has (test runners set `test`).
process.env['NODE_ENV'] = 'production';

const contentDir = folder(values.content, 'content');
const outDir = folder(values.out, 'dist');
// public/ is copied into every build: an output inside it would end up inside the next output.
const inputs = { 'public folder': path.join(projectRoot, 'public') };
const output: OutputSpec = { what: 'the site', command: 'npm run build', contentDir, inputs, projectRoot, isLegacyOutput };
const cwd = process.cwd();

// A folder that must not be replaced is refused before anything is written or any content problem is reported. The
// check runs while the content loads: on a large site its walk through the earlier output (in a worker thread) takes a second.
const checking = checkTarget(outDir, output).catch(exitOnOutputError);
const date = buildDate();
// What the build prints besides its closing line: kept with a cached build and printed again on a hit.
const printed: Printed = { stdout: [], stderr: [] };
const cache = values['no-cache'] ? undefined : new BuildCache(path.resolve(process.env['LEGAL_SITE_CACHE_DIR'] || path.join(projectRoot, 'node_modules/.cache/legal-site')));
// Everything that decides the output (src/cache/key.ts): every option but the folders, and the working folder, which the report's paths are relative to.
const { content: _content, out: _out, 'no-cache': _noCache, ...outputOptions } = values;
// With --pdf, the browser is found first: without one the build stops here, cache or not. Which browser prints decides the PDFs' bytes, so it is part of the key.
const browser = values.pdf ? await checking.then(async (checked) => (await import('../pdf/print.ts')).findPrinter().catch((error: unknown) => exitOnPdfError(error, checked.state))) : undefined;
const key = cache ? await buildKey({ contentDir, projectRoot, buildDate: date, options: { ...outputOptions, cwd, ...(browser ? { browser } : {}) } }) : undefined;
if (cache && key && (await cache.holds(key))) await fromCache(cache, key, await checking);

// Imported only now: a mistake in the arguments or the output folder is reported without loading the content pipeline.
const { sharedLoad } = await import('../integration/handoff.ts');
const { formatReport } = await import('../messages/report.ts');
// Shared with the Astro integration below, which reuses this load instead of reading everything again.
const loading = sharedLoad(contentDir, { mode: 'publish', drafts: values.drafts, buildDate: date });
const target = await checking;
const { site, files } = await loading;
const report = formatReport(files);
if (report) printed.stderr.push(`${report}\n`);
for (const line of printed.stderr) console.error(line);
if (!site) {
  console.error(`Build stopped: fix the errors above, then run the build again. ${leftAsItWas(target.state)}`);
  process.exit(1);
}

// The Astro integration loads the content again in this process; these make it load the same way.
process.env['LEGAL_SITE_CONTENT'] = contentDir;
process.env['LEGAL_SITE_BUILD_DATE'] = date;
process.env['LEGAL_SITE_DRAFTS'] = values.drafts ? '1' : '0';
process.env['LEGAL_SITE_TRANSLATION_STATUS'] = values['translation-status'] ? '1' : '0';
// The version pages link to their PDF when this build writes them (and it fails if it cannot).
process.env['LEGAL_SITE_PDF'] = values.pdf ? '1' : '0';
let pdfs: string[] = [];
let printedWith = '';
try {
  await writeOutput(outDir, {
    ...output,
    onWait: (message) => console.error(message),
    // Checked when the build started: the walk through the earlier output's files runs again while Astro renders.
    checkFilesWhileWriting: true,
    write: async (staging) => {
      // The browser first: without one, the build stops before Astro runs, the output as it was.
      const printer = values.pdf ? await (await import('../pdf/print.ts')).openPrinter() : undefined;
      try {
        await buildSite(staging);
        if (printer) {
          pdfs = await printer.printSite(staging, site);
          printedWith = `${printer.found.source}: ${printer.found.executablePath}`;
        }
      } finally {
        await printer?.close();
      }
    },
  });
} catch (error) {
  if (error instanceof OutputError) exitOnOutputError(error);
  if (error instanceof Error && error.name === 'PdfError') exitOnPdfError(error, target.state);
  console.error(`Build failed: ${error instanceof Error ? error.message : String(error)}\n${leftAsItWas(target.state)}`);
  process.exit(1);
}
console.log(`Built the site into ${shown(target.path)} for ${date}.`);
if (values.pdf) printed.stdout.push(`Printed ${pdfs.length} PDF${pdfs.length === 1 ? '' : 's'}, one per version and language, with Chromium (${printedWith}).`);
// Which version is current depends on the build date: say when the next one needs a build.
for (const change of upcomingChanges(site)) {
  printed.stdout.push(`Version ${change.version} of ${change.document} takes effect on ${change.effective}: build the site again on or after ${change.effective} (the workflow in .github/workflows/site.yml builds daily).`);
}
for (const line of printed.stdout) console.log(line);
if (cache && key) await cache.save(key, target.path, printed, (name) => name === stampFileName);

/**
 * A build whose key is in the cache: its checked copy becomes the output, and
 * the process ends. A missing entry returns to build in full; an invalid one
 * (changed, incomplete) is removed, said, and the build runs in full.
 */
async function fromCache(cache: BuildCache, key: string, target: CheckedTarget): Promise<void> {
  let lookup: Lookup | undefined;
  try {
    await writeOutput(outDir, {
      ...output,
      onWait: (message) => console.error(message),
      write: async (staging) => {
        lookup = await cache.restore(key, staging);
        if (!lookup.hit) throw new CacheMiss();
      },
    });
  } catch (error) {
    if (!(error instanceof CacheMiss)) {
      if (error instanceof OutputError) exitOnOutputError(error);
      console.error(`Build failed: ${error instanceof Error ? error.message : String(error)}\n${leftAsItWas(target.state)}`);
      process.exit(1);
    }
  }
  if (!lookup?.hit) {
    if (lookup?.reason === 'invalid') console.error(`The build cache's copy of this build was ignored and removed (${lookup.detail}); building in full.`);
    return;
  }
  for (const line of lookup.printed.stderr) console.error(line);
  console.log(`Built the site into ${shown(target.path)} for ${date} (from the build cache: the content, the generator and the options are those of an earlier build; ${lookup.files} files checked against their hashes; --no-cache builds in full).`);
  for (const line of lookup.printed.stdout) console.log(line);
  process.exit(0);
}

/** Astro builds the pages into `staging`. */
async function buildSite(staging: string): Promise<void> {
  const { build } = await import('astro');
  // Astro builds into a folder of this build's own in the project, then the pages move to `staging`.
  // Astro renames its assets into place, which fails across file systems (EXDEV); and it writes an
  // intermediate server build into <outDir>/.prerender/ only when outDir is inside the current folder
  // (else into the shared .astro/.prerender/, where two builds at once delete each other's); that
  // server build needs the project's node_modules above it.
  const work = await astroWorkFolder();
  process.chdir(projectRoot);
  try {
    await build({ root: projectRoot, outDir: work, logLevel: 'warn', mode: 'production' });
    await moveContents(work, staging);
  } finally {
    process.chdir(cwd);
    await rm(work, { recursive: true, force: true });
  }
}

/** `.astro/build-<pid>/` in the project, for this build alone; those of builds that were killed are removed. */
async function astroWorkFolder(): Promise<string> {
  const parent = path.join(projectRoot, '.astro');
  await mkdir(parent, { recursive: true });
  for (const entry of await readdir(parent)) {
    const pid = /^build-(\d+)$/.exec(entry)?.[1];
    if (pid && (Number(pid) === process.pid || !isRunning(Number(pid)))) await rm(path.join(parent, entry), { recursive: true, force: true });
  }
  const work = path.join(parent, `build-${process.pid}`);
  await mkdir(work);
  return work;
}

function leftAsItWas(state: TargetState): string {
  return state === 'missing' || state === 'empty' ? `Nothing was written into ${shown(outDir)}.` : `The previous site in ${shown(outDir)} was left as it was.`;
}

/** Ends the build with the one line a PDF problem deserves (no browser, a page that would not print), and what became of the output folder. */
function exitOnPdfError(error: unknown, state: TargetState): never {
  if (error instanceof Error && error.name === 'PdfError') {
    console.error(`${error.message} ${leftAsItWas(state)}`);
    process.exit(1);
  }
  throw error;
}

/** Ends the build with the one line an output folder problem deserves (a refusal: 2; anything else: 1). */
function exitOnOutputError(error: unknown): never {
  if (error instanceof OutputError) {
    console.error(error.message);
    process.exit(error.exitCode);
  }
  console.error(`Could not check ${shown(outDir)} as the output folder: ${error instanceof Error ? error.message : String(error)}. Nothing was written.`);
  process.exit(1);
}

/** A dist/ written by a build from before stamps: its /policies.json is our manifest. */
async function isLegacyOutput(dir: string): Promise<boolean> {
  try {
    return legacyManifest.safeParse(JSON.parse(await readFile(path.join(dir, 'policies.json'), 'utf8'))).success;
  } catch {
    return false;
  }
}
