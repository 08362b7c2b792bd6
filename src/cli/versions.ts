/**
 * `npm run new-version -- <document> <YYYY-MM-DD>`: starts the next version as
 * a draft copy of the newest one (translation records included, so only what
 * you change needs translating again).
 *
 * `npm run publish-version -- <document> <YYYY-MM-DD>`: publishes a version:
 * removes `draft: true`, checks it as the published build would, and records
 * the fingerprint of each of its files in content/versions.lock.yaml, after
 * which the build refuses any change to it.
 */
import { cp, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseDocument, stringify } from 'yaml';
import { loadSite, parseContent } from '../load/index.ts';
import { formatReport } from '../messages/report.ts';
import { isRealDate } from '../schema/common.ts';
import { versionHashes, versionsLockFileName } from '../versions/lock.ts';
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
  publish: {
    command: 'npm run publish-version --',
    summary: 'Publishes a draft version: checks it as the published build would and records its files in versions.lock.yaml, after which the build refuses any change to it.',
    positionals: versionArguments,
    options: { content: contentOption },
    environment: buildDateEnvironment,
  },
});
const [slug, id] = positionals as [string, string];
const contentDir = folder(values.content, 'content');

if (command === 'new') await newVersion(slug, id);
else await publish(slug, id);

async function newVersion(document: string, date: string): Promise<void> {
  const { tree } = await parseContent(contentDir, 'preview');
  const versions = tree.documents.find((candidate) => candidate.slug === document)?.versions ?? [];
  const newest = versions.at(-1);
  if (!newest) exitWith(`No document \`${document}\` with a version in ${path.relative(process.cwd(), contentDir)}/.`);
  if (date <= newest.id) exitWith(`The new version must be newer than the newest one, ${newest.id}.`);
  const target = path.join(contentDir, document, date);
  await cp(newest.dir, target, { recursive: true, errorOnExist: true, force: false });
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

async function publish(document: string, version: string): Promise<void> {
  const { tree, lock } = await parseContent(contentDir, 'preview');
  const folder = tree.documents.find((candidate) => candidate.slug === document)?.versions.find((candidate) => candidate.id === version);
  if (!folder?.version) exitWith(`No version ${document}/${version} in ${path.relative(process.cwd(), contentDir)}/.`);
  if (lock?.data.documents[document]?.[version]) exitWith(`${document}/${version} is already published.`);

  const file = folder.version.path;
  const original = await readFile(file, 'utf8');
  const yaml = parseDocument(original);
  yaml.delete('draft');
  await writeFile(file, yaml.toString({ lineWidth: 0 }));

  // Checked exactly as the published build checks it: stale translations are errors.
  const { files, parsed } = await loadSite(contentDir, { mode: 'publish' });
  // This version is not recorded yet, so "unpublished version" is expected for it; anything else blocks.
  const blocking = files.flatMap((candidate) => candidate.messages.filter((entry) => entry.fatal && !(entry.ruleId === 'version-unlocked' && candidate.path === file)));
  if (blocking.length > 0) {
    await writeFile(file, original);
    console.error(`${formatReport(files)}\n\n${document}/${version} was not published: fix the errors above first.`);
    process.exit(1);
  }

  // The files as just checked, draft mark removed: their fingerprints go into the lock.
  const fresh = parsed.tree.documents.find((candidate) => candidate.slug === document)!.versions.find((candidate) => candidate.id === version)!;
  const documents = structuredClone(lock?.data.documents ?? {});
  documents[document] = { ...documents[document], [version]: versionHashes(fresh) };
  const sorted = Object.fromEntries(Object.keys(documents).sort().map((key) => [key, Object.fromEntries(Object.entries(documents[key]!).sort())]));
  const header = [
    '# yaml-language-server: $schema=../schemas/versions-lock.schema.json',
    '# Written by `npm run publish-version`: the sha256 of every file of every published version.',
    '# A published version is a legal record: the build refuses any change to it. Do not edit by hand.',
    '',
  ].join('\n');
  await writeFile(path.join(contentDir, versionsLockFileName), header + stringify({ documents: sorted }, { lineWidth: 0 }));
  console.log(`Published ${document}/${version}: its files are recorded in ${path.relative(process.cwd(), path.join(contentDir, versionsLockFileName))}.`);
}

function exitWith(reason: string): never {
  console.error(reason);
  process.exit(2);
}
