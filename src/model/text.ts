/**
 * One language's text of a version → its page model, and what the later
 * steps need of it: the structure the translation checks compare, the words
 * the redline compares, the input of the editorial checks and the canonical
 * record whose hash is published. Renders each clause through the Markdown
 * processor (cached) and carries its messages back to their YAML positions.
 */
import type { VFile } from 'vfile';
import type { ComparableClause, ComparableText } from '../diff/redline.ts';
import type { ClauseForLint, TextForLint } from '../lint/index.ts';
import type { Parsed, ParsedVersion } from '../load/parsed.ts';
import { markdownPointMapper, type PointMapper } from '../load/scalar-position.ts';
import { keyNodeOf, nodeAtPath, placeAt, placeOfNode } from '../load/yaml.ts';
import type { RenderCache } from '../markdown/cache.ts';
import { replaceVariables } from '../markdown/variables.ts';
import { fail, related, type Place } from '../messages/message.ts';
import { canonicalText, recordFormat, type CanonicalRecord, type RecordClause } from '../records/canonical.ts';
import type { PolicyTextInput } from '../schema/policy-text.ts';
import type { ClauseFacts, SectionFacts, TextFacts } from '../translation/facts.ts';
import { localizeSdk, resolveSdkRefs } from './sdks.ts';
import type { ClauseModel, PolicyText } from './types.ts';
import { plainText } from './values.ts';

/** The clauses of one language file may come to this many characters of HTML. */
const maxPageLength = 16 * 1024 * 1024;

export interface TextInput {
  text: Parsed<PolicyTextInput>;
  locale: string;
  /** The variable values this text is filled with. */
  values: Record<string, string>;
  version: ParsedVersion;
  document: string;
  dates: { published: string; effective: string };
  sdkIds: Set<string>;
  /** The version has an inventory.yaml (which clauses may place lists from). */
  hasInventory: boolean;
  renderer: RenderCache;
  /** Where `doc:<document>#<id>` links lead in this language. */
  documentHref: (document: string, id: string | undefined) => string;
  /** Receives each `doc:` link with its place, for the check once every document is built (not given for a published version, which cannot change). */
  documentLinks?: PendingDocumentLink[] | undefined;
}

/** A link to another document, to check once the site's documents are known (src/model/build.ts). */
export interface PendingDocumentLink {
  file: VFile;
  place: Place;
  locale: string;
  clause: string;
  document: string;
  id: string | undefined;
}

export interface BuiltText {
  text: PolicyText;
  facts: TextFacts;
  comparable: ComparableText;
  lint: TextForLint;
  record: CanonicalRecord;
}

export function buildText(input: TextInput): BuiltText {
  const { text, locale, values, version } = input;
  const { source, data } = text;
  const seen = new Map<string, Place>();
  const idPlace = (id: string, path: PropertyKey[]): Place => {
    const place = placeAt(source, path);
    const first = seen.get(id);
    if (first !== undefined) {
      fail(source.file, `Unexpected duplicate id \`${id}\`: ids must be unique in a document`, place, 'duplicate-id', { cause: related(source.file, first, `\`${id}\` first used here`) });
    } else seen.set(id, place);
    return place;
  };
  const sectionFacts: SectionFacts[] = [];
  const clauseFacts: ClauseFacts[] = [];
  const comparableClauses = new Map<string, ComparableClause>();
  const lintClauses: ClauseForLint[] = [];
  const titles: { value: string; place: Place }[] = [];
  const titled = (value: string, path: PropertyKey[]) => {
    titles.push({ value, place: placeAt(source, path) });
    return plainText(source, value, path, values);
  };
  const recordSections: CanonicalRecord['sections'] = [];
  // Each clause's text is bounded; so is their sum, so that a page stays a string a browser can hold.
  let pageLength = 0;

  const sections = data.sections.map((section, s) => {
    sectionFacts.push({ id: section.id, place: idPlace(section.id, ['sections', s, 'id']) });
    const recordClauses: RecordClause[] = [];
    const clauses = section.clauses.map((clause, c): ClauseModel => {
      const path = ['sections', s, 'clauses', c];
      const place = idPlace(clause.id, [...path, 'id']);
      const textPath = [...path, 'text'];
      const rendered = input.renderer.render(locale, clause.text, { variables: values, clauseFlag: clause.flag, documentHref: input.documentHref });
      // Made on first use, as the places: only a message or a link needs it.
      let mapper: PointMapper | undefined;
      const toFile: PointMapper = (point) => (mapper ??= markdownPointMapper(source, nodeAtPath(source, textPath).node))(point);
      for (const link of rendered.documentLinks) {
        input.documentLinks?.push({ file: source.file, place: link.position ? toFile(link.position.start) : place, locale, clause: clause.id, document: link.document, id: link.id });
      }
      if (pageLength <= maxPageLength && (pageLength += rendered.html.length) > maxPageLength) {
        fail(source.file, `Unexpected length: with this clause, the clauses of this file come to more than ${maxPageLength.toLocaleString('en')} characters once variables are filled in, expected less`, placeAt(source, textPath), 'text-too-long');
      }
      for (const message of rendered.messages) {
        const point = message.place ? toFile('start' in message.place ? message.place.start : message.place) : placeAt(source, textPath);
        fail(source.file, message.reason, point, (message.ruleId ?? 'unsupported-markdown') as never, message.note ?? undefined);
      }
      const sdksWritten = Array.isArray(clause.sdks) ? clause.sdks.join(',') : (clause.sdks ?? '');
      const listsWritten = (clause.lists ?? []).join(',');
      clauseFacts.push({ id: clause.id, sectionId: section.id, flag: clause.flag, inlineFlags: rendered.inlineFlags, sdks: sdksWritten, lists: listsWritten, place });
      if (clause.lists && !input.hasInventory) {
        fail(source.file, 'Unexpected `lists:` in a clause: this version has no inventory.yaml', placeOfNode(source, nodeAtPath(source, [...path, 'lists']).node), 'file-missing', 'Create inventory.yaml in the version folder (see docs/inventory.md), or remove `lists:` from the clause.');
      }
      const model: ClauseModel = {
        id: clause.id,
        ...(clause.title ? { title: titled(clause.title, [...path, 'title']) } : {}),
        ...(clause.flag ? { flag: clause.flag } : {}),
        html: rendered.html,
        sdks: resolveSdkRefs(source, clause.sdks, [...path, 'sdks'], version, input.sdkIds),
        lists: clause.lists ?? [],
      };
      lintClauses.push({ id: clause.id, sectionId: section.id, flag: clause.flag, markdown: clause.text, toFile, place, blocks: rendered.blocks, links: rendered.links });
      comparableClauses.set(clause.id, {
        id: clause.id,
        ...(model.title ? { title: model.title } : {}),
        ...(clause.flag ? { flag: clause.flag } : {}),
        inlineFlags: rendered.inlineFlags,
        sdks: sdksWritten,
        lists: listsWritten,
        blocks: rendered.blocks,
      });
      recordClauses.push({
        id: clause.id,
        ...(model.title !== undefined ? { title: model.title } : {}),
        ...(clause.flag ? { flag: clause.flag } : {}),
        text: canonicalText(replaceVariables(clause.text, values).value),
        ...(clause.sdks !== undefined ? { sdks: model.sdks } : {}),
        ...(clause.lists !== undefined ? { lists: clause.lists } : {}),
      });
      return model;
    });
    const title = section.title ? titled(section.title, ['sections', s, 'title']) : undefined;
    recordSections.push({ id: section.id, ...(title !== undefined ? { title } : {}), clauses: recordClauses });
    return { id: section.id, ...(title !== undefined ? { title } : {}), clauses };
  });

  for (const id of Object.keys(data.sdkTexts ?? {})) {
    if (!input.sdkIds.has(id)) fail(source.file, `Unknown SDK \`${id}\` under \`sdkTexts\`, expected one of ${[...input.sdkIds].map((known) => `\`${known}\``).join(', ') || 'the SDKs of sdks.yaml'}`, placeOfNode(source, keyNodeOf(nodeAtPath(source, ['sdkTexts']).node, id)), 'unknown-sdk');
  }
  const sdks = version.sdks;
  const policyText: PolicyText = {
    locale,
    title: titled(data.title, ['title']),
    sections,
    sdks: sdks ? sdks.data.sdks.map((sdk, index) => localizeSdk(sdks, index, sdk, locale, values, { parsed: text })) : [],
  };
  return {
    text: policyText,
    facts: { locale, file: source.file, sections: sectionFacts, clauses: clauseFacts },
    comparable: {
      title: policyText.title,
      sections: sections.map((section) => ({ id: section.id, ...(section.title ? { title: section.title } : {}), clauses: section.clauses.map((clause) => comparableClauses.get(clause.id)!) })),
      sdks: policyText.sdks,
    },
    lint: { locale, file: source.file, sections: sectionFacts, clauses: lintClauses, titles, variables: values },
    record: {
      format: recordFormat,
      document: input.document,
      version: version.id,
      locale,
      published: input.dates.published,
      effective: input.dates.effective,
      title: policyText.title,
      sections: recordSections,
      sdks: policyText.sdks.map(({ id, name, provider, purpose, personalInformation, privacyPolicy }) => ({ id, name, provider, purpose, personalInformation, privacyPolicy })),
    },
  };
}
