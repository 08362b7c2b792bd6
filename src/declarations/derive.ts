/**
 * Step: a version's inventory (one language) → what every declaration says,
 * per data item: its value in each store's vocabulary and in DPV, whether it
 * leaves the device, why it is processed, whether it is required, linked or
 * used for tracking, and who receives it. The five outputs
 * (src/declarations/write/) are views of this one model, which is why they
 * agree with each other and with the collection list.
 *
 * The rules (docs/app-stores.md):
 * - an item is declared when a processing row processes it (the collection
 *   list), unless content says it never leaves the device (`onDevice`);
 * - it is *shared* (Play) when a recipient with role `third-party` receives
 *   it; a `processor` acts for the app, Play's service-provider exemption;
 * - Apple counts data as collected when it leaves the device for longer than
 *   a real-time request (`ephemeral` items are left out), and declares
 *   advertising purposes as third-party advertising when a third party
 *   receives the data;
 * - a purpose or category with no value in a store the app is published in
 *   is a problem that names the item and the table to extend.
 */
import type { CategoryId, LegalBasis, PurposeCategoryId, RecipientRole } from '../inventory/taxonomy.ts';
import type { InventoryModel } from '../model/types.ts';
import type { AppAnswers, Store } from '../schema/declarations.ts';
import type { MappingSource, ResolvedMapping } from './mapping.ts';

export interface Recipient {
  id: string;
  name: string;
  role: RecipientRole;
  /** Where it processes the data (ISO 3166-1 codes). */
  location: string[];
}

/** One processing row's use of an item, as the stores ask about it. */
export interface ItemUse {
  row: string;
  purposes: PurposeCategoryId[];
  required: boolean;
  legalBasis: LegalBasis;
  /** Recipients of the row (SDKs and others). */
  recipients: Recipient[];
}

export interface DeclaredItem {
  id: string;
  name: string;
  category: CategoryId;
  apple: string | null;
  play: string | null;
  harmony: { dataType: string; label: string } | null;
  dpv: string[];
  /** Never leaves the device: no store counts it as collected. */
  onDevice: boolean;
  /** Leaves the device, held in memory for a real-time request only. */
  ephemeral: boolean;
  linked: boolean;
  tracking: boolean;
  sensitive: boolean;
  /** Where it is stored (ISO 3166-1 codes). */
  storage: string[];
  uses: ItemUse[];
}

export interface Unmapped {
  item: string;
  category: CategoryId;
  /** The store (or `dpv`) that lacks a value. */
  target: Store | 'dpv';
  /** A purpose category without a value, when the purpose is what is missing. */
  purpose?: PurposeCategoryId;
  /** Where the missing value would come from. */
  source: MappingSource;
}

export interface Declarations {
  items: DeclaredItem[];
  app: AppAnswers;
  unmapped: Unmapped[];
}

export function deriveDeclarations(inventory: InventoryModel, mapping: ResolvedMapping, app: AppAnswers): Declarations {
  const purposeCategory = new Map(inventory.purposes.map((purpose) => [purpose.id, purpose.category]));
  const recipients = new Map(inventory.recipients.map((recipient) => [recipient.id, { id: recipient.id, name: recipient.name, role: recipient.role, location: recipient.location }]));
  const trackingItems = new Set(app.tracking ? (app.trackingItems ?? []) : []);
  const unmapped: Unmapped[] = [];
  const items: DeclaredItem[] = [];
  const targets: (Store | 'dpv')[] = [...app.stores, 'dpv'];
  for (const item of inventory.items) {
    const uses: ItemUse[] = inventory.processing
      .filter((row) => row.data.includes(item.id))
      .map((row) => ({
        row: row.id,
        purposes: [...new Set(row.purposes.map((id) => purposeCategory.get(id)).filter((category) => category !== undefined))],
        required: row.necessity === 'required',
        legalBasis: row.legalBasis,
        recipients: row.recipients.map((id) => recipients.get(id)).filter((recipient) => recipient !== undefined),
      }));
    // Not processed by any row: not on the collection list, so not declared.
    if (uses.length === 0) continue;
    const { value, source } = mapping.category(item.category, item.id);
    const own = mapping.item(item.id);
    for (const target of targets) {
      if (value[target] === null) unmapped.push({ item: item.id, category: item.category, target, source: source[target] });
    }
    for (const purpose of new Set(uses.flatMap((use) => use.purposes))) {
      const values = mapping.purpose(purpose);
      for (const target of targets) if (values[target] === null) unmapped.push({ item: item.id, category: item.category, target, purpose, source: 'shipped' });
    }
    items.push({
      id: item.id,
      name: item.name,
      category: item.category,
      apple: value.apple,
      play: value.play,
      harmony: value.harmony,
      dpv: value.dpv ?? [],
      onDevice: own?.onDevice ?? false,
      ephemeral: own?.ephemeral ?? false,
      linked: own?.linked ?? app.linked,
      tracking: trackingItems.has(item.id),
      sensitive: item.sensitive !== undefined,
      storage: item.storage,
      uses,
    });
  }
  return { items, app, unmapped };
}

/** The items that leave the device: what Play lists (ephemeral ones included). */
export function offDevice(declarations: Declarations): DeclaredItem[] {
  return declarations.items.filter((item) => !item.onDevice);
}

/** Third parties (not service providers) that receive the item. */
export function thirdPartiesOf(item: DeclaredItem): Recipient[] {
  const seen = new Map<string, Recipient>();
  for (const use of item.uses) for (const recipient of use.recipients) if (recipient.role === 'third-party') seen.set(recipient.id, recipient);
  return [...seen.values()];
}

/** The purposes of the uses that give the item to a third party. */
export function sharingPurposesOf(item: DeclaredItem): PurposeCategoryId[] {
  return [...new Set(item.uses.filter((use) => use.recipients.some((recipient) => recipient.role === 'third-party')).flatMap((use) => use.purposes))];
}

/** The regions the item is stored or processed in: where it is kept, and where its recipients are. */
export function regionsOf(item: DeclaredItem): string[] {
  return [...new Set([...item.storage, ...item.uses.flatMap((use) => use.recipients.flatMap((recipient) => recipient.location))])];
}

export function purposesOf(item: DeclaredItem): PurposeCategoryId[] {
  return [...new Set(item.uses.flatMap((use) => use.purposes))];
}
