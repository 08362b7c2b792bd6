/**
 * The records commands (docs/records.md):
 *
 *   npm run record -- <document> <version> <locale> [--annex inventory|notice]
 *                                                       prints a version's canonical record (or an annex's), then its sha256
 *   npm run records:verify -- <policies.json> [--content <dir>]
 *                                                       compares an archived manifest with the content
 *   npm run records:migrate [-- --content <dir>]        converts the lock to the records format, once
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { loadSite } from '../load/index.ts';
import { formatReport } from '../messages/report.ts';
import { buildDate } from '../model/build-date.ts';
import { recordKey, sha256 } from '../records/canonical.ts';
import { migrate } from '../records/migrate.ts';
import { parseArchivedManifest, verifyRecords } from '../records/verify.ts';
import { buildDateEnvironment, contentOption, folder } from './args.ts';
import { parseSubcommand } from './command.ts';

const options = { content: contentOption };
const parsed = parseSubcommand({
  show: {
    command: 'npm run -s record --',
    summary: "Prints a version's canonical record in one language (or the record of one of its annexes), then its sha256 on stderr.",
    positionals: [
      { name: '<document>', description: 'the document, by its folder name (such as privacy)' },
      { name: '<version>', description: 'the version, by its publication date' },
      { name: '<locale>', description: 'the language, such as en' },
    ],
    options: { ...options, annex: { type: 'string', value: '<annex>', description: 'an annex with records of its own: `inventory` (the data inventory) or `notice` (the first-launch notice)' } },
    environment: buildDateEnvironment,
  },
  verify: {
    command: 'npm run records:verify --',
    summary: 'Compares an archived /policies.json with the records of the content.',
    positionals: [{ name: '<policies.json>', description: 'the archived manifest' }],
    options,
    environment: buildDateEnvironment,
  },
  migrate: {
    command: 'npm run records:migrate --',
    summary: 'Converts versions.lock.yaml to the records format, once.',
    options,
    environment: buildDateEnvironment,
  },
});
const contentDir = folder(parsed.values.content, 'content');
const date = buildDate();
const [first = '', second = '', third = ''] = parsed.positionals;

if (parsed.name === 'show') await show(first, second, third, parsed.values.annex);
else if (parsed.name === 'verify') await verify(first);
else await runMigrate();

async function show(document: string, version: string, locale: string, annex: string | undefined): Promise<void> {
  const records = new Map<string, string>();
  const { files } = await loadSite(contentDir, { mode: 'preview', drafts: true, buildDate: date, records });
  const record = records.get(recordKey(document, version, locale, annex));
  const command = `npm run -s record -- ${document} ${version} ${locale}${annex ? ` --annex ${annex}` : ''}`;
  if (record === undefined) {
    const report = formatReport(files);
    console.error(`No ${annex ? `${annex} ` : ''}record of ${document} ${version} in ${locale} in ${path.relative(process.cwd(), contentDir) || '.'}/.${report ? `\n${report}` : ''}`);
    process.exit(1);
  }
  process.stdout.write(record);
  console.error(`sha256 ${sha256(record)}  (of the lines above, exactly: \`${command} 2>/dev/null | sha256sum\` gives the same)`);
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
