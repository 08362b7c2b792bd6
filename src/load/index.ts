/**
 * The loading pipeline, one step per module:
 *
 *   read (read.ts) → parse YAML (yaml.ts) → validate (validate.ts) → build the model (model/build.ts)
 *
 * Every step reports into the files' messages and goes on, so one run lists
 * every problem. The model is returned only when there is no error.
 */
import type { VFile } from 'vfile';
import type { z } from 'zod';
import { loadUiSources } from '../i18n/load.ts';
import { hasErrors } from '../messages/message.ts';
import { buildSiteModel, type BuildOptions, type Parsed, type ParsedContent, type ParsedVersion } from '../model/build.ts';
import { buildDate } from '../model/build-date.ts';
import type { SiteModel } from '../model/types.ts';
import { policyTextSchema } from '../schema/policy-text.ts';
import { sdkDirectorySchema } from '../schema/sdks.ts';
import { siteSchema } from '../schema/site.ts';
import { translationsLockSchema } from '../schema/translations.ts';
import { versionSchema } from '../schema/version.ts';
import { versionsLockSchema, type VersionsLock } from '../schema/versions-lock.ts';
import { checkVersionLock } from '../versions/lock.ts';
import { readContentTree, type ContentTree } from './read.ts';
import { validate } from './validate.ts';
import { parseYaml } from './yaml.ts';

export interface LoadResult {
  /** The site model, or `undefined` when any file has an error. */
  site: SiteModel | undefined;
  /** Every file that was read or reported on, with its messages. */
  files: VFile[];
  /** The files as read and parsed, for commands that rewrite them (translations:confirm, publish-version). */
  parsed: ParseResult;
}

/**
 * Loads the site. Options default to publishing: stale translations are
 * errors, drafts are left out, and the build date is SOURCE_DATE_EPOCH or today.
 */
export async function loadSite(contentDir: string, options: Partial<BuildOptions> = {}): Promise<LoadResult> {
  const mode = options.mode ?? 'publish';
  const resolved: BuildOptions = { mode, buildDate: options.buildDate ?? buildDate(), drafts: options.drafts ?? mode === 'preview' };
  const parsed = await parseContent(contentDir, mode);
  const model = parsed.content ? buildSiteModel(parsed.content, resolved) : undefined;
  return { site: hasErrors(parsed.files) ? undefined : model, files: parsed.files, parsed };
}

export interface ParseResult {
  content: ParsedContent | undefined;
  files: VFile[];
  tree: ContentTree;
  lock: Parsed<VersionsLock> | undefined;
}

/** Reads, parses and validates every content file, and checks locked versions, without building the model. */
export async function parseContent(contentDir: string, mode: BuildOptions['mode'] = 'publish'): Promise<ParseResult> {
  const tree = await readContentTree(contentDir);
  const site = parseFile(tree.site, siteSchema);
  const lock = parseFile(tree.lock, versionsLockSchema);
  const ui = await loadUiSources(tree.ui);

  const documents = tree.documents.map((document) => ({
    slug: document.slug,
    versions: document.versions.map(
      (version): ParsedVersion => ({
        id: version.id,
        folder: version.folder,
        meta: parseFile(version.version, versionSchema),
        sdks: parseFile(version.sdks, sdkDirectorySchema),
        hasSdksFile: version.sdks !== undefined,
        translationsLock: parseFile(version.translations, translationsLockSchema),
        locked: lock?.data.documents[document.slug]?.[version.id] !== undefined,
        texts: new Map([...version.texts].map(([locale, file]) => [locale, { file, parsed: parseFile(file, policyTextSchema) }])),
      }),
    ),
  }));

  if (lock) {
    const drafts = new Set(documents.flatMap((document) => document.versions.filter((version) => version.meta?.data.draft).map((version) => `${document.slug}/${version.id}`)));
    checkVersionLock({ tree, lock, isDraft: (document, version) => drafts.has(`${document}/${version}`), unlockedIsError: mode === 'publish' });
  }
  const files = [...new Set([...tree.files, ...ui.files, ...documents.flatMap((document) => document.versions.map((version) => version.folder))])];
  return { content: site ? { site, documents, ui: ui.sources } : undefined, files, tree, lock };
}

function parseFile<S extends z.ZodType>(file: VFile | undefined, schema: S): Parsed<z.output<S>> | undefined {
  if (!file) return undefined;
  const source = parseYaml(file);
  if (!source) return undefined;
  const data = validate(source, schema);
  return data === undefined ? undefined : { data, source };
}
