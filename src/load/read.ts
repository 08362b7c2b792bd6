/**
 * Reads the content folder into virtual files, one per content file, laid out
 * as documents → versions → files. Reading problems (bad encoding, huge files,
 * links leading outside content/, misnamed folders) become messages.
 *
 *     content/site.yaml
 *     content/versions.lock.yaml                        (written by publish-version)
 *     content/<document>/<YYYY-MM-DD>/version.yaml
 *     content/<document>/<YYYY-MM-DD>/sdks.yaml        (optional)
 *     content/<document>/<YYYY-MM-DD>/notice.yaml      (optional: the first-launch notice, an annex)
 *     content/<document>/<YYYY-MM-DD>/<locale>.yaml    (one per language)
 *     content/<document>/<YYYY-MM-DD>/translations.yaml (written by translations:confirm)
 *     content/<document>/<YYYY-MM-DD>/variables.yaml    (written by publish-version)
 *     content/ui/<locale>.yaml                          (optional: interface words, src/i18n/load.ts)
 */
import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { VFile } from 'vfile';
import { isRealDate } from '../schema/common.ts';
import { advance, fail, warn } from '../messages/message.ts';

export interface VersionFiles {
  /** Folder name: the publication date. */
  id: string;
  dir: string;
  /** Stands for the folder in messages about the folder itself. */
  folder: VFile;
  version: VFile | undefined;
  sdks: VFile | undefined;
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
}

export interface ContentTree {
  root: string;
  /** The root with symbolic links resolved, to tell links that lead outside it. */
  realRoot: string;
  site: VFile | undefined;
  /** versions.lock.yaml: the published versions' fingerprints, when the project locks its history. */
  lock: VFile | undefined;
  documents: DocumentFiles[];
  /** content/ui/<locale>.yaml: interface words of a language, by language tag. `ui` is not a document folder. */
  ui: Map<string, VFile>;
  /** Every file read or reported on, for the report. */
  files: VFile[];
}

/** Larger content files are refused: a policy is tens of kilobytes. */
export const maxFileBytes = 1024 * 1024;

const versionFolder = /^\d{4}-\d{2}-\d{2}$/;
const localeFile = /^([a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*)\.yaml$/;
const frozenFile = /^variables(?:\.[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*)?\.yaml$/;
const documentFolder = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

export async function readContentTree(root: string): Promise<ContentTree> {
  const resolved = path.resolve(root);
  const tree: ContentTree = { root: resolved, realRoot: await realpath(resolved).catch(() => resolved), site: undefined, lock: undefined, documents: [], ui: new Map(), files: [] };
  const rootFile = new VFile({ path: path.join(tree.root, 'site.yaml') });

  let entries;
  try {
    entries = await readdir(tree.root, { withFileTypes: true });
  } catch {
    fail(rootFile, `Cannot read the content folder \`${tree.root}\``, undefined, 'file-missing', 'Run the command from the project folder, or create content/ with a site.yaml.');
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
    } else if (entry.name === 'ui' && (await isDirectory(tree, full))) {
      await readUiFolder(tree, full);
    } else if (await isDirectory(tree, full)) {
      if (!documentFolder.test(entry.name)) {
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
  for (const entry of sorted(await readdir(dir, { withFileTypes: true }))) {
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
  const document: DocumentFiles = { slug, versions: [] };
  for (const entry of sorted(await readdir(dir, { withFileTypes: true }))) {
    if (entry.name.startsWith('.') || entry.name.startsWith('_')) continue;
    const full = path.join(dir, entry.name);
    if (!(await isDirectory(tree, full))) {
      if (!entry.name.endsWith('.md') && (await isInside(tree, full))) warn(track(tree, new VFile({ path: full })), `Unexpected file \`${entry.name}\` in document folder \`${slug}\`; it is ignored`, undefined, 'file-unexpected', 'Put content files inside a version folder named by its publication date, such as 2022-09-15/.');
      continue;
    }
    const folder = new VFile({ path: full });
    if (!versionFolder.test(entry.name) || !isRealDate(entry.name)) {
      fail(track(tree, folder), `Unexpected version folder name \`${entry.name}\`, expected the publication date as YYYY-MM-DD${versionFolder.test(entry.name) ? ' (this day does not exist in the calendar)' : ''}`, undefined, 'version-folder');
      continue;
    }
    document.versions.push(await readVersion(tree, entry.name, full, folder));
  }
  return document;
}

async function readVersion(tree: ContentTree, id: string, dir: string, folder: VFile): Promise<VersionFiles> {
  const entries = sorted(await readdir(dir, { withFileTypes: true }));
  const yamlFiles = entries.filter((entry) => entry.isFile() && entry.name.endsWith('.yaml')).map((entry) => entry.name);
  const version: VersionFiles = { id, dir, folder, version: undefined, sdks: undefined, notice: undefined, translations: undefined, frozen: [], byName: new Map(), yamlFiles, texts: new Map() };
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
    else if (entry.name === 'notice.yaml') version.notice = await read(full);
    else if (entry.name === 'translations.yaml') version.translations = await read(full);
    else if (frozenFile.test(entry.name)) {
      const file = await read(full);
      if (file) version.frozen.push(file);
    } else if (locale && entry.name !== 'site.yaml') {
      const file = await read(full);
      if (file) version.texts.set(locale, file);
    } else if (!entry.name.endsWith('.md')) {
      warn(track(tree, new VFile({ path: full })), `Unexpected file \`${entry.name}\` in version folder \`${id}\`; it is ignored`, undefined, 'file-unexpected');
    }
  }
  if (!version.version && !folder.messages.length) {
    fail(track(tree, folder), `Missing file \`version.yaml\` in version folder \`${id}\``, undefined, 'file-missing', 'Create version.yaml with `published:` and `effective:` dates.');
  }
  return version;
}

/** Reads one file as UTF-8 text (a byte order mark is dropped). */
async function readContentFile(tree: ContentTree, full: string): Promise<VFile | undefined> {
  const file = track(tree, new VFile({ path: full }));
  if (!(await isInside(tree, full))) {
    fail(file, 'Unexpected link to a file outside the content folder', undefined, 'file-outside-content');
    return undefined;
  }
  const bytes = await readFile(full);
  if (bytes.byteLength > maxFileBytes) {
    fail(file, `Unexpected file size of ${Math.round(bytes.byteLength / 1024)} KiB, expected at most ${maxFileBytes / 1024} KiB`, undefined, 'file-too-large');
    return undefined;
  }
  try {
    file.value = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const text = new TextDecoder('utf-8').decode(bytes);
    fail(file, 'Unexpected bytes that are not UTF-8 text', advance({ line: 1, column: 1 }, text.slice(0, text.indexOf('\uFFFD'))), 'file-encoding');
    return undefined;
  }
  return file;
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
  return (await stat(full)).isDirectory();
}

/** False for a symbolic link (or a path through one) that leads outside the content folder. */
async function isInside(tree: ContentTree, full: string): Promise<boolean> {
  try {
    const real = await realpath(full);
    return real === tree.realRoot || real.startsWith(tree.realRoot + path.sep);
  } catch {
    return false;
  }
}

function sorted<T extends { name: string }>(entries: T[]): T[] {
  return entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
