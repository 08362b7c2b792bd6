/**
 * Step: a document's versions → the document model. Decides which versions
 * this build includes (a draft only with `--drafts` or in a preview: a
 * draft left out reports its problems as warnings, so a broken draft never
 * blocks an urgent fix to the published policy), which version is current
 * on the build date, and the redlines (against the version before, and for
 * versions still ahead of a reader's consent, from every earlier one).
 */
import type { ParsedDocument, ParsedVersion } from '../load/parsed.ts';
import type { RuleId } from '../messages/catalog.ts';
import type { SiteContext } from './context.ts';
import { suggestConsent } from './consent.ts';
import { redlines } from './redlines.ts';
import { assignStatuses } from './status.ts';
import type { DocumentModel } from './types.ts';
import { buildVersion, type BuiltVersion } from './version.ts';

/** Problems with the published record itself: never softened, draft or not. */
const recordRules = new Set<RuleId>(['version-locked', 'lock-chain', 'lock-missing', 'record-changed']);

/** The document model, or `undefined` when the build includes none of its versions (a document with drafts only). */
export function buildDocument(document: ParsedDocument, context: SiteContext): DocumentModel | undefined {
  const built: BuiltVersion[] = [];
  for (const version of document.versions) {
    const result = buildVersion(version, document.slug, context);
    const draft = version.meta?.data.draft === true && !version.publication;
    if (draft && !context.options.drafts) {
      softenDraftProblems(version);
      continue;
    }
    if (result) built.push(result);
  }
  if (built.length === 0) return undefined;
  built.sort((a, b) => (a.model.id < b.model.id ? -1 : 1));
  const versions = built.map((version) => version.model).reverse();
  const current = assignStatuses(versions, context.options.buildDate);
  redlines(built);
  // Needs the inventory changes that the redlines step computed.
  suggestConsent(built, context.sourceLocale);
  return { slug: document.slug, current: current?.id ?? versions.at(-1)!.id, versions };
}

/** A draft left out of the build: its errors become warnings that say so (`--drafts` makes them errors again). */
function softenDraftProblems(version: ParsedVersion): void {
  for (const file of version.files) {
    for (const message of file.messages) {
      if (message.fatal !== true || (message.ruleId && recordRules.has(message.ruleId as RuleId))) continue;
      message.fatal = false;
      message.reason = `${message.reason} (draft \`${version.id}\`: left out of this build; with \`--drafts\` this is an error)`;
    }
  }
}
