/**
 * Step: the redlines of a document's versions, each computed once per pair
 * of versions and language. Every version gets its redline against the one
 * before it; a version that may still need the reader's consent (current,
 * upcoming or draft) also gets one from every earlier version, so that an
 * app can show what changed since the version its user accepted. The pairs
 * share their clause-level results (src/diff/redline.ts): a clause text met
 * in several pairs is compared once. Each version also gets the changes to
 * its data inventory against the one before (only between two inventories:
 * a first inventory is no change to the processing it describes).
 */
import { diffInventory } from '../diff/inventory.ts';
import { ClauseComparisons, redline } from '../diff/redline.ts';
import type { Redline } from '../diff/types.ts';
import type { BuiltVersion } from './version.ts';

/** `built` is oldest first, with statuses assigned; sets `previous`, `changes`, `changesFrom` and `inventoryChanges` on each version's model. */
export function redlines(built: readonly BuiltVersion[]): void {
  const memo = new ClauseComparisons();
  const pair = (from: BuiltVersion, to: BuiltVersion): Record<string, Redline> => {
    const changes: Record<string, Redline> = {};
    for (const [locale, text] of to.comparable) {
      const before = from.comparable.get(locale);
      if (before) changes[locale] = redline(before, text, locale, { from: from.model.id, to: to.model.id }, memo);
    }
    return changes;
  };
  built.forEach((version, index) => {
    const previous = built[index - 1];
    if (!previous) return;
    version.model.previous = previous.model.id;
    const changes = (version.model.changes = pair(previous, version));
    const [older, newer] = [previous.model.inventory, version.model.inventory];
    if (older && newer) {
      version.model.inventoryChanges = {};
      for (const [locale, inventory] of Object.entries(newer)) {
        const before = older[locale];
        if (before) version.model.inventoryChanges[locale] = diffInventory(before, inventory);
      }
    }
    if (version.model.status === 'past') return;
    version.model.changesFrom = Object.fromEntries(built.slice(0, index).map((earlier) => [earlier.model.id, earlier === previous ? changes : pair(earlier, version)]));
  });
}
