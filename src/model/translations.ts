/** Step: each translation of a version against its source text (structure, flags, fingerprints). */
import type { ParsedVersion } from '../load/parsed.ts';
import { placeAt } from '../load/yaml.ts';
import { checkTranslation } from '../translation/check.ts';
import type { TextFacts } from '../translation/facts.ts';
import { sourceFingerprints } from '../translation/fingerprint.ts';
import { checkInventoryTranslation } from '../translation/inventory.ts';
import type { PolicyText, TranslationStatus } from './types.ts';

/**
 * `staleIsError`: a stale translation blocks publishing, not a preview or a
 * draft. A file that failed its schema (`partial`) is left out of the
 * comparison: what is missing from it was set aside, not left untranslated.
 */
export function checkTranslations(version: ParsedVersion, facts: Map<string, TextFacts>, sourceLocale: string, staleIsError: boolean, missingIsError: boolean): Record<string, TranslationStatus> {
  const source = facts.get(sourceLocale);
  const sourceText = version.texts.get(sourceLocale)?.parsed;
  if (!source || !sourceText || sourceText.partial) return {};
  const current = sourceFingerprints(sourceText.data, version.sdks?.data, sourceLocale, version.inventory?.data);
  const statuses: Record<string, TranslationStatus> = {};
  const publication = version.publication;
  for (const [locale, target] of facts) {
    if (locale === sourceLocale || version.texts.get(locale)?.parsed?.partial) continue;
    // A translation added to a published version is made from a source that can no longer change,
    // and its own translations.yaml entry cannot be written (that file is part of the published record).
    const annex = publication !== undefined && !publication.locales.includes(locale) || publication?.annexLocales.includes(locale) === true;
    statuses[locale] = checkTranslation({
      source,
      target,
      current,
      confirmed: annex ? current : version.translationsLock?.data.translations[locale],
      sdkPlace: (id) => {
        const sdks = version.sdks;
        const index = sdks?.data.sdks.findIndex((sdk) => sdk.id === id) ?? -1;
        if (!sdks || index < 0) return undefined;
        return { file: sdks.source.file, place: placeAt(sdks.source, ['sdks', index, 'purpose', locale]) };
      },
      staleIsError,
      missingIsError,
    });
    // The inventory of a published version is a record already (or an annex whose translations.yaml entry
    // can no longer be written): its translations count as confirmed, as a translation annex's do.
    const inventory = version.inventory;
    if (inventory && !inventory.partial) {
      const confirmed = publication ? current : version.translationsLock?.data.translations[locale];
      statuses[locale]!.stale.push(...checkInventoryTranslation({ inventory, sourceLocale, locale, current: current.inventory, confirmed, staleIsError }));
    }
  }
  return statuses;
}

/**
 * The preview shows an untranslated clause (or section) in the source
 * language, marked with where it comes from, so that a page renders while
 * the translators catch up. Never in a build: there a missing clause is an error.
 */
export function fillUntranslated(source: PolicyText, target: PolicyText, place: (clauseId: string) => string): PolicyText {
  const targetSections = new Map(target.sections.map((section) => [section.id, section]));
  const sections = source.sections.map((sourceSection) => {
    const translated = targetSections.get(sourceSection.id);
    const clauses = new Map((translated?.clauses ?? []).map((clause) => [clause.id, clause]));
    return {
      ...(translated ?? sourceSection),
      clauses: sourceSection.clauses.map((clause) => clauses.get(clause.id) ?? { ...clause, untranslated: { locale: source.locale, place: place(clause.id) } }),
    };
  });
  return { ...target, sections };
}
