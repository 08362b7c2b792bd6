/** Step: each version's redline against the version before it, once per language, and the changes to its data inventory. */
import { diffInventory } from '../diff/inventory.ts';
import { redline } from '../diff/redline.ts';
import type { BuiltVersion } from './version.ts';

/** `built` is oldest first; sets `changes`, `inventoryChanges` and `previous` on each version's model. */
export function redlines(built: readonly BuiltVersion[]): void {
  built.forEach((version, index) => {
    const previous = built[index - 1];
    if (!previous) return;
    version.model.changes = {};
    for (const [locale, text] of version.comparable) {
      const before = previous.comparable.get(locale);
      if (before) version.model.changes[locale] = redline(before, text, locale, { from: previous.model.id, to: version.model.id });
    }
    // Only between two inventories: a first inventory is no change to the processing it describes.
    const [older, newer] = [previous.model.inventory, version.model.inventory];
    if (older && newer) {
      version.model.inventoryChanges = {};
      for (const [locale, inventory] of Object.entries(newer)) {
        const before = older[locale];
        if (before) version.model.inventoryChanges[locale] = diffInventory(before, inventory);
      }
    }
    version.model.previous = previous.model.id;
  });
}
