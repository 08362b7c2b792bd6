/**
 * The source text a fingerprint was made from, looked up in git history,
 * for records written before translations.yaml kept the source texts
 * (`sources:`). The source file's earlier versions are read newest first
 * (`git log --follow`, at most `limit` commits); a text counts only when its
 * fingerprint is exactly the recorded one, so a match is never a guess.
 * Without git, outside a repository or past the limit, the text is unknown.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'yaml';
import type { ConfirmedSource } from '../schema/translations.ts';
import { fingerprint } from './fingerprint.ts';

const run = promisify(execFile);

export interface FoundSource {
  source: ConfirmedSource;
  /** The commit that had the text: abbreviated hash and date. */
  commit: string;
  date: string;
}

export interface SourceHistory {
  find(print: string): Promise<FoundSource | undefined>;
}

/** Looks up fingerprints in the history of `file` (a source-language text file). */
export function sourceHistory(file: string, limit = 200): SourceHistory {
  const dir = path.dirname(file);
  const name = path.basename(file);
  const found = new Map<string, FoundSource>();
  let commits: Promise<{ hash: string; date: string }[]> | undefined;
  let next = 0;
  const git = async (args: string[]) => (await run('git', ['-C', dir, ...args], { maxBuffer: 64 * 1024 * 1024, encoding: 'utf8' })).stdout;
  return {
    async find(print) {
      commits ??= git(['log', '--follow', `--max-count=${limit}`, '--format=%h %cs', '--', name]).then(
        (out) => out.split('\n').filter(Boolean).map((line) => {
          const [hash = '', date = ''] = line.split(' ');
          return { hash, date };
        }),
        () => [],
      );
      const list = await commits;
      while (!found.has(print) && next < list.length) {
        const { hash, date } = list[next++]!;
        const text = await git(['show', `${hash}:./${name}`]).catch(() => undefined);
        if (text === undefined) continue;
        for (const [each, source] of printsOf(text)) if (!found.has(each)) found.set(each, { source, commit: hash, date });
      }
      return found.get(print);
    },
  };
}

/** Fingerprint → source text of each part of a text file's YAML, read leniently (an old file may not fit today's schema). */
function printsOf(yaml: string): Map<string, ConfirmedSource> {
  const prints = new Map<string, ConfirmedSource>();
  let data: unknown;
  try {
    data = parse(yaml, { maxAliasCount: 0 });
  } catch {
    return prints;
  }
  const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
  const record = (value: unknown) => (value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : {});
  const root = record(data);
  const title = text(root.title);
  if (title !== undefined) prints.set(fingerprint(title), { title });
  for (const section of Array.isArray(root.sections) ? root.sections.map(record) : []) {
    const sectionTitle = text(section.title);
    if (sectionTitle !== undefined) prints.set(fingerprint(sectionTitle), { title: sectionTitle });
    for (const clause of Array.isArray(section.clauses) ? section.clauses.map(record) : []) {
      const clauseTitle = text(clause.title);
      const body = text(clause.text);
      if (body === undefined) continue;
      prints.set(fingerprint(clauseTitle, body), { ...(clauseTitle === undefined ? {} : { title: clauseTitle }), text: body });
    }
  }
  return prints;
}
