/** Builds a bare-Astro baseline project: `node src/bench/build-baseline.ts <dir>` (run by npm run bench). */
import path from 'node:path';

process.env['ASTRO_TELEMETRY_DISABLED'] = '1';
process.env['NODE_ENV'] = 'production';
const root = path.resolve(process.argv[2] ?? '.');
const { build } = await import('astro');
await build({ root, logLevel: 'error' });
