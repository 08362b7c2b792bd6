/**
 * The canonical record: what the `sha256` of a version in /policies.json is
 * the hash of. One version of one document in one language, exactly as its
 * words were published, and nothing of the page around it (no interface
 * words, no markup), so the site's chrome can improve without touching a
 * record. `npm run record -- <document> <version> <locale>` prints it;
 * docs/records.md describes it for auditors.
 *
 * The form, `legal-site-record/1`, is JSON with the keys in the order below,
 * indented by two spaces, ending with one line feed, in UTF-8; the hash is
 * the sha256 of those bytes. Clause text is the Markdown as written, with
 * every `{{variable}}` replaced by the value the version was published with,
 * line endings as LF and surrounding white space removed. Optional keys
 * (`title`, `flag`, `sdks`, `lists`) are left out when absent.
 */
import { createHash } from 'node:crypto';

export const recordFormat = 'legal-site-record/1';

export interface RecordClause {
  id: string;
  title?: string;
  flag?: string;
  text: string;
  /** Ids of the SDKs whose table follows the clause. */
  sdks?: string[];
  /** The inventory lists shown after the clause (`collection`, `sharing`, `permissions`). */
  lists?: string[];
}

export interface RecordSection {
  id: string;
  title?: string;
  clauses: RecordClause[];
}

export interface RecordSdk {
  id: string;
  name: string;
  provider: string;
  purpose: string;
  personalInformation: string[];
  privacyPolicy: string;
}

export interface CanonicalRecord {
  format: typeof recordFormat;
  document: string;
  version: string;
  locale: string;
  published: string;
  effective: string;
  title: string;
  sections: RecordSection[];
  sdks: RecordSdk[];
}

/** Clause text in its canonical form: LF line endings, no surrounding white space. */
export function canonicalText(markdown: string): string {
  return markdown.replace(/\r\n?/g, '\n').trim();
}

/** The record's bytes, as hashed. Keys are written in a fixed order, whatever order the object was built in. */
export function serializeRecord(record: CanonicalRecord): string {
  const ordered = {
    format: record.format,
    document: record.document,
    version: record.version,
    locale: record.locale,
    published: record.published,
    effective: record.effective,
    title: record.title,
    sections: record.sections.map((section) => ({
      id: section.id,
      ...(section.title !== undefined ? { title: section.title } : {}),
      clauses: section.clauses.map((clause) => ({
        id: clause.id,
        ...(clause.title !== undefined ? { title: clause.title } : {}),
        ...(clause.flag !== undefined ? { flag: clause.flag } : {}),
        text: clause.text,
        ...(clause.sdks !== undefined ? { sdks: clause.sdks } : {}),
        ...(clause.lists !== undefined ? { lists: clause.lists } : {}),
      })),
    })),
    sdks: record.sdks.map((sdk) => ({
      id: sdk.id,
      name: sdk.name,
      provider: sdk.provider,
      purpose: sdk.purpose,
      personalInformation: sdk.personalInformation,
      privacyPolicy: sdk.privacyPolicy,
    })),
  };
  return `${JSON.stringify(ordered, null, 2)}\n`;
}

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export function recordHash(record: CanonicalRecord): string {
  return sha256(serializeRecord(record));
}

/**
 * Where a build leaves the serialized records it made (`BuildOptions.records`):
 * `<document>/<version>/<locale>` for a version's text, with `/<annex>` for an
 * annex that has records of its own (the inventory, the notice).
 */
export function recordKey(document: string, version: string, locale: string, annex?: string): string {
  return `${document}/${version}/${locale}${annex ? `/${annex}` : ''}`;
}
