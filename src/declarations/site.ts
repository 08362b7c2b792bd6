/**
 * Step: the site model and the parsed content → every version's store
 * declarations. Run by the load (src/load/index.ts) after the model is
 * built, so that `npm run check`, the build and `npm run declarations` all
 * report the same problems:
 *
 * - a data item whose category (or purpose) has no value in a store the app
 *   is published in: an error on the item in inventory.yaml, naming the
 *   table to extend (`declarations-unmapped`);
 * - content/declarations.yaml saying an item stays on the device while the
 *   inventory gives it to a recipient (`declarations-contradiction`);
 * - an app-level answer a store needs and declarations.yaml does not give
 *   (`declarations-answer-missing`, a warning; only once the file exists,
 *   `npm run declarations` asks either way).
 *
 * It sets, on each version model with an inventory, the DPV notice per
 * language and, against the previous version, what app teams must update.
 */
import path from 'node:path';
import { VFile } from 'vfile';
import type { Parsed, ParsedContent, ParsedVersion } from '../load/parsed.ts';
import { keyNodeOf, nodeAtPath, placeOfNode } from '../load/yaml.ts';
import { fail, warn } from '../messages/message.ts';
import type { DocumentModel, InventoryModel, SiteModel, VersionModel } from '../model/types.ts';
import { valuesFor } from '../model/values.ts';
import { absoluteUrl, versionUrl } from '../routing.ts';
import type { SiteConfig } from '../schema/site.ts';
import { appAnswersSchema, declarationsFileName, type AppAnswers, type DeclarationsInput, type Store } from '../schema/declarations.ts';
import { declarationChanges, type DeclarationChange } from './changes.ts';
import { deriveDeclarations, type Declarations, type Unmapped } from './derive.ts';
import { resolveMapping, type ResolvedMapping } from './mapping.ts';
import { storeViews, type StoreViews } from './stores.ts';
import { noticeJsonLd } from './write/notice.ts';

export interface VersionDeclarations {
  document: string;
  version: string;
  /** The language the store files are derived in (the source language). */
  locale: string;
  declarations: Declarations;
  views: StoreViews;
  /** The DPV notice per language. */
  notices: Record<string, Record<string, unknown>>;
}

export interface SiteDeclarations {
  mapping: ResolvedMapping;
  app: AppAnswers;
  versions: VersionDeclarations[];
  /** content/declarations.yaml, read or not: where app-level questions are asked. */
  file: VFile;
}

const storeLabels: Record<Store | 'dpv', string> = { apple: 'Apple data type', play: 'Play data type', harmony: 'HarmonyOS label', dpv: 'DPV personal data category' };
const purposeLabels: Record<Store | 'dpv', string> = { apple: 'Apple purpose', play: 'Play purpose', harmony: 'HarmonyOS purpose', dpv: 'DPV purpose' };

/** The app-level answers a store needs and the content does not give, by their name in declarations.yaml. */
export function missingAnswers(app: AppAnswers): string[] {
  const missing: string[] = [];
  if (app.stores.includes('apple') && app.tracking === undefined) missing.push('tracking');
  if (app.stores.includes('play')) {
    if (app.accountCreation === undefined) missing.push('accountCreation');
    if (app.accountDeletionUrl === undefined && !(app.accountCreation?.length === 1 && app.accountCreation[0] === 'none')) missing.push('accountDeletionUrl');
    if (app.encryptedInTransit === undefined) missing.push('encryptedInTransit');
  }
  return missing;
}

export function declareSite(model: SiteModel, content: ParsedContent, settings: Parsed<DeclarationsInput> | undefined, contentDir: string): SiteDeclarations {
  const file = settings?.source.file ?? new VFile({ path: path.join(contentDir, declarationsFileName) });
  const { mapping, app } = settingsOf(settings?.data);
  const result: SiteDeclarations = { mapping, app, versions: [], file };
  const contradicted = new Set<string>();
  if (settings) {
    const missing = missingAnswers(app);
    if (missing.length > 0) {
      const node = nodeAtPath(settings.source, ['app']).node ?? keyNodeOf(settings.source.document.contents ?? undefined, 'app');
      warn(file, `Missing ${missing.map((name) => `\`app.${name}\``).join(', ')} in declarations.yaml: the stores ask for ${missing.length === 1 ? 'it' : 'them'}, and the declarations leave ${missing.length === 1 ? 'it' : 'them'} unanswered`, node ? placeOfNode(settings.source, node) : { line: 1, column: 1 }, 'declarations-answer-missing');
    }
  }
  const parsedVersions = new Map(content.documents.flatMap((document) => document.versions.map((version) => [`${document.slug}/${version.id}`, version] as const)));
  for (const document of model.documents) {
    const built = new Map<string, VersionDeclarations>();
    // Oldest first, so that each version is compared with the one before it.
    for (const version of [...document.versions].reverse()) {
      const parsed = parsedVersions.get(`${document.slug}/${version.id}`);
      if (!version.inventory || !parsed?.inventory) continue;
      const declared = declareVersion({ model, site: content.site, document, version, parsed, mapping, app });
      if (settings) reportContradictions(settings, version.inventory[declared.locale]!, contradicted);
      built.set(version.id, declared);
      result.versions.push(declared);
      const previous = version.previous ? built.get(version.previous) : undefined;
      version.declarations = {
        notice: declared.notices,
        ...(previous ? { changes: changesPerLocale(document, version, previous, mapping, app) } : {}),
      };
    }
  }
  return result;
}

interface VersionInputs {
  model: SiteModel;
  site: Parsed<SiteConfig>;
  document: DocumentModel;
  version: VersionModel;
  parsed: ParsedVersion;
  mapping: ResolvedMapping;
  app: AppAnswers;
}

/**
 * The mapping and the app's answers of a declarations.yaml, made once per
 * parsed file: the preview's loads get an unchanged file's data back as the
 * same object (src/load/parse-cache.ts), and with it the same mapping, so
 * that `declareVersion` can recognise a version it declared before.
 */
const settingsMade = new WeakMap<object, { mapping: ResolvedMapping; app: AppAnswers }>();
let noSettings: { mapping: ResolvedMapping; app: AppAnswers } | undefined;

function settingsOf(data: DeclarationsInput | undefined): { mapping: ResolvedMapping; app: AppAnswers } {
  if (!data) return (noSettings ??= { mapping: resolveMapping(undefined), app: appAnswersSchema.parse({}) });
  let made = settingsMade.get(data);
  if (!made) settingsMade.set(data, (made = { mapping: resolveMapping(data), app: data.app ?? appAnswersSchema.parse({}) }));
  return made;
}

type Declared = Omit<VersionDeclarations, 'document' | 'version'>;

/**
 * Declarations already made, by the version's inventories (the same object
 * while the version is not built again, src/model/version-memo.ts), for the
 * same mapping, answers and page facts: a preview reload declares only the
 * versions it built again.
 */
const declaredBefore = new WeakMap<object, { mapping: ResolvedMapping; app: AppAnswers; facts: string; declared: Declared }>();

function declareVersion({ model, site, document, version, parsed, mapping, app }: VersionInputs): VersionDeclarations {
  const inventories = version.inventory!;
  const locale = inventories[model.sourceLocale] ? model.sourceLocale : Object.keys(inventories)[0]!;
  const codes = Object.keys(inventories);
  const pages = codes.map((code) => ({
    code,
    url: absoluteUrl(model, versionUrl(code, document.slug, version.id)),
    title: version.texts[code]?.title ?? document.slug,
    controller: controllerName(parsed, site, code) ?? model.locales.find((entry) => entry.code === code)?.siteName ?? '',
  }));
  const facts = JSON.stringify([locale, absoluteUrl(model, '/'), pages]);
  const before = declaredBefore.get(inventories);
  let declared = before && before.mapping === mapping && before.app === app && before.facts === facts ? before.declared : undefined;
  if (!declared) {
    const declarations = deriveDeclarations(inventories[locale]!, mapping, app);
    const notices: Record<string, Record<string, unknown>> = {};
    for (const page of pages) {
      const inventory = inventories[page.code]!;
      notices[page.code] = noticeJsonLd({
        inventory,
        declarations: page.code === locale ? declarations : deriveDeclarations(inventory, mapping, app),
        mapping,
        url: page.url,
        home: absoluteUrl(model, '/'),
        title: page.title,
        controller: page.controller,
      });
    }
    declared = { locale, declarations, views: storeViews(declarations, mapping), notices };
    declaredBefore.set(inventories, { mapping, app, facts, declared });
  }
  // Reported on every load: the messages belong to this load's files.
  reportUnmapped(parsed, declared.declarations.unmapped);
  return { document: document.slug, version: version.id, ...declared };
}

/**
 * The controller's name in a language: the variable `company`, as frozen at
 * publication for a published record, else as site.yaml gives it. Read here
 * without resolving the site's variables again: the model's step did, and
 * reported their problems once.
 */
function controllerName(parsed: ParsedVersion, site: Parsed<SiteConfig>, code: string): string | undefined {
  const raw = site.data.variables['company'];
  const current = raw === undefined ? undefined : typeof raw === 'string' ? raw : raw[code];
  const value = valuesFor(parsed, code, new Map([[code, current === undefined ? {} : { company: current }]]))['company'];
  return value === undefined || /[{}]/.test(value) ? undefined : value;
}

/** Per language (recipients are named in it), against the previous version's inventory in that language, or else its source language. */
function changesPerLocale(document: DocumentModel, version: VersionModel, previous: VersionDeclarations, mapping: ResolvedMapping, app: AppAnswers): Record<string, DeclarationChange[]> {
  const before = document.versions.find((candidate) => candidate.id === previous.version)!;
  const changes: Record<string, DeclarationChange[]> = {};
  for (const [code, inventory] of Object.entries(version.inventory ?? {})) {
    const older = before.inventory?.[code];
    const views = (entry: InventoryModel) => viewsOf(entry, mapping, app);
    changes[code] = declarationChanges(older ? views(older) : previous.views, views(inventory), app.stores);
  }
  return changes;
}

/** The store views of one inventory, made once per inventory object, mapping and answers (see `declaredBefore`). */
const viewsMade = new WeakMap<InventoryModel, { mapping: ResolvedMapping; app: AppAnswers; views: StoreViews }>();

function viewsOf(inventory: InventoryModel, mapping: ResolvedMapping, app: AppAnswers): StoreViews {
  const made = viewsMade.get(inventory);
  if (made && made.mapping === mapping && made.app === app) return made.views;
  const views = storeViews(deriveDeclarations(inventory, mapping, app), mapping);
  viewsMade.set(inventory, { mapping, app, views });
  return views;
}

function reportUnmapped(parsed: ParsedVersion, unmapped: readonly Unmapped[]): void {
  const source = parsed.inventory!.source;
  const items = parsed.inventory!.data.dataItems;
  for (const entry of unmapped) {
    const index = items.findIndex((item) => item.id === entry.item);
    const place = placeOfNode(source, nodeAtPath(source, ['dataItems', index, 'category']).node);
    if (entry.purpose) {
      fail(source.file, `Unexpected purpose category \`${entry.purpose}\` of data item \`${entry.item}\` without a ${purposeLabels[entry.target]}: the mapping gives none (src/declarations/mapping.json, \`purposes:\`)`, place, 'declarations-unmapped', `Give the purpose category a value in content/declarations.yaml, such as \`purposes: { ${entry.purpose}: { ${entry.target}: … } }\` (the values are listed in docs/app-stores.md), or give the data item's processing rows a purpose of another category.`);
    } else {
      const where = entry.source === 'shipped' ? 'the shipped mapping gives none (src/declarations/mapping.json)' : 'content/declarations.yaml sets it to null';
      fail(source.file, `Unexpected data item \`${entry.item}\` of category \`${entry.category}\` without a ${storeLabels[entry.target]}: ${where}`, place, 'declarations-unmapped', `Map the category in content/declarations.yaml (\`categories: { ${entry.category}: { ${entry.target}: … } }\`), or this item alone (\`items: { ${entry.item}: { ${entry.target}: … } }\`), with a value listed in docs/app-stores.md.`);
    }
  }
}

/** Once per item (`reported`), whichever versions contradict it. */
function reportContradictions(settings: Parsed<DeclarationsInput>, inventory: InventoryModel, reported: Set<string>): void {
  for (const [id, item] of Object.entries(settings.data.items ?? {})) {
    if (!item.onDevice || reported.has(id)) continue;
    const rows = inventory.processing.filter((row) => row.data.includes(id) && (row.recipients.length > 0 || row.method === 'sdk' || row.method === 'third-party'));
    if (rows.length === 0) continue;
    reported.add(id);
    fail(settings.source.file, `Unexpected \`onDevice: true\` for data item \`${id}\`: the inventory's processing row \`${rows[0]!.id}\` gives it to ${rows[0]!.recipients.length > 0 ? `\`${rows[0]!.recipients.join('`, `')}\`` : 'an SDK or a third party'}, so it leaves the device`, placeOfNode(settings.source, nodeAtPath(settings.source, ['items', id, 'onDevice']).node), 'declarations-contradiction');
  }
}
