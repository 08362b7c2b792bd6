/**
 * The checks of a data inventory against itself, its SDK table and its
 * policy text (docs/inventory.md lists each with its rule):
 *
 * - ids unique per kind, and every id a row or recipient names defined
 *   (`duplicate-id`, `inventory-reference`, `broken-reference` for a clause);
 * - what the law asks of each entry: a row's purpose, method and data, a
 *   sensitive item's necessity and impact, a retention period, an SDK's
 *   package and version, another recipient's operator and contact
 *   (`inventory-row-incomplete`, `inventory-sensitive-incomplete`,
 *   `inventory-retention-missing`, `inventory-recipient-incomplete`);
 * - the SDK recipients and sdks.yaml name the same SDKs (`inventory-sdk-mismatch`);
 * - nothing defined goes unused (`inventory-unused`).
 *
 * The editorial checks (all but ids and references) are left out for a
 * published inventory, which can no longer change.
 */
import type { Parsed } from '../load/parsed.ts';
import { keyNodeOf, nodeAtPath, placeOfNode } from '../load/yaml.ts';
import { fail, related, warn, type Place } from '../messages/message.ts';
import { closest } from '../messages/suggest.ts';
import type { InventoryInput } from '../schema/inventory.ts';
import type { SdkDirectoryInput } from '../schema/sdks.ts';

export interface InventoryCheck {
  inventory: Parsed<InventoryInput>;
  sdks: Parsed<SdkDirectoryInput> | undefined;
  /** Ids of the clauses of the version's source text. */
  clauseIds: ReadonlySet<string>;
  /** Run the editorial checks (not on a published inventory). */
  editorial: boolean;
}

/** The ids each kind of entry defines. */
interface InventoryIds {
  items: Set<string>;
  functions: Set<string>;
  purposes: Set<string>;
  permissions: Set<string>;
  recipients: Set<string>;
}

type Kind = 'dataItems' | 'functions' | 'purposes' | 'permissions' | 'processing' | 'recipients';

/** Longer lists of known ids are not spelt out in a message. */
const maxListed = 12;

const nouns: Record<Kind, string> = { dataItems: 'data item', functions: 'function', purposes: 'purpose', permissions: 'permission', processing: 'processing row', recipients: 'recipient' };

export function checkInventory(check: InventoryCheck): void {
  const { inventory, sdks, editorial } = check;
  const { source, data } = inventory;
  const at = (path: PropertyKey[]): Place => placeOfNode(source, nodeAtPath(source, path).node);
  const file = source.file;

  const idsOf = (kind: Kind, entries: readonly { id: string }[]) => {
    const seen = new Map<string, number>();
    entries.forEach((entry, index) => {
      const first = seen.get(entry.id);
      if (first === undefined) seen.set(entry.id, index);
      else fail(file, `Unexpected duplicate ${nouns[kind]} id \`${entry.id}\`: each ${nouns[kind]} needs its own id`, at([kind, index, 'id']), 'duplicate-id', { cause: related(file, at([kind, first, 'id']), `\`${entry.id}\` first used here`) });
    });
    return new Set(seen.keys());
  };
  const ids: InventoryIds = {
    items: idsOf('dataItems', data.dataItems),
    functions: idsOf('functions', data.functions),
    purposes: idsOf('purposes', data.purposes),
    permissions: idsOf('permissions', data.permissions),
    recipients: idsOf('recipients', data.recipients),
  };
  idsOf('processing', data.processing);

  const reference = (kind: Kind, known: Set<string>, id: string, path: PropertyKey[], where: string) => {
    if (known.has(id)) return;
    const suggestion = closest(id, [...known]);
    const expected = known.size === 0 ? `a ${nouns[kind]} defined under \`${kind}:\`` : known.size > maxListed ? `one of the ${known.size} ids under \`${kind}:\`` : `one of ${list([...known])}`;
    fail(file, `Unknown ${nouns[kind]} \`${id}\` ${where}, expected ${expected}${suggestion ? `. Did you mean \`${suggestion}\`?` : ''}`, at(path), 'inventory-reference');
  };
  const used = { items: new Set<string>(), functions: new Set<string>(), purposes: new Set<string>(), permissions: new Set<string>(), recipients: new Set<string>() };
  data.processing.forEach((row, index) => {
    const where = `in processing row \`${row.id}\``;
    reference('functions', ids.functions, row.function, ['processing', index, 'function'], where);
    used.functions.add(row.function);
    row.data?.forEach((id, i) => (reference('dataItems', ids.items, id, ['processing', index, 'data', i], where), used.items.add(id)));
    row.purposes?.forEach((id, i) => (reference('purposes', ids.purposes, id, ['processing', index, 'purposes', i], where), used.purposes.add(id)));
    row.permissions?.forEach((use, i) => (reference('permissions', ids.permissions, use.permission, ['processing', index, 'permissions', i, 'permission'], where), used.permissions.add(use.permission)));
    row.recipients?.forEach((id, i) => (reference('recipients', ids.recipients, id, ['processing', index, 'recipients', i], where), used.recipients.add(id)));
    if (!editorial) return;
    const missing = [!row.purposes?.length && '`purposes:`', !row.method && '`method:`', !row.data?.length && '`data:`'].filter((part): part is string => Boolean(part));
    if (missing.length > 0) {
      fail(file, `Missing ${join(missing)} in processing row \`${row.id}\`: every row states the purpose, the method and the personal information it processes`, at(['processing', index, 'id']), 'inventory-row-incomplete');
    }
  });

  data.functions.forEach((entry, index) => {
    if (entry.clause !== undefined && check.clauseIds.size > 0 && !check.clauseIds.has(entry.clause)) {
      const suggestion = closest(entry.clause, [...check.clauseIds]);
      warn(file, `Unexpected clause \`${entry.clause}\` for function \`${entry.id}\`: the policy text has no clause with this id${suggestion ? `. Did you mean \`${suggestion}\`?` : ''}`, at(['functions', index, 'clause']), 'broken-reference', 'Write the id of the clause that describes the function, as in the policy text’s `- id:` lines.');
    }
  });

  const sdkIds = new Map((sdks?.data.sdks ?? []).map((sdk, index) => [sdk.id, index]));
  const sdkRecipients = new Set<string>();
  data.recipients.forEach((recipient, index) => {
    if (recipient.sdk === undefined) return;
    sdkRecipients.add(recipient.sdk);
    if (sdks && !sdkIds.has(recipient.sdk)) {
      const suggestion = closest(recipient.sdk, [...sdkIds.keys()]);
      fail(file, `Unexpected SDK \`${recipient.sdk}\` in recipient \`${recipient.id}\`: the SDK table (sdks.yaml) does not list it${sdkIds.size ? `; it lists ${list([...sdkIds.keys()])}` : ''}${suggestion ? `. Did you mean \`${suggestion}\`?` : ''}`, at(['recipients', index, 'sdk']), 'inventory-sdk-mismatch');
    } else if (!sdks) {
      fail(file, `Unexpected SDK \`${recipient.sdk}\` in recipient \`${recipient.id}\`: this version has no SDK table (sdks.yaml)`, at(['recipients', index, 'sdk']), 'inventory-sdk-mismatch', 'Add the SDK to sdks.yaml in the version folder, so that the policy lists it, or describe the recipient with `name:` if it is not an SDK.');
    }
  });

  if (!editorial) return;

  if (sdks) {
    for (const [id, index] of sdkIds) {
      if (sdkRecipients.has(id)) continue;
      const place = placeOfNode(sdks.source, nodeAtPath(sdks.source, ['sdks', index, 'id']).node);
      fail(file, `Missing recipient for SDK \`${id}\`: the SDK table (sdks.yaml) lists it, but no recipient in inventory.yaml has \`sdk: ${id}\``, placeOfNode(source, keyNodeOf(source.document.contents ?? undefined, 'recipients') ?? nodeAtPath(source, ['recipients']).node), 'inventory-sdk-mismatch', {
        hint: `Add a recipient with \`sdk: ${id}\`, its package, version, role, sharing method, de-identification and location, and the processing rows it collects for; or remove the SDK from sdks.yaml if the app no longer embeds it.`,
        cause: related(sdks.source.file, place, 'listed in the SDK table here'),
      });
    }
  }

  data.dataItems.forEach((item, index) => {
    if (item.sensitive) {
      const missing = [!item.sensitive.necessity && '`necessity:`', !item.sensitive.impact && '`impact:`'].filter((part): part is string => Boolean(part));
      if (missing.length > 0) fail(file, `Missing ${join(missing)} for sensitive data item \`${item.id}\`: sensitive personal information needs the necessity of processing it and its impact on the user`, at(['dataItems', index, 'sensitive']), 'inventory-sensitive-incomplete');
    }
    if (!item.retention) fail(file, `Missing \`retention:\` for data item \`${item.id}\`: every item states how long it is kept, or how that is decided`, at(['dataItems', index, 'id']), 'inventory-retention-missing');
  });

  data.recipients.forEach((recipient, index) => {
    const missing = recipient.sdk !== undefined
      ? [!recipient.package && '`package:`', !recipient.version && '`version:`']
      : [!recipient.operator && '`operator:`', !recipient.privacyPolicy && !recipient.contact && '`privacyPolicy:` or `contact:`'];
    const named = missing.filter((part): part is string => Boolean(part));
    if (named.length > 0) {
      const what = recipient.sdk !== undefined ? 'an SDK list names each SDK’s package and version' : 'a recipient is named with its operator and how to reach it';
      fail(file, `Missing ${join(named)} in recipient \`${recipient.id}\`: ${what}`, at(['recipients', index, 'id']), 'inventory-recipient-incomplete');
    }
  });

  const unused = (kind: Kind, entries: readonly { id: string }[], usedIds: Set<string>, how: string) => {
    entries.forEach((entry, index) => {
      if (!usedIds.has(entry.id)) warn(file, `Unexpected ${nouns[kind]} \`${entry.id}\` that no processing row ${how}`, at([kind, index, 'id']), 'inventory-unused');
    });
  };
  unused('dataItems', data.dataItems, used.items, 'collects (`data:`)');
  unused('functions', data.functions, used.functions, 'belongs to (`function:`)');
  unused('purposes', data.purposes, used.purposes, 'names (`purposes:`)');
  unused('permissions', data.permissions, used.permissions, 'uses (`permissions:`)');
  unused('recipients', data.recipients, used.recipients, 'shares with (`recipients:`)');
}

function list(values: readonly string[]): string {
  return values.map((value) => `\`${value}\``).join(', ');
}

function join(parts: readonly string[]): string {
  return parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}

