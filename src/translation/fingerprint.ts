/**
 * Fingerprints of source-language text. A translation records the
 * fingerprint of the source text it was made from; when the source text
 * changes, the fingerprints differ and the translation is stale. Spacing
 * changes do not count, wording changes do.
 */
import { createHash } from 'node:crypto';
import type { MaybeLocalizedText } from '../schema/common.ts';
import type { InventoryInput } from '../schema/inventory.ts';
import type { PolicyTextInput } from '../schema/policy-text.ts';
import type { SdkDirectoryInput } from '../schema/sdks.ts';
import type { TranslationRecord } from '../schema/translations.ts';
import { inventoryFingerprints } from './inventory.ts';

export function fingerprint(...parts: readonly (string | undefined)[]): string {
  const normalized = parts.map((part) => (part ?? '').replace(/\s+/g, ' ').trim()).join('\u0000');
  return createHash('sha256').update(normalized).digest('hex').slice(0, 12);
}

/** The fingerprints of every translatable part of a version's source text: what a translation records. */
export function sourceFingerprints(text: PolicyTextInput, sdks: SdkDirectoryInput | undefined, sourceLocale: string, inventory?: InventoryInput): Required<TranslationRecord> {
  const sections: Record<string, string> = {};
  const clauses: Record<string, string> = {};
  for (const section of text.sections) {
    sections[section.id] = fingerprint(section.title);
    for (const clause of section.clauses) clauses[clause.id] = fingerprint(clause.title, clause.text);
  }
  const sdkPrints: Record<string, string> = {};
  for (const sdk of sdks?.sdks ?? []) {
    sdkPrints[sdk.id] = fingerprint(
      valueIn(sdk.name, sourceLocale),
      valueIn(sdk.provider, sourceLocale),
      sdk.purpose[sourceLocale],
      ...(sdk.personalInformation[sourceLocale] ?? []),
    );
  }
  return { title: fingerprint(text.title), sections, clauses, sdks: sdkPrints, inventory: inventoryFingerprints(inventory, sourceLocale) };
}

function valueIn(value: MaybeLocalizedText, locale: string): string | undefined {
  return typeof value === 'string' ? value : value[locale];
}
