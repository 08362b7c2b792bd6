/**
 * Inventory changes (src/diff/inventory.ts) as sentences in a page's
 * language, through the interface words `inventory.change.*`: for the
 * changes page and the Atom feed.
 */
import type { InventoryChange, RecipientField } from '../diff/inventory.ts';
import { formatList, type Translate } from '../i18n/index.ts';
import { groupOf } from '../inventory/taxonomy.ts';
import { categoryLabel, regionName, retentionText } from './inventory-values.ts';

export function changeSentence(change: InventoryChange, t: Translate): string {
  const list = (names: readonly string[]) => (names.length ? formatList(names, t.locale) : t('lists.none'));
  switch (change.kind) {
    case 'recipient-added':
      return t(change.sdk ? 'inventory.change.sdkAdded' : 'inventory.change.recipientAdded', { recipient: change.recipient, items: list(change.items), purposes: list(change.purposes) });
    case 'recipient-removed':
      return t('inventory.change.recipientRemoved', { recipient: change.recipient });
    case 'recipient-receives':
      return t('inventory.change.recipientReceives', { recipient: change.recipient, items: list(change.items) });
    case 'recipient-detail':
      return t('inventory.change.recipientDetail', { recipient: change.recipient, field: t(`lists.column.${change.field === 'packages' ? 'package' : change.field}`), from: detail(change.field, change.from, t), to: detail(change.field, change.to, t) });
    case 'item-added':
      return t('inventory.change.itemAdded', { item: change.item });
    case 'item-removed':
      return t('inventory.change.itemRemoved', { item: change.item });
    case 'item-renamed':
      return t('inventory.change.itemRenamed', { from: change.from, to: change.to });
    case 'item-category': {
      // Two categories of one group read the same; their ids tell them apart.
      const same = groupOf(change.from) === groupOf(change.to);
      const label = (category: typeof change.from) => (same ? t('format.withNote', { text: categoryLabel(category, t), note: category }) : categoryLabel(category, t));
      return t('inventory.change.itemCategory', { item: change.item, from: label(change.from), to: label(change.to) });
    }
    case 'item-sensitive':
      return t('inventory.change.itemSensitive', { item: change.item, class: t(`lists.sensitive.${change.class}`) });
    case 'item-not-sensitive':
      return t('inventory.change.itemNotSensitive', { item: change.item });
    case 'retention':
      return t('inventory.change.retention', { item: change.item, from: retentionText(change.from, t), to: retentionText(change.to, t) });
    case 'storage':
      return t('inventory.change.storage', { item: change.item, from: regions(change.from, t), to: regions(change.to, t) });
    case 'function-added':
      return t('inventory.change.functionAdded', { function: change.function, items: list(change.items), purposes: list(change.purposes) });
    case 'function-removed':
      return t('inventory.change.functionRemoved', { function: change.function });
    case 'row-added':
      return t('inventory.change.rowAdded', { function: change.function, items: list(change.items), purposes: list(change.purposes) });
    case 'data-added':
      return t('inventory.change.dataAdded', { function: change.function, items: list(change.items) });
    case 'data-removed':
      return t('inventory.change.dataRemoved', { function: change.function, items: list(change.items) });
    case 'purpose-added':
      return t('inventory.change.purposeAdded', { function: change.function, purposes: list(change.purposes) });
    case 'purpose-removed':
      return t('inventory.change.purposeRemoved', { function: change.function, purposes: list(change.purposes) });
    case 'purpose-renamed':
      return t('inventory.change.purposeRenamed', { from: change.from, to: change.to });
    case 'method':
      return t('inventory.change.method', { function: change.function, items: list(change.items), from: change.from ? t(`lists.method.${change.from}`) : t('lists.none'), to: change.to ? t(`lists.method.${change.to}`) : t('lists.none') });
    case 'frequency':
      return t('inventory.change.frequency', { function: change.function, from: change.from, to: change.to });
    case 'necessity':
      return t('inventory.change.necessity', { function: change.function, items: list(change.items), from: t(`lists.necessity.${change.from}`), to: t(`lists.necessity.${change.to}`) });
    case 'permission-added':
      return t('inventory.change.permissionAdded', { permission: change.permission, functions: list(change.functions) });
    case 'permission-removed':
      return t('inventory.change.permissionRemoved', { permission: change.permission });
    case 'row-permission-added':
      return t('inventory.change.rowPermissionAdded', { function: change.function, permission: change.permission });
    case 'row-permission-removed':
      return t('inventory.change.rowPermissionRemoved', { function: change.function, permission: change.permission });
  }
}

/** A recipient field's value as the sharing list shows it. */
function detail(field: RecipientField, value: string, t: Translate): string {
  switch (field) {
    case 'role':
      return value === 'processor' || value === 'third-party' ? t(`lists.role.${value}`) : value;
    case 'deidentified':
      return t(value === 'true' ? 'lists.yes' : 'lists.no');
    case 'location':
      return regions(value ? value.split(', ') : [], t);
    default:
      return value || t('lists.none');
  }
}

function regions(codes: readonly string[], t: Translate): string {
  return codes.length ? formatList(codes.map((code) => regionName(code, t.locale)), t.locale) : t('lists.none');
}
