/**
 * `npm run new-document -- <document> <YYYY-MM-DD>`: starts a document. It
 * writes its first version as a draft: version.yaml, and a text file per
 * language of the site with a title and one clause to replace. The other
 * languages start as a copy of the source language, marked to translate; as
 * a draft the document never blocks building the rest of the site.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { stringify } from 'yaml';
import { parseContent } from '../load/index.ts';
import { formatReport } from '../messages/report.ts';
import { siteContext } from '../model/context.ts';
import { documentFolderPattern } from '../load/read.ts';
import { shownPath } from './lock.ts';

export interface Outcome {
  ok: boolean;
  text: string;
}

export async function newDocument(contentDir: string, slug: string, date: string): Promise<Outcome> {
  if (!documentFolderPattern.test(slug) || slug === 'ui') {
    return { ok: false, text: `Unexpected document name \`${slug}\`, expected lowercase words joined by hyphens, such as \`terms-of-use\` (it becomes part of the page address; \`ui\` is taken).` };
  }
  const { content, files, tree } = await parseContent(contentDir, 'preview');
  if (!content) return { ok: false, text: `${formatReport(files)}\n\nNothing was written: fix site.yaml first.` };
  if (tree.documents.some((document) => document.slug === slug)) {
    return { ok: false, text: `${shownPath(contentDir, slug)} already exists. To start its next version: npm run new-version -- ${slug} ${date}` };
  }
  const { locales, sourceLocale } = siteContext(content.site, { mode: 'preview', buildDate: date, drafts: true });
  const dir = path.join(contentDir, slug, date);
  await mkdir(dir, { recursive: true });
  const title = slug.split('-').map((word) => word[0]!.toUpperCase() + word.slice(1)).join(' ');
  const schema = (name: string) => `# yaml-language-server: $schema=${path.relative(dir, path.join(contentDir, '..', 'schemas', `${name}.schema.json`)).split(path.sep).join('/')}`;
  await writeFile(path.join(dir, 'version.yaml'), `${schema('version')}\n${stringify({ published: date, effective: date, draft: true })}`);
  for (const locale of locales) {
    const note = locale === sourceLocale ? '# Replace the title and the clause with the document’s text; add sections and clauses.' : `# Translate from ${sourceLocale}.yaml: same sections and clause ids, in the same order.`;
    const text = { title, sections: [{ id: 'introduction', clauses: [{ id: 'first-clause', text: 'Write the first clause of the document here.\n' }] }] };
    await writeFile(path.join(dir, `${locale}.yaml`), `${schema('policy-text')}\n${note}\n${stringify(text)}`);
  }
  return {
    ok: true,
    text: [
      `Started ${slug} with a draft version ${date} in ${shownPath(contentDir, slug, date)}/ (${locales.map((locale) => `${locale}.yaml`).join(', ')}, version.yaml).`,
      `Write its text, preview it with \`npm run dev\` (drafts show there, never in a build without --drafts),`,
      `then publish it with \`npm run publish-version -- ${slug} ${date}\`.`,
    ].join('\n'),
  };
}
