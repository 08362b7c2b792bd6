/**
 * Locked history: what content/versions.lock.yaml guarantees inside the
 * repository. The lock is an append-only, hash-chained list of published
 * records (src/records/chain.ts). The build refuses:
 *
 * - an entry edited by hand (its hash no longer matches), or a broken chain;
 * - a changed, added or removed file of a published record;
 * - `draft: true` on a version that was published;
 * - a missing lock file while versions are published (not drafts);
 * - a new version dated on or before the newest published one of its document;
 * - the first lock format, which `npm run records:migrate` converts.
 *
 * It tells the model which records of each version are published. What the
 * lock cannot catch (a rewritten chain) `npm run records:verify` catches
 * against an archived /policies.json: see docs/records.md.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { VFile } from 'vfile';
import type { ContentTree, VersionFiles } from '../load/read.ts';
import type { Parsed, Publication } from '../load/parsed.ts';
import { nodeAtPath, placeOfNode, type YamlSource } from '../load/yaml.ts';
import { fail, related, warn } from '../messages/message.ts';
import { entryHash, entryName } from '../records/chain.ts';
import { annexOfFile } from '../records/kinds.ts';
import { chainStart, type LockEntry, type VersionsLock } from '../schema/versions-lock.ts';
import type { VersionMeta } from '../schema/version.ts';

export const versionsLockFileName = 'versions.lock.yaml';

/** A path in the content folder as the person typed the folder (`content/…`, `my-site/…`): messages name the real place. */
export function shownPath(root: string, ...parts: string[]): string {
  return path.relative(process.cwd(), path.join(root, ...parts)) || '.';
}

/** sha256 of a content file's text, blind to a byte order mark and to Windows line endings. */
export function hashText(text: string): string {
  return createHash('sha256').update(text.replace(/^\uFEFF/, '').replace(/\r\n/g, '\n')).digest('hex');
}

/** The hash of each named file of a version folder, by name. */
export function fileHashes(version: VersionFiles, names: readonly string[]): Record<string, string> {
  const hashes: Record<string, string> = {};
  for (const name of [...names].sort()) {
    const file = version.byName.get(name);
    if (file?.value !== undefined) hashes[name] = hashText(String(file.value));
  }
  return hashes;
}

export interface LockCheck {
  tree: ContentTree;
  lock: Parsed<VersionsLock> | undefined;
  /** The lock file exists but is in the first format, or failed its schema: no "missing lock" errors then. */
  lockFilePresent: boolean;
  /** version.yaml of each version, by `<document>/<version>`, when it passed validation. */
  meta: ReadonlyMap<string, Parsed<VersionMeta>>;
  /** An unpublished version that is not a draft is an error when publishing, a warning in a preview. */
  unlockedIsError: boolean;
}

/** Checks the lock against the content; returns what is published, by `<document>/<version>`. */
export function checkVersionLock(check: LockCheck): Map<string, Publication> {
  const { tree, lock } = check;
  const entries = lock?.data.entries ?? [];
  if (lock) checkChain(lock);
  const publications = publicationsOf(entries);

  for (const [index, entry] of entries.entries()) {
    const version = tree.documents.find((document) => document.slug === entry.document)?.versions.find((candidate) => candidate.id === entry.version);
    const place = placeOfNode(lock!.source, nodeAtPath(lock!.source, ['entries', index]).node);
    if (!version) {
      fail(lock!.source.file, `Missing published version \`${entry.document}/${entry.version}\`: its folder is gone, but a published record must stay`, place, 'version-locked', `Restore the folder from version control (\`git checkout -- ${shownPath(tree.root, entry.document, entry.version)}\`). A published version is a legal record and never goes away.`);
      continue;
    }
    for (const [name, expected] of Object.entries(entry.files)) {
      const file = version.byName.get(name);
      const actual = file?.value !== undefined ? hashText(String(file.value)) : undefined;
      if (actual === expected) continue;
      const problem = actual === undefined ? `${name} was removed` : `${name} was changed`;
      fail(file ?? version.folder, `Unexpected change to published ${entryName(entry)}: ${problem} after publication`, { line: 1, column: 1 }, 'version-locked', {
        hint: `A published version is a legal record and never changes. Undo the change (for example \`git checkout -- ${path.relative(process.cwd(), path.join(version.dir, name))}\`), then make it in a new version: \`npm run new-version -- ${entry.document} <YYYY-MM-DD>\`.`,
        cause: related(lock!.source.file, place, `recorded as published here`),
      });
    }
  }

  const newestPublished = new Map<string, string>();
  for (const entry of entries) if (entry.record === 'policy' && (newestPublished.get(entry.document) ?? '') < entry.version) newestPublished.set(entry.document, entry.version);

  for (const document of tree.documents) {
    for (const version of document.versions) {
      const key = `${document.slug}/${version.id}`;
      const publication = publications.get(key);
      const meta = check.meta.get(key);
      const versionFile = version.version;
      if (publication) {
        checkAddedFiles(version, entries, publication, lock!.source, document.slug);
        if (meta?.data.draft) {
          const entryIndex = entries.findIndex((entry) => entry.document === document.slug && entry.version === version.id && entry.record === 'policy');
          fail(meta.source.file, `Unexpected \`draft: true\` on published version \`${key}\`: a version that was published cannot become a draft again`, placeOfNode(meta.source, nodeAtPath(meta.source, ['draft']).node), 'version-locked', {
            hint: 'Remove `draft: true`. To change the policy, start a new version: `npm run new-version -- ' + document.slug + ' <YYYY-MM-DD>`.',
            cause: related(lock!.source.file, placeOfNode(lock!.source, nodeAtPath(lock!.source, ['entries', entryIndex]).node), 'recorded as published here'),
          });
        }
        continue;
      }
      if (!versionFile) continue;
      const newest = newestPublished.get(document.slug);
      if (newest !== undefined && version.id <= newest) {
        fail(meta?.source.file ?? versionFile, `Unexpected new version \`${key}\` dated on or before \`${document.slug}/${newest}\`, the newest published version: a new version must come after it`, meta ? placeOfNode(meta.source, nodeAtPath(meta.source, ['published']).node) : { line: 1, column: 1 }, 'version-order', `Rename the folder (and \`published:\`) to a date after ${newest}, such as today's date.`);
      }
      // Without a readable version.yaml it is unknown whether the version is a draft: its own errors say enough.
      if (!meta || meta.data.draft) continue;
      if (!lock && !check.lockFilePresent) {
        const lockPath = shownPath(tree.root, versionsLockFileName);
        fail(versionFile, `Missing ${lockPath}: version \`${key}\` is not a draft, so it counts as published, but no lock records it`, { line: 1, column: 1 }, 'lock-missing', `Restore ${lockPath} from version control (\`git checkout -- ${lockPath}\`), or mark versions that were never published \`draft: true\`.`);
      } else if (lock) {
        (check.unlockedIsError ? fail : warn)(versionFile, `Unexpected unpublished version \`${key}\`: it is neither a draft nor recorded as published`, { line: 1, column: 1 }, 'version-unlocked');
      }
    }
  }
  return publications;
}

/** What the entries say is published, by `<document>/<version>`. */
export function publicationsOf(entries: readonly LockEntry[]): Map<string, Publication> {
  const publications = new Map<string, Publication>();
  for (const entry of entries) {
    const key = `${entry.document}/${entry.version}`;
    if (entry.record === 'policy') {
      publications.set(key, { locales: Object.keys(entry.records), annexLocales: [], annexes: {}, records: { ...entry.records }, legacySha256: { ...entry.legacySha256 } });
      continue;
    }
    const publication = publications.get(key);
    if (!publication) continue;
    if (entry.record === 'translation' && entry.locale) {
      publication.annexLocales.push(entry.locale);
      publication.locales.push(entry.locale);
      Object.assign(publication.records, entry.records);
    } else publication.annexes[entry.record] = { ...entry.records };
  }
  return publications;
}

function checkChain(lock: Parsed<VersionsLock>): void {
  const { source } = lock;
  const seen = new Map<string, number>();
  lock.data.entries.forEach((entry, index) => {
    const at = (key: string) => placeOfNode(source, nodeAtPath(source, ['entries', index, key]).node);
    const expectedPrevious = index === 0 ? chainStart : lock.data.entries[index - 1]!.hash;
    if (entry.previous !== expectedPrevious) {
      fail(source.file, `Unexpected \`previous\` in the lock entry for ${entryName(entry)}: it does not match the \`hash\` of the entry before it, so an entry was removed, reordered or edited`, at('previous'), 'lock-chain');
    }
    const { hash, ...unhashed } = entry;
    if (entryHash(unhashed) !== hash) {
      fail(source.file, `Unexpected content in the lock entry for ${entryName(entry)}: its \`hash\` does not match what it records, so it was edited by hand`, at('hash'), 'lock-chain');
    }
    const name = `${entryName(entry)}`;
    const first = seen.get(name);
    if (first !== undefined) {
      fail(source.file, `Unexpected second lock entry for ${name}: a record is published once`, at('record'), 'lock-chain', { cause: related(source.file, placeOfNode(source, nodeAtPath(source, ['entries', first]).node), 'first entry') });
    } else seen.set(name, index);
  });
}

/** A published version may gain annex files (published or not yet); any other new file is an error. */
function checkAddedFiles(version: VersionFiles, allEntries: readonly LockEntry[], publication: Publication, lockSource: YamlSource, slug: string): void {
  const entries = allEntries.filter((entry) => entry.document === slug && entry.version === version.id);
  const recorded = new Set(entries.flatMap((entry) => Object.keys(entry.files)));
  const policyLocales = new Set(publication.locales.filter((locale) => !publication.annexLocales.includes(locale)));
  const index = allEntries.findIndex((entry) => entry.document === slug && entry.version === version.id && entry.record === 'policy');
  for (const name of version.yamlFiles) {
    if (recorded.has(name) || annexOfFile(name, policyLocales)) continue;
    const file: VFile = version.byName.get(name) ?? version.folder;
    fail(file, `Unexpected change to published version \`${slug}/${version.id}\`: ${name} was added after publication`, { line: 1, column: 1 }, 'version-locked', {
      hint: `A published version is a legal record and never changes. Remove ${name}, and make the change in a new version: \`npm run new-version -- ${slug} <YYYY-MM-DD>\`.`,
      ...(index >= 0 ? { cause: related(lockSource.file, placeOfNode(lockSource, nodeAtPath(lockSource, ['entries', index]).node), 'recorded as published here') } : {}),
    });
  }
}
