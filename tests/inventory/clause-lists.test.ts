/**
 * A clause places a list after its text (`lists:`), as it places the SDK
 * table: rendered inside the clause with lower headings and prefixed ids,
 * part of the canonical record, flagged the same in every language, and a
 * change of placement shows in the redline.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { describe, expect, it } from 'vitest';
import { useTranslations } from '../../src/i18n/index.ts';
import { loadSite } from '../../src/load/index.ts';
import { recordKey } from '../../src/records/canonical.ts';
import { policyBodyHtml } from '../../src/render/policy-body.ts';
import { fixturesDir, messagesOf, replaceOnce, siteWith } from '../helpers/content.ts';

const site = path.join(fixturesDir, 'sites/inventory');
const placed = (text: string) => replaceOnce('        sdks: all', '        sdks: all\n        lists: [collection, permissions]')(text);
const both = { 'notice/2024-01-10/en.yaml': placed, 'notice/2024-01-10/zh-CN.yaml': placed };

describe('lists placed in a clause', () => {
  it('render inside the clause, after the SDK table, with h4 headings, ids prefixed by the clause and the SDK table’s phone layout', async () => {
    const records = new Map<string, string>();
    const loaded = await loadSite(siteWith(both, site), { mode: 'preview', drafts: true, buildDate: '2026-01-01', records });
    const model = loaded.site!;
    const version = model.documents[0]!.versions[0]!;
    const html = policyBodyHtml(version.texts['zh-CN']!, useTranslations(model, 'zh-CN'), version.inventory!['zh-CN']);
    const clause = select('[id="sdks"]', fromHtml(html, { fragment: true }))!;
    expect(selectAll(':scope > table, :scope > div', clause).map((element) => String(element.properties['className']))).toEqual(['sdk-table', 'inventory-list,list-collection', 'inventory-list,list-permissions']);
    expect(selectAll('h4', clause).map((heading) => heading.properties['id'])).toEqual(['sdks-list-function-sign-in', 'sdks-list-function-crash-reports', 'sdks-list-items']);
    expect(select('#sdks-list-function-sign-in a', clause)!.properties['href']).toBe('#phone');
    expect(selectAll('table.list-table.sdk-table', clause)).toHaveLength(4);
    expect(select('.list-permissions caption', clause)).toBeDefined();
    expect(select('.list-items strong.flag-sensitive', clause)).toBeDefined();
    expect(JSON.parse(records.get(recordKey('notice', '2024-01-10', 'en'))!).sections[1].clauses[1]).toMatchObject({ id: 'sdks', sdks: ['crash-sdk'], lists: ['collection', 'permissions'] });
  });

  it('are placed the same in every language', async () => {
    const { messages } = await messagesOf(siteWith({ 'notice/2024-01-10/en.yaml': placed }, site), 'preview');
    const flags = messages.filter((message) => message.ruleId === 'translation-flags');
    expect(flags.map((message) => [message.file, message.reason])).toEqual([['notice/2024-01-10/zh-CN.yaml', 'Unexpected `lists` on clause `sdks`: `none` in zh-CN, `collection,permissions` in en']]);
  });

  it('a change of placement shows in the redline of the next version', async () => {
    const copy = (name: string, change?: (text: string) => string) => {
      const file = path.join(site, 'notice/2024-01-10', name);
      return { [`notice/2024-06-01/${name}`]: (change ?? ((text: string) => text))(readFileSync(file, 'utf8')) };
    };
    const dir = siteWith({
      ...copy('version.yaml', (text) => text.replaceAll('2024-01-10', '2024-06-01').replace('effective: 2024-02-01', 'effective: 2024-06-15')),
      ...copy('en.yaml', placed),
      ...copy('zh-CN.yaml', placed),
      ...copy('sdks.yaml'),
      ...copy('inventory.yaml'),
      ...copy('translations.yaml'),
    }, site);
    const loaded = await loadSite(dir, { mode: 'preview', drafts: true, buildDate: '2026-01-01' });
    const redline = loaded.site!.documents[0]!.versions[0]!.changes!['en']!;
    const clause = redline.sections.flatMap((section) => section.clauses).find((entry) => entry.id === 'sdks')!;
    expect([clause.status, clause.listsChanged, clause.sdkTableChanged]).toEqual(['changed', true, false]);
  });
});

describe('hostile values in the inventory', () => {
  it('markup in a name is shown as text, never run, on a list page', async () => {
    const { listHtml } = await import('../../src/render/inventory-lists.ts');
    const dir = siteWith({ 'notice/2024-01-10/inventory.yaml': replaceOnce('name: { en: Device model, zh-CN: 设备型号 }', 'name: { en: "<img src=x onerror=alert(1)>", zh-CN: "<script>alert(1)</script>" }') }, site);
    const loaded = await loadSite(dir, { mode: 'preview', drafts: true, buildDate: '2026-01-01' });
    const model = loaded.site!;
    for (const locale of ['en', 'zh-CN']) {
      const html = listHtml('collection', model.documents[0]!.versions[0]!.inventory![locale]!, useTranslations(model, locale), { headingLevel: 2, idPrefix: '', policyHref: '/x/' });
      const tree = fromHtml(html, { fragment: true });
      expect(selectAll('img, script', tree)).toEqual([]);
      expect(html).toContain(locale === 'en' ? '&#x3C;img src=x onerror=alert(1)>' : '&#x3C;script>alert(1)&#x3C;/script>');
    }
  });

  it('a javascript: privacy policy of a recipient is refused', async () => {
    const dir = siteWith({ 'notice/2024-01-10/inventory.yaml': replaceOnce('    location: [CN]\n', '    location: [CN]\n    privacyPolicy: javascript:alert(1)\n') }, site);
    const { messages, ok } = await messagesOf(dir, 'preview');
    expect(ok).toBe(false);
    expect(messages.filter((message) => message.ruleId === 'invalid-url').map((message) => message.file)).toEqual(['notice/2024-01-10/inventory.yaml']);
  });
});
