/**
 * The SDK directory of a version: its ids, the clauses that show it, and
 * each SDK in one language.
 */
import { fail } from '../messages/message.ts';
import { nodeAtPath, placeOfNode, type YamlSource } from '../load/yaml.ts';
import type { SdkDirectoryInput } from '../schema/sdks.ts';
import type { Parsed, ParsedVersion } from './build.ts';
import type { SdkModel } from './types.ts';
import { localizedValue, plainText } from './values.ts';

export function checkSdkIds(sdks: Parsed<SdkDirectoryInput> | undefined): Set<string> {
  const ids = new Set<string>();
  sdks?.data.sdks.forEach((sdk, index) => {
    if (ids.has(sdk.id)) {
      fail(sdks.source.file, `Unexpected duplicate SDK id \`${sdk.id}\`; each SDK needs its own id`, placeOfNode(sdks.source, nodeAtPath(sdks.source, ['sdks', index, 'id']).node), 'duplicate-id');
    }
    ids.add(sdk.id);
  });
  return ids;
}

export function resolveSdkRefs(source: YamlSource, refs: 'all' | string[] | undefined, path: PropertyKey[], version: ParsedVersion, ids: Set<string>): string[] {
  if (!refs || (!version.sdks && version.hasSdksFile)) return [];
  if (!version.sdks) {
    fail(source.file, 'Unexpected `sdks:` in a clause: this version has no sdks.yaml', placeOfNode(source, nodeAtPath(source, path).node), 'file-missing', 'Create sdks.yaml in the version folder, or remove `sdks:` from the clause.');
    return [];
  }
  if (refs === 'all') return [...ids];
  const listed = new Map<string, number>();
  refs.forEach((id, index) => {
    const first = listed.get(id);
    if (first !== undefined) {
      fail(source.file, `Unexpected SDK \`${id}\` listed twice in \`sdks\` (first as item ${first + 1}), expected each SDK once`, placeOfNode(source, nodeAtPath(source, [...path, index]).node), 'duplicate-sdk');
      return;
    }
    listed.set(id, index);
    if (!ids.has(id)) {
      fail(source.file, `Unknown SDK \`${id}\`, expected one of ${[...ids].map((known) => `\`${known}\``).join(', ')} (from sdks.yaml)`, placeOfNode(source, nodeAtPath(source, [...path, index]).node), 'unknown-sdk');
    }
  });
  return [...listed.keys()].filter((id) => ids.has(id));
}

export function localizeSdk(sdks: Parsed<SdkDirectoryInput>, index: number, sdk: SdkDirectoryInput['sdks'][number], locale: string, variables: Record<string, string>): SdkModel {
  const path = ['sdks', index];
  const text = (value: string, ...keys: (string | number)[]) => plainText(sdks.source, value, [...path, ...keys], variables);
  const purpose = sdk.purpose[locale];
  const personalInformation = sdk.personalInformation[locale];
  for (const [key, value] of [['purpose', purpose], ['personalInformation', personalInformation]] as const) {
    if (value === undefined) {
      fail(sdks.source.file, `Missing \`${locale}:\` under \`${key}\` in SDK \`${sdk.id}\`: every language needs its own text`, placeOfNode(sdks.source, nodeAtPath(sdks.source, [...path, key]).node), 'missing-translation', `Add a line \`${locale}: …\` under \`${key}\`.`);
    }
  }
  // Each message points at the value in this language, when the field is given per language.
  const perLanguage = (value: unknown) => (typeof value === 'string' ? [] : [locale]);
  return {
    id: sdk.id,
    name: text(localizedValue(sdks, [...path, 'name'], sdk.name, locale), 'name', ...perLanguage(sdk.name)),
    provider: text(localizedValue(sdks, [...path, 'provider'], sdk.provider, locale), 'provider', ...perLanguage(sdk.provider)),
    purpose: text(purpose ?? '', 'purpose', locale),
    personalInformation: (personalInformation ?? []).map((item, position) => text(item, 'personalInformation', locale, position)),
    privacyPolicy: sdk.privacyPolicy,
  };
}
