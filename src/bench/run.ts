/**
 * `npm run bench`: builds synthetic sites of three sizes with this generator
 * and, in the same run, a bare Astro 7 baseline with the same number of
 * pages of the same text; reports the median of several runs per size (the
 * machines are noisy: ratios, not absolute times, are the figures), peak
 * memory, and the webview page's weight against its text. Writes
 * bench/results.json and prints a table.
 *
 * It also measures a warm build (the build cache, src/cache/) against a cold
 * one at the middle size, and the preview's answer after a one-clause edit
 * of a draft, in the example and in the largest site (src/bench/preview.ts).
 *
 * BENCH_RUNS (default 3) sets the runs per size; BENCH_SIZES=small builds only the smallest.
 * It also measures how checking and rendering clause text grows from 10 KB
 * to 100 KB of pathological input (src/bench/growth.ts); BENCH_ONLY=growth
 * runs that step alone and updates only its part of the results.
 */
import { spawnSync } from 'node:child_process';
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { projectRoot } from '../cli/args.ts';
import { parseCommand } from '../cli/command.ts';
import { writeBaseline } from './baseline.ts';
import { measureGrowth, type GrowthRow } from './growth.ts';
import { measurePreview, median } from './preview.ts';
import { generateSite, type SiteSize } from './synthetic.ts';
import { pageWeight } from './weight.ts';

const sizes: SiteSize[] = [
  { documents: 1, versions: 5, locales: 2 },
  { documents: 1, versions: 30, locales: 5 },
  { documents: 3, versions: 30, locales: 10 },
];
parseCommand({
  command: 'npm run bench --',
  summary: 'Builds synthetic sites of three sizes and a bare Astro 7 site with the same pages; prints a table and writes bench/results.json. Run it alone: it measures time.',
  environment: {
    BENCH_RUNS: { description: 'builds per size; the median counts (default: 3)', check: (value) => (/^[1-9]\d*$/.test(value) ? undefined : `Unexpected BENCH_RUNS \`${value}\`, expected a whole number of runs from 1 up (such as 3).`) },
    BENCH_SIZES: { description: '`small` to build only the smallest size', check: (value) => (value === 'small' ? undefined : `Unexpected BENCH_SIZES \`${value}\`, expected \`small\` or no value.`) },
  },
});
const runs = Number(process.env['BENCH_RUNS'] || 3);
const work = path.join(projectRoot, 'bench/.work');
const epoch = '1767225600';

interface Measure {
  seconds: number;
  peakRssBytes: number;
}

/**
 * The Node.js options an npm script gives its script (`node --max-semi-space-size=64 src/cli/build.ts` →
 * `['--max-semi-space-size=64']`): the bench runs the build as `npm run build` does, without npm's own start-up.
 */
function nodeOptionsOf(scriptName: string, script: string): string[] {
  const scripts = (JSON.parse(readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
  const words = scripts[scriptName]?.split(/\s+/) ?? [];
  const at = words.indexOf(script);
  if (words[0] !== 'node' || at < 0) throw new Error(`The npm script \`${scriptName}\` no longer reads \`node … ${script}\`: update src/bench/run.ts.`);
  return words.slice(1, at);
}

const buildScript = 'src/cli/build.ts';
const buildOptions = nodeOptionsOf('build', buildScript);

function measure(script: string, args: string[], env: NodeJS.ProcessEnv = {}): Measure {
  const rssFile = path.join(work, `rss-${process.pid}.txt`);
  const started = performance.now();
  const options = script === buildScript ? buildOptions : [];
  const run = spawnSync(process.execPath, [...options, '--import', path.join(projectRoot, 'src/bench/peak-rss.ts'), path.join(projectRoot, script), ...args], {
    cwd: projectRoot,
    encoding: 'utf8',
    env: { ...process.env, BENCH_RSS_FILE: rssFile, SOURCE_DATE_EPOCH: epoch, NODE_ENV: 'production', ...env },
    maxBuffer: 64 * 1024 * 1024,
  });
  const seconds = (performance.now() - started) / 1000;
  if (run.status !== 0) throw new Error(`${script} failed:\n${run.stderr.slice(-4000)}`);
  return { seconds, peakRssBytes: Number(readFileSyncSafe(rssFile)) };
}

function readFileSyncSafe(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '0';
  }
}


function countHtml(dir: string): number {
  return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile() && entry.name.endsWith('.html')).length;
}

const mib = (bytes: number) => Math.round(bytes / 1024 / 1024);
const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;

const resultsFile = path.join(projectRoot, 'bench/results.json');

function printGrowth(rows: GrowthRow[]): void {
  console.log('\ngrowth from 10 KB to 100 KB of clause text (ratio near 10: linear):');
  for (const row of rows) console.log(`  ${row.input.padEnd(48)} ${String(row.ms10KB).padStart(8)} ms ${String(row.ms100KB).padStart(8)} ms  ×${String(row.ratio).padEnd(6)} ${row.outcome}`);
}

if (process.env['BENCH_ONLY'] === 'growth') {
  const growth = measureGrowth();
  const previous = JSON.parse(await readFile(resultsFile, 'utf8').catch(() => '{}')) as Record<string, unknown>;
  await mkdir(path.dirname(resultsFile), { recursive: true });
  await writeFile(resultsFile, `${JSON.stringify({ ...previous, growth }, null, 2)}\n`);
  printGrowth(growth);
  console.log('written to bench/results.json');
  process.exit(0);
}

await mkdir(work, { recursive: true });
const results = [];
/** The content folder of each size's synthetic site, by its name. */
const sites = new Map<string, string>();
const chosen = process.env['BENCH_SIZES'] === 'small' ? sizes.slice(0, 1) : sizes;
for (const size of chosen) {
  const name = `${size.documents}x${size.versions}x${size.locales}`;
  const dir = path.join(work, name);
  await rm(dir, { recursive: true, force: true });
  const site = await generateSite(path.join(dir, 'content'), size);
  const out = path.join(dir, 'dist');
  // Cold builds: the build cache would answer every run after the first (warm builds are measured below).
  const ourBuild = () => measure(buildScript, ['--content', site.dir, '--out', out, '--no-cache']);
  const ours = [ourBuild()];
  const pages = countHtml(out);
  const baselineDir = path.join(dir, 'baseline');
  await writeBaseline(baselineDir, site.texts, pages);
  const bareBuild = () => measure('src/bench/build-baseline.ts', [baselineDir]);
  // Taken in turns (ours, bare, ours, bare…): the machine's speed drifts over minutes, and runs of one side
  // after the other would hand the drift to one side of the ratio.
  const bare = [bareBuild()];
  while (ours.length < runs) {
    ours.push(ourBuild());
    bare.push(bareBuild());
  }
  const barePages = countHtml(path.join(baselineDir, 'dist'));
  if (barePages !== pages) throw new Error(`The baseline built ${barePages} pages, expected ${pages}.`);
  const seconds = median(ours.map((run) => run.seconds));
  const bareAstroSeconds = median(bare.map((run) => run.seconds));
  const row = {
    ...size,
    pages,
    seconds: round(seconds),
    bareAstroSeconds: round(bareAstroSeconds),
    ratioToBareAstro: round(seconds / bareAstroSeconds),
    peakRssMiB: mib(Math.max(...ours.map((run) => run.peakRssBytes))),
    bareAstroPeakRssMiB: mib(Math.max(...bare.map((run) => run.peakRssBytes))),
    msPerPage: round((1000 * seconds) / pages, 1),
  };
  results.push(row);
  console.log(`${name}: ${JSON.stringify(row)}`);
  await rm(path.join(dir, 'baseline', 'pages'), { recursive: true, force: true });
  sites.set(name, site.dir);
}

// Warm builds at the middle size: a second build of the same content, options and date, with the build cache.
const middle = sizes[1]!;
const middleContent = sites.get(`${middle.documents}x${middle.versions}x${middle.locales}`);
let warmToColdRatio: number | undefined;
if (middleContent) {
  const cacheDir = path.join(work, 'cache');
  const out = path.join(work, 'warm-dist');
  const cold: number[] = [];
  const warm: number[] = [];
  for (let run = 0; run < runs; run++) {
    await rm(cacheDir, { recursive: true, force: true });
    cold.push(measure(buildScript, ['--content', middleContent, '--out', out], { LEGAL_SITE_CACHE_DIR: cacheDir }).seconds);
    warm.push(measure(buildScript, ['--content', middleContent, '--out', out], { LEGAL_SITE_CACHE_DIR: cacheDir }).seconds);
  }
  warmToColdRatio = round(median(warm) / median(cold));
  console.log(`warm build at ${middle.documents}x${middle.versions}x${middle.locales}: ${round(median(warm))} s, cold ${round(median(cold))} s, ratio ${warmToColdRatio}`);
}

// The preview: from saving a one-clause edit of a draft to the first answer that shows it.
const previewMs: Record<string, number> = {};
const exampleCopy = path.join(work, 'preview-example');
await rm(exampleCopy, { recursive: true, force: true });
await cp(path.join(projectRoot, 'content'), exampleCopy, { recursive: true });
previewMs['example'] = (await measurePreview(exampleCopy)).medianMs;
const largest = sizes.at(-1)!;
const largestContent = sites.get(`${largest.documents}x${largest.versions}x${largest.locales}`);
if (largestContent) previewMs['largest'] = (await measurePreview(largestContent, 5)).medianMs;
console.log(`preview after a save (median ms): ${JSON.stringify(previewMs)}`);

// The example's webview page: its HTML + CSS against its text, gzipped.
const exampleOut = path.join(work, 'example-dist');
measure(buildScript, ['--out', exampleOut]);
const webview = pageWeight(exampleOut, 'webview/en/privacy/index.html');
const webviewZh = pageWeight(exampleOut, 'webview/zh-CN/privacy/index.html');

const growth = measureGrowth();

const report = {
  generatedWith: { runsPerSize: runs, node: process.version, cpus: (await import('node:os')).cpus().length },
  sizes: results,
  ...(warmToColdRatio !== undefined ? { warmToColdRatio } : {}),
  previewMs,
  webviewWeightRatio: round(webview.ratio, 3),
  webviewWeight: { en: { ...webview, ratio: round(webview.ratio, 3) }, 'zh-CN': { ...webviewZh, ratio: round(webviewZh.ratio, 3) } },
  growth,
};
await mkdir(path.join(projectRoot, 'bench'), { recursive: true });
await writeFile(resultsFile, `${JSON.stringify(report, null, 2)}\n`);

const header = ['documents', 'versions', 'locales', 'pages', 'seconds', 'bare Astro s', 'ratio', 'ms/page', 'peak RSS MiB'];
const lines = results.map((row) => [row.documents, row.versions, row.locales, row.pages, row.seconds, row.bareAstroSeconds, row.ratioToBareAstro, row.msPerPage, row.peakRssMiB].map(String));
const widths = header.map((title, column) => Math.max(title.length, ...lines.map((line) => line[column]!.length)));
console.log(`\n${[header, ...lines].map((line) => line.map((cell, column) => cell.padStart(widths[column]!)).join('  ')).join('\n')}`);
console.log(`\nwebview page weight (gzip HTML+CSS / gzip text): en ${report.webviewWeightRatio}, zh-CN ${round(webviewZh.ratio, 3)}`);
printGrowth(growth);
console.log('written to bench/results.json');

