/**
 * The source text a translation was confirmed against ("then"), for showing
 * what changed since: from the version's translations.yaml (`sources:`,
 * written by confirm and import), else from git history of the source file
 * (history.ts), else unknown.
 */
import path from 'node:path';
import type { ParsedVersion } from '../load/parsed.ts';
import type { ConfirmedSource } from '../schema/translations.ts';
import { fingerprint } from './fingerprint.ts';
import { sourceHistory, type SourceHistory } from './history.ts';
import type { PartStatus } from './parts.ts';

export interface ConfirmedText {
  source: ConfirmedSource;
  /** Where it was found: `translations.yaml`, or `git <commit> (<date>)`. */
  from: string;
}

/** Looks up confirmed source texts; one git history per source file, shared across calls. */
export function confirmedSources(sourceLocale: string): (version: ParsedVersion, part: PartStatus) => Promise<ConfirmedText | undefined> {
  const histories = new Map<string, SourceHistory>();
  return async (version, part) => {
    if (part.confirmed === undefined) return undefined;
    const kept = version.translationsLock?.data.sources?.[part.confirmed];
    // A text kept under a fingerprint that is not its own (edited by hand) is not trusted.
    const print = kept && (part.kind === 'clause' ? fingerprint(kept.title, kept.text) : fingerprint(kept.title));
    if (kept && print === part.confirmed) return { source: kept, from: 'translations.yaml' };
    const file = path.join(version.dir, `${sourceLocale}.yaml`);
    let history = histories.get(file);
    if (!history) histories.set(file, (history = sourceHistory(file)));
    const found = await history.find(part.confirmed);
    return found && { source: found.source, from: `git ${found.commit} (${found.date})` };
  };
}
