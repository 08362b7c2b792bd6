/**
 * What an XLIFF unit stands for. One `<file>` per document and version
 * (id `<document>.<YYYY-MM-DD>`); in it, one unit per translatable field:
 *
 * | unit id          | field                    |
 * |------------------|--------------------------|
 * | `document.title` | the document's `title`   |
 * | `section.<id>`   | a section's `title`      |
 * | `<id>`           | a clause's `text`        |
 * | `<id>.title`     | a clause's `title`       |
 *
 * Ids of sections and clauses are kebab-case without dots, so these never
 * collide (a clause may be called `document` or `title`).
 */
import type { PolicyTextInput } from '../../schema/policy-text.ts';
import { partKey } from '../parts.ts';
import { segmentMarkdown, segmentPlain, type Segmented } from './codes.ts';

export interface UnitField {
  id: string;
  /** The part the field belongs to (as status and confirm name it): `title`, `section:<id>`, or the clause id. */
  part: string;
  field: 'title' | 'text';
  sectionId: string | undefined;
  clauseId: string | undefined;
}

export function fileId(document: string, version: string): string {
  return `${document}.${version}`;
}

/** `<document>.<YYYY-MM-DD>` → its parts. */
export function parseFileId(id: string): { document: string; version: string } | undefined {
  const match = /^([a-z0-9]+(?:-[a-z0-9]+)*)\.(\d{4}-\d{2}-\d{2})$/.exec(id);
  return match ? { document: match[1]!, version: match[2]! } : undefined;
}

/** Every translatable field of a source text, in reading order. */
export function unitFields(text: PolicyTextInput): (UnitField & { value: string })[] {
  const fields: (UnitField & { value: string })[] = [{ id: 'document.title', part: partKey('title', 'title'), field: 'title', sectionId: undefined, clauseId: undefined, value: text.title }];
  for (const section of text.sections) {
    if (section.title !== undefined) fields.push({ id: `section.${section.id}`, part: partKey('section', section.id), field: 'title', sectionId: section.id, clauseId: undefined, value: section.title });
    for (const clause of section.clauses) {
      if (clause.title !== undefined) fields.push({ id: `${clause.id}.title`, part: clause.id, field: 'title', sectionId: section.id, clauseId: clause.id, value: clause.title });
      fields.push({ id: clause.id, part: clause.id, field: 'text', sectionId: section.id, clauseId: clause.id, value: clause.text });
    }
  }
  return fields;
}

/** The field's value as content with codes: Markdown for clause text, plain text with variables for titles. */
export function segmentField(field: Pick<UnitField, 'field'>, value: string): Segmented {
  return field.field === 'text' ? segmentMarkdown(value) : segmentPlain(value);
}

/** The same field in a translation, when it has it. */
export function translatedValue(text: PolicyTextInput | undefined, field: UnitField): string | undefined {
  if (!text) return undefined;
  if (field.sectionId === undefined) return text.title;
  const section = text.sections.find((candidate) => candidate.id === field.sectionId);
  if (field.clauseId === undefined) return section?.title;
  const clause = text.sections.flatMap((candidate) => candidate.clauses).find((candidate) => candidate.id === field.clauseId);
  return field.field === 'title' ? clause?.title : clause?.text;
}
