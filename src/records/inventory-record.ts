/**
 * The canonical record of a version's data inventory in one language: what
 * the inventory annex's hash in the lock (and `inventory.sha256` in
 * /policies.json) is the hash of. Like the text record (canonical.ts) it
 * holds the words as written, every localized value in this language with
 * its `{{variables}}` filled, and nothing of the pages (no interface words,
 * no values filled in from sdks.yaml, which the text record holds already).
 *
 * The form, `legal-site-inventory/1`, is JSON with the keys in the order
 * below, indented by two spaces, ending with one line feed, in UTF-8.
 * Optional keys are left out when absent; lists keep the file's order.
 * `npm run record -- <document> <version> <locale> --annex inventory` prints it.
 */
import type { CategoryId, CollectionMethod, ExpiryAction, FunctionKind, LegalBasis, Necessity, PurposeCategoryId, RecipientRole, SensitiveClass } from '../inventory/taxonomy.ts';
import { sha256 } from './canonical.ts';

export const inventoryRecordFormat = 'legal-site-inventory/1';

export interface InventoryRecord {
  format: typeof inventoryRecordFormat;
  document: string;
  version: string;
  locale: string;
  note?: string;
  storage?: string[];
  dataItems: {
    id: string;
    name: string;
    category: CategoryId;
    sensitive?: { class: SensitiveClass; necessity?: string; impact?: string };
    retention?: { period?: string; rule?: string; afterExpiry?: ExpiryAction };
    storage?: string[];
  }[];
  functions: { id: string; name: string; kind: FunctionKind; clause?: string }[];
  purposes: { id: string; name: string; category: PurposeCategoryId }[];
  permissions: { id: string; name: string; android?: string[]; ios?: string[]; harmonyos?: string[]; refusable: boolean; refusalEffect: string }[];
  processing: {
    id: string;
    function: string;
    scenario: string;
    data?: string[];
    purposes?: string[];
    method?: CollectionMethod;
    frequency: string;
    permissions?: { permission: string; frequency: string }[];
    necessity: Necessity;
    legalBasis: LegalBasis;
    separateConsent: boolean;
    recipients?: string[];
  }[];
  recipients: {
    id: string;
    sdk?: string;
    name?: string;
    operator?: string;
    contact?: string;
    package?: string | string[];
    version?: string;
    mainFunction?: string;
    role: RecipientRole;
    sharingMethod: string;
    deidentified: boolean;
    location: string[];
    privacyPolicy?: string;
  }[];
}

/** `{ key: value }` when the value is present, else nothing: for optional keys in a fixed order. */
function opt<K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, V>);
}

/** The record's bytes, as hashed. Keys are written in a fixed order, whatever order the object was built in. */
export function serializeInventoryRecord(record: InventoryRecord): string {
  const ordered = {
    format: record.format,
    document: record.document,
    version: record.version,
    locale: record.locale,
    ...opt('note', record.note),
    ...opt('storage', record.storage),
    dataItems: record.dataItems.map((item) => ({
      id: item.id,
      name: item.name,
      category: item.category,
      ...opt('sensitive', item.sensitive && { class: item.sensitive.class, ...opt('necessity', item.sensitive.necessity), ...opt('impact', item.sensitive.impact) }),
      ...opt('retention', item.retention && { ...opt('period', item.retention.period), ...opt('rule', item.retention.rule), ...opt('afterExpiry', item.retention.afterExpiry) }),
      ...opt('storage', item.storage),
    })),
    functions: record.functions.map((entry) => ({ id: entry.id, name: entry.name, kind: entry.kind, ...opt('clause', entry.clause) })),
    purposes: record.purposes.map((entry) => ({ id: entry.id, name: entry.name, category: entry.category })),
    permissions: record.permissions.map((entry) => ({
      id: entry.id,
      name: entry.name,
      ...opt('android', entry.android),
      ...opt('ios', entry.ios),
      ...opt('harmonyos', entry.harmonyos),
      refusable: entry.refusable,
      refusalEffect: entry.refusalEffect,
    })),
    processing: record.processing.map((row) => ({
      id: row.id,
      function: row.function,
      scenario: row.scenario,
      ...opt('data', row.data),
      ...opt('purposes', row.purposes),
      ...opt('method', row.method),
      frequency: row.frequency,
      ...opt('permissions', row.permissions?.map((use) => ({ permission: use.permission, frequency: use.frequency }))),
      necessity: row.necessity,
      legalBasis: row.legalBasis,
      separateConsent: row.separateConsent,
      ...opt('recipients', row.recipients),
    })),
    recipients: record.recipients.map((entry) => ({
      id: entry.id,
      ...opt('sdk', entry.sdk),
      ...opt('name', entry.name),
      ...opt('operator', entry.operator),
      ...opt('contact', entry.contact),
      ...opt('package', entry.package),
      ...opt('version', entry.version),
      ...opt('mainFunction', entry.mainFunction),
      role: entry.role,
      sharingMethod: entry.sharingMethod,
      deidentified: entry.deidentified,
      location: entry.location,
      ...opt('privacyPolicy', entry.privacyPolicy),
    })),
  };
  return `${JSON.stringify(ordered, null, 2)}\n`;
}

export function inventoryRecordHash(record: InventoryRecord): string {
  return sha256(serializeInventoryRecord(record));
}
