/**
 * Handing the loaded site to the pages without serializing it. The build
 * command, the Astro config (loaded through Vite) and the prerendered pages
 * all run in one Node process, but each gets its own copy of our modules, so
 * a module-level variable would not be shared. A registry under a global
 * symbol is: the build command's check and the integration share one load
 * of the content, and the pages read the model object itself, instead of a
 * module with tens of megabytes of JSON for Vite to bundle and parse.
 */
import { loadSite, type LoadResult } from '../load/index.ts';
import { ParseCache } from '../load/parse-cache.ts';
import { SharedRenders } from '../markdown/cache.ts';
import { VersionMemo } from '../model/version-memo.ts';
import type { BuildOptions } from '../model/build.ts';
import type { SiteModel } from '../model/types.ts';

/**
 * What a shared load keeps: the model and the files with their messages. Not the parsed files (the
 * YAML documents with every node's position, about 40 % of the heap after a large load): the build
 * renders every page after the load, and would hold them, and collect garbage around them, all along.
 */
export type SharedLoad = Pick<LoadResult, 'site' | 'files'>;

interface Registry {
  loads: Map<string, Promise<SharedLoad>>;
  model: SiteModel | undefined;
  /** Parses kept by file content: a build parses each distinct file once, a preview reparses only what was saved. */
  parses: ParseCache;
  /** Clause renderings kept by text: a preview renders again only the texts that changed. */
  renders: SharedRenders;
  /** Built versions kept by their inputs: a preview builds again only the versions whose files changed. */
  versions: VersionMemo;
}

const key = Symbol.for('legal-site.handoff');

function registry(): Registry {
  const global = globalThis as unknown as Record<symbol, Registry | undefined>;
  return (global[key] ??= { loads: new Map(), model: undefined, parses: new ParseCache(), renders: new SharedRenders(), versions: new VersionMemo() });
}

/** Loads the content once per folder and options in this process. */
export function sharedLoad(contentDir: string, options: BuildOptions & { changed?: string }): Promise<SharedLoad> {
  const id = JSON.stringify([contentDir, options.mode, options.drafts, options.buildDate, options.changed ?? '']);
  const { loads, parses, renders, versions } = registry();
  let loaded = loads.get(id);
  if (!loaded) {
    // Each distinct file content is parsed once in every load; only the preview, which loads again
    // after each save, keeps renderings and built versions for the next load.
    const preview = options.mode === 'preview';
    loaded = loadSite(contentDir, { ...options, parseCache: parses, ...(preview ? { renders, versions } : {}) }).then(({ site, files }) => {
      if (!preview) {
        // A build loads once: nothing is kept for a next load.
        parses.clear();
      } else {
        // Only what this content holds now stays cached.
        parses.sweep();
        renders.sweep();
        versions.sweep();
      }
      return { site, files };
    });
    loads.set(id, loaded);
  }
  return loaded;
}

/** Forgets every load (the preview calls it when a content file changes). */
export function forgetLoads(): void {
  registry().loads.clear();
}

export function handOver(model: SiteModel): void {
  registry().model = model;
}

/** The code of the virtual module: it returns the model handed over in this process. */
export const modelModuleCode = `const model = globalThis[Symbol.for('legal-site.handoff')]?.model;
if (!model) throw new Error('No site model was handed over: build with npm run build, or preview with npm run dev.');
export default model;
`;
