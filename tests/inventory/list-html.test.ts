/**
 * The lists are written in parts (src/render/inventory-lists.ts), each part once per the data it shows:
 * two versions with the same inventory share their parts, and any change to the content, or to the page
 * they are made for, gives a part written anew. A cache keyed on the wrong thing would show one version's
 * list, or another part of the same list, on a page. So every list written in parts is compared with the
 * same list written whole, nothing kept.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTranslations } from '../../src/i18n/index.ts';
import { loadSite } from '../../src/load/index.ts';
import type { InventoryModel } from '../../src/model/types.ts';
import { listHtml, listHtmlWhole } from '../../src/render/inventory-lists.ts';
import { listKinds } from '../../src/inventory/taxonomy.ts';
import { fixturesDir } from '../helpers/content.ts';

const loaded = await loadSite(path.join(fixturesDir, 'sites/inventory'), { mode: 'preview', drafts: true, buildDate: '2026-01-01' });
const model = loaded.site!;
const inventory = model.documents[0]!.versions[0]!.inventory!['en']!;
const t = useTranslations(model, 'en');
const options = { headingLevel: 2, idPrefix: '', policyHref: '/en/notice/2024-01-10/' } as const;
const copy = (): InventoryModel => structuredClone(inventory);

describe('lists made once per distinct content', () => {
  it('an inventory with the same content, as another object, gets the same list', () => {
    expect(listHtml('collection', copy(), t, options)).toBe(listHtml('collection', inventory, t, options));
  });

  it('a changed item name, retention or recipient gives a list of its own', () => {
    const before = listHtml('collection', inventory, t, options);
    const renamed = copy();
    renamed.items[0]!.name = 'A name no other list has';
    expect(listHtml('collection', renamed, t, options)).toContain('A name no other list has');
    expect(listHtml('collection', inventory, t, options)).toBe(before);

    const kept = copy();
    const item = kept.items.find((entry) => entry.retention)!;
    item.retention = { period: 'P17Y', afterExpiry: 'delete' };
    expect(listHtml('collection', kept, t, options)).toContain('17 years');
    expect(before).not.toContain('17 years');

    const shared = copy();
    shared.recipients[0]!.name = 'Another recipient, Ltd.';
    expect(listHtml('sharing', shared, t, options)).toContain('Another recipient, Ltd.');
    expect(listHtml('sharing', inventory, t, options)).not.toContain('Another recipient, Ltd.');
  });

  it('the page decides its links, headings and ids, and the language its words', () => {
    const hosted = listHtml('collection', inventory, t, options);
    const webview = listHtml('collection', inventory, t, { ...options, policyHref: '/webview/en/notice/2024-01-10/' });
    expect(hosted).toContain('href=/en/notice/2024-01-10/#');
    expect(webview).toContain('href=/webview/en/notice/2024-01-10/#');
    expect(webview).not.toContain('href=/en/notice/');
    expect(listHtml('collection', inventory, t, { ...options, headingLevel: 3, idPrefix: 'data' })).toMatch(/<h3 id=data-list-/);
    // An address toHtml would quote or escape is not put in place of the shared list's token: the list is made for it.
    const quoted = listHtml('collection', inventory, t, { ...options, policyHref: '/here=there/' });
    expect(quoted).toMatch(/href="\/here=there\/#/);
    expect(quoted.replaceAll(/href="\/here=there\/#([^"]*)"/g, 'href=/en/notice/2024-01-10/#$1')).toBe(hosted);
    const chinese = listHtml('permissions', model.documents[0]!.versions[0]!.inventory!['zh-CN']!, useTranslations(model, 'zh-CN'), options);
    expect(chinese).not.toBe(listHtml('permissions', inventory, t, options));
  });
});

describe('a list written in parts is the list written whole', () => {
  const pageOptions = [
    options,
    { ...options, policyHref: '/webview/en/notice/2024-01-10/' },
    { headingLevel: 3, idPrefix: 'data', policyHref: '', insidePolicy: true },
    { ...options, labelId: '_list-title' },
  ] as const;
  /** Every list of `inventory`, in every kind of page, in parts and whole. */
  const expectSame = (inventory: InventoryModel, words = t) => {
    for (const kind of listKinds) {
      for (const page of pageOptions) expect(listHtml(kind, inventory, words, page), `${kind} ${JSON.stringify(page)}`).toBe(listHtmlWhole(kind, inventory, words, page));
    }
  };

  it('for every version and language of the fixture', () => {
    for (const version of model.documents[0]!.versions) {
      for (const [code, each] of Object.entries(version.inventory ?? {})) expectSame(each, useTranslations(model, code));
    }
  });

  it('when a function and a recipient show the same rows, each part stays its own', () => {
    // One row, made by a function and shared with one recipient: the two parts show the same data.
    const same = copy();
    const row = same.processing.find((entry) => entry.recipients.length > 0)!;
    const recipient = same.recipients.find((entry) => entry.id === row.recipients[0])!;
    same.processing = [{ ...row, recipients: [recipient.id] }];
    same.recipients = [recipient];
    same.functions = same.functions.filter((entry) => entry.id === row.function);
    expect(listHtml('collection', same, t, options)).toContain(`id=list-function-${row.function}`);
    const sharing = listHtml('sharing', same, t, options);
    expect(sharing).toContain(`id=list-recipient-${recipient.id}`);
    expect(sharing).not.toContain('list-function');
    expectSame(same);
  });

  it('after any change to what a part shows', () => {
    const changes: ((inventory: InventoryModel) => void)[] = [
      (inventory) => void (inventory.items[0]!.name = 'Renamed item'),
      (inventory) => {
        const item = inventory.items[0]!;
        if (item.sensitive) delete item.sensitive;
        else item.sensitive = { class: 'other', necessity: 'Needed.', impact: 'None.' };
      },
      (inventory) => void (inventory.items.find((entry) => entry.retention)!.retention = { period: 'P17Y', afterExpiry: 'delete' }),
      (inventory) => void (inventory.purposes[0]!.name = 'Renamed purpose'),
      (inventory) => void (inventory.functions[0]!.name = 'Renamed function'),
      (inventory) => void (inventory.functions[0]!.clause = 'another-clause'),
      (inventory) => void (inventory.permissions[0]!.name = 'Renamed permission'),
      (inventory) => void (inventory.permissions[0]!.refusable = !inventory.permissions[0]!.refusable),
      (inventory) => void (inventory.recipients[0]!.name = 'Renamed recipient'),
      (inventory) => void (inventory.recipients[0]!.operator = 'Another operator'),
      (inventory) => void (inventory.processing[0]!.scenario = 'Another scenario'),
      (inventory) => void (inventory.processing[0]!.data = [...inventory.processing[0]!.data].reverse()),
      (inventory) => void (inventory.processing[0]!.recipients = inventory.recipients.map((entry) => entry.id)),
      (inventory) => void inventory.processing.reverse(),
      (inventory) => void (inventory.note = 'A note above each list.'),
    ];
    for (const change of changes) {
      const changed = copy();
      change(changed);
      expectSame(changed);
    }
  });
});
