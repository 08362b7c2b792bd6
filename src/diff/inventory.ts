/**
 * What changed in the data inventory between two versions, in one language,
 * as structured changes that the changes page and the feed turn into
 * sentences ("AMap SDK added: collects Geolocation for Dealer navigation";
 * "Retention of Trip records: 30 days → 90 days"). Entries are matched by
 * id, never by position or name.
 *
 * Each change says whether it is `material`: a new or changed purpose,
 * collection method, type of personal information, recipient or permission
 * needs the user's renewed consent (PIPL Art. 14 and 17; CAC 2026 draft).
 * Removals, renamings, retention, frequency and version bumps do not, on
 * their own. src/model/consent.ts decides the version's flag from these.
 */
import type { CategoryId, CollectionMethod, Necessity, SensitiveClass } from '../inventory/taxonomy.ts';
import type { InventoryModel, ProcessingModel, RecipientModel, RetentionModel } from '../model/types.ts';

/** Recipient fields whose change is reported, and whether the change is material. */
export const recipientFields = { version: false, packages: false, operator: false, role: true, location: true, sharingMethod: true, deidentified: true } as const;
export type RecipientField = keyof typeof recipientFields;

export type InventoryChange = { material: boolean } & (
  | { kind: 'recipient-added'; recipient: string; sdk: boolean; items: string[]; purposes: string[] }
  | { kind: 'recipient-removed'; recipient: string }
  | { kind: 'recipient-receives'; recipient: string; items: string[] }
  | { kind: 'recipient-detail'; recipient: string; field: RecipientField; from: string; to: string }
  | { kind: 'item-added'; item: string; sensitive: boolean }
  | { kind: 'item-removed'; item: string }
  | { kind: 'item-renamed'; from: string; to: string }
  | { kind: 'item-category'; item: string; from: CategoryId; to: CategoryId }
  | { kind: 'item-sensitive'; item: string; class: SensitiveClass }
  | { kind: 'item-not-sensitive'; item: string }
  | { kind: 'retention'; item: string; from?: RetentionModel; to?: RetentionModel }
  | { kind: 'storage'; item: string; from: string[]; to: string[] }
  | { kind: 'function-added'; function: string; items: string[]; purposes: string[] }
  | { kind: 'function-removed'; function: string }
  | { kind: 'row-added'; function: string; items: string[]; purposes: string[] }
  | { kind: 'data-added'; function: string; items: string[] }
  | { kind: 'data-removed'; function: string; items: string[] }
  | { kind: 'purpose-added'; function: string; purposes: string[] }
  | { kind: 'purpose-removed'; function: string; purposes: string[] }
  | { kind: 'purpose-renamed'; from: string; to: string }
  | { kind: 'method'; function: string; items: string[]; from?: CollectionMethod; to?: CollectionMethod }
  | { kind: 'frequency'; function: string; items: string[]; from: string; to: string }
  | { kind: 'necessity'; function: string; items: string[]; from: Necessity; to: Necessity }
  | { kind: 'permission-added'; permission: string; functions: string[] }
  | { kind: 'permission-removed'; permission: string }
  | { kind: 'row-permission-added'; function: string; permission: string }
  | { kind: 'row-permission-removed'; function: string; permission: string }
);

export type InventoryChangeKind = InventoryChange['kind'];

export function diffInventory(before: InventoryModel, after: InventoryModel): InventoryChange[] {
  const changes: InventoryChange[] = [];
  const add = (change: InventoryChange) => changes.push(change);
  const name = (entries: readonly { id: string; name: string }[]) => {
    const byId = new Map(entries.map((entry) => [entry.id, entry.name]));
    return (id: string) => byId.get(id) ?? id;
  };
  // Names in the newer version, or the older one's for what it no longer has.
  const itemName = fallback(name(after.items), name(before.items));
  const functionName = fallback(name(after.functions), name(before.functions));
  const purposeName = fallback(name(after.purposes), name(before.purposes));
  const permissionName = fallback(name(after.permissions), name(before.permissions));
  const recipientName = fallback(name(after.recipients), name(before.recipients));
  const names = (ids: readonly string[], of: (id: string) => string) => ids.map(of);
  const oldRows = new Map(before.processing.map((row) => [row.id, row]));
  const newRows = new Map(after.processing.map((row) => [row.id, row]));
  const oldRecipients = new Map(before.recipients.map((entry) => [entry.id, entry]));
  const oldPermissions = new Set(before.permissions.map((entry) => entry.id));
  const rowsWith = (rows: readonly ProcessingModel[], pick: (row: ProcessingModel) => readonly string[], id: string) => rows.filter((row) => pick(row).includes(id));
  const oldFunctions = new Set(before.functions.map((entry) => entry.id));

  // Recipients first: a new SDK or third party is the change readers look for.
  for (const recipient of after.recipients) {
    const old = oldRecipients.get(recipient.id);
    if (!old) {
      const rows = rowsWith(after.processing, (row) => row.recipients, recipient.id);
      add({ kind: 'recipient-added', recipient: recipient.name, sdk: recipient.sdk !== undefined, items: names(unique(rows.flatMap((row) => row.data)), itemName), purposes: names(unique(rows.flatMap((row) => row.purposes)), purposeName), material: true });
      continue;
    }
    for (const field of Object.keys(recipientFields) as RecipientField[]) {
      const [from, to] = [detail(old, field), detail(recipient, field)];
      if (from === to) continue;
      const material = recipientFields[field] && (field !== 'location' || recipient.location.some((region) => !old.location.includes(region))) && (field !== 'deidentified' || !recipient.deidentified);
      add({ kind: 'recipient-detail', recipient: recipient.name, field, from, to, material });
    }
  }
  for (const recipient of before.recipients) if (!after.recipients.some((entry) => entry.id === recipient.id)) add({ kind: 'recipient-removed', recipient: recipient.name, material: false });

  const oldItems = new Map(before.items.map((item) => [item.id, item]));
  for (const item of after.items) {
    const old = oldItems.get(item.id);
    if (!old) {
      add({ kind: 'item-added', item: item.name, sensitive: item.sensitive !== undefined, material: true });
      continue;
    }
    if (old.name !== item.name) add({ kind: 'item-renamed', from: old.name, to: item.name, material: false });
    if (old.category !== item.category) add({ kind: 'item-category', item: item.name, from: old.category, to: item.category, material: true });
    if (item.sensitive && old.sensitive?.class !== item.sensitive.class) add({ kind: 'item-sensitive', item: item.name, class: item.sensitive.class, material: true });
    if (!item.sensitive && old.sensitive) add({ kind: 'item-not-sensitive', item: item.name, material: false });
    if (retentionKey(old.retention) !== retentionKey(item.retention)) add({ kind: 'retention', item: item.name, ...(old.retention ? { from: old.retention } : {}), ...(item.retention ? { to: item.retention } : {}), material: false });
    if (old.storage.join(',') !== item.storage.join(',')) add({ kind: 'storage', item: item.name, from: old.storage, to: item.storage, material: item.storage.some((region) => !old.storage.includes(region)) });
  }
  for (const item of before.items) if (!after.items.some((entry) => entry.id === item.id)) add({ kind: 'item-removed', item: item.name, material: false });

  for (const entry of after.functions) {
    if (oldFunctions.has(entry.id)) continue;
    const rows = after.processing.filter((row) => row.function === entry.id);
    add({ kind: 'function-added', function: entry.name, items: names(unique(rows.flatMap((row) => row.data)), itemName), purposes: names(unique(rows.flatMap((row) => row.purposes)), purposeName), material: rows.length > 0 });
  }
  for (const entry of before.functions) if (!after.functions.some((candidate) => candidate.id === entry.id)) add({ kind: 'function-removed', function: entry.name, material: false });

  // What a function used across all its rows: a row added or removed changes the function only where no other row covers it.
  const usedBy = (rows: readonly ProcessingModel[], fn: string, pick: (row: ProcessingModel) => readonly string[]) => new Set(rows.filter((row) => row.function === fn).flatMap(pick));
  const permissionsOf = (row: ProcessingModel) => row.permissions.map((use) => use.permission);
  const removedRow = (row: ProcessingModel) => {
    const still = usedBy(after.processing, row.function, (candidate) => candidate.data);
    const gone = row.data.filter((id) => !still.has(id));
    if (gone.length) add({ kind: 'data-removed', function: functionName(row.function), items: names(gone, itemName), material: false });
    const stillUsed = usedBy(after.processing, row.function, permissionsOf);
    for (const id of permissionsOf(row)) if (!stillUsed.has(id) && after.permissions.some((entry) => entry.id === id)) add({ kind: 'row-permission-removed', function: functionName(row.function), permission: permissionName(id), material: false });
  };
  for (const row of after.processing) {
    const old = oldRows.get(row.id);
    const fn = functionName(row.function);
    const items = names(row.data, itemName);
    if (!old || old.function !== row.function) {
      if (old) removedRow(old);
      // A new function's rows are told by `function-added`; a new row of an existing function by what it adds to it.
      if (!oldFunctions.has(row.function)) continue;
      const newItems = row.data.filter((id) => !usedBy(before.processing, row.function, (candidate) => candidate.data).has(id));
      const newPurposes = row.purposes.filter((id) => !usedBy(before.processing, row.function, (candidate) => candidate.purposes).has(id));
      if (newItems.length) add({ kind: 'row-added', function: fn, items: names(newItems, itemName), purposes: names(row.purposes, purposeName), material: true });
      else if (newPurposes.length) add({ kind: 'purpose-added', function: fn, purposes: names(newPurposes, purposeName), material: true });
      const usedBefore = usedBy(before.processing, row.function, permissionsOf);
      for (const id of permissionsOf(row)) if (oldPermissions.has(id) && !usedBefore.has(id)) add({ kind: 'row-permission-added', function: fn, permission: permissionName(id), material: true });
      for (const id of row.recipients) if (oldRecipients.has(id)) add({ kind: 'recipient-receives', recipient: recipientName(id), items, material: true });
      continue;
    }
    const gained = row.data.filter((id) => !old.data.includes(id));
    const lost = old.data.filter((id) => !row.data.includes(id));
    if (gained.length) add({ kind: 'data-added', function: fn, items: names(gained, itemName), material: true });
    if (lost.length) add({ kind: 'data-removed', function: fn, items: names(lost, itemName), material: false });
    const newPurposes = row.purposes.filter((id) => !old.purposes.includes(id));
    const oldPurposes = old.purposes.filter((id) => !row.purposes.includes(id));
    if (newPurposes.length) add({ kind: 'purpose-added', function: fn, purposes: names(newPurposes, purposeName), material: true });
    if (oldPurposes.length) add({ kind: 'purpose-removed', function: fn, purposes: names(oldPurposes, purposeName), material: false });
    if (old.method !== row.method) add({ kind: 'method', function: fn, items, ...(old.method ? { from: old.method } : {}), ...(row.method ? { to: row.method } : {}), material: true });
    if (old.frequency !== row.frequency) add({ kind: 'frequency', function: fn, items, from: old.frequency, to: row.frequency, material: false });
    if (old.necessity !== row.necessity) add({ kind: 'necessity', function: fn, items, from: old.necessity, to: row.necessity, material: false });
    const oldUses = old.permissions.map((use) => use.permission);
    const newUses = row.permissions.map((use) => use.permission);
    for (const id of newUses) if (!oldUses.includes(id) && oldPermissions.has(id)) add({ kind: 'row-permission-added', function: fn, permission: permissionName(id), material: true });
    for (const id of oldUses) if (!newUses.includes(id)) add({ kind: 'row-permission-removed', function: fn, permission: permissionName(id), material: false });
    for (const id of row.recipients) if (!old.recipients.includes(id) && oldRecipients.has(id)) add({ kind: 'recipient-receives', recipient: recipientName(id), items, material: true });
  }
  for (const row of before.processing) if (!newRows.has(row.id)) removedRow(row);

  const oldPurposeNames = new Map(before.purposes.map((entry) => [entry.id, entry.name]));
  for (const entry of after.purposes) {
    const old = oldPurposeNames.get(entry.id);
    if (old !== undefined && old !== entry.name) add({ kind: 'purpose-renamed', from: old, to: entry.name, material: true });
  }

  for (const permission of after.permissions) {
    if (oldPermissions.has(permission.id)) continue;
    const functions = unique(after.processing.filter((row) => row.permissions.some((use) => use.permission === permission.id)).map((row) => row.function));
    add({ kind: 'permission-added', permission: permission.name, functions: names(functions, functionName), material: true });
  }
  for (const permission of before.permissions) if (!after.permissions.some((entry) => entry.id === permission.id)) add({ kind: 'permission-removed', permission: permission.name, material: false });
  return changes;
}

/** A recipient field as one comparable string (lists joined; the page formats each kind of value). */
function detail(recipient: RecipientModel, field: RecipientField): string {
  const value = recipient[field];
  if (Array.isArray(value)) return value.join(', ');
  return String(value ?? '');
}

function retentionKey(retention: RetentionModel | undefined): string {
  return retention ? JSON.stringify([retention.period ?? null, retention.rule ?? null, retention.afterExpiry ?? null]) : '';
}

function fallback(first: (id: string) => string, second: (id: string) => string): (id: string) => string {
  return (id) => {
    const found = first(id);
    return found === id ? second(id) : found;
  };
}

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}
