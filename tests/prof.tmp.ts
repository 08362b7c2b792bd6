import { loadSite } from '../src/load/index.ts';
import { parseContent } from '../src/load/index.ts';
let t0 = performance.now();
await parseContent('/work/main/bench/.work/3x30x10/content');
console.log('parse', Math.round(performance.now() - t0));
t0 = performance.now();
const r = await loadSite('/work/main/bench/.work/3x30x10/content', { buildDate: '2026-01-01' });
console.log('loadSite', Math.round(performance.now() - t0), 'ms', JSON.stringify(r.site).length / 1e6, 'MB', process.memoryUsage().rss / 1e6);
