/**
 * Locked history. `content/versions.lock.yaml` records a fingerprint of each
 * file of each published version; changing, adding or removing a file of a
 * published version is an error that says to publish a new version instead.
 * Without a lock file nothing is locked (a new project starts that way).
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { VFile } from 'vfile';
import { fail, warn } from '../messages/message.ts';
import type { ContentTree, VersionFiles } from '../load/read.ts';
import { nodeAtPath, placeOfNode, type YamlSource } from '../load/yaml.ts';
import type { VersionsLock } from '../schema/versions-lock.ts';

export const versionsLockFileName = 'versions.lock.yaml';

/** sha256 of a content file's text, blind to a byte order mark and to Windows line endings. */
export function hashText(text: string): string {
  return createHash('sha256').update(text.replace(/^\uFEFF/, '').replace(/\r\n/g, '\n')).digest('hex');
}

/** Every file of a version folder, by name, with the hash of its text. */
export function versionHashes(version: VersionFiles): Record<string, string> {
  const files = [version.version, version.sdks, version.translations, ...version.texts.values()].filter((file): file is VFile => file?.value !== undefined);
  return Object.fromEntries(files.map((file) => [path.basename(file.path), hashText(String(file.value))]).sort(([a], [b]) => (a! < b! ? -1 : 1)));
}

export interface LockCheck {
  tree: ContentTree;
  lock: { data: VersionsLock; source: YamlSource };
  /** Whether a version is marked `draft: true`. */
  isDraft: (document: string, version: string) => boolean;
  /** An unlocked published version is an error when publishing, a warning in a preview. */
  unlockedIsError: boolean;
}

export function checkVersionLock({ tree, lock, isDraft, unlockedIsError }: LockCheck): void {
  const { source } = lock;
  const lockLine = (...keys: string[]) => `${path.basename(source.file.path)} line ${lineOf(source, ['documents', ...keys])}`;

  for (const [slug, versions] of Object.entries(lock.data.documents)) {
    const document = tree.documents.find((candidate) => candidate.slug === slug);
    for (const [id, files] of Object.entries(versions)) {
      const version = document?.versions.find((candidate) => candidate.id === id);
      if (!version) {
        fail(source.file, `Missing published version \`${slug}/${id}\`: its folder is gone, but a published version must stay`, placeOfNode(source, nodeAtPath(source, ['documents', slug, id]).node), 'version-locked');
        continue;
      }
      const actual = versionHashes(version);
      const names = new Set([...Object.keys(files), ...Object.keys(actual), ...version.yamlFiles]);
      for (const name of [...names].sort()) {
        const file = fileOf(version, name) ?? version.folder;
        const expected = files[name];
        const problem = expected === undefined ? `${name} was added` : actual[name] === undefined ? `${name} was removed` : actual[name] !== expected ? `${name} was changed` : undefined;
        if (problem) {
          fail(file, `Unexpected change to published version \`${slug}/${id}\`: ${problem} after publication (recorded in ${lockLine(slug, id)})`, { line: 1, column: 1 }, 'version-locked', `A published version is a legal record and never changes. Undo the change (for example \`git checkout -- ${path.relative(process.cwd(), path.join(version.dir, name))}\`), then make it in a new version: \`npm run new-version -- ${slug} <YYYY-MM-DD>\`.`);
        }
      }
    }
  }

  for (const document of tree.documents) {
    for (const version of document.versions) {
      if (lock.data.documents[document.slug]?.[version.id] || isDraft(document.slug, version.id) || !version.version) continue;
      (unlockedIsError ? fail : warn)(version.version, `Unexpected unpublished version \`${document.slug}/${version.id}\`: it is neither a draft nor recorded as published`, { line: 1, column: 1 }, 'version-unlocked');
    }
  }
}

function fileOf(version: VersionFiles, name: string): VFile | undefined {
  return [version.version, version.sdks, version.translations, ...version.texts.values()].find((file) => file && path.basename(file.path) === name);
}

function lineOf(source: YamlSource, keyPath: string[]): number {
  const place = placeOfNode(source, nodeAtPath(source, keyPath).node);
  return 'start' in place ? place.start.line : place.line;
}
