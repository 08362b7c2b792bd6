/**
 * The translatable parts of a version, one language at a time: the document
 * title, each section title, each clause (title and text) and each SDK, with
 * the fingerprint of the current source text and whether the language's
 * translation of it is current, stale (confirmed against another source
 * text, or never) or missing. The keys are the ones `translations:status`
 * prints and `translations:confirm` takes: `title`, `section:<id>`,
 * `sdk:<id>`, `inventory:<entry>` (an entry of inventory.yaml, such as
 * `inventory:item:phone-number`), and a clause's id.
 *
 * The same rules as the build's check (check.ts), for the commands that act
 * on single parts: confirm, status --diff, export and import.
 */
import type { ParsedVersion } from '../load/parsed.ts';
import type { PolicyTextInput } from '../schema/policy-text.ts';
import type { ConfirmedSource, TranslationRecord } from '../schema/translations.ts';
import { sourceFingerprints } from './fingerprint.ts';
import { inventoryEntries, translatedEntries } from './inventory.ts';

export type PartKind = 'title' | 'section' | 'clause' | 'sdk' | 'inventory';
export type PartState = 'current' | 'stale' | 'missing';

export interface PartStatus {
  key: string;
  kind: PartKind;
  /** The clause, section or SDK id; `title` for the document title. */
  id: string;
  /** The section a clause is in. */
  sectionId?: string;
  /** Fingerprint of the current source text. */
  fingerprint: string;
  /** What the record says the translation was confirmed against (`undefined`: never confirmed). */
  confirmed: string | undefined;
  /** The current source text (not for SDKs and inventory entries: their words live in sdks.yaml and inventory.yaml). */
  source: ConfirmedSource;
  state: PartState;
}

const recordPart = { title: undefined, section: 'sections', clause: 'clauses', sdk: 'sdks', inventory: 'inventory' } as const;

/** The key of a part as status prints it and confirm takes it. */
export function partKey(kind: PartKind, id: string): string {
  return kind === 'clause' ? id : kind === 'title' ? 'title' : `${kind}:${id}`;
}

/** The fingerprint `record` holds for a part. */
export function recordedFingerprint(record: TranslationRecord | undefined, kind: PartKind, id: string): string | undefined {
  const part = recordPart[kind];
  return part === undefined ? record?.title : record?.[part][id];
}

/** `record` with the part set to `fingerprint`. */
export function withFingerprint(record: TranslationRecord, kind: PartKind, id: string, fingerprint: string): TranslationRecord {
  const part = recordPart[kind];
  if (part === undefined) return { ...record, title: fingerprint };
  return { ...record, [part]: { ...record[part], [id]: fingerprint } };
}

/** Every part of `version` for `locale`, in reading order (title, then each section with its clauses, then SDKs); `undefined` when the source text cannot be read. */
export function partStatuses(version: ParsedVersion, sourceLocale: string, locale: string): PartStatus[] | undefined {
  const source = version.texts.get(sourceLocale)?.parsed;
  if (!source || source.partial) return undefined;
  const target = version.texts.get(locale)?.parsed?.data;
  const record = version.translationsLock?.data.translations[locale];
  const current = sourceFingerprints(source.data, version.sdks?.data, sourceLocale, version.inventory?.data);
  const targetSections = new Set(target?.sections.map((section) => section.id) ?? []);
  const targetClauses = new Set(target?.sections.flatMap((section) => section.clauses.map((clause) => clause.id)) ?? []);
  const parts: PartStatus[] = [];
  const add = (kind: PartKind, id: string, fingerprint: string, present: boolean, sourceText: ConfirmedSource, sectionId?: string) => {
    const confirmed = recordedFingerprint(record, kind, id);
    const state: PartState = !present ? 'missing' : confirmed === fingerprint ? 'current' : 'stale';
    parts.push({ key: partKey(kind, id), kind, id, ...(sectionId ? { sectionId } : {}), fingerprint, confirmed, source: sourceText, state });
  };
  add('title', 'title', current.title!, target !== undefined, { title: source.data.title });
  for (const section of source.data.sections) {
    add('section', section.id, current.sections[section.id]!, targetSections.has(section.id), section.title === undefined ? {} : { title: section.title });
    for (const clause of section.clauses) {
      add('clause', clause.id, current.clauses[clause.id]!, targetClauses.has(clause.id), { ...(clause.title === undefined ? {} : { title: clause.title }), text: clause.text }, section.id);
    }
  }
  for (const sdk of version.sdks?.data.sdks ?? []) add('sdk', sdk.id, current.sdks[sdk.id]!, sdk.purpose[locale] !== undefined, {});
  const inventory = version.inventory?.data;
  if (inventory) {
    const translated = translatedEntries(inventory, locale);
    for (const entry of inventoryEntries(inventory)) add('inventory', entry.key, current.inventory[entry.key]!, translated.has(entry.key), {});
  }
  return parts;
}

/** Fingerprint → source text, for every part of a source text that has one. */
export function sourceTexts(text: PolicyTextInput): Map<string, ConfirmedSource> {
  const prints = sourceFingerprints(text, undefined, '');
  const texts = new Map<string, ConfirmedSource>([[prints.title!, { title: text.title }]]);
  for (const section of text.sections) {
    if (section.title !== undefined) texts.set(prints.sections[section.id]!, { title: section.title });
    for (const clause of section.clauses) texts.set(prints.clauses[clause.id]!, { ...(clause.title === undefined ? {} : { title: clause.title }), text: clause.text });
  }
  return texts;
}
