/**
 * `npm run records:verify -- <archived policies.json> [--content <dir>]`:
 * proves, against a copy of /policies.json kept outside the repository (the
 * live site's, an archived release, a consent log's), that every version and
 * language it lists still has the same record in the content today. A hash
 * from before the records format (schemaVersion 1) is accepted through the
 * lock entry that pairs it with the record's hash. When the archived
 * manifest carries the lock's chain head, the current lock must still
 * contain that entry: a rewritten history fails even if every file was
 * rewritten to match. A first-launch notice the manifest gives is checked
 * the same way, against its own record.
 */
import { z } from 'zod';
import { loadSite } from '../load/index.ts';
import { formatReport } from '../messages/report.ts';
import { recordKey, sha256 } from './canonical.ts';
import { shownPath, versionsLockFileName } from '../versions/lock.ts';

/** The parts of any /policies.json (schemaVersion 1 or later) that verification reads. */
const archivedManifestSchema = z.object({
  schemaVersion: z.number().int().min(1),
  records: z.object({ chainHead: z.string() }).optional(),
  documents: z.array(
    z.object({
      document: z.string(),
      locale: z.string(),
      versions: z.array(z.object({ version: z.string(), sha256: z.string(), legacySha256: z.string().optional(), inventory: z.object({ sha256: z.string() }).optional(), notice: z.object({ sha256: z.string() }).optional() })),
    }),
  ),
});

export interface VerifyProblem {
  document: string;
  version: string;
  locale: string;
  /** Set for an annex's record (`inventory`, `notice`), absent for the version's own. */
  annex?: string;
  problem: 'differs' | 'disappeared';
}

export interface VerifyOutcome {
  ok: boolean;
  checked: number;
  problems: VerifyProblem[];
  /** Problems that are not about one record: the content does not load, the chain was rewritten. */
  errors: string[];
}

export function parseArchivedManifest(text: string): z.output<typeof archivedManifestSchema> | string {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return `it is not JSON (${error instanceof Error ? error.message : String(error)})`;
  }
  const result = archivedManifestSchema.safeParse(json);
  return result.success ? result.data : `it is not a /policies.json manifest (${result.error.issues[0]?.path.join('.') || 'top level'}: ${result.error.issues[0]?.message})`;
}

export async function verifyRecords(archived: z.output<typeof archivedManifestSchema>, contentDir: string, buildDate: string): Promise<VerifyOutcome> {
  const records = new Map<string, string>();
  const { files, parsed } = await loadSite(contentDir, { mode: 'publish', drafts: false, buildDate, records });
  const errors: string[] = [];
  const lockProblems = files.some((file) => file.messages.some((message) => message.fatal === true && /^(lock-|version-locked|record-changed)/.test(String(message.ruleId))));
  if (lockProblems) errors.push(`The content's published records fail their checks:\n${formatReport(files.filter((file) => file.messages.some((message) => message.fatal === true)))}`);

  const entries = parsed.lock?.data.entries ?? [];
  if (archived.records && !entries.some((entry) => entry.hash === archived.records!.chainHead)) {
    errors.push(`The lock's history was rewritten: the chain head of the archived manifest (${archived.records.chainHead}) is no entry of ${shownPath(contentDir, versionsLockFileName)} today.`);
  }

  const problems: VerifyProblem[] = [];
  let checked = 0;
  for (const document of archived.documents) {
    for (const version of document.versions) {
      // An inventory the archived manifest lists is a record of its own, checked beside the text.
      if (version.inventory) {
        checked++;
        const inventory = records.get(recordKey(document.document, version.version, document.locale, 'inventory'));
        if (inventory === undefined || sha256(inventory) !== version.inventory.sha256) {
          problems.push({ document: document.document, version: version.version, locale: document.locale, problem: inventory === undefined ? 'disappeared' : 'differs', annex: 'inventory' });
        }
      }
      checked++;
      const serialized = records.get(recordKey(document.document, version.version, document.locale));
      if (serialized === undefined) {
        problems.push({ document: document.document, version: version.version, locale: document.locale, problem: 'disappeared' });
        continue;
      }
      const current = sha256(serialized);
      if (version.sha256 === current) continue;
      // A hash from before the records format: the lock pairs it with the record it stood for.
      const entry = entries.find((candidate) => candidate.document === document.document && candidate.version === version.version && candidate.record === 'policy');
      if (entry?.legacySha256?.[document.locale] === version.sha256 && entry.records[document.locale] === current) continue;
      problems.push({ document: document.document, version: version.version, locale: document.locale, problem: 'differs' });
    }
    // The first-launch notice a manifest gave (schemaVersion 2 on): a record of its own.
    for (const version of document.versions) {
      if (!version.notice) continue;
      checked++;
      const serialized = records.get(recordKey(document.document, version.version, document.locale, 'notice'));
      const problem = serialized === undefined ? 'disappeared' : sha256(serialized) === version.notice.sha256 ? undefined : 'differs';
      if (problem) problems.push({ document: document.document, version: version.version, locale: document.locale, annex: 'notice', problem });
    }
  }
  return { ok: problems.length === 0 && errors.length === 0, checked, problems, errors };
}
