/**
 * `npm run dev`: a live preview of every page, drafts included, at
 * http://127.0.0.1:4321/ (`-- --port <n>` for another port, `--content <dir>`).
 * Editing a content file reloads the page; a content mistake shows in the
 * browser and in this terminal with its file and line.
 */
import { buildDateEnvironment, contentOption, folder, projectRoot } from './args.ts';
import { parseCommand } from './command.ts';

const { values } = parseCommand({
  command: 'npm run dev --',
  summary: 'A live preview of every page, drafts included. Editing a content file reloads the page; a content mistake shows in the browser and here.',
  options: {
    content: contentOption,
    port: { type: 'string', value: '<port>', description: 'the port to serve on, at 127.0.0.1 (0: any free port; the address is printed)', default: '4321', check: (value) => (/^\d+$/.test(value) && Number(value) <= 65535 ? undefined : 'a port number from 0 to 65535 (0: any free port)') },
  },
  environment: buildDateEnvironment,
});

process.env['ASTRO_TELEMETRY_DISABLED'] = '1';
process.env['LEGAL_SITE_CONTENT'] = folder(values.content, 'content');

const { dev } = await import('astro');
await dev({ root: projectRoot, server: { port: Number(values.port), host: '127.0.0.1' } });
