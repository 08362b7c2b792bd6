/**
 * Validated content → the typed site model. Checks what no single file's
 * schema can (ids unique, SDK references resolve, every language present
 * and translated faithfully, dates match folders, variables defined) and
 * renders clause text through the Markdown processor, carrying each message
 * back to its YAML position.
 */
import type { VFile } from 'vfile';
import { fail, type Place } from '../messages/message.ts';
import { hasUiStrings } from '../i18n/index.ts';
import { markdownPointMapper } from '../load/scalar-position.ts';
import { keyNodeOf, nodeAtPath, placeOfNode, type YamlSource } from '../load/yaml.ts';
import { RenderCache } from '../markdown/cache.ts';
import type { PolicyTextInput } from '../schema/policy-text.ts';
import type { SdkDirectoryInput } from '../schema/sdks.ts';
import type { SiteConfig } from '../schema/site.ts';
import type { TranslationsLock } from '../schema/translations.ts';
import type { VersionMeta } from '../schema/version.ts';
import { createHash } from 'node:crypto';
import { redline, type ComparableClause, type ComparableText } from '../diff/redline.ts';
import { lintSdks, lintText, type ClauseForLint } from '../lint/index.ts';
import { checkTranslation } from '../translation/check.ts';
import type { ClauseFacts, SectionFacts, TextFacts } from '../translation/facts.ts';
import { sourceFingerprints } from '../translation/fingerprint.ts';
import { documentDescriptions } from './description.ts';
import { checkSdkIds, localizeSdk, resolveSdkRefs } from './sdks.ts';
import type { ClauseModel, DocumentModel, PolicyText, SiteModel, TranslationStatus, VersionModel, VersionStatus } from './types.ts';
import { localizedValue, plainText, resolveVariables } from './values.ts';

/** A validated file together with its parsed YAML, for positions. */
export interface Parsed<T> {
  data: T;
  source: YamlSource;
}

export interface ParsedVersion {
  id: string;
  folder: VFile;
  meta: Parsed<VersionMeta> | undefined;
  sdks: Parsed<SdkDirectoryInput> | undefined;
  /** True when sdks.yaml exists, even if it failed validation (then its own errors are reported). */
  hasSdksFile: boolean;
  translationsLock: Parsed<TranslationsLock> | undefined;
  /** Recorded in versions.lock.yaml: a legal record. Editorial warnings are not given for it (it cannot change). */
  locked: boolean;
  /** Each language file, and its content when it passed validation. */
  texts: Map<string, { file: VFile; parsed: Parsed<PolicyTextInput> | undefined }>;
}

export interface ParsedContent {
  site: Parsed<SiteConfig>;
  documents: { slug: string; versions: ParsedVersion[] }[];
}

export interface BuildOptions {
  /** `publish`: a stale translation is an error. `preview`: a warning. */
  mode: 'publish' | 'preview';
  /** The day the site is built for (YYYY-MM-DD): decides which version is current. */
  buildDate: string;
  /** Include draft versions (always in a preview). */
  drafts: boolean;
}

/** A built version with what the redline needs, which the pages do not. */
interface BuiltVersion {
  model: VersionModel;
  comparable: Map<string, ComparableText>;
}

interface Context {
  locales: string[];
  renderer: RenderCache;
  sourceLocale: string;
  variables: Map<string, Record<string, string>>;
  options: BuildOptions;
}

export function buildSiteModel(content: ParsedContent, options: BuildOptions): SiteModel {
  const { site } = content;
  const codes = Object.keys(site.data.locales);
  const locales = [site.data.sourceLocale, ...codes.filter((code) => code !== site.data.sourceLocale)].filter((code) => codes.includes(code));

  for (const code of locales) {
    if (!hasUiStrings(code)) {
      const node = nodeAtPath(site.source, ['locales']).node;
      fail(site.source.file, `Unexpected language \`${code}\`: the generator has no interface strings for it`, placeOfNode(site.source, keyNodeOf(node, code) ?? node), 'missing-ui-strings');
    }
  }

  const context: Context = {
    locales,
    renderer: new RenderCache(),
    sourceLocale: site.data.sourceLocale,
    variables: new Map(locales.map((locale) => [locale, resolveVariables(site, locale)])),
    options,
  };

  const descriptions = documentDescriptions(site, content.documents.map((document) => document.slug), context.variables);

  return {
    baseUrl: site.data.baseUrl.endsWith('/') ? site.data.baseUrl : `${site.data.baseUrl}/`,
    builtFor: options.buildDate,
    preview: options.mode === 'preview',
    sourceLocale: site.data.sourceLocale,
    governingLocale: site.data.governingLocale ?? site.data.sourceLocale,
    locales: locales.map((code) => {
      const locale = site.data.locales[code]!;
      return { code, name: locale.name, dir: locale.dir, siteName: localizedValue(site, ['name'], site.data.name, code) };
    }),
    documents: content.documents.map((document) => {
      const description = descriptions.get(document.slug);
      return { ...buildDocument(document, context), ...(description ? { description } : {}) };
    }),
  };
}

function buildDocument(document: ParsedContent['documents'][number], context: Context): DocumentModel {
  const built = document.versions
    .map((version) => buildVersion(version, context))
    .filter((version): version is BuiltVersion => version !== undefined && (context.options.drafts || !version.model.draft))
    .sort((a, b) => (a.model.id < b.model.id ? -1 : 1));

  // Each version's redline against the one before it, computed once per language.
  built.forEach((version, index) => {
    const previous = built[index - 1];
    if (!previous) return;
    version.model.changes = {};
    for (const [locale, text] of version.comparable) {
      const before = previous.comparable.get(locale);
      if (before) version.model.changes[locale] = redline(before, text, locale, { from: previous.model.id, to: version.model.id });
    }
    version.model.previous = previous.model.id;
  });

  const versions = built.map((version) => version.model).reverse();
  const current = currentVersion(versions, context.options.buildDate);
  for (const version of versions) version.status = statusOf(version, current, context.options.buildDate);
  return { slug: document.slug, current: current?.id ?? versions.at(-1)?.id ?? '', versions };
}

/** The newest published version already in effect on `date`; versions are newest first. */
function currentVersion(versions: readonly VersionModel[], date: string): VersionModel | undefined {
  return versions.find((version) => !version.draft && version.effective <= date);
}

function statusOf(version: VersionModel, current: VersionModel | undefined, date: string): VersionStatus {
  if (version.draft) return 'draft';
  if (version === current) return 'current';
  if (version.effective > date) return 'upcoming';
  return 'past';
}

function buildVersion(version: ParsedVersion, context: Context): BuiltVersion | undefined {
  const { meta } = version;
  if (meta && meta.data.published !== version.id) {
    fail(meta.source.file, `Unexpected publication date \`${meta.data.published}\` in version folder \`${version.id}\`, expected \`${version.id}\``, placeOfNode(meta.source, nodeAtPath(meta.source, ['published']).node), 'version-date-mismatch');
  }

  for (const [locale, { file }] of version.texts) {
    if (!context.locales.includes(locale)) {
      fail(file, `Unexpected language file \`${locale}.yaml\`: \`${locale}\` is not listed under \`locales\` in site.yaml (listed: ${context.locales.join(', ')})`, { line: 1, column: 1 }, 'unknown-locale');
    }
  }

  const sdkIds = checkSdkIds(version.sdks);
  const texts: Record<string, PolicyText> = {};
  const facts = new Map<string, TextFacts>();
  const comparable = new Map<string, ComparableText>();
  for (const locale of context.locales) {
    if (!version.texts.has(locale)) {
      fail(version.folder, `Missing file \`${locale}.yaml\` in version folder \`${version.id}\`: every language listed in site.yaml needs its text`, { line: 1, column: 1 }, 'missing-translation');
      continue;
    }
    const text = version.texts.get(locale)?.parsed;
    if (!text) continue;
    const built = buildText(text, locale, context.variables.get(locale) ?? {}, version, sdkIds, context.renderer);
    texts[locale] = built.text;
    facts.set(locale, built.facts);
    comparable.set(locale, built.comparable);
  }

  const draft = meta?.data.draft ?? false;
  // A stale translation blocks publishing, not a preview or a draft.
  const translations = checkTranslations(version, facts, context.sourceLocale, context.options.mode === 'publish' && !draft);
  const sourceFacts = facts.get(context.sourceLocale);
  if (version.sdks && sourceFacts && !version.locked) {
    const written = sourceFacts.clauses.map((clause) => clause.sdks).filter(Boolean);
    const shown = new Set(written.includes('all') ? sdkIds : written.flatMap((list) => list.split(',')));
    const { source } = version.sdks;
    lintSdks(source.file, version.sdks.data.sdks.map((sdk, index) => ({ id: sdk.id, place: placeOfNode(source, nodeAtPath(source, ['sdks', index, 'id']).node) })), shown);
  }
  if (!meta) return undefined;
  const summary = meta.data.summary ?? {};
  if (meta.data.material) {
    for (const locale of context.locales) {
      if (summary[locale] === undefined) {
        fail(meta.source.file, `Missing \`${locale}:\` under \`summary\`: a material change needs its summary in every language`, placeOfNode(meta.source, nodeAtPath(meta.source, ['summary']).node), 'missing-translation', `Add a line \`${locale}: …\` under \`summary\`.`);
      }
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
      sha256: Object.fromEntries(Object.entries(texts).map(([locale, text]) => [locale, createHash('sha256').update(JSON.stringify(text)).digest('hex')])),
      translations,
    },
    comparable,
  };
}

function checkTranslations(version: ParsedVersion, facts: Map<string, TextFacts>, sourceLocale: string, staleIsError: boolean): Record<string, TranslationStatus> {
  const source = facts.get(sourceLocale);
  const sourceText = version.texts.get(sourceLocale)?.parsed;
  if (!source || !sourceText) return {};
  const current = sourceFingerprints(sourceText.data, version.sdks?.data, sourceLocale);
  const statuses: Record<string, TranslationStatus> = {};
  for (const [locale, target] of facts) {
    if (locale === sourceLocale) continue;
    statuses[locale] = checkTranslation({
      source,
      target,
      current,
      confirmed: version.translationsLock?.data.translations[locale],
      sdkPlace: (id) => {
        const sdks = version.sdks;
        const index = sdks?.data.sdks.findIndex((sdk) => sdk.id === id) ?? -1;
        if (!sdks || index < 0) return undefined;
        return { file: sdks.source.file, place: placeOfNode(sdks.source, nodeAtPath(sdks.source, ['sdks', index, 'purpose', locale]).node) };
      },
      staleIsError,
    });
  }
  return statuses;
}

function buildText(text: Parsed<PolicyTextInput>, locale: string, variables: Record<string, string>, version: ParsedVersion, sdkIds: Set<string>, renderer: RenderCache): { text: PolicyText; facts: TextFacts; comparable: ComparableText } {
  const { source, data } = text;
  const seen = new Map<string, number>();
  const idPlace = (id: string, path: PropertyKey[]): Place => {
    const place = placeOfNode(source, nodeAtPath(source, path).node);
    const line = 'start' in place ? place.start.line : place.line;
    const first = seen.get(id);
    if (first !== undefined) fail(source.file, `Unexpected duplicate id \`${id}\`, already used on line ${first}; ids must be unique in a document`, place, 'duplicate-id');
    else seen.set(id, line);
    return place;
  };
  const title = (value: string, path: PropertyKey[]) => plainText(source, value, path, variables);
  const sectionFacts: SectionFacts[] = [];
  const clauseFacts: ClauseFacts[] = [];
  const comparableClauses = new Map<string, ComparableClause>();
  const lintClauses: ClauseForLint[] = [];
  const titles: { value: string; place: Place }[] = [];
  const titled = (value: string, path: PropertyKey[]) => {
    titles.push({ value, place: placeOfNode(source, nodeAtPath(source, path).node) });
    return title(value, path);
  };

  const sections = data.sections.map((section, s) => {
    sectionFacts.push({ id: section.id, place: idPlace(section.id, ['sections', s, 'id']) });
    const clauses = section.clauses.map((clause, c): ClauseModel => {
      const path = ['sections', s, 'clauses', c];
      const place = idPlace(clause.id, [...path, 'id']);
      const textNode = nodeAtPath(source, [...path, 'text']).node;
      const rendered = renderer.render(locale, clause.text, { variables, clauseFlag: clause.flag });
      const toFile = markdownPointMapper(source, textNode);
      for (const message of rendered.messages) {
        const point = message.place ? toFile('start' in message.place ? message.place.start : message.place) : placeOfNode(source, textNode);
        fail(source.file, message.reason, point, (message.ruleId ?? 'unsupported-markdown') as never, message.note ?? undefined);
      }
      const sdksWritten = Array.isArray(clause.sdks) ? clause.sdks.join(',') : (clause.sdks ?? '');
      clauseFacts.push({ id: clause.id, sectionId: section.id, flag: clause.flag, inlineFlags: rendered.inlineFlags, sdks: sdksWritten, place });
      const model: ClauseModel = {
        id: clause.id,
        ...(clause.title ? { title: titled(clause.title, [...path, 'title']) } : {}),
        ...(clause.flag ? { flag: clause.flag } : {}),
        html: rendered.html,
        sdks: resolveSdkRefs(source, clause.sdks, [...path, 'sdks'], version, sdkIds),
      };
      lintClauses.push({ id: clause.id, sectionId: section.id, flag: clause.flag, markdown: clause.text, toFile, place, blocks: rendered.blocks, links: rendered.links });
      comparableClauses.set(clause.id, {
        id: clause.id,
        ...(model.title ? { title: model.title } : {}),
        ...(clause.flag ? { flag: clause.flag } : {}),
        inlineFlags: rendered.inlineFlags,
        sdks: sdksWritten,
        blocks: rendered.blocks,
      });
      return model;
    });
    return { id: section.id, ...(section.title ? { title: titled(section.title, ['sections', s, 'title']) } : {}), clauses };
  });

  const sdks = version.sdks;
  if (!version.locked) lintText({ locale, file: source.file, sections: sectionFacts, clauses: lintClauses, titles, variables });
  const policyText: PolicyText = {
    locale,
    title: titled(data.title, ['title']),
    sections,
    sdks: sdks ? sdks.data.sdks.map((sdk, index) => localizeSdk(sdks, index, sdk, locale, variables)) : [],
  };
  return {
    text: policyText,
    facts: { locale, file: source.file, sections: sectionFacts, clauses: clauseFacts },
    comparable: {
      title: policyText.title,
      sections: sections.map((section) => ({ id: section.id, ...(section.title ? { title: section.title } : {}), clauses: section.clauses.map((clause) => comparableClauses.get(clause.id)!) })),
      sdks: policyText.sdks,
    },
  };
}
