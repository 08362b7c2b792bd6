/**
 * Apple's two declarations: app_privacy_details.json, as fastlane's
 * `upload_app_privacy_details_to_app_store` reads it, and the privacy
 * manifest PrivacyInfo.xcprivacy, an XML property list written with the
 * `plist` package.
 *
 * fastlane's file is an array of `{ category, purposes, data_protections }`,
 * sorted by category, with purposes and protections sorted and
 * de-duplicated, as fastlane's own generator writes it; an app that collects
 * nothing is the single entry `{ data_protections: [DATA_NOT_COLLECTED] }`.
 */
import { build } from 'plist';
import type { AppAnswers } from '../../schema/declarations.ts';
import type { AppleType } from '../stores.ts';
import { apple } from '../vocabulary.ts';

export interface AppUsage {
  category?: string;
  purposes?: string[];
  data_protections: string[];
}

export function appPrivacyDetails(types: readonly AppleType[]): AppUsage[] {
  const usages = types
    .filter((type) => type.category !== null)
    .map((type) => ({
      category: type.category!,
      purposes: [...new Set(type.purposes.map((purpose) => apple.ascPurpose(purpose)))].sort(),
      data_protections: [type.linked ? 'DATA_LINKED_TO_YOU' : 'DATA_NOT_LINKED_TO_YOU', ...(type.tracking ? ['DATA_USED_TO_TRACK_YOU'] : [])].sort(),
    }))
    .sort((a, b) => a.category.localeCompare(b.category));
  return usages.length > 0 ? usages : [{ data_protections: ['DATA_NOT_COLLECTED'] }];
}

export function appPrivacyDetailsJson(types: readonly AppleType[]): string {
  return `${JSON.stringify(appPrivacyDetails(types), null, 2)}\n`;
}

export function privacyManifest(types: readonly AppleType[], app: AppAnswers): string {
  const manifest: Record<string, unknown> = {
    NSPrivacyTracking: app.tracking ?? false,
    NSPrivacyTrackingDomains: app.trackingDomains ?? [],
    NSPrivacyCollectedDataTypes: types.map((type) => ({
      NSPrivacyCollectedDataType: apple.manifestType(type.type),
      NSPrivacyCollectedDataTypeLinked: type.linked,
      NSPrivacyCollectedDataTypeTracking: type.tracking,
      NSPrivacyCollectedDataTypePurposes: type.purposes.map((purpose) => apple.manifestPurpose(purpose)),
    })),
  };
  const apis = Object.entries(app.requiredReasonApis ?? {});
  if (apis.length > 0) manifest['NSPrivacyAccessedAPITypes'] = apis.map(([category, reasons]) => ({ NSPrivacyAccessedAPIType: apple.manifestApi(category), NSPrivacyAccessedAPITypeReasons: reasons }));
  return `${build(manifest as never)}\n`;
}
