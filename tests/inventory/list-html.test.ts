/**
 * The lists are made once per distinct inventory content (src/render/inventory-lists.ts): two versions
 * with the same inventory share one rendering, and any change to the content, or to the page they are
 * made for, gives a list made anew. A cache keyed on the wrong thing would show one version's list on
 * another's page.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTranslations } from '../../src/i18n/index.ts';
import { loadSite } from '../../src/load/index.ts';
import type { InventoryModel } from '../../src/model/types.ts';
import { listHtml } from '../../src/render/inventory-lists.ts';
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
