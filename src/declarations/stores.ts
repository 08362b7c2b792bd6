/**
 * Each store's view of the declarations: the items grouped by the store's
 * data type, with what the store asks of each type. The writers
 * (src/declarations/write/) serialize these; the consistency check and the
 * change list compare them.
 */
import { apple, playTypes } from './vocabulary.ts';
import type { ResolvedMapping } from './mapping.ts';
import { offDevice, purposesOf, regionsOf, sharingPurposesOf, thirdPartiesOf, type Declarations, type DeclaredItem, type Recipient } from './derive.ts';

export interface AppleType {
  /** The manifest constant's suffix: `PhoneNumber`. */
  type: string;
  /** App Store Connect's category id, `null` for a type only the manifest has. */
  category: string | null;
  /** Manifest purpose suffixes, sorted: `AppFunctionality`. */
  purposes: string[];
  linked: boolean;
  tracking: boolean;
  items: string[];
}

export interface PlayType {
  /** Play's response id: `PSL_PHONE`. */
  type: string;
  label: string;
  shared: boolean;
  /** Every item of the type is processed ephemerally. */
  ephemeral: boolean;
  /** Some item of the type is required for a function (users cannot turn it off). */
  required: boolean;
  collectionPurposes: string[];
  sharingPurposes: string[];
  /** The third parties that receive it. */
  sharedWith: Recipient[];
  items: string[];
}

export interface HarmonyLabel {
  dataType: string;
  label: string;
  purposes: string[];
  userLinked: boolean;
  tracking: boolean;
  items: string[];
}

export interface StoreViews {
  apple: AppleType[];
  play: PlayType[];
  harmony: HarmonyLabel[];
}

const sorted = (values: Iterable<string>) => [...new Set(values)].sort();

function group<T>(items: readonly DeclaredItem[], key: (item: DeclaredItem) => string | null, build: (key: string, items: DeclaredItem[]) => T): T[] {
  const groups = new Map<string, DeclaredItem[]>();
  for (const item of items) {
    const value = key(item);
    if (value === null) continue;
    groups.set(value, [...(groups.get(value) ?? []), item]);
  }
  return [...groups].map(([value, members]) => build(value, members));
}

export function storeViews(declarations: Declarations, mapping: ResolvedMapping): StoreViews {
  const leaving = offDevice(declarations);
  const applePurposes = (item: DeclaredItem) =>
    purposesOf(item).flatMap((purpose) => {
      const values = mapping.purpose(purpose);
      const shared = sharingPurposesOf(item).includes(purpose);
      const value = shared && values.appleShared ? values.appleShared : values.apple;
      return value === null ? [] : [value];
    });
  const appleTypes = group(
    leaving.filter((item) => !item.ephemeral),
    (item) => item.apple,
    (type, items): AppleType => ({ type, category: apple.ascCategory(type), purposes: sorted(items.flatMap(applePurposes)), linked: items.some((item) => item.linked), tracking: items.some((item) => item.tracking), items: items.map((item) => item.id) }),
  ).sort((a, b) => a.type.localeCompare(b.type));

  const playOrder = new Map(playTypes.map((type, index) => [type.id, index]));
  const playValues = (purposes: readonly string[]) => purposes.map((purpose) => mapping.purpose(purpose as never).play).filter((value): value is string => value !== null);
  const playList = group(leaving, (item) => item.play, (type, items): PlayType => {
    const sharedWith = new Map<string, Recipient>();
    for (const item of items) for (const recipient of thirdPartiesOf(item)) sharedWith.set(recipient.id, recipient);
    return {
      type,
      label: playTypes.find((candidate) => candidate.id === type)?.label ?? type,
      shared: sharedWith.size > 0,
      ephemeral: items.every((item) => item.ephemeral),
      required: items.some((item) => item.uses.some((use) => use.required)),
      collectionPurposes: sorted(items.flatMap((item) => playValues(purposesOf(item)))),
      sharingPurposes: sorted(items.flatMap((item) => playValues(sharingPurposesOf(item)))),
      sharedWith: [...sharedWith.values()],
      items: items.map((item) => item.id),
    };
  }).sort((a, b) => (playOrder.get(a.type) ?? 0) - (playOrder.get(b.type) ?? 0));

  const harmonyPurposes = (item: DeclaredItem) => {
    const values = purposesOf(item).map((purpose) => mapping.purpose(purpose).harmony).filter((value): value is string => value !== null);
    // HarmonyOS has purposes of its own for giving data to a third party, and for sending it out of China
    // (AppGallery's market; PIPL Art. 38): data stored or processed in another region.
    if (thirdPartiesOf(item).length > 0) values.push('Disclosure to third parties');
    if (regionsOf(item).some((region) => region !== 'CN')) values.push('Cross-border transfer');
    return values;
  };
  const harmonyList = group(leaving, (item) => (item.harmony ? `${item.harmony.dataType}\u0000${item.harmony.label}` : null), (key, items): HarmonyLabel => {
    const [dataType, label] = key.split('\u0000') as [string, string];
    return { dataType, label, purposes: sorted(items.flatMap(harmonyPurposes)), userLinked: items.some((item) => item.linked), tracking: items.some((item) => item.tracking), items: items.map((item) => item.id) };
  });
  return { apple: appleTypes, play: playList, harmony: harmonyList };
}
