/**
 * `npm run translations:status`: how far each language is, per version.
 * `npm run translations:confirm -- <language> [--document <slug>] [--version <YYYY-MM-DD>]`:
 * records that the language's text now matches the current source text,
 * in each version's translations.yaml.
 */
import path from 'node:path';
import { loadSite } from '../load/index.ts';
import { formatReport } from '../messages/report.ts';
import { confirmedRecord, writeRecord } from '../translation/record.ts';
import { buildDateEnvironment, contentOption, folder } from './args.ts';
import { parseSubcommand } from './command.ts';

const parsed = parseSubcommand({
  status: {
    command: 'npm run translations:status --',
    summary: 'Shows, per version and language, how many clauses are translated, stale and missing.',
    options: { content: contentOption },
    environment: buildDateEnvironment,
  },
  confirm: {
    command: 'npm run translations:confirm --',
    summary: "Records that a language's text now matches the current source text, in each version's translations.yaml.",
    positionals: [{ name: '<language>', description: 'the language to confirm, such as zh-CN' }],
    options: {
      content: contentOption,
      document: { type: 'string', value: '<slug>', description: 'only this document' },
      version: { type: 'string', value: '<YYYY-MM-DD>', description: 'only this version' },
    },
    environment: buildDateEnvironment,
  },
});
// Only `confirm` picks a document or version.
const values = parsed.name === 'confirm' ? parsed.values : { document: undefined, version: undefined };
const contentDir = folder(parsed.values.content, 'content');

if (parsed.name === 'status') await status();
else await confirm(parsed.positionals[0]!);

async function status(): Promise<void> {
  const { site, files } = await loadSite(contentDir, { mode: 'preview' });
  const report = formatReport(files);
  if (report) console.error(`${report}\n`);
  if (!site) process.exit(1);
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
  if (details.length) console.log(`\n${details.join('\n')}`);
}

async function confirm(target: string): Promise<void> {
  const { site, files, parsed } = await loadSite(contentDir, { mode: 'preview' });
  const { content } = parsed;
  if (!content || !site) {
    console.error(`${formatReport(files)}\n\nNothing was confirmed: fix the errors above first.`);
    process.exit(1);
  }
  const source = content.site.data.sourceLocale;
  if (target === source) {
    console.error(`\`${target}\` is the source language: only translations are confirmed.`);
    process.exit(2);
  }
  if (!site.locales.some((entry) => entry.code === target)) {
    console.error(`\`${target}\` is not a language of this site (languages: ${site.locales.map((entry) => entry.code).join(', ')}).`);
    process.exit(2);
  }
  let written = 0;
  for (const document of content.documents) {
    if (values.document && document.slug !== values.document) continue;
    for (const version of document.versions) {
      if (values.version && version.id !== values.version) continue;
      if (version.publication) {
        console.log(`skipped ${document.slug} ${version.id}: published versions never change`);
        continue;
      }
      const record = confirmedRecord(version, source, target);
      if (!record) continue;
      const file = await writeRecord(path.join(contentDir, document.slug, version.id), version, target, record);
      console.log(`confirmed ${target} for ${document.slug} ${version.id}: ${Object.keys(record.clauses).length} clauses (${path.relative(process.cwd(), file)})`);
      written++;
    }
  }
  if (written === 0) {
    console.error(`No ${target} text found to confirm${values.document ? ` in ${values.document}` : ''}${values.version ? ` ${values.version}` : ''}.`);
    process.exit(1);
  }
}
