/**
 * The loading pipeline, one step per module:
 *
 *   read (read.ts) → parse YAML (yaml.ts) → validate (validate.ts) → check the lock (versions/lock.ts)
 *   → build the model (model/build.ts)
 *
 * Every step reports into the files' messages and goes on, so one run lists
 * every problem. The model is returned only when there is no error.
 */
import path from 'node:path';
import { VFile } from 'vfile';
import type { z } from 'zod';
import { declareSite, type SiteDeclarations } from '../declarations/site.ts';
import { loadUiSources } from '../i18n/load.ts';
import { fail, hasErrors } from '../messages/message.ts';
import { buildSiteModel } from '../model/build.ts';
import { buildDate } from '../model/build-date.ts';
import type { BuildOptions } from '../model/context.ts';
import { previewMessages } from '../model/preview.ts';
import type { SiteModel } from '../model/types.ts';
import { declarationsSchema } from '../schema/declarations.ts';
import { frozenValuesSchema } from '../schema/frozen-values.ts';
import { inventorySchema } from '../schema/inventory.ts';
import { noticeSchema } from '../schema/notice.ts';
import { policyTextPlaceholders, policyTextSchema } from '../schema/policy-text.ts';
import { sdkDirectorySchema } from '../schema/sdks.ts';
import { sitePlaceholders, siteSchema } from '../schema/site.ts';
import { translationsLockSchema } from '../schema/translations.ts';
import { versionSchema, type VersionMeta } from '../schema/version.ts';
import { versionsLockSchema, type VersionsLock } from '../schema/versions-lock.ts';
import { checkVersionLock } from '../versions/lock.ts';
import type { Parsed, ParsedDocument, ParsedVersion, ParseResult } from './parsed.ts';
import type { ParseCache } from './parse-cache.ts';
import { readContentTree, type ContentFileSystem } from './read.ts';
import { validate } from './validate.ts';
import { hasTopKey, nodeAtPath, parseYaml, placeOfNode } from './yaml.ts';

export type { ParseResult } from './parsed.ts';

export interface LoadResult {
  /** The site model, or `undefined` when any file has an error. */
  site: SiteModel | undefined;
  /** The model as far as it could be built, errors or not: for commands that look into content with known problems, never for publishing. */
  unchecked: SiteModel | undefined;
  /** Every file that was read or reported on, with its messages. */
  files: VFile[];
  /** The files as read and parsed, for commands that rewrite them (translations:confirm, publish-version). */
  parsed: ParseResult;
  /** Every version's store declarations (src/declarations/site.ts), for `npm run declarations`. */
  declarations: SiteDeclarations | undefined;
}

/** The options a load runs with: publishing unless told otherwise; drafts only in a preview; the build date is SOURCE_DATE_EPOCH or today. */
export function resolveOptions(options: Partial<BuildOptions> = {}): BuildOptions {
  const mode = options.mode ?? 'publish';
  return { mode, buildDate: options.buildDate ?? buildDate(), drafts: options.drafts ?? mode === 'preview', records: options.records, renders: options.renders, versions: options.versions };
}

/**
 * Loads the site. Options default to publishing: stale translations are
 * errors, drafts are left out, and the build date is SOURCE_DATE_EPOCH or today.
 */
export async function loadSite(contentDir: string, options: Partial<BuildOptions> & { changed?: string; fileSystem?: ContentFileSystem; parseCache?: ParseCache } = {}): Promise<LoadResult> {
  const resolved = resolveOptions(options);
  const parsed = await parseContent(contentDir, resolved.mode, options.fileSystem, options.parseCache);
  const model = parsed.content ? buildSiteModel(parsed.content, resolved, parsed.lock) : undefined;
  // The store declarations and the DPV notice, from the inventories (src/declarations/site.ts).
  const declarations = model && parsed.content ? declareSite(model, parsed.content, parsed.content.declarations, parsed.tree.root) : undefined;
  if (model && resolved.mode === 'preview') model.previewMessages = previewMessages(parsed.files, parsed.tree.root, options.changed);
  return { site: hasErrors(parsed.files) ? undefined : model, unchecked: model, files: parsed.files, parsed, declarations };
}

/**
 * Reads, parses and validates every content file, and checks the lock, without building the model.
 * With `cache`, each distinct file content is parsed and validated once (parse-cache.ts): only for
 * loads that never change the parsed documents.
 */
export async function parseContent(contentDir: string, mode: BuildOptions['mode'] = 'publish', fileSystem?: ContentFileSystem, cache?: ParseCache): Promise<ParseResult> {
  // Reads are kept only for the preview, which loads again after each save.
  const tree = await readContentTree(contentDir, fileSystem, mode === 'preview' ? cache?.reads : undefined);
  const parseFile = <S extends z.ZodType>(file: VFile | undefined, schema: S, placeholders?: Readonly<Record<string, unknown>>) => parseAndValidate(file, schema, placeholders, cache);
  const site = parseFile(tree.site, siteSchema, sitePlaceholders);
  const lock = parseLock(tree.lock);
  const ui = await loadUiSources(tree.ui);
  const extraFiles: VFile[] = [];

  const documents = tree.documents.map((document): ParsedDocument => {
    if (document.folders === 0) {
      const folder = new VFile({ path: path.join(tree.root, document.slug) });
      extraFiles.push(folder);
      fail(folder, `Unexpected empty document folder \`${document.slug}\`: expected at least one version folder named by its date, such as ${document.slug}/2026-01-01/`, undefined, 'empty-document');
    }
    return {
      slug: document.slug,
      versions: document.versions.map((version): ParsedVersion => ({
        id: version.id,
        dir: version.dir,
        folder: version.folder,
        meta: parseFile(version.version, versionSchema, { published: version.id, effective: version.id }),
        sdks: parseFile(version.sdks, sdkDirectorySchema),
        hasSdksFile: version.sdks !== undefined,
        inventory: parseFile(version.inventory, inventorySchema),
        hasInventoryFile: version.inventory !== undefined,
        notice: parseFile(version.notice, noticeSchema),
        translationsLock: parseFile(version.translations, translationsLockSchema),
        frozen: version.frozen.map((file) => parseFile(file, frozenValuesSchema)).filter((frozen) => frozen !== undefined),
        texts: new Map([...version.texts].map(([locale, file]) => [locale, { file, parsed: parseFile(file, policyTextSchema, policyTextPlaceholders) }])),
        publication: undefined,
        files: [version.folder, ...version.byName.values()],
      })),
    };
  });

  const meta = new Map<string, Parsed<VersionMeta>>();
  for (const document of documents) for (const version of document.versions) if (version.meta) meta.set(`${document.slug}/${version.id}`, version.meta);
  const publications = checkVersionLock({ tree, lock: lock.parsed, lockFilePresent: lock.present, meta, unlockedIsError: mode === 'publish' });
  for (const document of documents) for (const version of document.versions) version.publication = publications.get(`${document.slug}/${version.id}`);

  const files = [...new Set([...tree.files, ...ui.files, ...extraFiles, ...documents.flatMap((document) => document.versions.map((version) => version.folder))])];
  const declarations = parseFile(tree.declarations, declarationsSchema);
  return { content: site ? { site, documents, ui: ui.sources, declarations } : undefined, files, tree, lock: lock.parsed };
}

function parseAndValidate<S extends z.ZodType>(file: VFile | undefined, schema: S, placeholders: Readonly<Record<string, unknown>> | undefined, cache: ParseCache | undefined): Parsed<z.output<S>> | undefined {
  if (!file) return undefined;
  const parse = () => {
    const source = parseYaml(file);
    const validated = source && validate(source, schema, placeholders);
    return validated ? { source, data: validated.data, partial: validated.partial, valid: true } : { source, valid: false };
  };
  // A file that could not be read (no text) is not cached: its error is already on it.
  const result = cache && file.value !== undefined ? cache.parse<z.output<S>>(file, schema, placeholders, parse) : parse();
  return result.valid && result.source ? { data: result.data as z.output<S>, source: result.source, partial: result.partial ?? false } : undefined;
}

/** The lock, in the current format; the first format is an error that names the command converting it. */
function parseLock(file: VFile | undefined): { parsed: Parsed<VersionsLock> | undefined; present: boolean } {
  if (!file) return { parsed: undefined, present: false };
  const source = parseYaml(file);
  if (!source) return { parsed: undefined, present: true };
  if (hasTopKey(source, 'documents') && !hasTopKey(source, 'entries')) {
    fail(file, 'Unexpected lock in the first format (`documents:`), expected the hash-chained format (`format: 2`, `entries:`)', placeOfNode(source, nodeAtPath(source, ['documents']).node), 'lock-format');
    return { parsed: undefined, present: true };
  }
  const validated = validate(source, versionsLockSchema);
  // A lock that fails its schema is not trusted at all: nothing counts as published through it.
  return { parsed: validated && !validated.partial ? { data: validated.data, source, partial: false } : undefined, present: true };
}
