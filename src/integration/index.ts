/**
 * The Astro integration: loads the content once per build (or per change in
 * `astro dev`) and hands the site model to the pages as the virtual module
 * `virtual:legal-site/model` (see handoff.ts). Pages import the model; they
 * never read files. What the build command writes besides the pages (the
 * PDFs of `--pdf`) reaches them as `virtual:legal-site/output`, so that a
 * page links only to files the build writes.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { Plugin, ViteDevServer } from 'vite';
import type { VFile } from 'vfile';
import { forgetLoads, handOver, modelModuleCode, sharedLoad } from './handoff.ts';
import { formatReport } from '../messages/report.ts';
import { buildDate } from '../model/build-date.ts';
import { errorPage } from './error-page.ts';
import { basePath, translationStatusUrl } from '../routing.ts';

export interface Options {
  /** Folder holding site.yaml and the documents. */
  contentDir: string;
  /** Build /translation-status/ (always in the preview; in a build only when asked: it is for the team, not the public). */
  translationStatus?: boolean;
  /**
   * The build command writes a PDF of every version (`--pdf`), so the version pages link to it. The
   * command writes them after Astro, and fails the build if one cannot be written.
   */
  pdf?: boolean;
}

/** What `virtual:legal-site/output` gives the pages: which files the build writes besides them. */
export interface OutputOptions {
  pdf: boolean;
}

const moduleId = 'virtual:legal-site/model';
const resolvedId = `\0${moduleId}`;
const outputModuleId = 'virtual:legal-site/output';
const resolvedOutputId = `\0${outputModuleId}`;

export default function legalSite(options: Options): AstroIntegration {
  return {
    name: 'legal-site',
    hooks: {
      'astro:config:setup': async ({ updateConfig, config, command, injectRoute }) => {
        const contentDir = path.resolve(fileURLToPath(config.root), options.contentDir);
        // The preview (`astro dev`) shows stale translations as warnings; a build refuses them.
        const mode = command === 'dev' ? 'preview' : 'publish';
        const content = loader(contentDir, mode);
        // A site published in a folder (baseUrl https://example.github.io/project/) is served
        // under its path, stylesheet included. The load is shared: the pages reuse it.
        const { site } = await content.load();
        // The preview has no PDFs: its pages never link to one.
        const output: OutputOptions = { pdf: mode === 'publish' && options.pdf === true };
        updateConfig({ ...(site ? { base: basePath(site) } : {}), vite: { plugins: [siteModelPlugin(contentDir, content), outputPlugin(output)] } });
        if (mode === 'preview' || options.translationStatus) {
          injectRoute({ pattern: translationStatusUrl, entrypoint: fileURLToPath(new URL('../routes/translation-status.astro', import.meta.url)) });
        }
      },
    },
  };
}

/** The content, loaded once per build or change; `changed` is the file saved last in the preview (its problems come first). */
function loader(contentDir: string, mode: 'publish' | 'preview') {
  const state: { changed?: string; load: () => ReturnType<typeof sharedLoad> } = {
    load: () =>
      sharedLoad(contentDir, {
        mode,
        drafts: mode === 'preview' || process.env['LEGAL_SITE_DRAFTS'] === '1',
        buildDate: process.env['LEGAL_SITE_BUILD_DATE'] ?? buildDate(),
        ...(state.changed ? { changed: state.changed } : {}),
      }),
  };
  return state;
}

function siteModelPlugin(contentDir: string, content: ReturnType<typeof loader>): Plugin {
  const load = () => content.load();
  const reported = new WeakSet<object>();

  return {
    name: 'legal-site:model',
    resolveId(id) {
      return id === moduleId ? resolvedId : undefined;
    },
    async load(id) {
      if (id !== resolvedId) return undefined;
      const result = await load();
      const { site, files } = result;
      // No addWatchFile: the content folder is watched in configureServer, whose reload invalidates only this
      // module. Watch files would make Vite invalidate every page and component that imports it (and
      // transform them all again: seconds on a large site).
      if (!site) throw new ContentError(formatReport(files));
      handOver(site);
      return modelModuleCode;
    },
    configureServer(server) {
      server.watcher.add(contentDir);
      // In the terminal too: every problem, warnings included, on start and after every change. A save
      // can reach the watcher before the file is whole (truncated, then written) and the later write as
      // no event of its own; the requests load the files again, so what they find is printed as well,
      // whenever it differs from what was printed last.
      let printed: string | undefined;
      const print = (result: Awaited<ReturnType<typeof load>>) => {
        if (reported.has(result)) return;
        reported.add(result);
        const text = formatReport(result.files, { first: content.changed });
        const shown = text ? `\n${text}\n` : `No problems in ${path.relative(process.cwd(), contentDir) || '.'}/.`;
        if (shown === printed) return;
        printed = shown;
        server.config.logger.info(shown, { timestamp: true });
      };
      const report = () => load().then(print, () => undefined);
      void report();
      const reload = (file: string) => {
        if (!file.startsWith(contentDir)) return;
        // After a save the report is printed again, even when it reads the same.
        printed = undefined;
        content.changed = file;
        forgetLoads();
        invalidate(server);
        server.ws.send({ type: 'full-reload' });
        void report();
      };
      server.watcher.on('add', reload).on('change', reload).on('unlink', reload);
      // While the content has errors, every page is the list of errors (and reloads when they are fixed).
      server.middlewares.use((request, response, next) => {
        if (!(request.headers.accept ?? '').includes('text/html')) return next();
        load().then((result) => {
          const { site, files } = result;
          print(result);
          if (site) return next();
          // Read the files again on the next request: a save in quick succession can reach the
          // watcher as a single event, and the error page must never outlive the mistake.
          forgetLoads();
          response.statusCode = 500;
          response.setHeader('Content-Type', 'text/html; charset=utf-8');
          response.end(errorPage(orderFilesByCause(files, content.changed)));
        }, next);
      });
    },
  };
}

function outputPlugin(output: OutputOptions): Plugin {
  return {
    name: 'legal-site:output',
    resolveId: (id) => (id === outputModuleId ? resolvedOutputId : undefined),
    load: (id) => (id === resolvedOutputId ? `export default ${JSON.stringify(output)};\n` : undefined),
  };
}

/** The file saved last first, so that its problems head the list; then the others as they were. */
function orderFilesByCause(files: readonly VFile[], changed: string | undefined): VFile[] {
  if (!changed) return [...files];
  return [...files.filter((file) => file.path === changed), ...files.filter((file) => file.path !== changed)];
}

function invalidate(server: ViteDevServer): void {
  for (const environment of Object.values(server.environments)) {
    const module = environment.moduleGraph.getModuleById(resolvedId);
    if (module) environment.moduleGraph.invalidateModule(module);
  }
}

/** Content problems, already formatted for a person: shown without a stack trace. */
class ContentError extends Error {
  constructor(report: string) {
    super(`The content has errors:\n\n${report}`);
    this.name = 'ContentError';
    this.stack = this.message;
  }
}
