/**
 * Writing translations.yaml: records, for one language, the fingerprint of
 * the source text that each part of its translation now corresponds to, and
 * keeps that source text (once per fingerprint, under `sources:`) so that a
 * later change of the source can be shown word by word.
 */
import path from 'node:path';
import { stringify } from 'yaml';
import type { ParsedVersion } from '../load/parsed.ts';
import type { ConfirmedSource, TranslationRecord, TranslationsLock } from '../schema/translations.ts';
import { writeFileAtomic } from '../output/file.ts';
import { sourceFingerprints } from './fingerprint.ts';
import { translatedEntries } from './inventory.ts';
import { withFingerprint, type PartStatus } from './parts.ts';

export const translationsFileName = 'translations.yaml';

/** The record that confirms `locale`'s current text of `version` against the current source text. */
export function confirmedRecord(version: ParsedVersion, sourceLocale: string, locale: string): Required<TranslationRecord> | undefined {
  const source = version.texts.get(sourceLocale)?.parsed?.data;
  const target = version.texts.get(locale)?.parsed?.data;
  if (!source || !target) return undefined;
  const current = sourceFingerprints(source, version.sdks?.data, sourceLocale, version.inventory?.data);
  const sectionIds = new Set(target.sections.map((section) => section.id));
  const clauseIds = new Set(target.sections.flatMap((section) => section.clauses.map((clause) => clause.id)));
  const sdkIds = new Set((version.sdks?.data.sdks ?? []).filter((sdk) => sdk.purpose[locale] !== undefined).map((sdk) => sdk.id));
  const pick = (prints: Record<string, string>, keep: Set<string>) => Object.fromEntries(Object.entries(prints).filter(([id]) => keep.has(id)));
  return {
    title: current.title,
    sections: pick(current.sections, sectionIds),
    clauses: pick(current.clauses, clauseIds),
    sdks: pick(current.sdks, sdkIds),
    inventory: pick(current.inventory, translatedEntries(version.inventory?.data, locale)),
  };
}

/** `locale`'s record with only `parts` confirmed against the current source text; every other part keeps what was recorded. */
export function recordConfirming(version: ParsedVersion, locale: string, parts: readonly PartStatus[]): TranslationRecord {
  const existing = version.translationsLock?.data.translations[locale];
  // Whatever else the record holds stays as it is.
  let record: TranslationRecord = {
    ...existing,
    sections: { ...existing?.sections },
    clauses: { ...existing?.clauses },
    sdks: { ...existing?.sdks },
    inventory: { ...existing?.inventory },
  };
  for (const part of parts) record = withFingerprint(record, part.kind, part.id, part.fingerprint);
  return record;
}

/**
 * Writes `records` (language → record) into the version's translations.yaml,
 * keeping the other languages' records, and the source text of every
 * fingerprint the records name: from `texts` (the current source) or as
 * recorded before. Returns the file written.
 */
export async function writeRecords(dir: string, version: ParsedVersion, records: Readonly<Record<string, TranslationRecord>>, texts: ReadonlyMap<string, ConfirmedSource>): Promise<string> {
  const file = path.join(dir, translationsFileName);
  await writeFileAtomic(file, recordsFile(version.translationsLock?.data, records, texts));
  return file;
}

/** The text of translations.yaml with `records` written over `previous`. */
export function recordsFile(previous: TranslationsLock | undefined, records: Readonly<Record<string, TranslationRecord>>, texts: ReadonlyMap<string, ConfirmedSource>): string {
  const translations: Record<string, TranslationRecord> = { ...(previous?.translations ?? {}), ...records };
  // A version without an inventory keeps its file as it was: no empty `inventory: {}`.
  const withoutEmpty = (record: TranslationRecord) => (Object.keys(record.inventory ?? {}).length > 0 ? record : (Object.fromEntries(Object.entries(record).filter(([key]) => key !== 'inventory')) as TranslationRecord));
  const sorted = Object.fromEntries(Object.keys(translations).sort().map((key) => [key, withoutEmpty(translations[key]!)]));
  const known = new Map([...Object.entries(previous?.sources ?? {}), ...texts]);
  const sources: Record<string, ConfirmedSource> = {};
  for (const print of [...new Set(Object.values(sorted).flatMap(fingerprintsOf))].sort()) {
    const text = known.get(print);
    if (text && (text.title !== undefined || text.text !== undefined)) sources[print] = text;
  }
  const header = [
    '# yaml-language-server: $schema=../../../schemas/translations.schema.json',
    '# Written by `npm run translations:confirm` and `npm run translations:import`: for each translated',
    '# language, a fingerprint of the source-language text that each part was translated from. When',
    '# the source text changes, its fingerprint changes and the build reports the translation as stale.',
    '# `sources:` keeps the source text of each fingerprint, for `npm run translations:status -- --diff`.',
    '',
  ].join('\n');
  const body = Object.keys(sources).length ? { translations: sorted, sources } : { translations: sorted };
  return header + stringify(body, { sortMapEntries: false, lineWidth: 0, blockQuote: 'literal', aliasDuplicateObjects: false });
}

function fingerprintsOf(record: TranslationRecord): string[] {
  // SDK fingerprints have no text kept: their fields live in sdks.yaml, per language.
  return [...(record.title ? [record.title] : []), ...Object.values(record.sections), ...Object.values(record.clauses)];
}
