/**
 * The consistency check: the written declarations, read back with the same
 * libraries a store's tools use (plist, csv-parse, json5), against each
 * other and against the collection list they come from. Every data type in
 * one declaration must have its counterpart in the others and an item of the
 * collection list behind it, with the documented exceptions only:
 *
 * - an item that never leaves the device (`onDevice`) is in no declaration;
 * - an item processed ephemerally is declared to Play (which asks about it)
 *   and in the DPV notice, not to Apple (which does not count it as collected);
 * - Apple's manifest-only types (Environment Scanning, Hands, Head) have no
 *   App Store Connect category.
 *
 * It also checks the sharing rule: Play's "shared" answer for a type, and the
 * DPV notice's third parties, agree with the recipients' roles in the inventory.
 */
import { parse as parseCsv } from 'csv-parse/sync';
import JSON5 from 'json5';
import { parse as parsePlist } from 'plist';
import type { AppAnswers } from '../schema/declarations.ts';
import { offDevice, thirdPartiesOf, type Declarations } from './derive.ts';
import { declarationFileNames, type DeclarationFiles } from './files.ts';
import { apple, playHeader } from './vocabulary.ts';

interface Read {
  ascCategories: Set<string>;
  manifestTypes: Map<string, { linked: boolean; tracking: boolean; purposes: string[] }>;
  ascProtections: Map<string, { linked: boolean; tracking: boolean; purposes: string[] }>;
  playTypes: Set<string>;
  playShared: Set<string>;
  harmonyLabels: Set<string>;
  dpvTerms: Set<string>;
  dpvThirdParties: Set<string>;
}

/** Problems found, in words; an empty list when the declarations agree. */
export function checkConsistency(files: DeclarationFiles, declarations: Declarations, app: AppAnswers): string[] {
  const problems: string[] = [];
  const read = readBack(files, problems);
  const stores = new Set(app.stores);
  const declared = offDevice(declarations);

  // The collection list → each declaration.
  for (const item of declared) {
    const what = `data item \`${item.id}\``;
    if (stores.has('apple') && !item.ephemeral && item.apple) {
      if (!read.manifestTypes.has(apple.manifestType(item.apple))) problems.push(`${declarationFileNames.appleManifest} lacks ${apple.manifestType(item.apple)} for ${what}`);
      const category = apple.ascCategory(item.apple);
      if (category && !read.ascCategories.has(category)) problems.push(`${declarationFileNames.appleDetails} lacks ${category} for ${what}`);
    }
    if (stores.has('play') && item.play && !read.playTypes.has(item.play)) problems.push(`${declarationFileNames.play} does not declare ${item.play} for ${what}`);
    if (stores.has('harmony') && item.harmony && files[declarationFileNames.harmony] !== undefined && !read.harmonyLabels.has(`${item.harmony.dataType}/${item.harmony.label}`)) problems.push(`${declarationFileNames.harmony} lacks ${item.harmony.dataType} / ${item.harmony.label} for ${what}`);
    for (const term of item.dpv) if (!read.dpvTerms.has(term)) problems.push(`${declarationFileNames.notice} lacks ${term} for ${what}`);
  }

  // Each declaration → the collection list.
  const behind = (has: (item: (typeof declared)[number]) => boolean) => declared.some(has);
  for (const type of read.manifestTypes.keys()) if (!behind((item) => !item.ephemeral && item.apple !== null && apple.manifestType(item.apple) === type)) problems.push(`${declarationFileNames.appleManifest} declares ${type}, which no item of the collection list gives`);
  for (const category of read.ascCategories) if (!behind((item) => !item.ephemeral && item.apple !== null && apple.ascCategory(item.apple) === category)) problems.push(`${declarationFileNames.appleDetails} declares ${category}, which no item of the collection list gives`);
  for (const type of read.playTypes) if (!behind((item) => item.play === type)) problems.push(`${declarationFileNames.play} declares ${type}, which no item of the collection list gives`);
  for (const label of read.harmonyLabels) if (!behind((item) => item.harmony !== null && `${item.harmony.dataType}/${item.harmony.label}` === label)) problems.push(`${declarationFileNames.harmony} declares ${label}, which no item of the collection list gives`);

  // Apple's two files say the same of each category.
  if (stores.has('apple')) {
    for (const [type, entry] of read.manifestTypes) {
      const category = apple.ascCategory(type.replace('NSPrivacyCollectedDataType', ''));
      if (!category) continue;
      const other = read.ascProtections.get(category);
      if (!other) continue;
      if (other.linked !== entry.linked || other.tracking !== entry.tracking) problems.push(`${declarationFileNames.appleDetails} and ${declarationFileNames.appleManifest} disagree on whether ${category} is linked to the user or used for tracking`);
      const purposes = entry.purposes.map((purpose) => apple.ascPurpose(purpose.replace('NSPrivacyCollectedDataTypePurpose', ''))).sort();
      if (purposes.join() !== [...other.purposes].sort().join()) problems.push(`${declarationFileNames.appleDetails} and ${declarationFileNames.appleManifest} disagree on the purposes of ${category}`);
    }
  }

  // The sharing rule: shared on Play exactly when a third party (not a service provider) receives an item of the type.
  if (stores.has('play')) {
    for (const type of read.playTypes) {
      const shared = declared.some((item) => item.play === type && thirdPartiesOf(item).length > 0);
      if (shared !== read.playShared.has(type)) problems.push(`${declarationFileNames.play} says ${type} is ${read.playShared.has(type) ? '' : 'not '}shared, but ${shared ? 'a third party receives it' : 'only the app and its service providers receive it'} in the inventory`);
    }
  }
  const thirdParties = new Set(declared.flatMap((item) => thirdPartiesOf(item).map((recipient) => recipient.id)));
  for (const id of thirdParties) if (![...read.dpvThirdParties].some((iri) => iri.endsWith(`#recipient-${id}`))) problems.push(`${declarationFileNames.notice} does not name the third party \`${id}\``);
  return problems;
}

function readBack(files: DeclarationFiles, problems: string[]): Read {
  const read: Read = { ascCategories: new Set(), manifestTypes: new Map(), ascProtections: new Map(), playTypes: new Set(), playShared: new Set(), harmonyLabels: new Set(), dpvTerms: new Set(), dpvThirdParties: new Set() };
  const attempt = (name: string, body: () => void) => {
    try {
      body();
    } catch (error) {
      problems.push(`${name} cannot be read: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  const details = files[declarationFileNames.appleDetails];
  if (details !== undefined) {
    attempt(declarationFileNames.appleDetails, () => {
      for (const usage of JSON.parse(details) as { category?: string; purposes?: string[]; data_protections: string[] }[]) {
        if (!usage.category) continue;
        read.ascCategories.add(usage.category);
        read.ascProtections.set(usage.category, { linked: usage.data_protections.includes('DATA_LINKED_TO_YOU'), tracking: usage.data_protections.includes('DATA_USED_TO_TRACK_YOU'), purposes: usage.purposes ?? [] });
      }
    });
  }
  const manifest = files[declarationFileNames.appleManifest];
  if (manifest !== undefined) {
    attempt(declarationFileNames.appleManifest, () => {
      const value = parsePlist(manifest) as { NSPrivacyCollectedDataTypes?: { NSPrivacyCollectedDataType: string; NSPrivacyCollectedDataTypeLinked: boolean; NSPrivacyCollectedDataTypeTracking: boolean; NSPrivacyCollectedDataTypePurposes: string[] }[] };
      for (const entry of value.NSPrivacyCollectedDataTypes ?? []) read.manifestTypes.set(entry.NSPrivacyCollectedDataType, { linked: entry.NSPrivacyCollectedDataTypeLinked, tracking: entry.NSPrivacyCollectedDataTypeTracking, purposes: entry.NSPrivacyCollectedDataTypePurposes });
    });
  }
  const csv = files[declarationFileNames.play];
  if (csv !== undefined) {
    attempt(declarationFileNames.play, () => {
      const rows = parseCsv(csv, { relax_column_count: false }) as string[][];
      if (rows[0]?.join('\u0000') !== playHeader.join('\u0000')) problems.push(`${declarationFileNames.play} does not start with Play's header`);
      for (const [question, response, value] of rows.slice(1)) {
        if (value !== 'true') continue;
        if (question!.startsWith('PSL_DATA_TYPES_')) read.playTypes.add(response!);
        const shared = /^PSL_DATA_USAGE_RESPONSES:([A-Z_]+):PSL_DATA_USAGE_COLLECTION_AND_SHARING$/.exec(question!);
        if (shared && response === 'PSL_DATA_USAGE_ONLY_SHARED') read.playShared.add(shared[1]!);
      }
    });
  }
  const pac = files[declarationFileNames.harmony];
  if (pac !== undefined) {
    attempt(declarationFileNames.harmony, () => {
      const value = JSON5.parse<{ dataProcess?: { dataType: string; dataLabels: { label: string }[] }[] }>(pac);
      for (const entry of value.dataProcess ?? []) for (const label of entry.dataLabels) read.harmonyLabels.add(`${entry.dataType}/${label.label}`);
    });
  }
  const notice = files[declarationFileNames.notice];
  if (notice !== undefined) {
    attempt(declarationFileNames.notice, () => {
      const value = JSON.parse(notice) as { hasProcess?: { hasPersonalData?: string[]; hasThirdParty?: string[]; hasStorageCondition?: unknown }[] };
      for (const process of value.hasProcess ?? []) {
        for (const term of process.hasPersonalData ?? []) read.dpvTerms.add(term);
        for (const party of process.hasThirdParty ?? []) read.dpvThirdParties.add(party);
      }
    });
  }
  return read;
}
