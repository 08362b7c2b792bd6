/**
 * HarmonyOS's privacy manifest pac.json5 (Huawei, "pac.json5隐私清单文件",
 * lists as of src/declarations/vocabularies/harmony.json's `listsAsOf`):
 * `dataProcess` (each dataType with its labels, purposes, userLinked and
 * tracking) and `specialAPIs`. Written as JSON with quoted keys, as
 * Huawei's own example is: JSON is JSON5, and every JSON5 reader (DevEco
 * Studio's, the json5 package in the tests) reads it.
 */
import type { AppAnswers } from '../../schema/declarations.ts';
import type { HarmonyLabel } from '../stores.ts';

export interface PacManifest {
  dataProcess?: { dataType: string; dataLabels: { label: string; purposes: string[]; userLinked: boolean; tracking: boolean }[] }[];
  specialAPIs?: { apiType: string; reasons: string[] }[];
}

export function pacManifest(labels: readonly HarmonyLabel[], app: AppAnswers): PacManifest {
  const dataTypes = new Map<string, HarmonyLabel[]>();
  for (const label of labels) dataTypes.set(label.dataType, [...(dataTypes.get(label.dataType) ?? []), label]);
  const manifest: PacManifest = {};
  if (dataTypes.size > 0) {
    manifest.dataProcess = [...dataTypes].map(([dataType, members]) => ({
      dataType,
      dataLabels: members.map((member) => ({ label: member.label, purposes: member.purposes, userLinked: member.userLinked, tracking: member.tracking })),
    }));
  }
  const apis = Object.entries(app.harmonySpecialApis ?? {});
  if (apis.length > 0) manifest.specialAPIs = apis.map(([apiType, reasons]) => ({ apiType, reasons: reasons ?? [] }));
  return manifest;
}

/** The file's text; `undefined` when it would be empty, which Huawei does not allow (`dataProcess` and `specialAPIs` cannot both be empty). */
export function pacJson5(labels: readonly HarmonyLabel[], app: AppAnswers): string | undefined {
  const manifest = pacManifest(labels, app);
  if (!manifest.dataProcess && !manifest.specialAPIs) return undefined;
  return `${JSON.stringify(manifest, null, 2)}\n`;
}
