/**
 * A policy body's sections are written once per distinct content and
 * language (src/render/policy-body.ts), keyed by the model rather than by
 * the written tree: versions repeat most sections of the last. A key that
 * missed anything a section shows would show one version's words on
 * another's page.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTranslations } from '../../src/i18n/index.ts';
import { loadSite } from '../../src/load/index.ts';
import type { ClauseModel, PolicyText, SdkModel } from '../../src/model/types.ts';
import { policyBodyHtml } from '../../src/render/policy-body.ts';
import { fixturesDir } from '../helpers/content.ts';

const loaded = await loadSite(path.join(fixturesDir, 'sites/minimal'), { mode: 'preview', drafts: true, buildDate: '2026-01-01' });
const t = useTranslations(loaded.site!, 'en');

const sdk: SdkModel = { id: 'maps', name: 'Maps SDK', provider: 'Maps Co.', purpose: 'Show maps', personalInformation: ['Location'], privacyPolicy: 'https://maps.example/privacy' };
const first: ClauseModel = { id: 'first', title: 'What we collect', html: '<p>We collect your name.</p>', sdks: [], lists: [] };
const second: ClauseModel = { id: 'second', html: '<p>Maps are shown by:</p>', sdks: ['maps'], lists: [] };

/** A text as the model builds one for each version: new objects every time, even for the same content. */
function policy(changes: { first?: Partial<ClauseModel>; second?: Partial<ClauseModel>; sdk?: Partial<SdkModel>; sectionTitle?: string } = {}): PolicyText {
  return {
    locale: 'en',
    title: 'Policy',
    sdks: [{ ...sdk, ...changes.sdk }],
    sections: [
      { id: 'intro', title: changes.sectionTitle ?? 'Introduction', clauses: [{ ...first, ...changes.first }] },
      { id: 'maps', title: 'Maps', clauses: [{ ...second, ...changes.second }] },
    ],
  };
}

describe('a policy body written once per distinct section', () => {
  it('the same content, as other objects, is written the same', () => {
    const html = policyBodyHtml(policy(), t);
    expect(html).toContain('Maps SDK');
    expect(policyBodyHtml(policy(), t)).toBe(html);
  });

  it.each<[string, Parameters<typeof policy>[0], string]>([
    ['a changed clause text', { first: { html: '<p>We collect your phone number.</p>' } }, 'phone number'],
    ['a changed clause title', { first: { title: 'What we keep' } }, 'What we keep'],
    ['a changed section title', { sectionTitle: 'Opening words' }, 'Opening words'],
    ['a changed SDK purpose', { sdk: { purpose: 'Find a charging station' } }, 'Find a charging station'],
    ['a changed SDK link', { sdk: { privacyPolicy: 'https://maps.example/new-privacy' } }, 'https://maps.example/new-privacy'],
    ['a clause shown in another language', { first: { untranslated: { locale: 'en', place: 'intro/first' } } }, 'notice-untranslated'],
  ])('%s gives a section written anew', (_, changes, shown) => {
    const before = policyBodyHtml(policy(), t);
    const after = policyBodyHtml(policy(changes), t);
    expect(before).not.toContain(shown);
    expect(after).toContain(shown);
  });

  it('a clause that drops its SDK table loses it', () => {
    expect(policyBodyHtml(policy({ second: { sdks: [] } }), t)).not.toContain('Maps SDK');
  });
});

const inventoryLoad = await loadSite(path.join(fixturesDir, 'sites/inventory'), { mode: 'preview', drafts: true, buildDate: '2026-01-01' });

describe("a clause's lists in a section written once", () => {
  const inventory = inventoryLoad.site!.documents[0]!.versions[0]!.inventory!['en']!;
  it('the same inventory content, as another object, gives the same section; a changed row of the list a new one', () => {
    const html = policyBodyHtml(policy({ second: { sdks: [], lists: ['permissions'] } }), t, inventory);
    expect(html).toContain(inventory.permissions[0]!.name);
    expect(policyBodyHtml(policy({ second: { sdks: [], lists: ['permissions'] } }), t, structuredClone(inventory))).toBe(html);
    const renamed = structuredClone(inventory);
    renamed.permissions[0]!.name = 'A permission no other list has';
    const after = policyBodyHtml(policy({ second: { sdks: [], lists: ['permissions'] } }), t, renamed);
    expect(after).toContain('A permission no other list has');
    expect(after).not.toContain(`>${inventory.permissions[0]!.name}<`);
  });
});
