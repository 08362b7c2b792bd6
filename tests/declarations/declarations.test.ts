/**
 * The store declarations of the example (src/declarations/): each file
 * parses with the library a store's tools use and holds only the stores'
 * own constants; they agree with each other and with the collection list,
 * and the check fails on a seeded contradiction; the change list between
 * the two example versions says what app teams must update.
 */
import { createHash } from 'node:crypto';
import { parse as parseCsv } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import JSON5 from 'json5';
import jsonld from 'jsonld';
import { build as buildPlist, parse as parsePlist } from 'plist';
import { beforeAll, describe, expect, it } from 'vitest';
import { declarationChanges, describeChange } from '../../src/declarations/changes.ts';
import { checkConsistency } from '../../src/declarations/consistency.ts';
import { declarationFiles, type DeclarationFiles } from '../../src/declarations/files.ts';
import type { SiteDeclarations, VersionDeclarations } from '../../src/declarations/site.ts';
import { apple, appleProtections, harmony, harmonyPurposes, playHeader, playTemplate } from '../../src/declarations/vocabulary.ts';
import { loadSite } from '../../src/load/index.ts';
import path from 'node:path';
import { exampleContent, fixturesDir, messagesOf, siteWith } from '../helpers/content.ts';

let site: SiteDeclarations;
const files = new Map<string, DeclarationFiles>();
const version = (id: string): VersionDeclarations => site.versions.find((entry) => entry.version === id)!;
const filesOf = (id: string) => files.get(id)!;

beforeAll(async () => {
  const loaded = await loadSite(exampleContent, { mode: 'preview' });
  expect(loaded.site, 'the example loads without errors').toBeDefined();
  site = loaded.declarations!;
  for (const entry of site.versions) files.set(entry.version, declarationFiles(entry, site.app));
}, 120_000);

const versions = ['2022-09-15', '2025-06-01'];

describe('the example’s declarations', () => {
  it('cover both versions, with all five files', () => {
    expect(site.versions.map((entry) => entry.version).sort()).toEqual(versions);
    for (const id of versions) expect(Object.keys(filesOf(id)).sort()).toEqual(['PrivacyInfo.xcprivacy', 'app_privacy_details.json', 'notice.jsonld', 'pac.json5', 'play-data-safety.csv']);
  });

  it.each(versions)('%s: the privacy manifest parses and uses only Apple’s constants', (id) => {
    const manifest = parsePlist(filesOf(id)['PrivacyInfo.xcprivacy']!) as Record<string, unknown>;
    for (const key of Object.keys(manifest)) expect(['NSPrivacyTracking', 'NSPrivacyTrackingDomains', 'NSPrivacyCollectedDataTypes', 'NSPrivacyAccessedAPITypes']).toContain(key);
    expect(typeof manifest['NSPrivacyTracking']).toBe('boolean');
    const types = manifest['NSPrivacyCollectedDataTypes'] as Record<string, unknown>[];
    expect(types.length).toBeGreaterThan(0);
    for (const entry of types) {
      expect(Object.keys(entry).sort()).toEqual(['NSPrivacyCollectedDataType', 'NSPrivacyCollectedDataTypeLinked', 'NSPrivacyCollectedDataTypePurposes', 'NSPrivacyCollectedDataTypeTracking']);
      expect(apple.manifestTypes).toContain(entry['NSPrivacyCollectedDataType']);
      expect(typeof entry['NSPrivacyCollectedDataTypeLinked']).toBe('boolean');
      for (const purpose of entry['NSPrivacyCollectedDataTypePurposes'] as string[]) expect(apple.manifestPurposes).toContain(purpose);
    }
  });

  it.each(versions)('%s: the fastlane JSON uses only known ids, in the combinations fastlane writes', (id) => {
    const usages = JSON.parse(filesOf(id)['app_privacy_details.json']!) as { category: string; purposes: string[]; data_protections: string[] }[];
    expect(usages.map((usage) => usage.category)).toEqual([...usages.map((usage) => usage.category)].sort());
    for (const usage of usages) {
      expect(apple.ascCategories).toContain(usage.category);
      expect(usage.purposes.length).toBeGreaterThan(0);
      for (const purpose of usage.purposes) expect(apple.ascPurposes).toContain(purpose);
      for (const protection of usage.data_protections) expect(appleProtections).toContain(protection);
      expect(usage.data_protections.filter((protection) => protection === 'DATA_LINKED_TO_YOU' || protection === 'DATA_NOT_LINKED_TO_YOU')).toHaveLength(1);
    }
  });

  it.each(versions)('%s: the Play CSV parses, with the exact header and Play’s question ids, one row per possible response', (id) => {
    const rows = parseCsv(filesOf(id)['play-data-safety.csv']!) as string[][];
    expect(rows[0]).toEqual([...playHeader]);
    expect(rows[0]).toEqual(['Question ID (machine readable)', 'Response ID (machine readable)', 'Response value', 'Answer requirement', 'Human-friendly question label']);
    const template = playTemplate();
    expect(rows.slice(1).map(([question, response]) => `${question}|${response}`)).toEqual(template.map((row) => `${row.question}|${row.response}`));
    for (const [, , value] of rows.slice(1)) expect(value === '' || value === 'true' || value === 'false' || /^https:\/\//.test(value!)).toBe(true);
  });

  it('the CSV with no answers is Play Console’s exported template, byte for byte', () => {
    // sha256 and size of the template as the fastlane plugin embeds it (docs/app-stores.md, vocabularies/NOTICE.md).
    const empty = stringify([[...playHeader], ...playTemplate().map((row) => [row.question, row.response, '', row.requirement, row.label])], { record_delimiter: '\n' });
    expect(createHash('sha256').update(empty).digest('hex')).toBe('16bbc5491c595bdf6b3aa8f92445d5b51926d26a76aae2a708fd12a94588f72c');
    // The written file differs from it only in the value column.
    const written = parseCsv(filesOf('2025-06-01')['play-data-safety.csv']!) as string[][];
    const template = parseCsv(empty) as string[][];
    expect(written.map((row) => [row[0], row[1], row[3], row[4]])).toEqual(template.map((row) => [row[0], row[1], row[3], row[4]]));
  });

  it.each(versions)('%s: pac.json5 parses as JSON5 and uses only Huawei’s labels and purposes', (id) => {
    const pac = JSON5.parse<{ dataProcess: { dataType: string; dataLabels: { label: string; purposes: string[] }[] }[] }>(filesOf(id)['pac.json5']!);
    for (const entry of pac.dataProcess) {
      for (const label of entry.dataLabels) {
        expect(harmony.dataTypes[entry.dataType]).toContain(label.label);
        for (const purpose of label.purposes) expect(harmonyPurposes).toContain(purpose);
      }
    }
  });

  it.each(versions)('%s: the JSON-LD notice expands and converts to RDF offline, every term defined', async (id) => {
    const documentLoader = async (url: string): Promise<never> => {
      throw new Error(`Unexpected fetch of ${url}: the notice must not need the network`);
    };
    // jsonld's types lack `safe` (jsonld 9 has it: an undefined term is an error, not dropped).
    const options = { documentLoader, safe: true } as Parameters<typeof jsonld.expand>[1] & object;
    const doc = JSON.parse(filesOf(id)['notice.jsonld']!);
    const expanded = await jsonld.expand(doc, options);
    expect(expanded.length).toBeGreaterThan(0);
    const quads = (await jsonld.toRDF(doc, { ...options, format: 'application/n-quads' })) as unknown as string;
    expect(quads).toContain('<https://w3id.org/dpv#hasPersonalData> <https://w3id.org/dpv/pd#TelephoneNumber>');
    // A term the context does not define is refused, not dropped.
    await expect(jsonld.expand({ ...doc, hasPurpse: ['dpv:Marketing'] }, options)).rejects.toThrow();
  });

  it('declares phone number, device ids, location and photos to every store', () => {
    for (const id of versions) {
      const { views } = version(id);
      const appleTypes = views.apple.map((type) => type.category);
      const playTypes = views.play.map((type) => type.type);
      const labels = views.harmony.map((label) => label.label);
      for (const [asc, play] of [['PHONE_NUMBER', 'PSL_PHONE'], ['DEVICE_ID', 'PSL_DEVICE_ID'], ['PRECISE_LOCATION', 'PSL_PRECISE_LOCATION'], ['PHOTOS_OR_VIDEOS', 'PSL_PHOTOS']] as const) {
        expect(appleTypes).toContain(asc);
        expect(playTypes).toContain(play);
      }
      expect(labels).toEqual(expect.arrayContaining(['Phone number', 'IMEI', 'GPS location', 'Image or video']));
      // The camera's and the album's images are both behind Photos.
      expect(views.play.find((type) => type.type === 'PSL_PHOTOS')!.items.sort()).toEqual(['album-images', 'camera-photos']);
    }
  });

  it('leaves out what never leaves the device, as declarations.yaml documents', () => {
    for (const id of versions) {
      const all = version(id).views;
      for (const list of [all.apple, all.play, all.harmony]) expect(list.flatMap((entry) => entry.items)).not.toContain('installed-map-apps');
    }
  });
});

describe('the consistency check', () => {
  it.each(versions)('%s: passes on the example', (id) => {
    expect(checkConsistency(filesOf(id), version(id).declarations, site.app)).toEqual([]);
  });

  it('fails when the Play CSV loses a type the other declarations have', () => {
    const csv = filesOf('2025-06-01')['play-data-safety.csv']!.replace('PSL_DATA_TYPES_PERSONAL,PSL_PHONE,true', 'PSL_DATA_TYPES_PERSONAL,PSL_PHONE,');
    const problems = checkConsistency({ ...filesOf('2025-06-01'), 'play-data-safety.csv': csv }, version('2025-06-01').declarations, site.app);
    expect(problems.join('\n')).toMatch(/does not declare PSL_PHONE for data item `phone-number`/);
  });

  it('fails when the manifest declares a type no item gives, or disagrees with the fastlane file', () => {
    const manifest = parsePlist(filesOf('2025-06-01')['PrivacyInfo.xcprivacy']!) as { NSPrivacyCollectedDataTypes: Record<string, unknown>[] };
    manifest.NSPrivacyCollectedDataTypes.push({ NSPrivacyCollectedDataType: 'NSPrivacyCollectedDataTypeHealth', NSPrivacyCollectedDataTypeLinked: true, NSPrivacyCollectedDataTypeTracking: false, NSPrivacyCollectedDataTypePurposes: ['NSPrivacyCollectedDataTypePurposeAnalytics'] });
    const phone = manifest.NSPrivacyCollectedDataTypes.find((entry) => entry['NSPrivacyCollectedDataType'] === 'NSPrivacyCollectedDataTypePhoneNumber')!;
    phone['NSPrivacyCollectedDataTypeTracking'] = true;
    const problems = checkConsistency({ ...filesOf('2025-06-01'), 'PrivacyInfo.xcprivacy': buildPlist(manifest as never) }, version('2025-06-01').declarations, site.app).join('\n');
    expect(problems).toMatch(/declares NSPrivacyCollectedDataTypeHealth, which no item of the collection list gives/);
    expect(problems).toMatch(/disagree on whether PHONE_NUMBER is linked to the user or used for tracking/);
  });

  it('fails when Play says a type is not shared though a third-party SDK receives it', () => {
    const csv = filesOf('2025-06-01')['play-data-safety.csv']!.replace('PSL_DATA_USAGE_RESPONSES:PSL_PRECISE_LOCATION:PSL_DATA_USAGE_COLLECTION_AND_SHARING,PSL_DATA_USAGE_ONLY_SHARED,true', 'PSL_DATA_USAGE_RESPONSES:PSL_PRECISE_LOCATION:PSL_DATA_USAGE_COLLECTION_AND_SHARING,PSL_DATA_USAGE_ONLY_SHARED,');
    expect(csv).not.toEqual(filesOf('2025-06-01')['play-data-safety.csv']);
    const problems = checkConsistency({ ...filesOf('2025-06-01'), 'play-data-safety.csv': csv }, version('2025-06-01').declarations, site.app);
    expect(problems.join('\n')).toMatch(/says PSL_PRECISE_LOCATION is not shared, but a third party receives it/);
  });
});

describe('the sharing rule', () => {
  it('shares on Play what a third party receives, not what a service provider processes for the app', () => {
    const { views, declarations } = version('2025-06-01');
    const location = views.play.find((type) => type.type === 'PSL_PRECISE_LOCATION')!;
    expect(location.shared).toBe(true);
    const roles = new Map(declarations.items.flatMap((item) => item.uses.flatMap((use) => use.recipients.map((recipient) => [recipient.id, recipient.role] as const))));
    expect(location.sharedWith.map((recipient) => roles.get(recipient.id))).toEqual(location.sharedWith.map(() => 'third-party'));
    // The crash SDK (a processor) gets only device data that a third party does not: Play's crash type is not shared.
    for (const type of views.play) {
      const thirdParty = declarations.items.filter((item) => type.items.includes(item.id)).some((item) => item.uses.some((use) => use.recipients.some((recipient) => recipient.role === 'third-party')));
      expect(type.shared).toBe(thirdParty);
    }
  });
});

describe('the change list', () => {
  it('between the two example versions names what each console must update', () => {
    const before = version('2022-09-15');
    const after = version('2025-06-01');
    const changes = declarationChanges(before.views, after.views, site.app.stores);
    const lines = changes.map(describeChange);
    const amap = after.declarations.items.flatMap((item) => item.uses.flatMap((use) => use.recipients)).find((recipient) => recipient.id === 'amap')!;
    expect(before.declarations.items.flatMap((item) => item.uses.flatMap((use) => use.recipients)).some((recipient) => recipient.id === 'amap')).toBe(false);
    expect(lines).toContain(`Play: Precise location is now shared with a third party (${amap.name})`);
    // The vehicle cameras' images are new in 2025-06-01, and Play has a type for them that 2022-09-15 did not need.
    expect(changes).toContainEqual({ store: 'play', kind: 'added', type: 'Videos' });
    // Nothing in it changes what Apple asks: every new item falls in a category already declared.
    expect(changes.filter((change) => change.store === 'apple')).toEqual([]);
    // Each change is real: the type's state differs between the versions.
    for (const change of changes.filter((entry) => entry.store === 'play' && entry.kind === 'shared')) {
      const was = before.views.play.find((type) => type.label === change.type);
      const now = after.views.play.find((type) => type.label === change.type)!;
      expect(now.sharedWith.map((recipient) => recipient.name)).toEqual(expect.arrayContaining(change.details!));
      for (const name of change.details!) expect(was?.sharedWith.map((recipient) => recipient.name) ?? []).not.toContain(name);
    }
    expect(declarationChanges(after.views, after.views, site.app.stores)).toEqual([]);
  });
});

const inventory = 'notice/2024-01-10/inventory.yaml';
const inventorySite = path.join(fixturesDir, 'sites/inventory');

describe('the documented exceptions and store rules', () => {
  it('an ephemeral item is declared to Play (processed ephemerally) and not to Apple, and the check accepts it', async () => {
    const dir = siteWith({ 'declarations.yaml': 'items:\n  device-model: { ephemeral: true }\n' }, inventorySite);
    const loaded = await loadSite(dir, { mode: 'preview' });
    const declared = loaded.declarations!.versions[0]!;
    expect(declared.views.apple.flatMap((type) => type.items)).not.toContain('device-model');
    const play = declared.views.play.find((type) => type.items.includes('device-model'))!;
    expect(play.ephemeral).toBe(true);
    const written = declarationFiles(declared, loaded.declarations!.app);
    expect(parseCsv(written['play-data-safety.csv']!).some((row: string[]) => row[0] === `PSL_DATA_USAGE_RESPONSES:${play.type}:PSL_DATA_USAGE_EPHEMERAL` && row[2] === 'true')).toBe(true);
    expect(checkConsistency(written, declared.declarations, loaded.declarations!.app)).toEqual([]);
  });

  it('data a recipient processes outside China is a cross-border transfer for HarmonyOS', async () => {
    const here = await loadSite(inventorySite, { mode: 'preview' });
    const abroad = await loadSite(siteWith({ [inventory]: (text) => text.replace(/location: \[CN\]/g, 'location: [SG]') }, inventorySite), { mode: 'preview' });
    const purposes = (loaded: typeof here) => loaded.declarations!.versions[0]!.views.harmony.find((label) => label.items.includes('device-model'))!.purposes;
    expect(purposes(here)).not.toContain('Cross-border transfer');
    expect(purposes(abroad)).toContain('Cross-border transfer');
  });
});

describe('the mapping table', () => {
  it('an item whose category a store cannot take is an error on the item, naming the table', async () => {
    const dir = siteWith({ 'declarations.yaml': 'categories:\n  contact.phone: { play: null }\n' }, inventorySite);
    const { messages, ok } = await messagesOf(dir);
    expect(ok).toBe(false);
    const unmapped = messages.filter((message) => message.ruleId === 'declarations-unmapped');
    expect(unmapped).toHaveLength(1);
    expect(unmapped[0]).toMatchObject({ file: inventory });
    expect(unmapped[0]!.reason).toContain('`mobile-number`');
    expect(unmapped[0]!.reason).toContain('content/declarations.yaml');
  });

  it('content can map an item of its own, and a misspelt store constant is a schema error', async () => {
    const mapped = siteWith({ 'declarations.yaml': 'items:\n  mobile-number: { play: PSL_OTHER_PERSONAL }\n' }, inventorySite);
    const loaded = await loadSite(mapped, { mode: 'preview' });
    expect(loaded.declarations!.versions[0]!.views.play.map((type) => type.type)).toContain('PSL_OTHER_PERSONAL');
    expect(loaded.declarations!.versions[0]!.views.play.map((type) => type.type)).not.toContain('PSL_PHONE');
    const misspelt = siteWith({ 'declarations.yaml': 'categories:\n  contact.phone: { play: PSL_PHONE_NUMBER }\n' }, inventorySite);
    const { messages } = await messagesOf(misspelt);
    expect(messages.some((message) => message.file === 'declarations.yaml' && message.ruleId !== undefined)).toBe(true);
  });
});
