/**
 * Step: one version folder → its model. Checks its dates, builds each of its
 * languages (src/model/text.ts), compares the translations with the source,
 * runs the editorial checks (not on published records, which cannot change)
 * and computes the canonical record of each language, which for a published
 * version must equal the record in the lock.
 */
import path from 'node:path';
import type { ComparableText } from '../diff/redline.ts';
import { lintSdks, lintText } from '../lint/index.ts';
import type { ParsedVersion } from '../load/parsed.ts';
import { nodeAtPath, placeOfNode } from '../load/yaml.ts';
import { fail, startOf, warn } from '../messages/message.ts';
import { recordHash, recordKey, serializeRecord, type CanonicalRecord } from '../records/canonical.ts';
import type { TextForLint } from '../lint/index.ts';
import type { TextFacts } from '../translation/facts.ts';
import type { SiteContext } from './context.ts';
import { buildInventory } from './inventory.ts';
import { buildNotice } from './notice.ts';
import { checkSdkIds } from './sdks.ts';
import { buildText } from './text.ts';
import { checkTranslations, fillUntranslated } from './translations.ts';
import type { PolicyText, VersionModel } from './types.ts';
import { localizedSummary, valuesFor } from './values.ts';

/** A built version with what later steps need and the pages do not. */
export interface BuiltVersion {
  model: VersionModel;
  comparable: Map<string, ComparableText>;
  records: Map<string, CanonicalRecord>;
  /** The version as loaded, for the steps after it (redlines, consent). */
  parsed: ParsedVersion;
}

export function buildVersion(version: ParsedVersion, document: string, context: SiteContext): BuiltVersion | undefined {
  const { meta, publication } = version;
  const key = `${document}/${version.id}`;
  if (meta && meta.data.published !== version.id) {
    fail(meta.source.file, `Unexpected publication date \`${meta.data.published}\` in version folder \`${version.id}\`, expected \`${version.id}\``, placeOfNode(meta.source, nodeAtPath(meta.source, ['published']).node), 'version-date-mismatch');
  }
  // Like every editorial warning, not given for a published version: it can no longer change (the example's first version has one).
  if (meta && !publication && meta.data.effective < meta.data.published) {
    warn(meta.source.file, `Unexpected effective date \`${meta.data.effective}\` before the publication date \`${meta.data.published}\`: the version applies retroactively`, placeOfNode(meta.source, nodeAtPath(meta.source, ['effective']).node), 'effective-before-published');
  }
  for (const [locale, { file }] of version.texts) {
    if (!context.locales.includes(locale)) {
      fail(file, `Unexpected language file \`${locale}.yaml\`: \`${locale}\` is not listed under \`locales\` in site.yaml (listed: ${context.locales.join(', ')})`, { line: 1, column: 1 }, 'unknown-locale');
    }
  }

  // A published version exists in the languages it was published in; a new one in every language of the site.
  const expected = publication ? context.locales.filter((locale) => publication.locales.includes(locale)) : context.locales;
  if (!publication) {
    for (const locale of expected) {
      if (!version.texts.has(locale)) fail(version.folder, `Missing file \`${locale}.yaml\` in version folder \`${version.id}\`: every language listed in site.yaml needs its text`, { line: 1, column: 1 }, 'missing-translation');
    }
  }
  // A translation added to a published version is an annex: built once published, or in a preview.
  const annexes = publication ? context.locales.filter((locale) => !publication.locales.includes(locale) && version.texts.has(locale)) : [];
  for (const locale of annexes) {
    warn(version.texts.get(locale)!.file, `Unpublished translation \`${locale}\` of published version \`${key}\`: ${context.options.drafts ? 'shown in this preview only' : 'left out of this build'}`, { line: 1, column: 1 }, 'unpublished-annex');
  }
  const locales = [...expected, ...(context.options.drafts ? annexes : [])];

  const sdkIds = checkSdkIds(version.sdks);
  const dates = { published: meta?.data.published ?? version.id, effective: meta?.data.effective ?? version.id };
  const texts: Record<string, PolicyText> = {};
  const facts = new Map<string, TextFacts>();
  const comparable = new Map<string, ComparableText>();
  const records = new Map<string, CanonicalRecord>();
  const lints = new Map<string, TextForLint>();
  for (const locale of locales) {
    const text = version.texts.get(locale)?.parsed;
    if (!text) continue;
    const built = buildText({ text, locale, values: valuesFor(version, locale, context.siteValues), version, document, dates, sdkIds, hasInventory: version.hasInventoryFile, renderer: context.renderer, documentHref: context.documentHref(locale), documentLinks: publication ? undefined : context.documentLinks });
    texts[locale] = built.text;
    facts.set(locale, built.facts);
    comparable.set(locale, built.comparable);
    records.set(locale, built.record);
    context.options.records?.set(recordKey(document, version.id, locale), serializeRecord(built.record));
    if (!publication) lints.set(locale, built.lint);
  }
  const inventory = buildInventory({ version, document, locales, context, clauseIds: new Set(facts.get(context.sourceLocale)?.clauses.map((clause) => clause.id)) });
  for (const [locale, lint] of lints) lintText(lint, inventory?.sensitiveNames.get(locale));

  const draft = meta?.data.draft ?? false;
  const preview = context.options.mode === 'preview';
  const translations = checkTranslations(version, facts, context.sourceLocale, !preview && !draft, !preview);
  const source = texts[context.sourceLocale];
  if (preview && source) {
    const sourceFacts = facts.get(context.sourceLocale)!;
    const placeOf = (id: string) => {
      const clause = sourceFacts.clauses.find((candidate) => candidate.id === id);
      return `${path.relative(process.cwd(), sourceFacts.file.path)}:${clause ? startOf(clause.place).line : 1}`;
    };
    for (const locale of Object.keys(texts)) if (locale !== context.sourceLocale) texts[locale] = fillUntranslated(source, texts[locale]!, placeOf);
  }
  const sourceFacts = facts.get(context.sourceLocale);
  if (version.sdks && sourceFacts && !publication) {
    const written = sourceFacts.clauses.map((clause) => clause.sdks).filter(Boolean);
    const shown = new Set(written.includes('all') ? sdkIds : written.flatMap((list) => list.split(',')));
    const { source } = version.sdks;
    lintSdks(source.file, version.sdks.data.sdks.map((sdk, index) => ({ id: sdk.id, place: placeOfNode(source, nodeAtPath(source, ['sdks', index, 'id']).node) })), shown);
  }
  if (!meta) return undefined;
  const summary = localizedSummary(meta.source, meta.data.summary ?? {}, new Map(context.locales.map((locale) => [locale, valuesFor(version, locale, context.siteValues)])));
  if (meta.data.material) {
    // A translation added after publication cannot add its summary to the published version.yaml.
    for (const locale of expected.filter((candidate) => !publication?.annexLocales.includes(candidate))) {
      if (summary[locale] === undefined) {
        fail(meta.source.file, `Missing \`${locale}:\` under \`summary\`: a material change needs its summary in every language`, placeOfNode(meta.source, nodeAtPath(meta.source, ['summary']).node), 'missing-translation', `Add a line \`${locale}: …\` under \`summary\`.`);
      }
    }
  }

  const override = meta.data.materialOverride;
  if (override) {
    for (const locale of expected) {
      if (override.reason[locale] === undefined) {
        fail(meta.source.file, `Missing \`${locale}:\` under \`materialOverride.reason\`: the reason is shown on the changes page in every language`, placeOfNode(meta.source, nodeAtPath(meta.source, ['materialOverride', 'reason']).node), 'missing-translation', `Add a line \`${locale}: …\` under \`reason\`.`);
      }
    }
  }
  const notice = buildNotice({
    version,
    document,
    locales: Object.keys(texts),
    ids: (locale) => new Set(facts.get(locale) ? [...facts.get(locale)!.sections, ...facts.get(locale)!.clauses].map((item) => item.id) : []),
    // The three lists are pages of the data inventory: a link to them is an error where the version has none in that language.
    hasLists: (locale) => inventory?.models[locale] !== undefined,
    context,
  });

  const sha256: Record<string, string> = {};
  for (const [locale, record] of records) {
    sha256[locale] = recordHash(record);
    const published = publication?.records[locale];
    if (published !== undefined && published !== sha256[locale]) {
      const file = version.texts.get(locale)!.file;
      fail(file, `Unexpected change to the published record of \`${key}\` in \`${locale}\`: its canonical record no longer has the hash recorded in the lock`, { line: 1, column: 1 }, 'record-changed', `Compare \`npm run record -- ${document} ${version.id} ${locale}\` with the published text; undo what changed it (a file of the version, its frozen variables, or the generator).`);
    }
  }

  return {
    model: {
      id: version.id,
      published: meta.data.published,
      effective: meta.data.effective,
      material: meta.data.material,
      summary,
      draft,
      status: 'past',
      texts,
      sha256,
      ...(publication && Object.keys(publication.legacySha256).length > 0 ? { legacySha256: publication.legacySha256 } : {}),
      translations,
      ...(inventory ? { inventory: inventory.models, inventorySha256: inventory.sha256 } : {}),
      ...(meta.data.materialOverride ? { materialOverride: meta.data.materialOverride.reason } : {}),
      ...(notice ? { notice } : {}),
    },
    comparable,
    records,
    parsed: version,
  };
}
