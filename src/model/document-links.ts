/**
 * Step: links from one document to another, `[terms](doc:terms#liability)`,
 * written without the site's address so that any copy of the site links
 * within itself. Once every document of the build is known, each link must
 * lead to a document of the site that has the id in the link's language (in
 * its current version, where the link leads): a warning otherwise, as for a
 * `#id` link within a document.
 */
import { warn } from '../messages/message.ts';
import { closest } from '../messages/suggest.ts';
import { currentOf } from '../routing.ts';
import type { PendingDocumentLink } from './text.ts';
import type { DocumentModel } from './types.ts';

export function checkDocumentLinks(links: readonly PendingDocumentLink[], documents: readonly DocumentModel[]): void {
  const bySlug = new Map(documents.map((document) => [document.slug, document]));
  for (const link of links) {
    const target = bySlug.get(link.document);
    if (!target) {
      const suggestion = closest(link.document, [...bySlug.keys()]);
      warn(link.file, `Unexpected link to document \`${link.document}\` in clause \`${link.clause}\`: no document of this build has this folder name${suggestion ? `. Did you mean \`doc:${suggestion}\`?` : ''}`, link.place, 'broken-reference', 'Link to the folder name of a document of the site, such as `[terms](doc:terms-of-use#liability)`; a document with drafts only is built only with `--drafts`.');
      continue;
    }
    if (link.id === undefined) continue;
    const text = currentOf(target).texts[link.locale];
    const ids = new Set(text?.sections.flatMap((section) => [section.id, ...section.clauses.map((clause) => clause.id)]) ?? []);
    if (!ids.has(link.id)) {
      warn(link.file, `Unexpected link to \`doc:${link.document}#${link.id}\` in clause \`${link.clause}\`: the current version of \`${link.document}\` in \`${link.locale}\` has no section or clause \`${link.id}\``, link.place, 'broken-reference');
    }
  }
}
