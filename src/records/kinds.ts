/**
 * Which record each file of a version folder belongs to. A version's own
 * record (`policy`) is its text in the languages it was published in, with
 * its dates, SDK directory, translation fingerprints and frozen variable
 * values. Material added to a version after publication is an annex with a
 * record of its own: a translation (`<locale>.yaml` with its
 * `variables.<locale>.yaml`), the first-launch notice (`notice.yaml`, always
 * a record of its own, even when published with its version) and the data
 * inventory (`inventory.yaml`, likewise).
 */
import type { RecordKind } from '../schema/versions-lock.ts';

const localeFile = /^([a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*)\.yaml$/;
const localeValuesFile = /^variables\.([a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*)\.yaml$/;

/** Annexes kept in one file of a fixed name, by record kind. */
export const annexFileNames: Partial<Record<RecordKind, string>> = { inventory: 'inventory.yaml', notice: 'notice.yaml' };

export interface FileRecord {
  record: RecordKind;
  /** For a translation annex. */
  locale?: string;
}

/**
 * The annex a file of a published version belongs to, given the languages of
 * the version's own record; `undefined` for a file that can only be part of
 * the version's own record (which, once published, cannot gain files).
 */
export function annexOfFile(name: string, policyLocales: ReadonlySet<string>): FileRecord | undefined {
  for (const [record, fileName] of Object.entries(annexFileNames)) if (fileName === name) return { record: record as RecordKind };
  const locale = localeFile.exec(name)?.[1] ?? localeValuesFile.exec(name)?.[1];
  if (locale && !policyLocales.has(locale)) return { record: 'translation', locale };
  return undefined;
}

/** The files a new record of `kind` consists of, among `names` (the folder's YAML files). */
export function filesOfRecord(kind: FileRecord, names: readonly string[], policyLocales: ReadonlySet<string>): string[] {
  if (kind.record === 'policy') return names.filter((name) => annexOfFile(name, policyLocales) === undefined);
  return names.filter((name) => {
    const annex = annexOfFile(name, policyLocales);
    return annex?.record === kind.record && annex.locale === kind.locale;
  });
}
