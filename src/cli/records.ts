/**
 * The records commands (docs/records.md):
 *
 *   npm run record -- <document> <version> <locale> [inventory]
 *                                                       prints a version's canonical record (or its inventory's), then its sha256
 *   npm run records:verify -- <policies.json> [--content <dir>]
 *                                                       compares an archived manifest with the content
 *   npm run records:migrate [-- --content <dir>]        converts the lock to the records format, once
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadSite } from '../load/index.ts';
import { formatReport } from '../messages/report.ts';
import { buildDate } from '../model/build-date.ts';
import { recordKey, sha256 } from '../records/canonical.ts';
import { migrate } from '../records/migrate.ts';
import { parseArchivedManifest, verifyRecords } from '../records/verify.ts';
import { projectRoot } from './args.ts';

const usage = `Usage: npm run -s record -- <document> <version> <locale> [inventory] [--content <dir>]
       npm run records:verify -- <archived policies.json> [--content <dir>]
       npm run records:migrate [-- --content <dir>]`;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { content: { type: 'string', default: path.join(projectRoot, 'content') }, help: { type: 'boolean', short: 'h' } },
});
if (values.help) {
  console.log(usage);
  process.exit(0);
}
const [command, ...rest] = positionals;
const contentDir = path.resolve(values.content);
const date = buildDate();

if (command === 'show' && (rest.length === 3 || (rest.length === 4 && rest[3] === 'inventory'))) await show(rest[0]!, rest[1]!, rest[2]!, rest[3]);
else if (command === 'verify' && rest.length === 1) await verify(rest[0]!);
else if (command === 'migrate' && rest.length === 0) await runMigrate();
else {
  console.error(`Unexpected arguments.\n${usage}`);
  process.exit(2);
}

/** Prints a record: the version's text in `locale`, or with `annex` (`inventory`) the annex's. */
async function show(document: string, version: string, locale: string, annex?: string): Promise<void> {
  const records = new Map<string, string>();
  const { files } = await loadSite(contentDir, { mode: 'preview', drafts: true, buildDate: date, records });
  const record = records.get(recordKey(document, version, locale, annex));
  if (record === undefined) {
    const report = formatReport(files);
    console.error(`No ${annex ? `${annex} ` : ''}record of ${document} ${version} in ${locale} in ${path.relative(process.cwd(), contentDir) || '.'}/.${report ? `\n${report}` : ''}`);
    process.exit(1);
  }
  process.stdout.write(record);
  const args = [document, version, locale, ...(annex ? [annex] : [])].join(' ');
  console.error(`sha256 ${sha256(record)}  (of the lines above, exactly: \`npm run -s record -- ${args} 2>/dev/null | sha256sum\` gives the same)`);
}

async function verify(manifestFile: string): Promise<void> {
  let text: string;
  try {
    text = await readFile(manifestFile, 'utf8');
  } catch {
    console.error(`Cannot read ${manifestFile}.`);
    process.exit(2);
  }
  const archived = parseArchivedManifest(text);
  if (typeof archived === 'string') {
    console.error(`Cannot verify against ${manifestFile}: ${archived}.`);
    process.exit(2);
  }
  const outcome = await verifyRecords(archived, contentDir, date);
  for (const error of outcome.errors) console.error(error);
  for (const problem of outcome.problems) {
    const record = problem.annex ? `the ${problem.annex} record` : 'the record';
    console.error(`${problem.document} ${problem.version} ${problem.locale}: ${problem.problem === 'differs' ? `${record} differs from the one the archived manifest holds` : `${record} has disappeared`}`);
  }
  if (!outcome.ok) {
    console.error(`\nrecords:verify failed against ${manifestFile}: ${outcome.problems.length} of ${outcome.checked} records${outcome.errors.length ? `, and ${outcome.errors.length} problem${outcome.errors.length === 1 ? '' : 's'} with the lock` : ''}.`);
    process.exit(1);
  }
  console.log(`All ${outcome.checked} records in ${manifestFile} match the content.`);
}

async function runMigrate(): Promise<void> {
  const outcome = await migrate(contentDir, date);
  (outcome.ok ? console.log : console.error)(outcome.text);
  process.exit(outcome.ok ? 0 : 1);
}
