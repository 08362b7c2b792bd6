/**
 * Step: whether a version needs the user's renewed consent because of its
 * data inventory. A new or changed purpose, collection method, type of
 * personal information, recipient or permission (src/diff/inventory.ts marks
 * each change `material`) makes an unpublished version material, unless
 * version.yaml keeps it non-material with a reason (`materialOverride`).
 * The build says why (`inventory-material`, a warning). A published version
 * never changes: there the warning only informs.
 */
import type { InventoryChange } from '../diff/inventory.ts';
import { nodeAtPath, placeOfNode } from '../load/yaml.ts';
import { related, warn } from '../messages/message.ts';
import type { BuiltVersion } from './version.ts';

export function suggestConsent(built: readonly BuiltVersion[], sourceLocale: string): void {
  for (const { model, parsed } of built) {
    const changes = model.inventoryChanges?.[sourceLocale] ?? Object.values(model.inventoryChanges ?? {})[0] ?? [];
    const triggers = changes.filter((change) => change.material);
    const meta = parsed.meta;
    if (triggers.length === 0 || model.material || model.materialOverride || !meta) continue;
    const listed = triggers.map(describe).join('; ');
    const place = placeOfNode(meta.source, meta.source.document.has('material') ? nodeAtPath(meta.source, ['material']).node : undefined);
    const cause = parsed.inventory ? related(parsed.inventory.source.file, { line: 1, column: 1 }, 'the inventory that changed') : undefined;
    if (parsed.publication) {
      warn(meta.source.file, `Published version \`${model.id}\` is not marked \`material\`, although its inventory changes would need renewed consent: ${listed}. A published version cannot change; this is for information`, place, 'inventory-material', { hint: 'If users must consent again, publish a new version with `material: true` and a summary of these changes.', cause });
      continue;
    }
    model.material = true;
    warn(meta.source.file, `Version \`${model.id}\` needs renewed consent (PIPL Art. 14 and 17), so it is built as \`material: true\`: its inventory changes ${listed}`, place, 'inventory-material', { cause });
  }
}

/** A change in a few plain English words, for the message (pages use the interface words). */
function describe(change: InventoryChange): string {
  const names = (values: readonly string[]) => values.map((value) => `“${value}”`).join(', ');
  switch (change.kind) {
    case 'recipient-added':
      return `adds recipient “${change.recipient}”`;
    case 'recipient-receives':
      return `shares ${names(change.items)} with “${change.recipient}”`;
    case 'recipient-detail':
      return `changes the ${change.field} of recipient “${change.recipient}” (${change.from} → ${change.to})`;
    case 'item-added':
      return `collects ${names([change.item])}`;
    case 'item-category':
      return `changes the category of “${change.item}” (${change.from} → ${change.to})`;
    case 'item-sensitive':
      return `makes “${change.item}” sensitive (${change.class})`;
    case 'storage':
      return `stores “${change.item}” in ${change.to.join(', ')}`;
    case 'row-added':
      return `collects ${names(change.items)} for “${change.function}”`;
    case 'data-added':
      return `collects ${names(change.items)} for “${change.function}”`;
    case 'purpose-added':
      return `adds the purpose ${names(change.purposes)} to “${change.function}”`;
    case 'purpose-renamed':
      return `rewords the purpose “${change.from}” as “${change.to}”`;
    case 'method':
      return `changes how “${change.function}” collects (${change.from ?? 'none'} → ${change.to ?? 'none'})`;
    case 'permission-added':
      return `adds the permission “${change.permission}”`;
    case 'row-permission-added':
      return `uses the permission “${change.permission}” for “${change.function}”`;
    default:
      return change.kind;
  }
}
