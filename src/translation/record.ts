/**
 * Writing translations.yaml: records, for one language, the fingerprint of
 * the source text that each part of its translation now corresponds to.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { stringify } from 'yaml';
import type { ParsedVersion } from '../load/parsed.ts';
import type { TranslationRecord } from '../schema/translations.ts';
import { sourceFingerprints } from './fingerprint.ts';

export const translationsFileName = 'translations.yaml';

/** The record that confirms `locale`'s current text of `version` against the current source text. */
export function confirmedRecord(version: ParsedVersion, sourceLocale: string, locale: string): Required<TranslationRecord> | undefined {
  const source = version.texts.get(sourceLocale)?.parsed?.data;
  const target = version.texts.get(locale)?.parsed?.data;
  if (!source || !target) return undefined;
  const current = sourceFingerprints(source, version.sdks?.data, sourceLocale);
  const sectionIds = new Set(target.sections.map((section) => section.id));
  const clauseIds = new Set(target.sections.flatMap((section) => section.clauses.map((clause) => clause.id)));
  const sdkIds = new Set((version.sdks?.data.sdks ?? []).filter((sdk) => sdk.purpose[locale] !== undefined).map((sdk) => sdk.id));
  const pick = (prints: Record<string, string>, keep: Set<string>) => Object.fromEntries(Object.entries(prints).filter(([id]) => keep.has(id)));
  return {
    title: current.title,
    sections: pick(current.sections, sectionIds),
    clauses: pick(current.clauses, clauseIds),
    sdks: pick(current.sdks, sdkIds),
  };
}

/** Writes `record` for `locale` into the version's translations.yaml, keeping the other languages' records. */
export async function writeRecord(dir: string, version: ParsedVersion, locale: string, record: Required<TranslationRecord>): Promise<string> {
  const file = path.join(dir, translationsFileName);
  const translations = { ...(version.translationsLock?.data.translations ?? {}), [locale]: record };
  const sorted = Object.fromEntries(Object.keys(translations).sort().map((key) => [key, translations[key]]));
  const header = [
    '# yaml-language-server: $schema=../../../schemas/translations.schema.json',
    '# Written by `npm run translations:confirm -- <language>`: for each translated language, a',
    '# fingerprint of the source-language text that each part was translated from. When the source',
    '# text changes, its fingerprint changes and the build reports the translation as stale.',
    '',
  ].join('\n');
  await writeFile(file, header + stringify({ translations: sorted }, { sortMapEntries: false, lineWidth: 0 }));
  return file;
}
