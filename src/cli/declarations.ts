/**
 * `npm run declarations`: writes every version's store declarations, from
 * its data inventory (docs/app-stores.md), into `<out>/<document>/<version>/`:
 * app_privacy_details.json (fastlane), PrivacyInfo.xcprivacy, play-data-safety.csv,
 * pac.json5 and notice.jsonld. Before writing, the files are read back and
 * checked against each other and the collection list (src/declarations/consistency.ts).
 *
 * With `--changes <from> <to>`, writes nothing and lists what the app team
 * must update in each store's console between two versions.
 *
 * The output folder follows the rules of every output (src/output/): a new
 * or empty folder, or one this command wrote before, replaced as a whole.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { VFile } from 'vfile';
import { describeChange, declarationChanges } from '../declarations/changes.ts';
import { checkConsistency } from '../declarations/consistency.ts';
import { declarationFiles } from '../declarations/files.ts';
import { missingAnswers, type VersionDeclarations } from '../declarations/site.ts';
import { loadSite } from '../load/index.ts';
import { warn } from '../messages/message.ts';
import { formatReport } from '../messages/report.ts';
import { checkTarget, OutputError, shown, writeOutput, type OutputSpec } from '../output/index.ts';
import { buildDateEnvironment, contentOption, folder, projectRoot } from './args.ts';
import { parseCommand, usage, usageError } from './command.ts';

const date = (value: string) => (/^\d{4}-\d{2}-\d{2}$/.test(value) ? undefined : 'a version date such as 2025-06-01');

const spec = {
  command: 'npm run declarations --',
  summary: 'Writes the app-store declarations of every version (or the ones named) from its data inventory: App Store privacy details for fastlane, the privacy manifest, the Play Data safety CSV, the HarmonyOS pac.json5 and the DPV JSON-LD notice. With --changes, lists what to update in each store between two versions instead.',
  positionals: [{ name: '<to>', description: 'with --changes: the later version', optional: true, check: date }],
  options: {
    content: contentOption,
    document: { type: 'string', value: '<slug>', description: 'only this document' },
    version: { type: 'string', value: '<YYYY-MM-DD>', description: 'only this version', check: date },
    out: { type: 'string', value: '<dir>', description: 'where to write (default: declarations/): a new or empty folder, or one this command wrote before' },
    changes: { type: 'string', value: '<from>', description: 'list what app teams must update between version <from> and version <to>, and write nothing' },
  },
  environment: buildDateEnvironment,
} as const;

const { values, positionals } = parseCommand(spec);
const contentDir = folder(values.content, 'content');
const outDir = folder(values.out, 'declarations');
const output: OutputSpec = { what: 'the store declarations', command: 'npm run declarations', contentDir, projectRoot };
if (values.changes !== undefined && positionals[0] === undefined) usageError('Unexpected end of the command after `--changes <from>`, expected the later version: `--changes 2022-09-15 2025-06-01`.', usage(spec));
if (values.changes === undefined && positionals[0] !== undefined) usageError(`Unexpected argument \`${positionals[0]}\`, expected it after \`--changes <from>\`.`, usage(spec));
if (values.changes !== undefined && date(values.changes)) usageError(`Unexpected value \`${values.changes}\` for --changes, expected ${date(values.changes)}.`, usage(spec));

if (values.changes === undefined) await checkTarget(outDir, output).catch(exitOnOutputError);

const loaded = await loadSite(contentDir, { mode: 'preview' });
const site = loaded.declarations;
if (site) {
  const missing = missingAnswers(site.app);
  // The build asks once content/declarations.yaml exists; this command asks in any case.
  if (missing.length > 0 && !loaded.parsed.content?.declarations) {
    const file = new VFile({ path: site.file.path });
    warn(file, `Missing ${missing.map((name) => `\`app.${name}\``).join(', ')}: the stores ask for them, and the declarations leave them unanswered`, { line: 1, column: 1 }, 'declarations-answer-missing', 'Create content/declarations.yaml with the answers under `app:` (docs/app-stores.md).');
    loaded.files.push(file);
  }
}
const report = formatReport(loaded.files);
if (report) console.error(`${report}\n`);
if (!loaded.site || !site) {
  console.error('No declarations written: fix the errors above first.');
  process.exit(1);
}

const selected = site.versions.filter((entry) => (values.document === undefined || entry.document === values.document) && (values.version === undefined || entry.version === values.version));

if (values.changes !== undefined) {
  const to = positionals[0]!;
  const pick = (id: string): VersionDeclarations => {
    const found = site.versions.filter((entry) => entry.version === id && (values.document === undefined || entry.document === values.document));
    if (found.length !== 1) usageError(found.length === 0 ? `Unexpected version \`${id}\`: no version with a data inventory has that date${values.document ? ` in \`${values.document}\`` : ''}.` : `Unexpected version \`${id}\`: several documents have it; name one with --document.`, usage(spec));
    return found[0]!;
  };
  const before = pick(values.changes);
  const after = pick(to);
  const changes = declarationChanges(before.views, after.views, site.app.stores);
  if (changes.length === 0) console.log(`Nothing to update in the stores between ${before.version} and ${after.version} of ${after.document}.`);
  else {
    console.log(`To update in the stores between ${before.version} and ${after.version} of ${after.document}:`);
    for (const change of changes) console.log(`- ${describeChange(change)}`);
  }
  process.exit(0);
}

if (selected.length === 0) {
  console.error(`No version with a data inventory${values.document ? ` in \`${values.document}\`` : ''}${values.version ? ` dated ${values.version}` : ''}: nothing to write.`);
  process.exit(1);
}

const problems: string[] = [];
const written = selected.map((declared) => {
  const files = declarationFiles(declared, site.app);
  for (const problem of checkConsistency(files, declared.declarations, site.app)) problems.push(`${declared.document}/${declared.version}: ${problem}`);
  return { declared, files };
});
if (problems.length > 0) {
  console.error(`The declarations disagree with each other or with the collection list:\n${problems.map((problem) => `- ${problem}`).join('\n')}\nNo declarations written.`);
  process.exit(1);
}

try {
  await writeOutput(outDir, {
    ...output,
    onWait: (message) => console.error(message),
    write: async (staging) => {
      for (const { declared, files } of written) {
        const dir = path.join(staging, declared.document, declared.version);
        await mkdir(dir, { recursive: true });
        for (const [name, text] of Object.entries(files)) await writeFile(path.join(dir, name), text);
      }
    },
  });
} catch (error) {
  exitOnOutputError(error);
}
for (const { declared, files } of written) console.log(`Wrote ${Object.keys(files).join(', ')} for ${declared.document} ${declared.version} into ${shown(path.join(outDir, declared.document, declared.version))}`);
if (!site.app.stores.includes('harmony') || written.some(({ files }) => files['pac.json5'] === undefined)) console.log('pac.json5 is left out where the app is not on AppGallery or declares nothing there.');

function exitOnOutputError(error: unknown): never {
  if (error instanceof OutputError) {
    console.error(error.message);
    process.exit(error.exitCode);
  }
  console.error(`Could not write the declarations into ${shown(outDir)}: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
