/**
 * Step: a version's first-launch notice (notice.yaml) → its model in each
 * language the version is built in. The notice is a record of its own
 * (docs/records.md): its canonical record goes to the records sink, and a
 * published notice must keep the hash in the lock. A notice added to a
 * published version is an annex: built once published, or in a preview.
 *
 * Checks: every language of the version has its text (a published notice:
 * every language it was published in); every link leads to a page that
 * exists (`page:<name>`, `#id` of a section or clause of the policy).
 * Renders through the Markdown pipeline of clause text, with its flags,
 * variables and link rules.
 */
import { toString } from 'mdast-util-to-string';
import type { ParsedVersion } from '../load/parsed.ts';
import { markdownPointMapper } from '../load/scalar-position.ts';
import { keyNodeOf, nodeAtPath, placeOfNode } from '../load/yaml.ts';
import type { PageLinks, WrittenLink } from '../markdown/remark-content-rules.ts';
import { renderMarkdown } from '../markdown/processor.ts';
import { replaceVariables } from '../markdown/variables.ts';
import { fail, warn, type Place } from '../messages/message.ts';
import { recordKey } from '../records/canonical.ts';
import { noticeRecord, noticeRecordHash, serializeNoticeRecord } from '../records/notice-record.ts';
import { noticeTargetUrl } from '../routing.ts';
import { noticePages, type NoticePage } from '../schema/notice.ts';
import type { TextRun } from '../markdown/remark-text-runs.ts';
import type { SiteContext } from './context.ts';
import type { NoticeLink, NoticeModel, NoticeTarget } from './types.ts';
import { valuesFor } from './values.ts';

export interface NoticeStepInput {
  version: ParsedVersion;
  document: string;
  /** The languages this build shows the version in. */
  locales: readonly string[];
  /** The ids of the sections and clauses of the policy in a language: what `#id` may name. */
  ids: (locale: string) => ReadonlySet<string>;
  /** Whether the version has the three lists (`collection`, `sharing`, `permissions`) in a language. */
  hasLists: (locale: string) => boolean;
  context: SiteContext;
}

const pageLink = /^page:([a-z][a-z0-9-]*)$/;

/** The notice per language, or `undefined` when the version has none in this build. */
export function buildNotice(input: NoticeStepInput): Record<string, NoticeModel> | undefined {
  const { version, document, context } = input;
  const notice = version.notice;
  if (!notice) return undefined;
  const { source, data } = notice;
  const file = source.file;
  const key = `${document}/${version.id}`;
  const publication = version.publication;
  const published = publication?.annexes['notice'];
  if (publication && !published) {
    warn(file, `Unpublished notice of published version \`${key}\`: ${context.options.drafts ? 'shown in this preview only' : 'left out of this build'}`, { line: 1, column: 1 }, 'unpublished-annex');
    if (!context.options.drafts) return undefined;
  }

  for (const locale of Object.keys(data.text)) {
    if (context.locales.includes(locale)) continue;
    fail(file, `Unexpected language \`${locale}\` in notice.yaml: it is not listed under \`locales\` in site.yaml (listed: ${context.locales.join(', ')})`, placeOfNode(source, keyNodeOf(nodeAtPath(source, ['text']).node, locale)), 'unknown-locale');
  }
  // A published notice exists in the languages it was published in; a new one in every language of the version.
  const required = published ? input.locales.filter((locale) => published[locale] !== undefined) : input.locales;
  for (const locale of required) {
    if (data.text[locale] !== undefined) continue;
    fail(file, `Missing \`${locale}:\` under \`text\` in notice.yaml: the notice needs its text in every language of version \`${key}\``, placeOfNode(source, nodeAtPath(source, ['text']).node), 'missing-translation', `Add \`${locale}: |\` under \`text\`, with the notice in that language.`);
  }

  const models: Record<string, NoticeModel> = {};
  for (const locale of input.locales) {
    const markdown = data.text[locale];
    if (markdown === undefined) continue;
    const values = valuesFor(version, locale, context.siteValues);
    const node = nodeAtPath(source, ['text', locale]).node;
    const toFile = markdownPointMapper(source, node);
    const at = (place: Place | undefined) => (place ? toFile('start' in place ? place.start : place) : placeOfNode(source, node));
    const target = (page: NoticePage, id?: string) => noticeTargetUrl({ page, ...(id ? { id } : {}) }, 'webview', locale, document, version.id);
    const pageLinks: PageLinks = {
      page: (name) => {
        if (!(noticePages as readonly string[]).includes(name)) return { problem: `expected one of ${noticePages.map((page) => `\`page:${page}\``).join(', ')}` };
        const page = name as NoticePage;
        if (page !== 'policy' && !input.hasLists(locale)) return { problem: `version \`${key}\` has no ${page} page in \`${locale}\` (the three lists come from its data inventory)` };
        return { href: target(page) };
      },
      anchor: (id) => target('policy', id),
    };
    const rendered = renderMarkdown(markdown, { variables: values, pageLinks });
    for (const message of rendered.messages) fail(file, message.reason, at(message.place), (message.ruleId ?? 'unsupported-markdown') as never, message.note ?? undefined);
    const ids = input.ids(locale);
    for (const link of rendered.links) {
      if (!ids.has(link.id)) fail(file, `Unexpected link \`#${link.id}\`: the policy of \`${key}\` has no section or clause \`${link.id}\` in \`${locale}\``, at(link.position), 'notice-link');
    }

    const record = noticeRecord(document, version.id, locale, replaceVariables(markdown, values).value);
    context.options.records?.set(recordKey(document, version.id, locale, 'notice'), serializeNoticeRecord(record));
    const sha256 = noticeRecordHash(record);
    if (published?.[locale] !== undefined && published[locale] !== sha256) {
      fail(file, `Unexpected change to the published notice of \`${key}\` in \`${locale}\`: its canonical record no longer has the hash recorded in the lock`, { line: 1, column: 1 }, 'record-changed', `Compare \`npm run record -- ${document} ${version.id} ${locale} --annex notice\` with the published notice; undo what changed it (its frozen variables, or the generator).`);
    }
    models[locale] = { html: rendered.html, text: plainText(rendered.blocks), links: rendered.writtenLinks.map(noticeLink), sha256 };
  }
  return Object.keys(models).length > 0 ? models : undefined;
}

/** Paragraphs (and list items, table cells) as plain text, separated by blank lines. */
function plainText(blocks: readonly TextRun[][]): string {
  return blocks.map((runs) => runs.map((run) => run.text).join('').replace(/\s+/g, ' ').trim()).filter(Boolean).join('\n\n');
}

function noticeLink(link: WrittenLink): NoticeLink {
  return { label: toString(link.node).replace(/\s+/g, ' ').trim(), target: noticeTarget(link) };
}

function noticeTarget(link: WrittenLink): NoticeTarget {
  const name = pageLink.exec(link.written)?.[1];
  if (name !== undefined) return { page: name as NoticePage };
  if (link.written.startsWith('#')) return { page: 'policy', id: link.written.slice(1) };
  // The address after variables were filled in (`mailto:{{contactEmail}}`).
  const holder = link.definition ?? (link.node.type === 'link' ? link.node : undefined);
  return { href: holder?.url ?? '#' };
}
