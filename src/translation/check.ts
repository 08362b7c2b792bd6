/**
 * Translation integrity: a translated text must have exactly the source
 * language's sections and clauses, in the same order, flagged the same way,
 * and must have been confirmed against the current source text. Structural
 * differences are always errors; a stale translation is an error when
 * publishing and a warning in a preview (`npm run dev`) or a draft.
 */
import path from 'node:path';
import type { VFile } from 'vfile';
import { fail, startOf, warn, type Place } from '../messages/message.ts';
import type { TranslationStatus } from '../model/types.ts';
import type { TranslationRecord } from '../schema/translations.ts';
import type { ClauseFacts, TextFacts } from './facts.ts';

export interface TranslationCheck {
  source: TextFacts;
  target: TextFacts;
  /** Fingerprints of the current source text. */
  current: Required<TranslationRecord>;
  /** What the translation was confirmed against, from translations.yaml. */
  confirmed: TranslationRecord | undefined;
  /** Where a stale SDK translation is, in sdks.yaml. */
  sdkPlace: (id: string) => { file: VFile; place: Place } | undefined;
  staleIsError: boolean;
  /**
   * A clause or section missing from the translation is an error, except in
   * the preview, which shows the source text in its place, marked.
   */
  missingIsError: boolean;
}

export function checkTranslation(check: TranslationCheck): TranslationStatus {
  const { source, target } = check;
  const where = (facts: { place: Place }) => `${path.basename(source.file.path)} line ${startOf(facts.place).line}`;
  const sourceClauses = new Map(source.clauses.map((clause) => [clause.id, clause]));
  const targetClauses = new Map(target.clauses.map((clause) => [clause.id, clause]));
  const targetSections = new Map(target.sections.map((section) => [section.id, section]));
  const lang = `\`${target.locale}\``;

  for (const section of source.sections) {
    if (!targetSections.has(section.id)) {
      (check.missingIsError ? fail : warn)(target.file, `Missing section \`${section.id}\` in the ${lang} text (${source.locale}: ${where(section)})`, undefined, 'translation-missing');
    }
  }
  for (const section of target.sections) {
    if (!source.sections.some((candidate) => candidate.id === section.id)) {
      fail(target.file, `Unexpected section \`${section.id}\` in the ${lang} text: the ${source.locale} text has no section with this id`, section.place, 'translation-extra');
    }
  }

  const missing: string[] = [];
  for (const clause of source.clauses) {
    if (targetClauses.has(clause.id)) continue;
    missing.push(clause.id);
    const section = targetSections.get(clause.sectionId);
    (check.missingIsError ? fail : warn)(target.file, `Missing clause \`${clause.id}\` in the ${lang} text (section \`${clause.sectionId}\`; ${source.locale}: ${where(clause)})`, section?.place, 'translation-missing');
  }
  for (const clause of target.clauses) {
    if (!sourceClauses.has(clause.id)) {
      fail(target.file, `Unexpected clause \`${clause.id}\` in the ${lang} text: the ${source.locale} text has no clause with this id`, clause.place, 'translation-extra');
    }
  }

  const common = target.clauses.filter((clause) => sourceClauses.has(clause.id));
  const sourceOrder = source.clauses.filter((clause) => targetClauses.has(clause.id));
  const outOfOrder = common.find((clause, index) => clause.id !== sourceOrder[index]?.id);
  if (outOfOrder) {
    fail(target.file, `Unexpected order: clause \`${outOfOrder.id}\` is not where the ${source.locale} text has it (${where(sourceClauses.get(outOfOrder.id)!)})`, outOfOrder.place, 'translation-structure');
  }

  // A language never confirmed at all gets one message, not one per clause.
  const neverConfirmed = check.confirmed === undefined;
  if (neverConfirmed) {
    (check.staleIsError ? fail : warn)(target.file, `Unconfirmed translation: nothing records which ${source.locale} text the ${target.locale} text was translated from`, { line: 1, column: 1 }, 'translation-stale', `Check that the ${target.locale} text matches the ${source.locale} text, then run \`npm run translations:confirm -- ${target.locale}\`.`);
  }
  const stale: string[] = [];
  let translated = 0;
  for (const clause of common) {
    const original = sourceClauses.get(clause.id)!;
    compareClause(check, original, clause);
    if (clause.sectionId !== original.sectionId) {
      fail(target.file, `Unexpected section for clause \`${clause.id}\`: \`${clause.sectionId}\` in ${target.locale}, \`${original.sectionId}\` in ${source.locale}`, clause.place, 'translation-structure');
    }
    if (isStale(check, 'clauses', clause.id, `clause \`${clause.id}\``, target.file, clause.place)) stale.push(clause.id);
    else translated++;
  }

  for (const section of target.sections) {
    if (check.current.sections[section.id] !== undefined && isStale(check, 'sections', section.id, `the title of section \`${section.id}\``, target.file, section.place)) {
      stale.push(`section:${section.id}`);
    }
  }
  if (isStaleValue(check, check.confirmed?.title, check.current.title, 'the document title', target.file, { line: 1, column: 1 })) stale.push('title');
  for (const id of Object.keys(check.current.sdks)) {
    const at = check.sdkPlace(id);
    if (at && isStale(check, 'sdks', id, `SDK \`${id}\``, at.file, at.place)) stale.push(`sdk:${id}`);
  }

  return { translated, stale, missing };
}

function compareClause(check: TranslationCheck, original: ClauseFacts, clause: ClauseFacts): void {
  const { source, target } = check;
  if (original.flag !== clause.flag) {
    fail(target.file, `Unexpected \`flag\` on clause \`${clause.id}\`: ${describeFlag(clause.flag)} in ${target.locale}, ${describeFlag(original.flag)} in ${source.locale}`, clause.place, 'translation-flags');
  }
  for (const kind of ['sensitive', 'important'] as const) {
    const expected = original.inlineFlags.filter((flag) => flag === kind).length;
    const actual = clause.inlineFlags.filter((flag) => flag === kind).length;
    if (expected !== actual) {
      fail(target.file, `Unexpected number of \`:${kind}[…]\` flags in clause \`${clause.id}\`: ${actual} in ${target.locale}, expected ${expected} as in ${source.locale}`, clause.place, 'translation-flags');
    }
  }
  if (original.sdks !== clause.sdks) {
    fail(target.file, `Unexpected \`sdks\` on clause \`${clause.id}\`: \`${clause.sdks || 'none'}\` in ${target.locale}, \`${original.sdks || 'none'}\` in ${source.locale}`, clause.place, 'translation-flags');
  }
  if (original.lists !== clause.lists) {
    fail(target.file, `Unexpected \`lists\` on clause \`${clause.id}\`: \`${clause.lists || 'none'}\` in ${target.locale}, \`${original.lists || 'none'}\` in ${source.locale}`, clause.place, 'translation-flags');
  }
}

function describeFlag(flag: string | undefined): string {
  return flag ? `\`${flag}\`` : 'none';
}

function isStale(check: TranslationCheck, part: 'sections' | 'clauses' | 'sdks', id: string, label: string, file: VFile, place: Place): boolean {
  return isStaleValue(check, check.confirmed?.[part][id], check.current[part][id], label, file, place);
}

function isStaleValue(check: TranslationCheck, confirmed: string | undefined, current: string | undefined, label: string, file: VFile, place: Place): boolean {
  if (confirmed === current) return false;
  if (check.confirmed === undefined) return true;
  const { source, target } = check;
  const reason = confirmed === undefined
    ? `Unconfirmed translation of ${label} in ${target.locale}: no record says which ${source.locale} text it was translated from`
    : `Stale translation of ${label} in ${target.locale}: the ${source.locale} text changed since the translation was confirmed`;
  (check.staleIsError ? fail : warn)(file, reason, place, 'translation-stale', `Update the ${target.locale} text to match the ${source.locale} text, then run \`npm run translations:confirm -- ${target.locale}\`.`);
  return true;
}
