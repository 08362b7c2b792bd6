/**
 * Reads the content folder into virtual files, one per content file, laid out
 * as documents → versions → files. Reading problems (bad encoding, huge files,
 * links leading outside content/, misnamed folders) become messages.
 *
 *     content/site.yaml
 *     content/versions.lock.yaml                        (written by publish-version)
 *     content/<document>/<YYYY-MM-DD>/version.yaml
 *     content/<document>/<YYYY-MM-DD>/sdks.yaml        (optional)
 *     content/<document>/<YYYY-MM-DD>/inventory.yaml   (optional: the data inventory, an annex)
 *     content/<document>/<YYYY-MM-DD>/notice.yaml      (optional: the first-launch notice, an annex)
 *     content/<document>/<YYYY-MM-DD>/<locale>.yaml    (one per language)
 *     content/<document>/<YYYY-MM-DD>/translations.yaml (written by translations:confirm)
 *     content/<document>/<YYYY-MM-DD>/variables.yaml    (written by publish-version)
 *     content/ui/<locale>.yaml                          (optional: interface words, src/i18n/load.ts)
 */
import { constants, type Dirent } from 'node:fs';
import * as nodeFs from 'node:fs/promises';
import path from 'node:path';
import { VFile } from 'vfile';
import { ReadCache } from './read-cache.ts';
import { isRealDate, isValidLocale } from '../schema/common.ts';
import { findForbidden } from '../messages/characters.ts';
import { advance, fail, warn } from '../messages/message.ts';

export interface VersionFiles {
  /** Folder name: the publication date. */
  id: string;
  dir: string;
  /** Stands for the folder in messages about the folder itself. */
  folder: VFile;
  version: VFile | undefined;
  sdks: VFile | undefined;
  /** inventory.yaml: the data inventory behind the collection, sharing and permission lists. */
  inventory: VFile | undefined;
  /** notice.yaml: the first-launch notice, in every language. */
  notice: VFile | undefined;
  /** translations.yaml: what each translation was made from. */
  translations: VFile | undefined;
  /** variables.yaml and variables.<locale>.yaml: values frozen at publication. */
  frozen: VFile[];
  /** Every YAML file read from the folder, by name (what the lock fingerprints). */
  byName: Map<string, VFile>;
  /** The name of every `.yaml` file in the folder, read or not (a published version may gain none). */
  yamlFiles: string[];
  /** Policy text per language tag, from `<locale>.yaml`. */
  texts: Map<string, VFile>;
}

export interface DocumentFiles {
  /** Folder name: the document's URL segment, such as `privacy`. */
  slug: string;
  versions: VersionFiles[];
  /** Folders found in it, readable and well named or not: none at all makes an empty document. */
  folders: number;
}

/**
 * The file-system calls reading makes: Node's, or (in tests) one that fails
 * where a real one would, such as a file the build's user may not read,
 * which a test running as root cannot otherwise produce.
 */
export interface ContentFileSystem {
  readdir: typeof nodeFs.readdir;
  open: typeof nodeFs.open;
  stat: typeof nodeFs.stat;
  realpath: typeof nodeFs.realpath;
}

export const nodeFileSystem: ContentFileSystem = { readdir: nodeFs.readdir, open: nodeFs.open, stat: nodeFs.stat, realpath: nodeFs.realpath };

export interface ContentTree {
  root: string;
  /** What reads it. */
  fs: ContentFileSystem;
  /** The root with symbolic links resolved, to tell links that lead outside it. */
  realRoot: string;
  site: VFile | undefined;
  /** versions.lock.yaml: the published versions' fingerprints, when the project locks its history. */
  lock: VFile | undefined;
  /** declarations.yaml: the app-level answers and mapping changes of the store declarations (docs/app-stores.md). */
  declarations: VFile | undefined;
  documents: DocumentFiles[];
  /** content/ui/<locale>.yaml: interface words of a language, by language tag. `ui` is not a document folder. */
  ui: Map<string, VFile>;
  /** Every file read or reported on, for the report. */
  files: VFile[];
  /** Reads kept from the last load (the preview's), when given. */
  reads?: ReadCache | undefined;
}

/** Larger content files are refused: a policy is tens of kilobytes. */
export const maxFileBytes = 1024 * 1024;
/** Forbidden characters reported per file; a file full of them is one mistake, not thousands. */
const maxCharacterReports = 10;

const versionFolder = /^\d{4}-\d{2}-\d{2}$/;
const localeFile = /^([a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*)\.yaml$/;
const frozenFile = /^variables(?:\.[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*)?\.yaml$/;
/** A document folder's name: lowercase words joined by hyphens (it is a URL segment). */
export const documentFolderPattern = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

export async function readContentTree(root: string, fs: ContentFileSystem = nodeFileSystem, reads?: ReadCache): Promise<ContentTree> {
  const resolved = path.resolve(root);
  const tree: ContentTree = { root: resolved, fs, realRoot: await fs.realpath(resolved).catch(() => resolved), site: undefined, lock: undefined, declarations: undefined, documents: [], ui: new Map(), files: [], reads };
  const rootFile = new VFile({ path: path.join(tree.root, 'site.yaml') });

  let entries;
  try {
    entries = await tree.fs.readdir(tree.root, { withFileTypes: true });
  } catch {
    fail(rootFile, `Cannot read the content folder \`${tree.root}\``, undefined, 'file-missing', `Check the folder given with \`--content\` (${path.relative(process.cwd(), tree.root) || '.'}), or create it with a site.yaml.`);
    tree.files.push(rootFile);
    return tree;
  }

  if (!entries.some((entry) => entry.name === 'site.yaml')) {
    fail(rootFile, 'Missing file `site.yaml` in the content folder', undefined, 'file-missing');
    tree.files.push(rootFile);
  }

  for (const entry of sorted(entries)) {
    if (entry.name.startsWith('.') || entry.name.startsWith('_')) continue;
    const full = path.join(tree.root, entry.name);
    if (entry.name === 'site.yaml') {
      tree.site = await readContentFile(tree, full);
    } else if (entry.name === 'versions.lock.yaml') {
      tree.lock = await readContentFile(tree, full);
    } else if (entry.name === 'declarations.yaml') {
      tree.declarations = await readContentFile(tree, full);
    } else if (entry.name === 'ui' && (await isDirectory(tree, full))) {
      await readUiFolder(tree, full);
    } else if (await isDirectory(tree, full)) {
      if (!documentFolderPattern.test(entry.name)) {
        const folder = track(tree, new VFile({ path: full }));
        fail(folder, `Unexpected document folder name \`${entry.name}\`, expected lowercase words joined by hyphens, such as \`privacy\` or \`terms-of-use\``, undefined, 'file-unexpected', 'Rename the folder: its name becomes part of the page address.');
        continue;
      }
      tree.documents.push(await readDocument(tree, entry.name, full));
    } else if (!entry.name.endsWith('.md') && (await isInside(tree, full))) {
      warn(track(tree, new VFile({ path: full })), `Unexpected file \`${entry.name}\` in the content folder; it is ignored`, undefined, 'file-unexpected');
    }
  }
  return tree;
}

/** content/ui/: one `<locale>.yaml` per language, named by its canonical tag (`zh-TW.yaml`, not `zh-tw.yaml`). */
async function readUiFolder(tree: ContentTree, dir: string): Promise<void> {
  for (const entry of sorted(await tree.fs.readdir(dir, { withFileTypes: true }))) {
    if (entry.name.startsWith('.') || entry.name.startsWith('_') || entry.name.endsWith('.md')) continue;
    const full = path.join(dir, entry.name);
    const locale = localeFile.exec(entry.name)?.[1];
    const canonical = locale === undefined ? undefined : canonicalTag(locale);
    if (locale !== undefined && canonical === locale && entry.isFile()) {
      const file = await readContentFile(tree, full);
      if (file) tree.ui.set(locale, file);
    } else if (await isInside(tree, full)) {
      const expected = canonical ? `\`${canonical}.yaml\`` : 'a language tag and `.yaml`, such as `de.yaml` or `zh-TW.yaml`';
      warn(track(tree, new VFile({ path: full })), `Unexpected file \`${entry.name}\` in the \`ui\` folder, expected ${expected}; it is ignored`, undefined, 'file-unexpected', 'Name each file of interface words by its language tag, as in site.yaml.');
    }
  }
}

function canonicalTag(tag: string): string | undefined {
  try {
    return Intl.getCanonicalLocales(tag)[0];
  } catch {
    return undefined;
  }
}

async function readDocument(tree: ContentTree, slug: string, dir: string): Promise<DocumentFiles> {
  const document: DocumentFiles = { slug, versions: [], folders: 0 };
  for (const entry of sorted((await listFolder(tree, dir)) ?? [])) {
    if (entry.name.startsWith('.') || entry.name.startsWith('_')) continue;
    const full = path.join(dir, entry.name);
    if (!(await isDirectory(tree, full))) {
      if (!entry.name.endsWith('.md') && (await isInside(tree, full))) warn(track(tree, new VFile({ path: full })), `Unexpected file \`${entry.name}\` in document folder \`${slug}\`; it is ignored`, undefined, 'file-unexpected', 'Put content files inside a version folder named by its publication date, such as 2022-09-15/.');
      continue;
    }
    document.folders++;
    const folder = new VFile({ path: full });
    if (!versionFolder.test(entry.name) || !isRealDate(entry.name)) {
      fail(track(tree, folder), `Unexpected version folder name \`${entry.name}\`, expected the publication date as YYYY-MM-DD${versionFolder.test(entry.name) ? ' (this day does not exist in the calendar)' : ''}`, undefined, 'version-folder');
      continue;
    }
    const version = await readVersion(tree, entry.name, full, folder);
    if (version) document.versions.push(version);
  }
  return document;
}

/** A version folder's files; `undefined` when the folder cannot be listed (that is reported, and nothing else about it). */
async function readVersion(tree: ContentTree, id: string, dir: string, folder: VFile): Promise<VersionFiles | undefined> {
  const listed = await listFolder(tree, dir, folder);
  if (!listed) return undefined;
  const entries = sorted(listed);
  const yamlFiles = entries.filter((entry) => entry.isFile() && entry.name.endsWith('.yaml')).map((entry) => entry.name);
  const version: VersionFiles = { id, dir, folder, version: undefined, sdks: undefined, inventory: undefined, notice: undefined, translations: undefined, frozen: [], byName: new Map(), yamlFiles, texts: new Map() };
  const read = async (full: string) => {
    const file = await readContentFile(tree, full);
    if (file) version.byName.set(path.basename(full), file);
    return file;
  };
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    const locale = localeFile.exec(entry.name)?.[1];
    if (entry.name === 'version.yaml') version.version = await read(full);
    else if (entry.name === 'sdks.yaml') version.sdks = await read(full);
    else if (entry.name === 'inventory.yaml') version.inventory = await read(full);
    else if (entry.name === 'notice.yaml') version.notice = await read(full);
    else if (entry.name === 'translations.yaml') version.translations = await read(full);
    else if (frozenFile.test(entry.name)) {
      version.frozen.push(await read(full));
    } else if (locale && !isValidLocale(locale)) {
      fail(track(tree, new VFile({ path: full })), `Unexpected language file name \`${entry.name}\`: \`${locale}\` is not a valid BCP 47 language tag, expected a name such as \`en.yaml\` or \`zh-CN.yaml\``, undefined, 'invalid-locale');
    } else if (locale && entry.name !== 'site.yaml') {
      version.texts.set(locale, await read(full));
    } else if (!entry.name.endsWith('.md')) {
      warn(track(tree, new VFile({ path: full })), `Unexpected file \`${entry.name}\` in version folder \`${id}\`; it is ignored`, undefined, 'file-unexpected');
    }
  }
  if (!version.version && !folder.messages.length) {
    fail(track(tree, folder), `Missing file \`version.yaml\` in version folder \`${id}\``, undefined, 'file-missing', 'Create version.yaml with `published:` and `effective:` dates.');
  }
  return version;
}

/**
 * Reads one file as UTF-8 text (a byte order mark is dropped). A file that
 * cannot be read is returned without a value, with its error: it exists, so
 * nothing reports it missing. The file is
 * looked at before it is opened: a folder, a named pipe (which would block
 * the build forever), a device or a socket is reported, never opened, and a
 * file too large is refused by its size, before a byte is read. It is then
 * opened without blocking and looked at again through the open handle, in
 * case it was swapped in between.
 */
async function readContentFile(tree: ContentTree, full: string): Promise<VFile> {
  const file = track(tree, new VFile({ path: full }));
  if (!(await isInside(tree, full))) {
    fail(file, 'Unexpected link to a file outside the content folder', undefined, 'file-outside-content');
    return file;
  }
  // In the preview, a file unchanged since the last load is not read again (read-cache.ts).
  const signature = tree.reads ? ReadCache.signature(await tree.fs.stat(full).catch(() => undefined)) : undefined;
  if (signature && tree.reads!.restore(file, signature)) return file;
  const bytes = await readRegularFile(tree.fs, file, full);
  if (!bytes) return file;
  try {
    file.value = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const text = new TextDecoder('utf-8').decode(bytes);
    fail(file, 'Unexpected bytes that are not UTF-8 text', advance({ line: 1, column: 1 }, text.slice(0, text.indexOf('\uFFFD'))), 'file-encoding');
    return file;
  }
  reportForbiddenCharacters(file, String(file.value));
  if (signature) tree.reads!.keep(file, signature, file.messages);
  return file;
}

async function readRegularFile(fs: ContentFileSystem, file: VFile, full: string): Promise<Uint8Array | undefined> {
  const name = path.basename(full);
  const checked = (kind: string | undefined, size: number): boolean => {
    if (kind) {
      fail(file, `Unexpected ${kind} \`${name}\`, expected a file of text`, undefined, 'file-not-regular');
      return false;
    }
    if (size > maxFileBytes) {
      fail(file, `Unexpected file size of ${Math.round(size / 1024)} KiB, expected at most ${maxFileBytes / 1024} KiB`, undefined, 'file-too-large');
      return false;
    }
    return true;
  };
  try {
    const before = await fs.stat(full);
    if (!checked(specialKind(before), before.size)) return undefined;
    const handle = await fs.open(full, constants.O_RDONLY | constants.O_NONBLOCK);
    try {
      const now = await handle.stat();
      if (!checked(specialKind(now), now.size)) return undefined;
      const bytes = await handle.readFile();
      // A file that grew since it was looked at is still held to the limit.
      return checked(undefined, bytes.byteLength) ? bytes : undefined;
    } finally {
      await handle.close();
    }
  } catch (error) {
    fail(file, `Cannot read \`${name}\` (${describeError(error)})`, undefined, 'file-unreadable');
    return undefined;
  }
}

/** What a path is when it is not a regular file: "folder", "named pipe (FIFO)" … */
function specialKind(stats: { isFile(): boolean; isDirectory(): boolean; isFIFO(): boolean; isSocket(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean }): string | undefined {
  if (stats.isFile()) return undefined;
  if (stats.isDirectory()) return 'folder';
  if (stats.isFIFO()) return 'named pipe (FIFO)';
  if (stats.isSocket()) return 'socket';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'device';
  return 'special file';
}

function describeError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOENT':
      return 'it disappeared while being read';
    case 'ELOOP':
      return 'a loop of symbolic links';
    default:
      return code ?? 'unknown error';
  }
}

/** Control characters and bidirectional overrides, each at its line and column. */
function reportForbiddenCharacters(file: VFile, text: string): void {
  const found = findForbidden(text, maxCharacterReports + 1);
  let point = { line: 1, column: 1 };
  let from = 0;
  for (const [index, character] of found.entries()) {
    point = advance(point, text.slice(from, character.index));
    from = character.index;
    if (index === maxCharacterReports) {
      fail(file, `Unexpected further invisible characters after the first ${maxCharacterReports}; the file may not be text`, point, character.kind === 'bidi' ? 'bidi-control' : 'control-character');
      break;
    }
    if (character.kind === 'bidi') {
      fail(file, `Unexpected bidirectional control character ${character.name}: it reorders the text around it, so that what readers see differs from what is written`, point, 'bidi-control');
    } else {
      fail(file, `Unexpected control character ${character.name}, expected printable text`, point, 'control-character');
    }
  }
}

/** A folder's entries, or `undefined` (reported on `file`, which stands for the folder) when it cannot be listed. */
async function listFolder(tree: ContentTree, dir: string, file = new VFile({ path: dir })): Promise<Dirent[] | undefined> {
  try {
    return await tree.fs.readdir(dir, { withFileTypes: true });
  } catch (error) {
    fail(track(tree, file), `Cannot read the folder \`${path.basename(dir)}\` (${describeError(error)})`, undefined, 'file-unreadable');
    return undefined;
  }
}

function track(tree: ContentTree, file: VFile): VFile {
  tree.files.push(file);
  return file;
}

/** Whether `full` is a folder; a link leading outside the content folder is reported and counts as neither. */
async function isDirectory(tree: ContentTree, full: string): Promise<boolean> {
  if (!(await isInside(tree, full))) {
    fail(track(tree, new VFile({ path: full })), 'Unexpected link to a location outside the content folder', undefined, 'file-outside-content');
    return false;
  }
  return (await tree.fs.stat(full).catch(() => undefined))?.isDirectory() ?? false;
}

/** False for a symbolic link (or a path through one) that leads outside the content folder. */
async function isInside(tree: ContentTree, full: string): Promise<boolean> {
  try {
    const real = await tree.fs.realpath(full);
    return real === tree.realRoot || real.startsWith(tree.realRoot + path.sep);
  } catch {
    return false;
  }
}

function sorted<T extends { name: string }>(entries: T[]): T[] {
  return entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
