/**
 * The SDK directory of a version: its ids, the clauses that show it, and
 * each SDK in one language.
 */
import { fail } from '../messages/message.ts';
import { nodeAtPath, placeOfNode, type YamlSource } from '../load/yaml.ts';
import type { MaybeLocalizedText } from '../schema/common.ts';
import type { PolicyTextInput } from '../schema/policy-text.ts';
import type { SdkDirectoryInput } from '../schema/sdks.ts';
import type { Parsed, ParsedVersion } from '../load/parsed.ts';
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

/**
 * One SDK in `locale`. Its words come from sdks.yaml; for a language that
 * sdks.yaml does not cover (a translation added to a published version,
 * whose sdks.yaml can no longer change) they come from the language's own
 * file, under `sdkTexts:` (`fromText`).
 */
export function localizeSdk(sdks: Parsed<SdkDirectoryInput>, index: number, sdk: SdkDirectoryInput['sdks'][number], locale: string, variables: Record<string, string>, fromText?: { parsed: Parsed<PolicyTextInput> }): SdkModel {
  const path = ['sdks', index];
  const own = fromText?.parsed.data.sdkTexts?.[sdk.id];
  if (own) {
    const inDirectory = sdk.purpose[locale] !== undefined || sdk.personalInformation[locale] !== undefined;
    const place = placeOfNode(fromText!.parsed.source, nodeAtPath(fromText!.parsed.source, ['sdkTexts', sdk.id]).node);
    if (inDirectory) {
      fail(fromText!.parsed.source.file, `Unexpected \`sdkTexts\` for SDK \`${sdk.id}\`: sdks.yaml already gives its words in \`${locale}\``, place, 'duplicate-id', 'Keep the words in one place: remove them here, or from sdks.yaml (which a published version cannot change).');
    } else {
      const text = (value: string, key: string) => plainText(fromText!.parsed.source, value, ['sdkTexts', sdk.id, key], variables);
      const fallback = (value: MaybeLocalizedText) => (typeof value === 'string' ? value : value[locale]);
      const name = own.name ?? fallback(sdk.name);
      const provider = own.provider ?? fallback(sdk.provider);
      for (const [key, value] of [['name', name], ['provider', provider]] as const) {
        if (value === undefined) fail(fromText!.parsed.source.file, `Missing \`${key}\` under \`sdkTexts\` → \`${sdk.id}\`: sdks.yaml gives it per language, without \`${locale}\``, place, 'missing-translation', `Add \`${key}: …\` under \`${sdk.id}\`.`);
      }
      return { id: sdk.id, name: text(name ?? '', 'name'), provider: text(provider ?? '', 'provider'), purpose: text(own.purpose, 'purpose'), personalInformation: own.personalInformation.map((item) => text(item, 'personalInformation')), privacyPolicy: sdk.privacyPolicy };
    }
  }
  const text = (value: string, ...keys: (string | number)[]) => plainText(sdks.source, value, [...path, ...keys], variables);
  const purpose = sdk.purpose[locale];
  const personalInformation = sdk.personalInformation[locale];
  for (const [key, value] of [['purpose', purpose], ['personalInformation', personalInformation]] as const) {
    if (value === undefined) {
      fail(sdks.source.file, `Missing \`${locale}:\` under \`${key}\` in SDK \`${sdk.id}\`: every language needs its own text`, placeOfNode(sdks.source, nodeAtPath(sdks.source, [...path, key]).node), 'missing-translation', `Add a line \`${locale}: …\` under \`${key}\` (for a translation added to a published version, whose sdks.yaml cannot change: under \`sdkTexts:\` → \`${sdk.id}\` in ${locale}.yaml).`);
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
