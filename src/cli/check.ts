/**
 * `npm run check`: checks all content, drafts included, as the published
 * build would, without building pages. Prints every problem as
 *
 *     file:line:column  error|warning  message  (rule-id)
 *       fix: how to fix it
 *
 * and exits with 1 when there is an error (warnings alone pass).
 * Options: --content <dir>.
 */
import path from 'node:path';
import { loadSite } from '../load/index.ts';
import { formatReport } from '../messages/report.ts';
import { buildDateEnvironment, contentOption, folder } from './args.ts';
import { parseCommand } from './command.ts';

const { values } = parseCommand({
  command: 'npm run check --',
  summary: 'Checks all content, drafts included, as the published build would, without building pages. Exits with 1 when there is an error; warnings alone pass.',
  options: { content: contentOption },
  environment: buildDateEnvironment,
});
const contentDir = folder(values.content, 'content');
const { site, files } = await loadSite(contentDir, { mode: 'publish', drafts: true });
const report = formatReport(files);
if (report) console.log(report);
else console.log(`No problems found in ${path.relative(process.cwd(), contentDir) || '.'}/.`);
process.exit(site ? 0 : 1);
