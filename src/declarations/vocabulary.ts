/**
 * The value lists each store (and W3C DPV) accepts, read from
 * vocabularies/*.json (data, with their sources in NOTICE.md) and checked
 * by a schema when this module loads: a mistake in a shipped list stops
 * every command at once rather than writing a declaration a store refuses.
 */
import { z } from 'zod';
import appleJson from './vocabularies/apple.json' with { type: 'json' };
import dpvJson from './vocabularies/dpv.json' with { type: 'json' };
import harmonyJson from './vocabularies/harmony.json' with { type: 'json' };
import playJson from './vocabularies/play.json' with { type: 'json' };

const comment = z.array(z.string()).min(1);
const constant = z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/);

const appleSchema = z.strictObject({
  $comment: comment,
  dataTypes: z.record(constant, z.string().regex(/^[A-Z_]+$/).nullable()),
  dataTypeLabels: z.record(constant, z.string()),
  purposes: z.record(constant, z.string().regex(/^[A-Z_]+$/)),
  purposeLabels: z.record(constant, z.string()),
  protections: z.array(z.string()),
  requiredReasonApis: z.record(constant, z.array(z.string().regex(/^[0-9A-F]{4}\.\d$/)).min(1)),
  sdkOnlyReasons: z.array(z.string()),
});

const playRowSchema = z.strictObject({
  question: z.string().regex(/^[A-Z_:{}]+$/),
  response: z.string().regex(/^[A-Z_]*$/),
  requirement: z.enum(['REQUIRED', 'MAYBE_REQUIRED', 'MULTIPLE_CHOICE', 'SINGLE_CHOICE', 'OPTIONAL']),
  label: z.string().min(1),
});

const playSchema = z.strictObject({
  $comment: comment,
  header: z.tuple([z.string(), z.string(), z.string(), z.string(), z.string()]),
  questions: z.array(playRowSchema).min(1),
  usagePattern: z.array(playRowSchema).min(1),
});

const harmonySchema = z.strictObject({
  $comment: comment,
  listsAsOf: z.iso.date(),
  dataTypes: z.record(z.string(), z.array(z.string()).min(1)),
  purposes: z.array(z.string()).min(1),
  specialApis: z.record(z.string(), z.array(z.string()).min(1)),
});

const dpvSchema = z.strictObject({
  $comment: comment,
  version: z.string(),
  personalData: z.array(constant).min(1),
  specialCategory: z.array(constant),
  purposes: z.array(constant).min(1),
  legalBases: z.array(constant).min(1),
});

const appleData = appleSchema.parse(appleJson);
const playData = playSchema.parse(playJson);
const harmonyData = harmonySchema.parse(harmonyJson);
const dpvData = dpvSchema.parse(dpvJson);

type NonEmpty = [string, ...string[]];
const nonEmpty = (values: readonly string[]) => values as NonEmpty;

/** Apple's data types, by the manifest constant's suffix (`PhoneNumber` for `NSPrivacyCollectedDataTypePhoneNumber`). */
export const appleDataTypes = nonEmpty(Object.keys(appleData.dataTypes));
export const applePurposes = nonEmpty(Object.keys(appleData.purposes));
export const appleApiCategories = nonEmpty(Object.keys(appleData.requiredReasonApis));
export const appleReasons = nonEmpty([...new Set(Object.values(appleData.requiredReasonApis).flat())]);
export const appleSdkOnlyReasons: ReadonlySet<string> = new Set(appleData.sdkOnlyReasons);
export const appleProtections = appleData.protections;

export const apple = {
  /** The manifest's data-type constant. */
  manifestType: (type: string) => `NSPrivacyCollectedDataType${type}`,
  manifestPurpose: (purpose: string) => `NSPrivacyCollectedDataTypePurpose${purpose}`,
  manifestApi: (category: string) => `NSPrivacyAccessedAPICategory${category}`,
  /** The App Store Connect category of a data type; `null` for a type only the manifest can name. */
  ascCategory: (type: string): string | null => appleData.dataTypes[type] ?? null,
  ascPurpose: (purpose: string): string => appleData.purposes[purpose]!,
  /** As App Store Connect shows it in English: `Precise Location`. */
  typeLabel: (type: string) => appleData.dataTypeLabels[type] ?? type,
  purposeLabel: (purpose: string) => appleData.purposeLabels[purpose] ?? purpose,
  reasonsOf: (category: string): readonly string[] => appleData.requiredReasonApis[category] ?? [],
  ascCategories: new Set(Object.values(appleData.dataTypes).filter((id): id is string => id !== null)),
  ascPurposes: new Set(Object.values(appleData.purposes)),
  manifestTypes: new Set(Object.keys(appleData.dataTypes).map((type) => `NSPrivacyCollectedDataType${type}`)),
  manifestPurposes: new Set(Object.keys(appleData.purposes).map((purpose) => `NSPrivacyCollectedDataTypePurpose${purpose}`)),
  manifestApis: new Set(Object.keys(appleData.requiredReasonApis).map((category) => `NSPrivacyAccessedAPICategory${category}`)),
};

/** One row of Play's Data safety template: the CSV's columns but the value. */
export type PlayTemplateRow = z.output<typeof playRowSchema>;

/** A Play data type: its response id, the question that lists it, and its label (`Phone number`). */
export interface PlayType {
  id: string;
  question: string;
  label: string;
}

const playTypeRows = playData.questions.filter((row) => row.question.startsWith('PSL_DATA_TYPES_'));
export const playTypes: readonly PlayType[] = playTypeRows.map((row) => ({ id: row.response, question: row.question, label: row.label.slice(row.label.indexOf(' / ') + 3) }));
export const playTypeIds = nonEmpty(playTypes.map((type) => type.id));
/** The purposes of Play's usage questions, with their labels (`PSL_APP_FUNCTIONALITY` → `App functionality`). */
export const playPurposes: ReadonlyMap<string, string> = new Map(
  playData.usagePattern.filter((row) => row.question.endsWith(':DATA_USAGE_COLLECTION_PURPOSE')).map((row) => [row.response, row.label.slice(row.label.lastIndexOf(' / ') + 3)]),
);
export const playPurposeIds = nonEmpty([...playPurposes.keys()]);
export const playHeader = playData.header;

/**
 * Every row of the template, in order, as Play Console exports it: the
 * top-level questions, then the usage questions of each data type.
 */
export function playTemplate(): PlayTemplateRow[] {
  const usage = playTypes.flatMap((type) =>
    playData.usagePattern.map((row) => ({ ...row, question: row.question.replace('{TYPE}', type.id), label: row.label.replace('{LABEL}', type.label) })),
  );
  return [...playData.questions, ...usage];
}

export const harmony = {
  listsAsOf: harmonyData.listsAsOf,
  dataTypes: harmonyData.dataTypes as Readonly<Record<string, readonly string[]>>,
  specialApis: harmonyData.specialApis as Readonly<Record<string, readonly string[]>>,
};
export const harmonyDataTypes = nonEmpty(Object.keys(harmonyData.dataTypes));
export const harmonyLabels = nonEmpty([...new Set(Object.values(harmonyData.dataTypes).flat())]);
export const harmonyPurposes = nonEmpty(harmonyData.purposes);
export const harmonyApiTypes = nonEmpty(Object.keys(harmonyData.specialApis));
export const harmonyReasons = nonEmpty([...new Set(Object.values(harmonyData.specialApis).flat())]);

export const dpvNamespaces = { dpv: 'https://w3id.org/dpv#', pd: 'https://w3id.org/dpv/pd#' } as const;
export const dpvVersion = dpvData.version;
/** Personal data categories, written `pd:TelephoneNumber` (or the generic `dpv:PersonalData`). */
export const dpvPersonalData = nonEmpty([...dpvData.personalData.map((term) => `pd:${term}`), 'dpv:PersonalData', 'dpv:SensitivePersonalData', 'dpv:SpecialCategoryPersonalData']);
/** pd: categories that DPV types as special category personal data. */
export const dpvSpecialCategory: ReadonlySet<string> = new Set(dpvData.specialCategory.map((term) => `pd:${term}`));
export const dpvPurposes = nonEmpty(dpvData.purposes.map((term) => `dpv:${term}`));
export const dpvLegalBases = nonEmpty(dpvData.legalBases.map((term) => `dpv:${term}`));
