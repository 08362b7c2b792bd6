/**
 * Schema of `content/<document>/<YYYY-MM-DD>/notice.yaml`: the first-launch
 * notice of a version, a few sentences per language that an app shows
 * before the user first uses it (a webview page, and plain text with links in
 * /policies.json for a native dialog). Markdown, with the flags and
 * `{{variables}}` of clause text. Links may name this version's pages:
 * `page:policy` and the three lists `page:collection`, `page:sharing`,
 * `page:permissions`, and `#id` names a section or clause of the policy.
 * Always a record of its own (docs/records.md).
 */
import { z } from 'zod';
import { localeCodeSchema } from './common.ts';

/** Pages of a version that a notice links to by name, as `page:<name>`. */
export const noticePages = ['policy', 'collection', 'sharing', 'permissions'] as const;
export type NoticePage = (typeof noticePages)[number];

export const noticeSchema = z.strictObject({
  $schema: z.string().optional().describe('Path of the JSON Schema that editors use to check this file.'),
  text: z
    .record(localeCodeSchema, z.string().min(1).describe('The notice in Markdown: a few sentences. Link to `page:policy`, `page:collection`, `page:sharing`, `page:permissions`, or `#clause-id` of the policy.'))
    .describe('The notice in each language of the version, keyed by language tag (`en:`, `zh-CN:` …).'),
});

export type NoticeInput = z.output<typeof noticeSchema>;
