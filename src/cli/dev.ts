/**
 * `npm run dev`: a live preview of every page at http://localhost:4321/.
 * Editing a content file reloads the page; a content mistake shows in the
 * browser and in this terminal with its file and line.
 */
import { projectRoot, readOptions } from './args.ts';

process.env['ASTRO_TELEMETRY_DISABLED'] = '1';
const options = readOptions();
process.env['LEGAL_SITE_CONTENT'] = options.contentDir;

const { dev } = await import('astro');
await dev({ root: projectRoot });
