/**
 * `npm run translations:import`: a returned XLIFF file, checked and turned
 * into new language files and translation records.
 *
 * The whole file is refused (nothing is written) when anything in it does
 * not fit: another source or target language than the site's, a document or
 * version this content does not have, a published version, a unit whose
 * source text changed since the export (its fingerprint, or its source as
 * the export wrote it, differs from the current source), or a translation
 * that lost, repeated or changed a protected code. Every problem is a
 * message at its line and column in the XLIFF file.
 *
 * A unit is imported when its segments are translated (state `translated`,
 * `reviewed` or `final`; an exported translation left at `initial` was not
 * touched by the translator). A clause is imported, and confirmed, only when
 * all its units (title and text) are. Its Markdown is rebuilt from the
 * translated words and the source's codes (codes.ts).
 */
import path from 'node:path';
import type { VFile } from 'vfile';
import type { Parsed, ParsedContent, ParsedVersion } from '../../load/parsed.ts';
import { fail } from '../../messages/message.ts';
import type { PolicyTextInput } from '../../schema/policy-text.ts';
import { partStatuses, sourceTexts, type PartStatus } from '../parts.ts';
import { recordConfirming, recordsFile, translationsFileName } from '../record.ts';
import { applyEdits, type TextEdits } from '../write-text.ts';
import { checkCodes, comparable, rebuild } from './codes.ts';
import { readXliff, type UnitIn } from './format.ts';
import { parseFileId, segmentField, unitFields, type UnitField } from './units.ts';

export interface ImportPlan {
  locale: string;
  /** Absolute path → new text, for every file to write. */
  writes: Map<string, string>;
  /** One line per version imported, and one per unit left out. */
  report: string[];
  /** How many parts were imported and confirmed. */
  imported: number;
}

/** Checks the XLIFF file `xlf` against `content` and works out what to write; `undefined` (with messages on `xlf`) when it is refused. */
export function planImport(xlf: VFile, content: ParsedContent, readText: (file: string) => string | undefined): ImportPlan | undefined {
  const document = readXliff(xlf);
  if (!document) return undefined;
  const site = content.site.data;
  const sourceLocale = site.sourceLocale;
  const languages = Object.keys(site.locales);
  if (document.srcLang !== sourceLocale) {
    fail(xlf, `Unexpected source language \`${document.srcLang || 'none'}\` (\`srcLang\`), expected \`${sourceLocale}\`, the source language of this site`, document.place, 'xliff-unknown');
  }
  const locale = document.trgLang ?? '';
  if (!languages.includes(locale) || locale === sourceLocale) {
    const others = languages.filter((code) => code !== sourceLocale);
    fail(xlf, `Unexpected target language \`${locale || 'none'}\` (\`trgLang\`), expected one of this site's translations: ${others.map((code) => `\`${code}\``).join(', ') || 'none'} (content/site.yaml)`, document.place, 'xliff-unknown', 'Import a file made for a language listed under `locales:` in content/site.yaml, or add the language there first (docs/translation.md).');
  }
  if (xlf.messages.some((message) => message.fatal)) return undefined;

  const writes = new Map<string, string>();
  const report: string[] = [];
  let imported = 0;
  const seen = new Set<string>();
  const plans: (() => void)[] = [];
  for (const file of document.files) {
    const ids = parseFileId(file.id);
    const version = ids && content.documents.find((candidate) => candidate.slug === ids.document)?.versions.find((candidate) => candidate.id === ids.version);
    if (!ids || !version) {
      fail(xlf, `Unexpected file \`${file.id}\`: ${ids ? `this content has no version ${ids.version} of document \`${ids.document}\`` : 'expected an id `<document>.<YYYY-MM-DD>` as the export writes it'}`, file.place, 'xliff-unknown');
      continue;
    }
    const label = `${ids.document} ${ids.version}`;
    if (seen.has(label)) {
      fail(xlf, `Unexpected second \`<file>\` for ${label}, expected one per document and version`, file.place, 'xliff-format');
      continue;
    }
    seen.add(label);
    if (version.publication) {
      fail(xlf, `Unexpected translation for ${label}: this version is published, and a published version never changes`, file.place, 'xliff-published');
      continue;
    }
    const source = version.texts.get(sourceLocale)?.parsed;
    const parts = partStatuses(version, sourceLocale, locale);
    if (!source || !parts) {
      fail(xlf, `Unexpected file for ${label}: its ${sourceLocale} text cannot be read (run \`npm run check\`)`, file.place, 'xliff-unknown');
      continue;
    }
    const fields = new Map(unitFields(source.data).map((field) => [field.id, field]));
    const byKey = new Map(parts.map((part) => [part.key, part]));
    const translated = new Map<string, string>();
    const untranslated = new Set<string>();
    const unitIds = new Set<string>();
    for (const unit of file.units) {
      const field = fields.get(unit.id);
      if (!field) {
        fail(xlf, `Unexpected unit \`${unit.id}\` in ${label}: the ${sourceLocale} text has no such title or clause`, unit.place, 'xliff-unknown', 'The clause may have been renamed or removed since the export: export again with `npm run translations:export -- <language>`.');
        continue;
      }
      if (unitIds.has(unit.id)) {
        fail(xlf, `Unexpected second unit \`${unit.id}\` in ${label}, expected each once`, unit.place, 'xliff-format');
        continue;
      }
      unitIds.add(unit.id);
      const part = byKey.get(field.part)!;
      const value = checkUnit(xlf, unit, field, part, label, sourceLocale, locale);
      if (value === undefined) untranslated.add(field.part);
      else if (value !== null) translated.set(field.id, value);
    }
    plans.push(() => {
      const result = planVersion(version, source, parts, fields, translated, untranslated, locale, label, readText);
      for (const [file, text] of result.writes) writes.set(file, text);
      report.push(...result.report);
      imported += result.imported;
    });
  }
  if (xlf.messages.some((message) => message.fatal)) return undefined;
  for (const plan of plans) plan();
  return { locale, writes, report, imported };
}

/** The unit's translated value; `undefined` when it is not translated; `null` when it is refused (a message says why). */
function checkUnit(xlf: VFile, unit: UnitIn, field: UnitField & { value: string }, part: PartStatus, label: string, sourceLocale: string, locale: string): string | null | undefined {
  const what = `${describeField(field)} (${label})`;
  const exported = unit.notes.find((note) => note.category === 'fingerprint')?.text.trim();
  const segmented = segmentField(field, field.value);
  if (exported !== undefined && exported !== part.fingerprint) {
    fail(xlf, `Unexpected source for unit \`${unit.id}\`: the ${sourceLocale} text of ${what} changed since this file was exported (fingerprint ${exported}, now ${part.fingerprint})`, unit.place, 'xliff-source-changed');
    return null;
  }
  if (comparable(unit.source) !== comparable(segmented.content)) {
    fail(xlf, `Unexpected source for unit \`${unit.id}\`: it no longer matches the ${sourceLocale} text of ${what}`, unit.sourcePlace ?? unit.place, 'xliff-source-changed');
    return null;
  }
  if (unit.target === undefined || comparable(unit.target) === '' || unit.state === 'initial') return undefined;
  const problems = checkCodes(segmented, unit.target);
  for (const problem of problems) fail(xlf, `${problem.reason}: unit \`${unit.id}\`, the ${locale} translation of ${what}`, unit.targetPlace ?? unit.place, 'xliff-codes');
  return problems.length ? null : rebuild(segmented, unit.target);
}

function describeField(field: UnitField): string {
  if (field.sectionId === undefined) return 'the document title';
  if (field.clauseId === undefined) return `the title of section \`${field.sectionId}\``;
  return field.field === 'title' ? `the title of clause \`${field.clauseId}\`` : `clause \`${field.clauseId}\``;
}

function planVersion(
  version: ParsedVersion,
  source: Parsed<PolicyTextInput>,
  parts: PartStatus[],
  fields: Map<string, UnitField & { value: string }>,
  translated: Map<string, string>,
  untranslated: Set<string>,
  locale: string,
  label: string,
  readText: (file: string) => string | undefined,
): { writes: Map<string, string>; report: string[]; imported: number } {
  const report: string[] = [];
  const edits: TextEdits = { sections: new Map(), clauses: new Map() };
  const done: PartStatus[] = [];
  const fieldsOf = (key: string) => [...fields.values()].filter((field) => field.part === key);
  for (const part of parts) {
    const partFields = fieldsOf(part.key);
    const values = partFields.map((field) => translated.get(field.id));
    if (values.every((value) => value === undefined)) {
      if (untranslated.has(part.key)) report.push(`  left out ${part.kind === 'clause' ? `clause \`${part.id}\`` : part.key}: not translated (no target, or its state is still \`initial\`)`);
      continue;
    }
    if (values.some((value) => value === undefined)) {
      const missing = partFields.filter((field) => translated.get(field.id) === undefined).map((field) => field.id);
      report.push(`  left out clause \`${part.id}\`: ${missing.map((id) => `unit \`${id}\``).join(' and ')} not translated, and a clause is imported whole`);
      continue;
    }
    for (const field of partFields) {
      const value = translated.get(field.id)!;
      if (field.sectionId === undefined) edits.title = value;
      else if (field.clauseId === undefined) edits.sections.set(field.sectionId, value);
      else edits.clauses.set(field.clauseId, { ...edits.clauses.get(field.clauseId), [field.field]: value });
    }
    done.push(part);
  }
  const writes = new Map<string, string>();
  if (!done.length) return { writes, report: [`${label}: nothing to import`, ...report], imported: 0 };
  const textFile = path.join(version.dir, `${locale}.yaml`);
  const existing = readText(textFile);
  writes.set(textFile, applyEdits(existing, { data: source.data, document: source.source.document }, edits));
  // A section without a title has nothing to translate: it is confirmed with the clauses imported into it.
  const sectionsTouched = new Set(done.flatMap((part) => (part.sectionId ? [part.sectionId] : part.kind === 'section' ? [part.id] : [])));
  const untitled = parts.filter((part) => part.kind === 'section' && part.source.title === undefined && sectionsTouched.has(part.id) && part.state !== 'current');
  const record = recordConfirming(version, locale, [...done, ...untitled]);
  writes.set(path.join(version.dir, translationsFileName), recordsFile(version.translationsLock?.data, { [locale]: record }, sourceTexts(source.data)));
  const clauses = done.filter((part) => part.kind === 'clause').length;
  const titles = done.length - clauses;
  report.unshift(`imported ${locale} for ${label}: ${clauses} clause${clauses === 1 ? '' : 's'}${titles ? `, ${titles} title${titles === 1 ? '' : 's'}` : ''}, confirmed (${path.basename(textFile)}${existing === undefined ? ', new' : ''}, ${translationsFileName})`);
  return { writes, report, imported: done.length };
}
