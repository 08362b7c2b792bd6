/** The translation commands as a person runs them (src/cli/translations.ts), and an XLIFF export filled in as translators would. */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { projectRoot, userEnvironment } from './build.ts';
import { bilingualSite, replaceOnce, siteWith } from './content.ts';

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** `npm run translations:<command> -- …args`, from `cwd` (the project folder unless told). */
export function translations(command: 'status' | 'confirm' | 'export' | 'import', args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Run {
  const result = spawnSync(process.execPath, [path.join(projectRoot, 'src/cli/translations.ts'), command, ...args], {
    cwd: options.cwd ?? projectRoot,
    encoding: 'utf8',
    env: { ...userEnvironment(), NO_COLOR: '1', ...options.env },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * An exported XLIFF file with the units named in `targets` translated: each
 * gets a `<target>` (XML, with the source's codes) and the state `translated`,
 * as a CAT tool writes them. Other units stay as exported.
 */
export function translateUnits(xliff: string, targets: Record<string, string>, state = 'translated'): string {
  let out = xliff;
  for (const [id, target] of Object.entries(targets)) {
    const unit = new RegExp(`(<unit id="${id.replace(/\./g, '\\.')}">[\\s\\S]*?<segment) state="initial">([\\s\\S]*?</source>)(?:\\s*<target[^>]*>[\\s\\S]*?</target>)?`);
    if (!unit.test(out)) throw new Error(`No unit ${id} in the export`);
    out = out.replace(unit, (_, head: string, source: string) => `${head} state="${state}">${source}\n        <target xml:space="preserve">${target}</target>`);
  }
  return out;
}

export const contactClause = '      - id: contact\n        title: Contact\n        text: |\n          Write to [{{company}}](mailto:privacy@example.com) about your :sensitive[data].\n';

/**
 * The bilingual fixture with `liability` changed in English (stale in
 * Chinese) and a new clause `contact` with a title, a link, a variable and
 * a flag (missing in Chinese), plus `changes` of its own.
 */
export function changedSite(changes: Parameters<typeof siteWith>[0] = {}): string {
  return siteWith({
    'notice/2024-01-10/en.yaml': (text) => replaceOnce('We are not liable for outages.', 'We are not liable for outages or delays.')(text).replace('      - id: sdks\n', `${contactClause}      - id: sdks\n`),
    ...changes,
  }, bilingualSite);
}
