/**
 * What an app team must update in each store's console between two
 * versions: the differences between their store views (src/declarations/stores.ts),
 * such as "Play: Precise location is now shared with a third party (AMap SDK)".
 * The same list is printed by `npm run declarations -- --changes` and shown
 * on the version's changes page, in a section for app teams.
 */
import type { Store } from '../schema/declarations.ts';
import type { StoreViews } from './stores.ts';
import { apple, playPurposes } from './vocabulary.ts';

export type DeclarationChangeKind = 'added' | 'removed' | 'shared' | 'unshared' | 'purposes' | 'required' | 'optional';

export interface DeclarationChange {
  store: Store;
  kind: DeclarationChangeKind;
  /** The store's own name of the data type: `Precise location` (Play), `Precise Location` (Apple), `GPS location` (HarmonyOS). */
  type: string;
  /** `shared`: the third parties that now receive it; `purposes`: the purposes now declared. */
  details?: string[];
}

export const storeNames: Record<Store, string> = { apple: 'App Store', play: 'Play', harmony: 'AppGallery' };

interface Comparable {
  key: string;
  label: string;
  purposes: string[];
  shared?: boolean;
  sharedWith?: string[];
  required?: boolean;
}

function comparable(views: StoreViews, store: Store): Comparable[] {
  if (store === 'apple') return views.apple.map((type) => ({ key: type.type, label: apple.typeLabel(type.type), purposes: type.purposes.map((purpose) => apple.purposeLabel(purpose)) }));
  if (store === 'play') return views.play.map((type) => ({ key: type.type, label: type.label, purposes: type.collectionPurposes.map((purpose) => playPurposes.get(purpose) ?? purpose), shared: type.shared, sharedWith: type.sharedWith.map((recipient) => recipient.name), required: type.required }));
  return views.harmony.map((label) => ({ key: `${label.dataType}/${label.label}`, label: label.label, purposes: label.purposes }));
}

export function declarationChanges(before: StoreViews, after: StoreViews, stores: readonly Store[]): DeclarationChange[] {
  const changes: DeclarationChange[] = [];
  for (const store of stores) {
    const old = new Map(comparable(before, store).map((entry) => [entry.key, entry]));
    const now = new Map(comparable(after, store).map((entry) => [entry.key, entry]));
    for (const [key, entry] of now) {
      const previous = old.get(key);
      if (!previous) {
        changes.push({ store, kind: 'added', type: entry.label });
        if (entry.shared) changes.push({ store, kind: 'shared', type: entry.label, details: entry.sharedWith ?? [] });
        continue;
      }
      const newRecipients = (entry.sharedWith ?? []).filter((name) => !(previous.sharedWith ?? []).includes(name));
      if (entry.shared && newRecipients.length > 0) changes.push({ store, kind: 'shared', type: entry.label, details: newRecipients });
      if (previous.shared && !entry.shared) changes.push({ store, kind: 'unshared', type: entry.label });
      if (entry.purposes.join('\u0000') !== previous.purposes.join('\u0000')) changes.push({ store, kind: 'purposes', type: entry.label, details: entry.purposes });
      if (entry.required === true && previous.required === false) changes.push({ store, kind: 'required', type: entry.label });
      if (entry.required === false && previous.required === true) changes.push({ store, kind: 'optional', type: entry.label });
    }
    for (const [key, entry] of old) if (!now.has(key)) changes.push({ store, kind: 'removed', type: entry.label });
  }
  return changes;
}

/** One change in English, for the command line. */
export function describeChange(change: DeclarationChange): string {
  const store = storeNames[change.store];
  const details = change.details?.join(', ') ?? '';
  switch (change.kind) {
    case 'added':
      return `${store}: ${change.type} is now collected: declare it`;
    case 'removed':
      return `${store}: ${change.type} is no longer collected: remove it`;
    case 'shared':
      return `${store}: ${change.type} is now shared with a third party (${details})`;
    case 'unshared':
      return `${store}: ${change.type} is no longer shared with a third party`;
    case 'purposes':
      return `${store}: the purposes of ${change.type} are now: ${details}`;
    case 'required':
      return `${store}: ${change.type} is now required (users cannot turn it off)`;
    case 'optional':
      return `${store}: ${change.type} is now optional (users can choose)`;
  }
}
