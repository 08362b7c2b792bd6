/** Command-line options shared by the commands: `--content <dir>` and `--out <dir>`. */
import path from 'node:path';
import { parseArgs } from 'node:util';

/** The project folder (where package.json is). */
export const projectRoot = path.resolve(import.meta.dirname, '../..');

export interface CliOptions {
  contentDir: string;
  outDir: string;
  /** Build draft versions too (`--drafts`); never for the published site. */
  drafts: boolean;
  /** Port of the preview server (`npm run dev -- --port 4000`). */
  port: number;
}

export function readOptions(argv: string[] = process.argv.slice(2)): CliOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      content: { type: 'string', default: path.join(projectRoot, 'content') },
      out: { type: 'string', default: path.join(projectRoot, 'dist') },
      drafts: { type: 'boolean', default: false },
      port: { type: 'string', default: '4321' },
    },
    allowPositionals: false,
  });
  return { contentDir: path.resolve(values.content), outDir: path.resolve(values.out), drafts: values.drafts, port: Number(values.port) };
}
