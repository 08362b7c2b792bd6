/**
 * Step: a version's inventory.yaml → the inventory in each of its languages
 * (what the collection, sharing and permission lists show), its canonical
 * record per language, and the names of its sensitive items for the lint.
 *
 * The inventory is an annex of the version (docs/records.md): a record of
 * its own. On a published version it is built once its own record is
 * published (`npm run publish-version`), or in a preview; until then the
 * build leaves it out and says so. A published inventory must still have
 * the hash its lock entry records.
 */
import type { VFileMessage } from 'vfile-message';
import type { ParsedVersion } from '../load/parsed.ts';
import { nodeAtPath, placeAt, placeOfNode } from '../load/yaml.ts';
import { fail, related, warn } from '../messages/message.ts';
import { replaceVariables } from '../markdown/variables.ts';
import { recordKey } from '../records/canonical.ts';
import { inventoryRecordFormat, inventoryRecordHash, serializeInventoryRecord, type InventoryRecord } from '../records/inventory-record.ts';
import type { InventoryInput } from '../schema/inventory.ts';
import type { MaybeLocalizedText } from '../schema/common.ts';
import type { SiteContext } from './context.ts';
import { checkInventory } from './inventory-checks.ts';
import type { InventoryModel } from './types.ts';
import { plainText, valuesFor } from './values.ts';

export interface InventoryInputs {
  version: ParsedVersion;
  document: string;
  /** The languages this build shows the version in. */
  locales: readonly string[];
  context: SiteContext;
  /** Ids of the clauses of the source text, for `clause:` links. */
  clauseIds: ReadonlySet<string>;
}

/** A sensitive item's name in one language: the lint looks for it, unflagged, in the policy text. */
export interface SensitiveName {
  term: string;
  id: string;
  /** Where the inventory names it. */
  cause: VFileMessage;
}

export interface BuiltInventory {
  models: Record<string, InventoryModel>;
  sha256: Record<string, string>;
  sensitiveNames: Map<string, SensitiveName[]>;
}

export function buildInventory(input: InventoryInputs): BuiltInventory | undefined {
  const { version, document, context } = input;
  const inventory = version.inventory;
  if (!inventory) return undefined;
  const publication = version.publication;
  const published = publication?.annexes['inventory'];
  const key = `${document}/${version.id}`;
  if (publication && !published) {
    warn(inventory.source.file, `Unpublished inventory of published version \`${key}\`: ${context.options.drafts ? 'shown in this preview only' : 'its lists are left out of this build'}`, { line: 1, column: 1 }, 'unpublished-annex');
    if (!context.options.drafts) return undefined;
  }
  checkInventory({ inventory, sdks: version.sdks, clauseIds: input.clauseIds, editorial: !published });

  // A published inventory exists in the languages it was published in (a translation added later has no lists).
  const locales = published ? input.locales.filter((locale) => published[locale] !== undefined) : input.locales;
  const built: BuiltInventory = { models: {}, sha256: {}, sensitiveNames: new Map() };
  for (const locale of locales) {
    const { model, record, sensitive } = localize(inventory.data, input, locale);
    const serialized = serializeInventoryRecord(record);
    built.models[locale] = model;
    built.sha256[locale] = inventoryRecordHash(record);
    built.sensitiveNames.set(locale, sensitive);
    context.options.records?.set(recordKey(document, version.id, locale, 'inventory'), serialized);
    if (published?.[locale] !== undefined && published[locale] !== built.sha256[locale]) {
      fail(inventory.source.file, `Unexpected change to the published inventory of \`${key}\` in \`${locale}\`: its canonical record no longer has the hash recorded in the lock`, { line: 1, column: 1 }, 'record-changed', `Compare \`npm run record -- ${document} ${version.id} ${locale} --annex inventory\` with the published inventory; undo what changed it (inventory.yaml, the frozen variables, or the generator).`);
    }
  }
  return built;
}

function localize(data: InventoryInput, input: InventoryInputs, locale: string): { model: InventoryModel; record: InventoryRecord; sensitive: SensitiveName[] } {
  const { version } = input;
  const source = version.inventory!.source;
  const values = valuesFor(version, locale, input.context.siteValues);
  /** A value given per language, in this one; a missing language is an error naming it. */
  const text = (value: Record<string, string>, path: PropertyKey[]): string => {
    const found = value[locale];
    if (found === undefined) {
      fail(source.file, `Missing \`${locale}:\` under \`${String(path.at(-1))}\`${where(path)}: every language of the version needs its own text`, placeOfNode(source, nodeAtPath(source, path).node), 'missing-translation', `Add a line \`${locale}: …\` under \`${String(path.at(-1))}\`.`);
      return '';
    }
    return plainText(source, found, path, values);
  };
  const optionalText = (value: Record<string, string> | undefined, path: PropertyKey[]) => (value === undefined ? undefined : text(value, path));
  const maybeText = (value: MaybeLocalizedText | undefined, path: PropertyKey[]) => (value === undefined ? undefined : typeof value === 'string' ? plainText(source, value, path, values) : text(value, path));
  const lists: Record<string, readonly { id: string }[]> = { dataItems: data.dataItems, functions: data.functions, purposes: data.purposes, permissions: data.permissions, processing: data.processing, recipients: data.recipients };
  /** " in `phone-number`": the entry a path leads into. */
  const where = (path: PropertyKey[]) => {
    const [kind, index] = path;
    const id = typeof kind === 'string' && typeof index === 'number' ? lists[kind]?.[index]?.id : undefined;
    return id ? ` in \`${id}\`` : '';
  };

  const sensitive: SensitiveName[] = [];
  const dataItems = data.dataItems.map((item, index) => {
    const path = ['dataItems', index];
    const name = text(item.name, [...path, 'name']);
    const necessity = optionalText(item.sensitive?.necessity, [...path, 'sensitive', 'necessity']);
    const impact = optionalText(item.sensitive?.impact, [...path, 'sensitive', 'impact']);
    const rule = optionalText(item.retention?.rule, [...path, 'retention', 'rule']);
    if (item.sensitive && name) {
      // Made when the lint reports the name: finding its place makes the file's document (yaml.ts).
      let cause: VFileMessage | undefined;
      sensitive.push({
        term: name,
        id: item.id,
        get cause() {
          return (cause ??= related(source.file, placeAt(source, [...path, 'name', locale]), `\`${item.id}\` is sensitive in the inventory`));
        },
      });
    }
    return {
      id: item.id,
      name,
      category: item.category,
      ...(item.sensitive ? { sensitive: { class: item.sensitive.class, ...(necessity !== undefined ? { necessity } : {}), ...(impact !== undefined ? { impact } : {}) } } : {}),
      ...(item.retention ? { retention: { ...(item.retention.period ? { period: item.retention.period } : {}), ...(rule !== undefined ? { rule } : {}), ...(item.retention.afterExpiry ? { afterExpiry: item.retention.afterExpiry } : {}) } } : {}),
      ...(item.storage ? { storage: item.storage } : {}),
    };
  });
  const functions = data.functions.map((entry, index) => ({ id: entry.id, name: text(entry.name, ['functions', index, 'name']), kind: entry.kind, ...(entry.clause ? { clause: entry.clause } : {}) }));
  const purposes = data.purposes.map((entry, index) => ({ id: entry.id, name: text(entry.name, ['purposes', index, 'name']), category: entry.category }));
  const permissions = data.permissions.map((entry, index) => ({
    id: entry.id,
    name: text(entry.name, ['permissions', index, 'name']),
    ...(entry.android ? { android: entry.android } : {}),
    ...(entry.ios ? { ios: entry.ios } : {}),
    ...(entry.harmonyos ? { harmonyos: entry.harmonyos } : {}),
    refusable: entry.refusable,
    refusalEffect: text(entry.refusalEffect, ['permissions', index, 'refusalEffect']),
  }));
  const processing = data.processing.map((row, index) => {
    const path = ['processing', index];
    return {
      id: row.id,
      function: row.function,
      scenario: text(row.scenario, [...path, 'scenario']),
      ...(row.data ? { data: row.data } : {}),
      ...(row.purposes ? { purposes: row.purposes } : {}),
      ...(row.method ? { method: row.method } : {}),
      frequency: text(row.frequency, [...path, 'frequency']),
      ...(row.permissions ? { permissions: row.permissions.map((use, i) => ({ permission: use.permission, frequency: text(use.frequency, [...path, 'permissions', i, 'frequency']) })) } : {}),
      necessity: row.necessity,
      legalBasis: row.legalBasis,
      separateConsent: row.separateConsent,
      ...(row.recipients ? { recipients: row.recipients } : {}),
    };
  });
  const recipients = data.recipients.map((entry, index) => {
    const path = ['recipients', index];
    const name = optionalText(entry.name, [...path, 'name']);
    const operator = maybeText(entry.operator, [...path, 'operator']);
    const contact = maybeText(entry.contact, [...path, 'contact']);
    const mainFunction = optionalText(entry.mainFunction, [...path, 'mainFunction']);
    return {
      id: entry.id,
      ...(entry.sdk ? { sdk: entry.sdk } : {}),
      ...(name !== undefined ? { name } : {}),
      ...(operator !== undefined ? { operator } : {}),
      ...(contact !== undefined ? { contact } : {}),
      ...(entry.package ? { package: entry.package } : {}),
      ...(entry.version ? { version: entry.version } : {}),
      ...(mainFunction !== undefined ? { mainFunction } : {}),
      role: entry.role,
      sharingMethod: text(entry.sharingMethod, [...path, 'sharingMethod']),
      deidentified: entry.deidentified,
      location: entry.location,
      ...(entry.privacyPolicy ? { privacyPolicy: entry.privacyPolicy } : {}),
    };
  });
  const note = optionalText(data.note, ['note']);
  const record: InventoryRecord = {
    format: inventoryRecordFormat,
    document: input.document,
    version: version.id,
    locale,
    ...(note !== undefined ? { note } : {}),
    ...(data.storage ? { storage: data.storage } : {}),
    dataItems,
    functions,
    purposes,
    permissions,
    processing,
    recipients,
  };
  return { model: toModel(record, input, locale), record, sensitive };
}

/** The record with what the pages need filled in: defaults from the inventory and from sdks.yaml, and references that resolve only. */
function toModel(record: InventoryRecord, input: InventoryInputs, locale: string): InventoryModel {
  const sdks = input.version.sdks?.data.sdks ?? [];
  const values = valuesFor(input.version, locale, input.context.siteValues);
  const known = (entries: readonly { id: string }[]) => new Set(entries.map((entry) => entry.id));
  const [items, functions, purposes, permissions, recipients] = [record.dataItems, record.functions, record.purposes, record.permissions, record.recipients].map(known) as [Set<string>, Set<string>, Set<string>, Set<string>, Set<string>];
  // sdks.yaml reports its own missing languages and undefined variables; here they are only filled in.
  const sdkValue = (value: MaybeLocalizedText | Record<string, string> | undefined) => (value === undefined ? undefined : replaceVariables(typeof value === 'string' ? value : (value[locale] ?? ''), values).value);
  return {
    locale,
    ...(record.note !== undefined ? { note: record.note } : {}),
    items: record.dataItems.map((item) => ({
      id: item.id,
      name: item.name,
      category: item.category,
      ...(item.sensitive ? { sensitive: { class: item.sensitive.class, necessity: item.sensitive.necessity ?? '', impact: item.sensitive.impact ?? '' } } : {}),
      ...(item.retention ? { retention: item.retention } : {}),
      storage: item.storage ?? record.storage ?? [],
    })),
    functions: record.functions,
    purposes: record.purposes,
    permissions: record.permissions.map((entry) => ({ ...entry, android: entry.android ?? [], ios: entry.ios ?? [], harmonyos: entry.harmonyos ?? [] })),
    processing: record.processing
      .filter((row) => functions.has(row.function))
      .map((row) => ({
        ...row,
        data: (row.data ?? []).filter((id) => items.has(id)),
        purposes: (row.purposes ?? []).filter((id) => purposes.has(id)),
        permissions: (row.permissions ?? []).filter((use) => permissions.has(use.permission)),
        recipients: (row.recipients ?? []).filter((id) => recipients.has(id)),
      })),
    recipients: record.recipients.map((entry) => {
      const sdk = entry.sdk === undefined ? undefined : sdks.find((candidate) => candidate.id === entry.sdk);
      const mainFunction = entry.mainFunction ?? sdkValue(sdk?.purpose);
      const privacyPolicy = entry.privacyPolicy ?? sdk?.privacyPolicy;
      return {
        id: entry.id,
        ...(entry.sdk ? { sdk: entry.sdk } : {}),
        name: entry.name ?? sdkValue(sdk?.name) ?? entry.id,
        operator: entry.operator ?? sdkValue(sdk?.provider) ?? '',
        ...(entry.contact !== undefined ? { contact: entry.contact } : {}),
        packages: entry.package === undefined ? [] : typeof entry.package === 'string' ? [entry.package] : entry.package,
        ...(entry.version !== undefined ? { version: entry.version } : {}),
        ...(mainFunction !== undefined ? { mainFunction } : {}),
        role: entry.role,
        sharingMethod: entry.sharingMethod,
        deidentified: entry.deidentified,
        location: entry.location,
        ...(privacyPolicy !== undefined ? { privacyPolicy } : {}),
      };
    }),
  };
}
