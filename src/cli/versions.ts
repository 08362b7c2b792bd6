/**
 * `npm run new-version -- <document> <YYYY-MM-DD>`: starts the next version as
 * a draft copy of the newest one (translation records included, so only what
 * you change needs translating again).
 *
 * `npm run new-document -- <document> <YYYY-MM-DD>`: starts a document with a
 * draft first version (src/versions/new-document.ts).
 *
 * `npm run publish-version -- <document> <YYYY-MM-DD>`: publishes a version:
 * removes `draft: true`, freezes the variable values it uses (variables.yaml),
 * checks it as the published build would, and appends a chained entry to
 * content/versions.lock.yaml, after which the build refuses any change to it.
 * Run on a published version, it publishes the annexes added to it since
 * (a translation made later, a data inventory). See src/records/publish.ts.
 */
import { cp, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseDocument } from 'yaml';
import { parseContent } from '../load/index.ts';
import { buildDate } from '../model/build-date.ts';
import { publish } from '../records/publish.ts';
import { newDocument } from '../versions/new-document.ts';
import { isRealDate } from '../schema/common.ts';
import { buildDateEnvironment, contentOption, folder } from './args.ts';
import { parseSubcommand, type PositionalSpec } from './command.ts';

const versionArguments: PositionalSpec[] = [
  { name: '<document>', description: 'the document, by its folder name (such as privacy)' },
  { name: '<YYYY-MM-DD>', description: 'the version, by its publication date', check: (value) => (isRealDate(value) ? undefined : 'a real date as YYYY-MM-DD') },
];
const { name: command, values, positionals } = parseSubcommand({
  new: {
    command: 'npm run new-version --',
    summary: 'Starts the next version of a document as a draft copy of its newest one, translation records included.',
    positionals: versionArguments,
    options: { content: contentOption },
  },
  document: {
    command: 'npm run new-document --',
    summary: 'Starts a new document: its first version as a draft, with a text file per language of the site holding a title and one clause to replace.',
    positionals: versionArguments,
    options: { content: contentOption },
  },
  publish: {
    command: 'npm run publish-version --',
    summary: 'Publishes a draft version: checks it as the published build would and records it in versions.lock.yaml, after which the build refuses any change to it. On a published version, publishes the annexes added to it since.',
    positionals: versionArguments,
    options: { content: contentOption },
    environment: buildDateEnvironment,
  },
});
const [slug, id] = positionals as [string, string];
const contentDir = folder(values.content, 'content');

if (command === 'new') await newVersion(slug, id);
else if (command === 'document') await documentCommand(slug, id);
else await publishCommand(slug, id);

async function documentCommand(document: string, date: string): Promise<void> {
  const outcome = await newDocument(contentDir, document, date);
  if (!outcome.ok) exitWith(outcome.text);
  console.log(outcome.text);
}

async function newVersion(document: string, date: string): Promise<void> {
  const { tree } = await parseContent(contentDir, 'preview');
  const versions = tree.documents.find((candidate) => candidate.slug === document)?.versions ?? [];
  const newest = versions.at(-1);
  if (!newest) exitWith(`No document \`${document}\` with a version in ${path.relative(process.cwd(), contentDir)}/.`);
  if (date <= newest.id) exitWith(`The new version must be newer than the newest one, ${newest.id}.`);
  const target = path.join(contentDir, document, date);
  // The frozen variable values belong to the published record they were frozen for, not to the new draft.
  await cp(newest.dir, target, { recursive: true, errorOnExist: true, force: false, filter: (source) => !/^variables(\.[^.]+)?\.yaml$/.test(path.basename(source)) });
  const file = path.join(target, 'version.yaml');
  const yaml = parseDocument(await readFile(file, 'utf8'));
  yaml.set('published', date);
  yaml.set('effective', date);
  yaml.set('material', false);
  yaml.delete('summary');
  yaml.set('draft', true);
  await writeFile(file, yaml.toString({ lineWidth: 0 }));
  console.log(`Started draft ${document}/${date} as a copy of ${newest.id}.
Edit its files, preview with \`npm run dev\`, set \`effective:\` (and \`material: true\` with a \`summary:\` if users must consent again),
then publish it with \`npm run publish-version -- ${document} ${date}\`.`);
}

async function publishCommand(document: string, version: string): Promise<void> {
  const outcome = await publish(contentDir, document, version, buildDate());
  if (!outcome.ok) {
    console.error(outcome.text);
    process.exit(1);
  }
  console.log(outcome.text);
}

function exitWith(reason: string): never {
  console.error(reason);
  process.exit(2);
}
