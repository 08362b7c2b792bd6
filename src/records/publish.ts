/**
 * Publishing: a draft version becomes a legal record, or the annexes added
 * to a published version (a translation made later, and later the
 * inventory and notice) become records of their own. Each record gets a
 * lock entry, chained to the one before, holding the sha256 of its files
 * and of its canonical record in each language. Nothing is written unless
 * the content passes the checks of a published build.
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseDocument } from 'yaml';
import { loadSite, parseContent } from '../load/index.ts';
import type { ParsedVersion } from '../load/parsed.ts';
import type { VersionFiles } from '../load/read.ts';
import { formatReport } from '../messages/report.ts';
import { siteContext } from '../model/context.ts';
import { recordKey, sha256 } from './canonical.ts';
import type { LockEntry } from '../schema/versions-lock.ts';
import { fileHashes, shownPath, versionsLockFileName } from '../versions/lock.ts';
import { appendEntry } from './chain.ts';
import { pickValues, usedVariables, writeFrozenValues } from './frozen.ts';
import { annexOfFile, filesOfRecord, type FileRecord } from './kinds.ts';
import { writeLock } from './lock-file.ts';

export interface PublishOutcome {
  ok: boolean;
  /** What a person reads: what was published, or why nothing was. */
  text: string;
}

/** Rules that are expected while publishing: the record being published is not in the lock yet. */
const expectedWhilePublishing = new Set(['version-unlocked', 'lock-missing', 'unpublished-annex']);

export async function publish(contentDir: string, slug: string, id: string, date: string): Promise<PublishOutcome> {
  const before = await parseContent(contentDir, 'preview');
  const document = before.content?.documents.find((candidate) => candidate.slug === slug);
  const version = document?.versions.find((candidate) => candidate.id === id);
  const files = before.tree.documents.find((candidate) => candidate.slug === slug)?.versions.find((candidate) => candidate.id === id);
  if (!before.content || !document || !version || !files?.version) {
    return refuse(`No version ${slug}/${id} in ${path.relative(process.cwd(), contentDir) || '.'}/${before.content ? '' : ' (site.yaml has errors)'}:\n${formatReport(before.files)}`);
  }
  if (before.tree.lock && !before.lock) return refuse(`${formatReport(before.files)}\n\nNothing was published: ${shownPath(contentDir, versionsLockFileName)} has errors (see above).`);
  const entries = before.lock?.data.entries ?? [];
  return version.publication ? publishAnnexes(contentDir, slug, version, files, entries, date) : publishVersion(contentDir, slug, version, files, entries, date, before.content.site);
}

async function publishVersion(contentDir: string, slug: string, version: ParsedVersion, files: VersionFiles, entries: readonly LockEntry[], date: string, site: Parameters<typeof siteContext>[0]): Promise<PublishOutcome> {
  const newest = entries.filter((entry) => entry.document === slug && entry.record === 'policy').map((entry) => entry.version).sort().at(-1);
  if (newest !== undefined && version.id <= newest) return refuse(`${slug}/${version.id} cannot be published: it is dated on or before ${slug}/${newest}, the newest published version. Rename it to a later date.`);

  const metaFile = files.version!.path;
  const original = await readFile(metaFile, 'utf8');
  const yaml = parseDocument(original);
  yaml.delete('draft');
  await writeFile(metaFile, yaml.toString({ lineWidth: 0 }));
  const context = siteContext(site, { mode: 'publish', buildDate: date, drafts: false });
  const locales = context.locales.filter((locale) => version.texts.has(locale));
  const frozenFile = await writeFrozenValues(version.dir, pickValues(context.siteValues, locales, usedVariables(files.byName.values())));

  const checked = await check(contentDir, slug, version.id);
  if (!checked.ok) {
    await writeFile(metaFile, original);
    await rm(frozenFile, { force: true });
    return refuse(`${checked.report}\n\n${slug}/${version.id} was not published: fix the errors above first.`);
  }
  const fresh = checked.tree(slug, version.id)!;
  const policyLocales = new Set(locales);
  const kinds: FileRecord[] = [{ record: 'policy' }, ...annexKinds(fresh, policyLocales)];
  let chain = [...entries];
  const published: string[] = [];
  for (const kind of kinds) {
    const entry = recordEntry(chain, slug, fresh, kind, policyLocales, checked.records, locales, date);
    if (!entry) continue;
    chain = [...chain, entry];
    published.push(describe(kind));
  }
  const lockFile = await writeLock(contentDir, chain);
  return { ok: true, text: `Published ${slug}/${version.id} (${published.join(', ')}): recorded in ${path.relative(process.cwd(), lockFile)}.` };
}

async function publishAnnexes(contentDir: string, slug: string, version: ParsedVersion, files: VersionFiles, entries: readonly LockEntry[], date: string): Promise<PublishOutcome> {
  const publication = version.publication!;
  const policyLocales = new Set(publication.locales.filter((locale) => !publication.annexLocales.includes(locale)));
  const recorded = new Set(entries.filter((entry) => entry.document === slug && entry.version === version.id).map((entry) => `${entry.record}:${entry.locale ?? ''}`));
  const pending = annexKinds(files, policyLocales).filter((kind) => !recorded.has(`${kind.record}:${kind.locale ?? ''}`));
  if (pending.length === 0) return refuse(`${slug}/${version.id} is already published, and has no new annex to publish (a translation, inventory or notice added after publication).`);

  const written: string[] = [];
  const before = await parseContent(contentDir, 'preview');
  const site = before.content!.site;
  const context = siteContext(site, { mode: 'publish', buildDate: date, drafts: true });
  for (const kind of pending) {
    if (kind.record !== 'translation' || !kind.locale) continue;
    // Its text, and the version's files every language shares (the SDK directory, the dates): what its words use.
    const own = [`${kind.locale}.yaml`, 'sdks.yaml', 'version.yaml'].map((name) => files.byName.get(name)).filter((file) => file !== undefined);
    written.push(await writeFrozenValues(version.dir, pickValues(context.siteValues, [kind.locale], usedVariables(own)), kind.locale));
  }
  const checked = await check(contentDir, slug, version.id, true);
  if (!checked.ok) {
    for (const file of written) await rm(file, { force: true });
    return refuse(`${checked.report}\n\nNothing was published for ${slug}/${version.id}: fix the errors above first.`);
  }
  const fresh = checked.tree(slug, version.id)!;
  let chain = [...entries];
  const published: string[] = [];
  for (const kind of pending) {
    const entry = recordEntry(chain, slug, fresh, kind, policyLocales, checked.records, publication.locales, date);
    if (!entry) continue;
    chain = [...chain, entry];
    published.push(describe(kind));
  }
  const lockFile = await writeLock(contentDir, chain);
  return { ok: true, text: `Published for ${slug}/${version.id}: ${published.join(', ')}; recorded in ${path.relative(process.cwd(), lockFile)}.` };
}

/** Loads the content as a published build checks it; problems other than the record not being in the lock yet block. */
async function check(contentDir: string, slug: string, id: string, drafts = false) {
  const records = new Map<string, string>();
  const { files, parsed } = await loadSite(contentDir, { mode: 'publish', drafts, records });
  const blocking = files.some((file) => file.messages.some((message) => message.fatal === true && !expectedWhilePublishing.has(String(message.ruleId))));
  return {
    ok: !blocking,
    report: formatReport(files),
    records: (locale: string, annex?: string) => records.get(recordKey(slug, id, locale, annex)),
    tree: (document: string, version: string) => parsed.tree.documents.find((candidate) => candidate.slug === document)?.versions.find((candidate) => candidate.id === version),
  };
}

/** The annexes present in a version folder, besides its own record. */
function annexKinds(files: VersionFiles, policyLocales: ReadonlySet<string>): FileRecord[] {
  const kinds = new Map<string, FileRecord>();
  for (const name of files.yamlFiles) {
    const annex = annexOfFile(name, policyLocales);
    if (annex && (annex.record !== 'translation' || files.texts.has(annex.locale!))) kinds.set(`${annex.record}:${annex.locale ?? ''}`, annex);
  }
  return [...kinds.values()];
}

/**
 * The lock entry of one record. A text (the version's, or a translation's)
 * has a canonical record per language; an annex with records of its own
 * (inventory, notice) has them under its name, in each language built.
 */
function recordEntry(chain: readonly LockEntry[], slug: string, files: VersionFiles, kind: FileRecord, policyLocales: ReadonlySet<string>, recordOf: (locale: string, annex?: string) => string | undefined, allLocales: readonly string[], date: string): LockEntry | undefined {
  const names = filesOfRecord(kind, files.yamlFiles, policyLocales);
  if (names.length === 0) return undefined;
  const text = kind.record === 'policy' || kind.record === 'translation';
  const locales = kind.record === 'policy' ? [...policyLocales] : kind.locale ? [kind.locale] : allLocales;
  const records: Record<string, string> = {};
  for (const locale of locales) {
    const record = recordOf(locale, text ? undefined : kind.record);
    if (record !== undefined) records[locale] = sha256(record);
  }
  return appendEntry(chain, { document: slug, version: files.id, record: kind.record, ...(kind.locale ? { locale: kind.locale } : {}), date, files: fileHashes(files, names), records });
}

function describe(kind: FileRecord): string {
  if (kind.record === 'policy') return 'its text';
  return kind.locale ? `${kind.record} ${kind.locale}` : kind.record;
}

function refuse(text: string): PublishOutcome {
  return { ok: false, text };
}
