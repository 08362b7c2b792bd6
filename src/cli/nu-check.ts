/**
 * `npm run nu-check`: every page of a built site (dist/, or `-- --out <dir>`)
 * through the W3C Nu HTML Checker (the vnu-jar package), errors only, in one
 * run. It needs Java, which `npm test` does not: there, html-validate checks
 * every page instead. .ci/run runs this after the tests where Java exists.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { folder } from './args.ts';
import { parseCommand } from './command.ts';

const { values } = parseCommand({
  command: 'npm run nu-check --',
  summary: 'Checks every page of a built site with the W3C Nu HTML Checker (needs Java); errors only.',
  options: { out: { type: 'string', value: '<dir>', description: 'the built site (default: dist/)' } },
});
const outDir = folder(values.out, 'dist');
const pages = existsSync(outDir)
  ? readdirSync(outDir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
      .map((entry) => path.join(entry.parentPath, entry.name))
      .sort()
  : [];
if (pages.length === 0) {
  console.error(`No HTML pages in ${path.relative(process.cwd(), outDir) || '.'}/: run \`npm run build\` first.`);
  process.exit(1);
}

const vnu = createRequire(import.meta.url).resolve('vnu-jar/build/dist/vnu.jar');
const run = spawnSync('java', ['-jar', vnu, '--errors-only', '--format', 'gnu', ...pages], { stdio: ['ignore', 'inherit', 'inherit'] });
if (run.error) {
  console.error(`Could not start Java (${run.error.message}): the Nu HTML Checker needs Java 11 or newer (Debian: apt-get install default-jre-headless).`);
  process.exit(1);
}
if (run.status !== 0) {
  console.error(`\nThe Nu HTML Checker found errors in the pages above (of ${pages.length}).`);
  process.exit(run.status ?? 1);
}
console.log(`The Nu HTML Checker found no errors in ${pages.length} pages.`);
