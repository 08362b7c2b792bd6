/**
 * The canonical record of a first-launch notice (notice.yaml) in one
 * language: the annex's own record, whose sha256 the lock keeps and
 * /policies.json gives as `notice.sha256`. Like a version's record
 * (canonical.ts) it holds the words and nothing of the page: the Markdown
 * as written, `{{variables}}` filled, links as written (`page:policy`,
 * `#contact`), so that the site's addresses can change without touching it.
 *
 * The form, `legal-site-notice/1`, is JSON with the keys in the order below,
 * indented by two spaces, ending with one line feed, in UTF-8.
 */
import { canonicalText, sha256 } from './canonical.ts';

export const noticeRecordFormat = 'legal-site-notice/1';

export interface NoticeRecord {
  format: typeof noticeRecordFormat;
  document: string;
  version: string;
  locale: string;
  /** The Markdown, variables filled, in its canonical form (canonicalText). */
  text: string;
}

export function noticeRecord(document: string, version: string, locale: string, markdown: string): NoticeRecord {
  return { format: noticeRecordFormat, document, version, locale, text: canonicalText(markdown) };
}

/** The record's bytes, as hashed, its keys in a fixed order. */
export function serializeNoticeRecord(record: NoticeRecord): string {
  const { format, document, version, locale, text } = record;
  return `${JSON.stringify({ format, document, version, locale, text }, null, 2)}\n`;
}

export function noticeRecordHash(record: NoticeRecord): string {
  return sha256(serializeNoticeRecord(record));
}
