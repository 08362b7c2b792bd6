/**
 * `npm run translations:export`: the stale and missing parts of a language,
 * as an XLIFF 2.0 document for a translation agency. Published versions are
 * left out (they never change); so are SDK fields (they live in sdks.yaml,
 * one line per language, and are listed for editing by hand).
 */
import path from 'node:path';
import type { ParsedContent, ParsedVersion } from '../../load/parsed.ts';
import type { SiteConfig } from '../../schema/site.ts';
import { confirmedSources } from '../confirmed-source.ts';
import { partStatuses, type PartStatus } from '../parts.ts';
import { formatSegments, hasChanges, sourceDiff } from '../source-diff.ts';
import { alignTranslation } from './codes.ts';
import type { DocumentOut, FileOut, Note, UnitOut } from './format.ts';
import { fileId, segmentField, translatedValue, unitFields } from './units.ts';

export interface ExportOptions {
  document?: string | undefined;
  version?: string | undefined;
}

export interface ExportResult {
  /** `undefined` when nothing is stale or missing. */
  xliff: DocumentOut | undefined;
  stale: number;
  missing: number;
  units: number;
  /** Lines for the terminal: versions left out, SDKs to edit by hand. */
  notes: string[];
}

/** The values of the site's variables in `locale` (the source language's where one is not given). */
export function variableValues(site: SiteConfig, locale: string): Record<string, string> {
  return Object.fromEntries(
    Object.entries(site.variables).map(([name, value]) => [name, typeof value === 'string' ? value : (value[locale] ?? value[site.sourceLocale] ?? '')]),
  );
}

export async function exportTranslation(content: ParsedContent, locale: string, options: ExportOptions = {}): Promise<ExportResult> {
  const site = content.site.data;
  const sourceLocale = site.sourceLocale;
  const values = variableValues(site, locale);
  const sourceValues = variableValues(site, sourceLocale);
  const then = confirmedSources(sourceLocale);
  const files: FileOut[] = [];
  const notes: string[] = [];
  let stale = 0;
  let missing = 0;
  let units = 0;

  for (const document of content.documents) {
    if (options.document && document.slug !== options.document) continue;
    for (const version of document.versions) {
      if (options.version && version.id !== options.version) continue;
      const label = `${document.slug} ${version.id}`;
      if (version.publication) {
        notes.push(`left out ${label}: published versions never change`);
        continue;
      }
      const parts = partStatuses(version, sourceLocale, locale);
      const source = version.texts.get(sourceLocale)?.parsed?.data;
      if (!parts || !source) continue;
      const open = new Map(parts.filter((part) => part.state !== 'current').map((part) => [part.key, part]));
      for (const part of open.values()) {
        if (part.kind === 'sdk') notes.push(`${label}: SDK \`${part.id}\` is ${part.state}: edit its ${locale} lines in ${path.join(document.slug, version.id, 'sdks.yaml')} by hand`);
        if (part.kind === 'inventory') notes.push(`${label}: inventory entry \`${part.id}\` is ${part.state}: edit its ${locale} values in ${path.join(document.slug, version.id, 'inventory.yaml')} by hand`);
      }
      const target = version.texts.get(locale)?.parsed?.data;
      const fileUnits: UnitOut[] = [];
      const counted = new Set<string>();
      for (const field of unitFields(source)) {
        const part = open.get(field.part);
        if (!part) continue;
        if (!counted.has(part.key)) {
          counted.add(part.key);
          if (part.state === 'stale') stale++;
          else missing++;
        }
        const segmented = segmentField(field, field.value);
        const existing = part.state === 'stale' ? translatedValue(target, field) : undefined;
        const aligned = existing === undefined ? undefined : alignTranslation(segmented, segmentField(field, existing));
        const unitNotes: Note[] = [
          { category: 'fingerprint', text: part.fingerprint },
          { category: 'location', text: location(label, field.sectionId, field.clauseId, field.field, source) },
          { category: 'status', text: statusNote(part, sourceLocale, locale, existing, aligned !== undefined) },
        ];
        const flag = field.clauseId && field.field === 'text' ? source.sections.flatMap((section) => section.clauses).find((clause) => clause.id === field.clauseId)?.flag : undefined;
        if (flag) unitNotes.push({ category: 'flag', text: `The whole clause is flagged \`${flag}\`: it is shown bold and underlined in every language.` });
        const changes = part.state === 'stale' ? await changesNote(version, part, field.field, sourceValues, sourceLocale, then) : undefined;
        if (changes) unitNotes.push({ category: 'changes', text: changes });
        fileUnits.push({ id: field.id, notes: unitNotes, source: segmented, target: aligned, values });
        units++;
      }
      if (fileUnits.length) {
        files.push({
          id: fileId(document.slug, version.id),
          original: `${document.slug}/${version.id}`,
          notes: [{ category: 'document', text: `Document ${document.slug}, version ${version.id}: the ${sourceLocale} text to translate into ${locale}. Keep every tag (flags, variables, links, line structure) exactly once.` }],
          units: fileUnits,
        });
      }
    }
  }
  return { xliff: files.length ? { srcLang: sourceLocale, trgLang: locale, files } : undefined, stale, missing, units, notes };
}

function location(label: string, sectionId: string | undefined, clauseId: string | undefined, field: 'title' | 'text', source: { sections: { id: string; title?: string | undefined }[] }): string {
  if (sectionId === undefined) return `${label}: the document title`;
  const section = source.sections.find((candidate) => candidate.id === sectionId);
  const where = `${label}, section \`${sectionId}\`${section?.title ? ` (${section.title})` : ''}`;
  if (clauseId === undefined) return `${where}: the section title`;
  return `${where}, clause \`${clauseId}\`: its ${field}`;
}

function statusNote(part: PartStatus, sourceLocale: string, locale: string, existing: string | undefined, filled: boolean): string {
  if (part.state === 'missing') return `Missing: there is no ${locale} translation yet.`;
  const why = part.confirmed === undefined ? `no record says which ${sourceLocale} text the ${locale} translation was made from` : `the ${sourceLocale} text changed since the ${locale} translation was confirmed`;
  if (existing === undefined) return `Stale: ${why}.`;
  if (filled) return `Stale: ${why}. The current translation is filled in as a starting point: check it against the source and update it.`;
  return `Stale: ${why}. The current translation is not filled in, because its tags differ from the source's; it reads: ${existing.trim()}`;
}

async function changesNote(version: ParsedVersion, part: PartStatus, field: 'title' | 'text', values: Record<string, string>, sourceLocale: string, then: ReturnType<typeof confirmedSources>): Promise<string | undefined> {
  const found = await then(version, part);
  if (!found) return undefined;
  const before = field === 'title' ? { title: found.source.title } : { text: found.source.text };
  const after = field === 'title' ? { title: part.source.title } : { text: part.source.text };
  const diff = sourceDiff(before, after, values, sourceLocale);
  if (!hasChanges(diff)) return undefined;
  const lines = [...(diff.title ? [formatSegments(diff.title, { color: false })] : []), ...diff.blocks.filter((block) => block.some((segment) => segment.type !== 'same')).map((block) => formatSegments(block, { color: false }))];
  return `Changes in the ${sourceLocale} text since the last confirmed translation ([-removed-] {+added+}): ${lines.join(' / ')}`;
}

