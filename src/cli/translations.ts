/**
 * The translation commands (docs/translation.md):
 *
 * - `npm run translations:status [-- --diff <language>]`: how far each language
 *   is; with `--diff`, what changed in the source of each stale part, word by word;
 * - `npm run translations:confirm -- <language> [<clause-id>…] [--all]`: records
 *   that the named parts (or all) of a translation match the current source text;
 *   with neither, lists what is stale and changes nothing;
 * - `npm run translations:export -- <language> [--out <file>]`: the stale and
 *   missing parts as XLIFF 2.0, for a translation agency;
 * - `npm run translations:import -- <file>`: a returned XLIFF file into the
 *   language files, confirmed.
 */
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import { loadSite, type LoadResult } from '../load/index.ts';
import type { ParsedContent, ParsedVersion } from '../load/parsed.ts';
import { renderMarkdown } from '../markdown/processor.ts';
import { replaceVariables } from '../markdown/variables.ts';
import { formatReport } from '../messages/report.ts';
import { writeFileAtomic, writeOutputFile } from '../output/file.ts';
import { OutputError } from '../output/index.ts';
import { confirmedSources } from '../translation/confirmed-source.ts';
import { partStatuses, sourceTexts, type PartStatus } from '../translation/parts.ts';
import { confirmedRecord, recordConfirming, writeRecords } from '../translation/record.ts';
import { formatSegments, sourceDiff, useColor } from '../translation/source-diff.ts';
import { exportTranslation, variableValues } from '../translation/xliff/export.ts';
import { writeXliff, xliffOwner } from '../translation/xliff/format.ts';
import { planImport } from '../translation/xliff/import.ts';
import { buildDateEnvironment, contentOption, folder } from './args.ts';
import { parseSubcommand, usage, usageError, type CommandSpec } from './command.ts';

const only = {
  document: { type: 'string', value: '<slug>', description: 'only this document' },
  version: { type: 'string', value: '<YYYY-MM-DD>', description: 'only this version' },
} as const;
const language = { name: '<language>', description: 'the translation, such as zh-CN' } as const;

const specs = {
  status: {
    command: 'npm run translations:status --',
    summary: 'Shows, per version and language, how many clauses are translated, stale and missing. With --diff, shows for each stale part of one language what changed in the source text since its translation was confirmed, word by word.',
    options: { content: contentOption, diff: { type: 'string', value: '<language>', description: 'show the source changes behind each stale part of this language' } },
    environment: buildDateEnvironment,
  },
  confirm: {
    command: 'npm run translations:confirm --',
    summary: "Records in translations.yaml that the named clauses of a language (or all of them, with --all) now match the current source text. With neither, lists what is stale and changes nothing.",
    positionals: [language, { name: '<clause-id>', description: 'a clause to confirm, as status lists it (also `title`, `section:<id>`, `sdk:<id>`)', optional: true, variadic: true }],
    options: { content: contentOption, all: { type: 'boolean', description: 'confirm every part of the language' }, ...only },
    environment: buildDateEnvironment,
  },
  export: {
    command: 'npm run translations:export --',
    summary: 'Writes the stale and missing clauses of a language as an XLIFF 2.0 file for a translation agency (published versions are left out).',
    positionals: [language],
    options: {
      content: contentOption,
      out: { type: 'string', value: '<file>', description: 'the XLIFF file to write (default: <language>.xlf): a new file, or one this command wrote and nobody changed since' },
      ...only,
    },
    environment: buildDateEnvironment,
  },
  import: {
    command: 'npm run translations:import --',
    summary: "Writes the translations of a returned XLIFF file into the language's files and confirms them. Refuses the whole file when a source text changed since the export, or a translation lost a protected code.",
    positionals: [{ name: '<file>', description: 'the XLIFF file the agency returned' }],
    options: { content: contentOption },
    environment: buildDateEnvironment,
  },
} as const satisfies Record<string, CommandSpec>;

const parsed = parseSubcommand(specs);
const contentDir = folder(parsed.values.content, 'content');

/** Loads the content; any error stops the command with the report and `nothing` (what was not done). */
async function loadChecked(nothing: string): Promise<{ content: ParsedContent; loaded: LoadResult }> {
  const loaded = await loadSite(contentDir, { mode: 'preview' });
  const { content } = loaded.parsed;
  if (!content || !loaded.site) {
    console.error(`${formatReport(loaded.files)}\n\n${nothing}: fix the errors above first.`);
    process.exit(1);
  }
  return { content, loaded };
}

/**
 * What a translation round fixes: a language without its text yet, a
 * translation lacking a clause, or flagged differently since the source changed. Such errors do not stop status --diff,
 * export or import (import may not add any); every other error does.
 */
const roundRules = new Set(['missing-translation', 'translation-missing', 'translation-extra', 'translation-structure', 'translation-flags', 'translation-stale']);

function isBlocking(message: VFileMessage): boolean {
  return message.fatal === true && !roundRules.has(message.ruleId ?? '');
}

/** Loads the content for a translation round; errors other than translations' own stop the command with the report. */
async function loadForRound(nothing: string): Promise<{ content: ParsedContent; loaded: LoadResult }> {
  const loaded = await loadSite(contentDir, { mode: 'preview' });
  const { content } = loaded.parsed;
  if (!content || loaded.files.some((file) => file.messages.some(isBlocking))) {
    console.error(`${formatReport(loaded.files)}\n\n${nothing}: fix the errors above first.`);
    process.exit(1);
  }
  const errors = loaded.files.flatMap((file) => file.messages).filter((message) => message.fatal === true).length;
  if (errors) console.error(`note: ${errors} translation error${errors === 1 ? '' : 's'} in the content (npm run check lists them): missing text, or flags the source gained since; translating the stale and missing clauses fixes them.\n`);
  return { content, loaded };
}

/** A translation of this site, or a one-line mistake with the command's usage. */
function checkLanguage(content: ParsedContent, code: string, spec: CommandSpec): void {
  const { sourceLocale, locales } = content.site.data;
  const others = Object.keys(locales).filter((each) => each !== sourceLocale);
  if (code === sourceLocale) usageError(`Unexpected language \`${code}\`: it is the source language, expected a translation (${others.join(', ') || 'none'}).`, usage(spec));
  if (!others.includes(code)) usageError(`Unexpected language \`${code}\`, expected a translation listed in site.yaml: ${others.join(', ') || 'none'}.`, usage(spec));
}

/** The versions a command acts on, with the parts of `code`; published versions are left out (and named, for a command that writes). */
function selectVersions(content: ParsedContent, code: string, filter: { document?: string | undefined; version?: string | undefined }, reading = false): { label: string; version: ParsedVersion; parts: PartStatus[] }[] {
  const selected: { label: string; version: ParsedVersion; parts: PartStatus[] }[] = [];
  for (const document of content.documents) {
    if (filter.document && document.slug !== filter.document) continue;
    for (const version of document.versions) {
      if (filter.version && version.id !== filter.version) continue;
      const label = `${document.slug} ${version.id}`;
      if (version.publication) {
        if (!reading) console.log(`left out ${label}: published versions never change`);
        continue;
      }
      const parts = partStatuses(version, content.site.data.sourceLocale, code);
      if (parts && (reading || version.texts.get(code))) selected.push({ label, version, parts });
    }
  }
  return selected;
}

function open(parts: readonly PartStatus[], state: 'stale' | 'missing'): string[] {
  return parts.filter((part) => part.state === state).map((part) => part.key);
}

async function status(): Promise<void> {
  const { site: checked, unchecked, files } = await loadSite(contentDir, { mode: 'preview' });
  const report = formatReport(files);
  if (report) console.error(`${report}\n`);
  // With errors, the table still shows how far each language is, and the command fails.
  const site = checked ?? unchecked;
  if (!site) process.exit(1);
  if (!checked) process.exitCode = 1;
  const rows = [['document', 'version', 'language', 'translated', 'stale', 'missing']];
  const details: string[] = [];
  for (const document of site.documents) {
    for (const version of document.versions) {
      for (const [code, state] of Object.entries(version.translations)) {
        rows.push([document.slug, version.id, code, String(state.translated), String(state.stale.length), String(state.missing.length)]);
        if (state.stale.length) details.push(`${document.slug} ${version.id} ${code} stale: ${state.stale.join(', ')}`);
        if (state.missing.length) details.push(`${document.slug} ${version.id} ${code} missing: ${state.missing.join(', ')}`);
      }
    }
  }
  if (rows.length === 1) {
    console.log(`No translations: only ${site.sourceLocale} is configured.`);
    return;
  }
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  console.log(rows.map((row) => row.map((cell, column) => cell.padEnd(widths[column]!)).join('  ').trimEnd()).join('\n'));
  if (details.length) console.log(`\n${details.join('\n')}${stale(details) ? `\n\nWhat changed in the source: npm run translations:status -- --diff <language>` : ''}`);
}

function stale(details: readonly string[]): boolean {
  return details.some((line) => / stale: /.test(line));
}

async function statusDiff(code: string): Promise<void> {
  const { content } = await loadForRound('No differences shown');
  checkLanguage(content, code, specs.status);
  const sourceLocale = content.site.data.sourceLocale;
  const values = variableValues(content.site.data, sourceLocale);
  const then = confirmedSources(sourceLocale);
  const style = { color: useColor() };
  const out: string[] = [];
  for (const { label, version, parts } of selectVersions(content, code, {}, true)) {
    if (!version.texts.get(code)) {
      out.push(`${label} ${code}: no ${code} text yet (npm run translations:export -- ${code} writes all of it for translators)`, '');
      continue;
    }
    const staleParts = parts.filter((part) => part.state === 'stale');
    const missing = open(parts, 'missing');
    if (!staleParts.length && !missing.length) continue;
    out.push(`${label} ${code}: ${staleParts.length} stale, ${missing.length} missing${missing.length ? ` (${missing.join(', ')}: not translated yet)` : ''}`);
    for (const part of staleParts) {
      out.push('', `  ${describePart(part)}`);
      if (part.kind === 'sdk') {
        out.push(`    its ${sourceLocale} fields in sdks.yaml changed (purpose, personal information, name or provider); compare them there.`);
        continue;
      }
      if (part.kind === 'inventory') {
        out.push(`    its ${sourceLocale} values in inventory.yaml changed; compare them there.`);
        continue;
      }
      const found = await then(version, part);
      if (!found) {
        out.push(part.confirmed === undefined
          ? `    never confirmed: no record says which ${sourceLocale} text the ${code} text was translated from. The ${sourceLocale} text now:`
          : `    the ${sourceLocale} text it was confirmed against is unknown (fingerprint ${part.confirmed}: recorded before translations.yaml kept source texts, and not found in git history). The ${sourceLocale} text now:`);
        out.push(...currentText(part, values).map((line) => `    ${line}`));
        continue;
      }
      out.push(`    ${sourceLocale} then (${found.from}) → now:`);
      const diff = sourceDiff(found.source, part.source, values, sourceLocale);
      if (diff.title && diff.title.some((segment) => segment.type !== 'same')) out.push(`    title: ${formatSegments(diff.title, style)}`);
      for (const block of diff.blocks) out.push(`    ${formatSegments(block, style)}`);
    }
    out.push('');
  }
  console.log(out.length ? out.join('\n').trimEnd() : `Nothing stale or missing in ${code}.`);
}

function describePart(part: PartStatus): string {
  switch (part.kind) {
    case 'title':
      return 'the document title';
    case 'section':
      return `the title of section \`${part.id}\``;
    case 'sdk':
      return `SDK \`${part.id}\``;
    case 'inventory':
      return `inventory entry \`${part.id}\``;
    default:
      return `clause \`${part.id}\` (section \`${part.sectionId}\`)`;
  }
}

function currentText(part: PartStatus, values: Record<string, string>): string[] {
  const lines: string[] = [];
  if (part.source.title !== undefined) lines.push(`title: ${replaceVariables(part.source.title, values).value}`);
  if (part.source.text !== undefined) {
    for (const block of renderMarkdown(part.source.text, { variables: values }).blocks) lines.push(formatSegments(block.map((run) => ({ type: 'same' as const, text: run.text, ...(run.flag ? { flag: run.flag } : {}) })), { color: false }));
  }
  return lines;
}

async function confirm(code: string, keys: string[], options: { all: boolean; document?: string | undefined; version?: string | undefined }): Promise<void> {
  if (options.all && keys.length) usageError(`Unexpected clause ids with \`--all\`, expected either the clauses to confirm or \`--all\`.`, usage(specs.confirm));
  const { content } = await loadChecked('Nothing was confirmed');
  checkLanguage(content, code, specs.confirm);
  const selected = selectVersions(content, code, options);
  const where = `${options.document ? ` in ${options.document}` : ''}${options.version ? ` (version ${options.version})` : ''}`;
  if (!selected.length) {
    const published = content.documents.some((document) => (!options.document || document.slug === options.document) && document.versions.some((version) => (!options.version || version.id === options.version) && version.publication));
    console.error(published
      ? `Nothing was confirmed${where}: published versions never change (their translations.yaml is part of the published record); confirm translations in a draft version.`
      : `No ${code} text found to confirm${where}.`);
    process.exit(1);
  }

  if (!options.all && !keys.length) {
    let any = false;
    for (const { label, parts } of selected) {
      const staleKeys = open(parts, 'stale');
      const missing = open(parts, 'missing');
      if (staleKeys.length) console.log(`${label} ${code} stale: ${staleKeys.join(', ')}`);
      if (missing.length) console.log(`${label} ${code} missing: ${missing.join(', ')}`);
      any ||= staleKeys.length > 0;
    }
    console.log(any
      ? `\nNothing was confirmed. Name the clauses whose translation you checked (npm run translations:confirm -- ${code} <clause-id>…), or confirm all with --all.\nWhat changed in each: npm run translations:status -- --diff ${code}`
      : `\nNothing stale in ${code}${where}: nothing to confirm.`);
    return;
  }

  const known = new Set(selected.flatMap(({ parts }) => parts.map((part) => part.key)));
  const unknown = keys.filter((key) => !known.has(key));
  if (unknown.length) {
    const staleNow = [...new Set(selected.flatMap(({ parts }) => open(parts, 'stale')))];
    usageError(`Unexpected clause \`${unknown[0]}\`: the ${code} text${where} has no such part, expected one of those stale now: ${staleNow.join(', ') || 'none'}.`, usage(specs.confirm));
  }
  let written = 0;
  for (const { label, version, parts } of selected) {
    const texts = sourceTexts(version.texts.get(content.site.data.sourceLocale)!.parsed!.data);
    if (options.all) {
      const record = confirmedRecord(version, content.site.data.sourceLocale, code);
      if (!record) continue;
      const file = await writeRecords(version.dir, version, { [code]: record }, texts);
      console.log(`confirmed ${code} for ${label}: ${Object.keys(record.clauses).length} clauses (${path.relative(process.cwd(), file)})`);
      written++;
      continue;
    }
    const named = parts.filter((part) => keys.includes(part.key));
    for (const part of named.filter((each) => each.state === 'missing')) console.log(`${label}: \`${part.key}\` is missing from the ${code} text; translate it first, nothing to confirm.`);
    for (const part of named.filter((each) => each.state === 'current')) console.log(`${label}: \`${part.key}\` was already confirmed.`);
    const toConfirm = named.filter((part) => part.state === 'stale');
    if (!toConfirm.length) continue;
    const file = await writeRecords(version.dir, version, { [code]: recordConfirming(version, code, toConfirm) }, texts);
    const left = parts.filter((part) => part.state === 'stale' && !toConfirm.includes(part)).map((part) => part.key);
    console.log(`confirmed ${code} for ${label}: ${toConfirm.map((part) => part.key).join(', ')} (${path.relative(process.cwd(), file)})${left.length ? `; still stale: ${left.join(', ')}` : ''}`);
    written++;
  }
  if (written === 0 && options.all) {
    console.error(`No ${code} text found to confirm${where}.`);
    process.exit(1);
  }
}

async function exportCommand(code: string, options: { out?: string | undefined; document?: string | undefined; version?: string | undefined }): Promise<void> {
  const { content } = await loadForRound('Nothing was exported');
  checkLanguage(content, code, specs.export);
  const result = await exportTranslation(content, code, options);
  for (const note of result.notes) console.log(note);
  if (!result.xliff) {
    console.log(`Nothing to translate: no ${code} clause is stale or missing${options.document ? ` in ${options.document}` : ''}${options.version ? ` ${options.version}` : ''}. No file was written.`);
    return;
  }
  const out = options.out ?? `${code}.xlf`;
  try {
    const file = await writeOutputFile(out, writeXliff(result.xliff), {
      what: 'the XLIFF file',
      command: 'npm run translations:export',
      contentDir,
      owner: xliffOwner,
      changedAdvice: `If it holds translations, import it first (npm run translations:import -- ${out}); then move it elsewhere, or choose another file with --out.`,
    });
    const files = result.xliff.files.length;
    console.log(`wrote ${path.relative(process.cwd(), file) || file}: ${result.stale} stale and ${result.missing} missing part${result.stale + result.missing === 1 ? '' : 's'} of ${code} in ${files} document version${files === 1 ? '' : 's'} (${result.units} units). Send it to the translators; import what they return with npm run translations:import -- <file>.`);
  } catch (error) {
    if (!(error instanceof OutputError)) throw error;
    console.error(error.message);
    process.exit(error.exitCode);
  }
}

async function importCommand(file: string): Promise<void> {
  const absolute = path.resolve(file);
  const text = await readFile(absolute, 'utf8').catch((error: NodeJS.ErrnoException) => {
    usageError(`Unexpected <file> \`${file}\`: ${error.code === 'ENOENT' ? 'there is no such file' : error.code === 'EISDIR' ? 'it is a folder' : error.message}, expected the XLIFF file the agency returned.`, usage(specs.import));
  });
  if (Buffer.byteLength(text) > 50 * 1024 * 1024) usageError(`Unexpected <file> \`${file}\`: it is larger than 50 MB, expected an XLIFF file of this site's text.`, usage(specs.import));
  const { content, loaded } = await loadForRound('Nothing was imported');
  const xlf = new VFile({ path: absolute, value: text });
  const plan = planImport(xlf, content, (each) => {
    try {
      return readFileSync(each, 'utf8');
    } catch {
      return undefined;
    }
  });
  if (!plan) {
    console.error(`${formatReport([xlf])}\n\nNothing was imported.`);
    process.exit(1);
  }
  if (plan.writes.size === 0) {
    console.log(`${plan.report.join('\n')}\n\nNothing was imported: no unit of ${path.basename(file)} is translated yet.`);
    return;
  }
  const problems = await checkAfterImport(plan.writes, loaded);
  if (problems) {
    console.error(`${problems}\n\nNothing was imported: the translation would bring these errors into the content.`);
    process.exit(1);
  }
  for (const [target, value] of plan.writes) await writeFileAtomic(target, value);
  console.log(plan.report.join('\n'));
}

/**
 * Loads a copy of the content with `writes` applied: the report of the errors
 * it would bring (those it did not have before), or `undefined` when none.
 */
async function checkAfterImport(writes: ReadonlyMap<string, string>, before: LoadResult): Promise<string | undefined> {
  const scratch = await mkdtemp(path.join(tmpdir(), 'legal-site-import-'));
  const copy = path.join(scratch, 'content');
  // Positions move when a file is edited: an error is the same when its file, rule and words are.
  const key = (file: string | undefined, message: VFileMessage) => `${path.relative(contentDir, file ?? '')}\u0000${message.ruleId}\u0000${message.reason}`;
  const known = new Set(before.files.flatMap((file) => file.messages.filter((message) => message.fatal === true).map((message) => key(file.path, message))));
  try {
    await cp(contentDir, copy, { recursive: true, verbatimSymlinks: true });
    for (const [target, value] of writes) await writeFileAtomic(path.join(copy, path.relative(contentDir, target)), value);
    const result = await loadSite(copy, { mode: 'preview' });
    let added = 0;
    for (const file of result.files) {
      if (file.path) file.path = path.join(contentDir, path.relative(copy, file.path));
      file.messages = file.messages.filter((message) => message.fatal === true && !known.has(key(file.path, message)));
      added += file.messages.length;
    }
    return added ? formatReport(result.files) : undefined;
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

switch (parsed.name) {
  case 'status':
    if (parsed.values.diff === undefined) await status();
    else await statusDiff(parsed.values.diff);
    break;
  case 'confirm':
    await confirm(parsed.positionals[0]!, parsed.positionals.slice(1), parsed.values);
    break;
  case 'export':
    await exportCommand(parsed.positionals[0]!, parsed.values);
    break;
  case 'import':
    await importCommand(parsed.positionals[0]!);
    break;
}
