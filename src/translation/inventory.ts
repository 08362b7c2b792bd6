/**
 * Translation integrity for the data inventory, as for clause text: every
 * entry's words in the source language have a fingerprint, a translation
 * records the fingerprints it was made from (translations.yaml, under
 * `inventory:`), and an entry whose source words changed since is stale.
 *
 * Entries are keyed `note`, `item:<id>`, `function:<id>`, `purpose:<id>`,
 * `permission:<id>`, `row:<id>` and `recipient:<id>`. A value written once
 * for every language (an operator's name) needs no translation.
 */
import type { VFile } from 'vfile';
import type { Parsed } from '../load/parsed.ts';
import { nodeAtPath, placeOfNode } from '../load/yaml.ts';
import { fail, warn, type Place } from '../messages/message.ts';
import type { MaybeLocalizedText } from '../schema/common.ts';
import type { InventoryInput } from '../schema/inventory.ts';
import type { TranslationRecord } from '../schema/translations.ts';
import { fingerprint } from './fingerprint.ts';

export interface InventoryEntry {
  key: string;
  /** Each localized field: its path in inventory.yaml and its values per language. */
  fields: { path: PropertyKey[]; value: Record<string, string> }[];
}

/** The translatable entries of an inventory, in file order. */
export function inventoryEntries(inventory: InventoryInput): InventoryEntry[] {
  const entries: InventoryEntry[] = [];
  const entry = (key: string, fields: [PropertyKey[], MaybeLocalizedText | undefined][]) => {
    const localized = fields.filter((field): field is [PropertyKey[], Record<string, string>] => field[1] !== undefined && typeof field[1] !== 'string').map(([path, value]) => ({ path, value }));
    if (localized.length > 0) entries.push({ key, fields: localized });
  };
  entry('note', [[['note'], inventory.note]]);
  inventory.dataItems.forEach((item, i) => {
    const path = ['dataItems', i];
    entry(`item:${item.id}`, [[[...path, 'name'], item.name], [[...path, 'sensitive', 'necessity'], item.sensitive?.necessity], [[...path, 'sensitive', 'impact'], item.sensitive?.impact], [[...path, 'retention', 'rule'], item.retention?.rule]]);
  });
  inventory.functions.forEach((entryInput, i) => entry(`function:${entryInput.id}`, [[['functions', i, 'name'], entryInput.name]]));
  inventory.purposes.forEach((entryInput, i) => entry(`purpose:${entryInput.id}`, [[['purposes', i, 'name'], entryInput.name]]));
  inventory.permissions.forEach((permission, i) => entry(`permission:${permission.id}`, [[['permissions', i, 'name'], permission.name], [['permissions', i, 'refusalEffect'], permission.refusalEffect]]));
  inventory.processing.forEach((row, i) => {
    const path = ['processing', i];
    entry(`row:${row.id}`, [[[...path, 'scenario'], row.scenario], [[...path, 'frequency'], row.frequency], ...(row.permissions ?? []).map((use, j): [PropertyKey[], MaybeLocalizedText] => [[...path, 'permissions', j, 'frequency'], use.frequency])]);
  });
  inventory.recipients.forEach((recipient, i) => {
    const path = ['recipients', i];
    entry(`recipient:${recipient.id}`, [[[...path, 'name'], recipient.name], [[...path, 'operator'], recipient.operator], [[...path, 'contact'], recipient.contact], [[...path, 'mainFunction'], recipient.mainFunction], [[...path, 'sharingMethod'], recipient.sharingMethod]]);
  });
  return entries;
}

/** The fingerprint of each entry's source-language words. */
export function inventoryFingerprints(inventory: InventoryInput | undefined, sourceLocale: string): Record<string, string> {
  if (!inventory) return {};
  return Object.fromEntries(inventoryEntries(inventory).map((entry) => [entry.key, fingerprint(...entry.fields.map((field) => field.value[sourceLocale]))]));
}

/** The keys of the entries `locale` has a value for in every field: what confirming it records. */
export function translatedEntries(inventory: InventoryInput | undefined, locale: string): Set<string> {
  if (!inventory) return new Set();
  return new Set(inventoryEntries(inventory).filter((entry) => entry.fields.every((field) => field.value[locale] !== undefined)).map((entry) => entry.key));
}

export interface InventoryTranslationCheck {
  inventory: Parsed<InventoryInput>;
  sourceLocale: string;
  locale: string;
  current: Record<string, string>;
  /** What the translation was confirmed against; `undefined` when nothing was ever confirmed (reported once, for the text). */
  confirmed: TranslationRecord | undefined;
  staleIsError: boolean;
}

/** Reports each stale entry of `locale` at its first value in that language; returns their keys as `inventory:<key>`. */
export function checkInventoryTranslation(check: InventoryTranslationCheck): string[] {
  const { inventory, locale, sourceLocale } = check;
  const stale: string[] = [];
  // An inventory never confirmed at all (translations.yaml from before it) gets one message, not one per entry.
  const neverConfirmed = check.confirmed !== undefined && Object.keys(check.confirmed.inventory).length === 0;
  if (neverConfirmed) {
    report(check.staleIsError, inventory.source.file, `Unconfirmed translation of the inventory in ${locale}: no record says which ${sourceLocale} text its ${locale} values were translated from`, { line: 1, column: 1 }, locale, sourceLocale);
  }
  for (const entry of inventoryEntries(inventory.data)) {
    const current = check.current[entry.key];
    const confirmed = check.confirmed?.inventory[entry.key];
    if (current === confirmed) continue;
    stale.push(`inventory:${entry.key}`);
    if (check.confirmed === undefined || neverConfirmed) continue;
    const field = entry.fields.find((candidate) => candidate.value[locale] !== undefined) ?? entry.fields[0]!;
    const place = placeOfNode(inventory.source, nodeAtPath(inventory.source, [...field.path, ...(field.value[locale] !== undefined ? [locale] : [])]).node);
    const reason = confirmed === undefined
      ? `Unconfirmed translation of inventory entry \`${entry.key}\` in ${locale}: no record says which ${sourceLocale} text it was translated from`
      : `Stale translation of inventory entry \`${entry.key}\` in ${locale}: the ${sourceLocale} text changed since the translation was confirmed`;
    report(check.staleIsError, inventory.source.file, reason, place, locale, sourceLocale);
  }
  return stale;
}

function report(isError: boolean, file: VFile, reason: string, place: Place, locale: string, sourceLocale: string): void {
  (isError ? fail : warn)(file, reason, place, 'translation-stale', `Update the ${locale} text to match the ${sourceLocale} text, then run \`npm run translations:confirm -- ${locale}\`.`);
}
