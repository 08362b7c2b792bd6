/**
 * `npm run dev`: a live preview of every page, drafts included, at
 * http://127.0.0.1:4321/ (`-- --port <n>` for another port, `--content <dir>`).
 * Editing a content file reloads the page; a content mistake shows in the
 * browser and in this terminal with its file and line.
 */
import { projectRoot, readOptions } from './args.ts';

process.env['ASTRO_TELEMETRY_DISABLED'] = '1';
const options = readOptions();
process.env['LEGAL_SITE_CONTENT'] = options.contentDir;

const { dev } = await import('astro');
await dev({ root: projectRoot, server: { port: options.port, host: '127.0.0.1' } });
